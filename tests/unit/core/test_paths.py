"""ZANTARA_HOME moves every user folder; without it platformdirs decides."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core import paths


def test_zantara_home_overrides_everything(zantara_home: Path) -> None:
    for folder in (
        paths.data_dir(),
        paths.config_dir(),
        paths.cache_dir(),
        paths.log_dir(),
        paths.chroma_dir(),
    ):
        assert zantara_home in folder.parents
        assert folder.is_dir()
    assert paths.database_path().parent == paths.data_dir()
    assert paths.settings_path().parent == paths.config_dir()


def test_platformdirs_without_override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("ZANTARA_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    assert paths.data_dir() == tmp_path / "xdg-data" / "zantara"
    assert paths.config_dir() == tmp_path / "xdg-config" / "zantara"


def test_resources_are_found_in_the_checkout() -> None:
    assert (paths.bundled_models_dir() / "manifest.json").exists()
    assert (paths.knowledge_dir() / "concepts.json").exists()
