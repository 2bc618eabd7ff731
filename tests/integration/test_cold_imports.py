"""Cold start (issue 15): a new `zantara knowledge query` or `ask --offline` process imports only what it uses.

``python -X importtime`` lists every module the command's process imports (on stderr). Neither command may
load Qt or Chroma's HTTP client (no server is configured); `knowledge query` leaves wordfreq and lingua to
its forked language helper (desktop/core/knowledge/language_ahead.py) and loads no GGUF runtime (llama_cpp)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from support.knowledge import curated_store, curated_store_dir  # noqa: F401  (pytest fixtures)

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("curated_store")]

NEVER = {"PySide6", "shiboken6", "chromadb.api.fastapi"}


def imported_by(zantara_home: Path, *args: str) -> tuple[set[str], dict[str, object]]:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "desktop", *args, "--json"],
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "ZANTARA_HOME": str(zantara_home),
            "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
            "ZANTARA_LANGUAGE_HELPER": "",
        },
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    names = {
        line.rsplit("|", 1)[-1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert "desktop.cli.main" in names  # the listing works
    return names, json.loads(done.stdout)


@pytest.mark.parametrize("text", ["jam karet", "aku malu bertanya tentang visa"])
def test_knowledge_query_leaves_language_detection_to_its_helper(zantara_home: Path, text: str) -> None:
    # The day's first command makes the daily backup, which loads numpy (and its BLAS threads) first: that
    # process detects in-process, since it no longer has a single thread to fork from.
    imported_by(zantara_home, "knowledge", "query", text)
    names, data = imported_by(zantara_home, "knowledge", "query", text)
    assert data["language"] == "id" and data["needs_context"] is True
    assert names & (NEVER | {"llama_cpp", "wordfreq", "lingua"}) == set()
    others = {f"desktop.cli.{m}" for m in ("ask_cmd", "models_cmd", "local_cmd", "rate_cmd", "doctor_cmd")}
    assert names & others == set()  # the other commands' modules (desktop/cli/main.py: COMMAND_MODULES)


def test_ask_offline_loads_neither_qt_nor_chromas_http_client(zantara_home: Path) -> None:
    names, data = imported_by(zantara_home, "ask", "--offline", "aku malu bertanya tentang visa")
    assert data["mode"] == "offline"
    assert names & NEVER == set()
