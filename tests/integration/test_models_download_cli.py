"""`zantara models catalog` and `zantara models download` against the hub stand-in (HF_ENDPOINT)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from support.hub_server import HubStandIn, make_gguf

from desktop.cli.main import cli
from desktop.core import paths
from desktop.core.models.catalog import find, load_catalog, suggest_for_ram
from desktop.core.models.registry import ModelRegistry
from desktop.core.settings import Settings

CATALOG_NAME = "llama-3.2-1b-instruct"


@pytest.fixture
def hub(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[HubStandIn]:
    item = find(CATALOG_NAME)
    data = make_gguf(tmp_path / "made.gguf", 200_000)
    with HubStandIn(
        {item.repo_id: {item.file: data}, "someone/Other-GGUF": {"other-q4.gguf": data}}
    ) as server:
        monkeypatch.setenv("HF_ENDPOINT", server.url)
        yield server


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["models", *args])
    return result.exit_code, result.stdout, result.stderr


def test_catalog_lists_languages_roles_and_sizes() -> None:
    code, out, _ = run("catalog", "--json")
    assert code == 0
    items = json.loads(out)
    assert {m["name"] for m in items} >= {CATALOG_NAME, "qwen2.5-7b-instruct", "sea-lion-v3.5-8b"}
    for m in items:
        assert m["size_bytes"] > 0 and m["ram_gb"] > 0 and m["license"] and not m["installed"]
        assert set(m["languages"]) <= {"id", "it", "en"} and m["languages"]
        assert set(m["roles"]) <= {"offline_answers", "live_notes", "insights"} and m["roles"]
    assert "sha256" not in items[0]


def test_suggestion_fits_half_the_ram_and_speaks_all_three_languages() -> None:
    catalog = load_catalog()
    assert suggest_for_ram(2 * 10**9, catalog) is None
    small = suggest_for_ram(8 * 10**9, catalog)
    assert small is not None and small.ram_gb <= 4 and {"id", "it", "en"} <= set(small.languages)
    big = suggest_for_ram(16 * 10**9, catalog)
    assert big is not None and big.ram_gb > small.ram_gb


@pytest.mark.slow
def test_download_catalog_name_registers_and_selects(hub: HubStandIn) -> None:
    code, out, err = run("download", CATALOG_NAME, "--use", "--json")
    assert code == 0, err
    entry = json.loads(out)
    assert entry["name"] == CATALOG_NAME and entry["selected"]
    assert Path(entry["path"]).parent == paths.user_models_dir()
    assert ModelRegistry().resolve(CATALOG_NAME).status == "ok"
    assert Settings.load().local_model == CATALOG_NAME
    code, out, _ = run("catalog", "--json")
    assert next(m for m in json.loads(out) if m["name"] == CATALOG_NAME)["installed"]


@pytest.mark.slow
def test_download_any_hub_file_and_clear_errors(hub: HubStandIn) -> None:
    code, out, err = run("download", "someone/Other-GGUF", "other-q4.gguf")
    assert code == 0, err
    assert "other-q4" in out and ModelRegistry().get("other-q4").path.exists()
    code, _, err = run("download", "someone/Other-GGUF", "missing.gguf")
    assert code == 1 and "has no file missing.gguf" in err
    code, _, err = run("download", "no-such-model")
    assert code == 1 and "Catalog names:" in err


@pytest.mark.slow
def test_ctrl_c_stops_the_cli_download_and_the_same_command_resumes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chunk = 10 * 1024 * 1024  # huggingface_hub writes in chunks of this size
    data = make_gguf(tmp_path / "big.gguf", chunk + 300_000)
    with HubStandIn({"someone/Big-GGUF": {"big-q4.gguf": data}}) as hub:
        env = {**os.environ, "HF_ENDPOINT": hub.url, "PYTHONPATH": os.pathsep.join(sys.path)}
        command = [sys.executable, "-m", "desktop", "models", "download", "someone/Big-GGUF", "big-q4.gguf"]
        hub.stall_after(chunk + 1000)
        proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        partial: list[Path] = []
        deadline = time.monotonic() + 120
        while not (partial and partial[0].stat().st_size >= chunk) and time.monotonic() < deadline:
            partial = list(paths.user_models_dir().glob("*.incomplete"))
            time.sleep(0.05)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
        hub.release()
        assert proc.returncode == 130, err
        assert "stopped; run the same command to resume" in err
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=False)
        assert done.returncode == 0, done.stderr
        assert hub.ranges()[-1] == f"bytes={chunk}-"
        assert (paths.user_models_dir() / "big-q4.gguf").read_bytes() == data


@pytest.mark.slow
def test_use_sets_one_roles_model_and_clears_it(hub: HubStandIn) -> None:
    assert run("download", CATALOG_NAME)[0] == 0
    code, out, err = run("use", CATALOG_NAME, "--role", "insights")
    assert "Model for insights" in out
    assert code == 0, err
    settings = Settings.load()
    assert settings.model_insights == CATALOG_NAME and settings.local_model == ""
    assert settings.model_for_role("insights") == CATALOG_NAME and settings.model_for_role("live_notes") == ""
    assert run("use", "", "--role", "insights")[0] == 0
    assert Settings.load().model_insights == ""
