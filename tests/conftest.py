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


@pytest.fixture(autouse=True)
def zantara_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "zantara-home"
    monkeypatch.setenv("ZANTARA_HOME", str(home))
    return home
