"""The `zantara` command as a user runs it: models list/add, local streaming, clean one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def zantara(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        input=stdin,
        env=os.environ.copy(),
        timeout=300,
        check=False,
    )


def test_help_lists_subcommands() -> None:
    out = zantara("--help")
    assert out.returncode == 0
    for name in ("models", "local", "knowledge", "ask", "key"):
        assert name in out.stdout


def test_models_list_json_shows_bundled_default() -> None:
    out = zantara("models", "list", "--json")
    assert out.returncode == 0, out.stderr
    models = json.loads(out.stdout)
    default = next(m for m in models if m["default"])
    assert default["bundled"] and default["selected"]
    assert default["metadata"]["architecture"] == "llama"
    assert default["metadata"]["quantization"] == "Q4_1"


def test_local_streams_an_answer() -> None:
    out = zantara("local", "Say hello in Indonesian", "--max-tokens", "30", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["text"].strip() and data["stats"]["tokens"] > 3


def test_adding_a_text_file_gives_one_line_error(tmp_path: Path) -> None:
    fake = tmp_path / "notes.gguf"
    fake.write_text("not a model")
    out = zantara("models", "add", str(fake))
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    assert out.stderr.count("\n") == 1 and "notes.gguf is not a GGUF model file" in out.stderr


def test_selected_model_deleted_gives_one_line_error_and_models_list_still_works(tmp_path: Path) -> None:
    model = tmp_path / "gone.gguf"
    model.write_bytes(b"GGUF" + b"\x00" * 64)
    (Path(os.environ["ZANTARA_HOME"]) / "data").mkdir(parents=True, exist_ok=True)
    (Path(os.environ["ZANTARA_HOME"]) / "data" / "models.json").write_text(
        json.dumps({"models": [{"name": "gone", "path": str(model)}]})
    )
    model.unlink()
    out = zantara("local", "hi", "--model", "gone")
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert "gone.gguf no longer exists" in out.stderr
    assert zantara("models", "list", "--json").returncode == 0
