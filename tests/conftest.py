"""Shared fixtures. Every test gets its own ZANTARA_HOME, so nothing touches the developer's real data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The tests must never reach the real Anthropic API, whatever the developer's shell exports.
os.environ.pop("ANTHROPIC_API_KEY", None)
os.environ.pop("ANTHROPIC_BASE_URL", None)
os.environ.pop("ZANTARA_CHROMA_URL", None)

REPO = Path(__file__).resolve().parents[1]

#: Fixtures that load the local model, start a server or build the embedded curated store: a test using one
#: is ``slow`` whether or not its module says so, so `make check` (``-m "not slow and not gui"``) leaves it out.
SLOW_FIXTURES = frozenset(
    {
        "bundled_model_path",
        "local_model",
        "own_model_path",
        "own_model",
        "curated_store_dir",
        "curated_store",
        "standin",
        "server",
        "hub",
    }
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if fixtures & SLOW_FIXTURES and item.get_closest_marker("slow") is None:
            item.add_marker(pytest.mark.slow)
        if "qtbot" in fixtures and item.get_closest_marker("gui") is None:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def zantara_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "zantara-home"
    monkeypatch.setenv("ZANTARA_HOME", str(home))
    return home


BUNDLED_MODEL = REPO / "models" / "SmolLM2-135M-Instruct.Q4_1.gguf"


@pytest.fixture(scope="session")
def bundled_model_path() -> Path:
    """The real bundled GGUF. `make test` fetches it; a missing file is a set-up error, not a skip."""
    if not BUNDLED_MODEL.exists():
        pytest.fail(f"{BUNDLED_MODEL} is missing: run `make test` (or `zantara models fetch`) first.")
    return BUNDLED_MODEL


@pytest.fixture(scope="session")
def local_model(bundled_model_path: Path):  # type: ignore[no-untyped-def]
    """The shared loaded bundled model (loaded once per test session, like the app does)."""
    from desktop.core.llm.local import LocalModel

    model = LocalModel.shared(bundled_model_path, n_ctx=2048, n_threads=2)
    model.load()
    return model


@pytest.fixture(scope="session")
def own_model_path(bundled_model_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled weights as a user's own GGUF (a name no manifest declares). The bundled entry declares notes
    only, so the app never runs it for a whole answer; tests of the answer path (budget, streaming, guard) run
    this copy, which the app treats like any model a user added."""
    target = tmp_path_factory.mktemp("own-model") / "my-colleague.gguf"
    try:
        os.link(bundled_model_path, target)  # a hard link: no copy, and not the bundled file's path
    except OSError:
        import shutil

        shutil.copyfile(bundled_model_path, target)
    return target


@pytest.fixture(scope="session")
def own_model(own_model_path: Path):  # type: ignore[no-untyped-def]
    """:func:`own_model_path` loaded once per session."""
    from desktop.core.llm.local import LocalModel

    model = LocalModel.shared(own_model_path, n_ctx=2048, n_threads=2)
    model.load()
    return model
