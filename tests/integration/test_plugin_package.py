"""Strategies from other packages: an entry-point strategy, pip-installed into a temp folder put on the path,
answers through `zantara ask --strategy brief`; its sibling module that raises on import is listed by
`zantara status` and every other strategy keeps answering."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.knowledge import curated_store, curated_store_dir  # noqa: F401
from support.messages_api import MessagesAPIStandIn

from desktop.core.knowledge.store import KnowledgeStore
from desktop.core.settings import Settings

pytestmark = pytest.mark.slow

PACKAGE = Path(__file__).resolve().parents[1] / "data" / "plugin-package"
WORKTREE = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The plugin package, built and installed with pip into a folder of its own (the shared venv is untouched)."""
    target = tmp_path_factory.mktemp("site")
    build = tmp_path_factory.mktemp("build") / "pkg"
    subprocess.run(
        ["cp", "-r", str(PACKAGE), str(build)], check=True
    )  # pip builds in place: keep tests/ clean
    pip = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation"]
    subprocess.run([*pip, "--target", str(target), str(build)], check=True, timeout=300)
    assert list(target.glob("zantara_brief-*.dist-info"))
    return target


@pytest.fixture
def standin() -> Iterator[MessagesAPIStandIn]:
    with MessagesAPIStandIn() as api:
        yield api


@pytest.fixture
def env(curated_store: KnowledgeStore, site: Path, standin: MessagesAPIStandIn) -> dict[str, str]:  # noqa: F811
    Settings(breaker_probe_initial_s=600, breaker_probe_max_s=1200).save()
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(WORKTREE), str(site)]),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
        "ANTHROPIC_BASE_URL": standin.base_url,
        "ANTHROPIC_API_KEY": standin.api_key,
    }


def zantara(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )


def test_an_installed_strategy_answers_and_a_broken_one_is_reported(
    env: dict[str, str], standin: MessagesAPIStandIn
) -> None:
    out = zantara("ask", "How long does a KITAS take?", "--strategy", "brief", "--json", env=env)
    assert out.returncode == 0, out.stderr
    answer = json.loads(out.stdout)
    assert (answer["strategy"], answer["mode"], answer["answer"]) == ("brief", "claude", standin.reply)
    assert "three sentences at most" in standin.message_requests()[-1].system_text

    status = zantara("status", "--json", env=env)
    assert status.returncode == 0, status.stderr
    data = json.loads(status.stdout)
    assert "brief" in data["strategies"] and "broken" not in data["strategies"]
    assert "not installed" in data["plugin_problems"]["strategy broken"]
    human = zantara("status", env=env)
    assert "Unavailable strategy broken: ImportError" in human.stdout

    refused = zantara("ask", "halo", "--strategy", "broken", env=env)
    assert refused.returncode != 0 and "broken" in refused.stderr and "not installed" in refused.stderr

    for strategy in ("rag", "combo"):  # the broken plugin takes nothing else down
        other = zantara("ask", "How long does a KITAS take?", "--strategy", strategy, "--json", env=env)
        assert other.returncode == 0, other.stderr
        assert json.loads(other.stdout)["answer"] == standin.reply


def test_settings_accept_an_installed_strategy(env: dict[str, str]) -> None:
    out = zantara("settings", "set", "strategy", "brief", env=env)
    assert out.returncode == 0, out.stderr
    from desktop.core import paths

    assert json.loads(paths.settings_path().read_text())["strategy"] == "brief"
    here = Settings.load()  # this process has no such package: the default, and a message why
    assert here.strategy == "combo" and "'strategy' = \"brief\"" in here.problems[0]
    plain = {**env, "PYTHONPATH": str(WORKTREE)}  # the package gone: the name is refused with the choices
    refused = zantara("settings", "set", "strategy", "brief", env=plain)
    assert refused.returncode != 0 and "one of combo" in refused.stderr
