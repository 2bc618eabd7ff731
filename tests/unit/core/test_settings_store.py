"""Settings persist atomically, keep unknown keys, and reject bad values with a clear message."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from desktop.core import paths
from desktop.core.errors import SettingsError
from desktop.core.settings import Settings, atomic_write_text


def test_defaults_when_no_file() -> None:
    s = Settings.load()
    assert s.strategy == "combo" and s.enrich_deadline_ms == 600 and s.connect_timeout_s == 3.0


def test_round_trip_keeps_unknown_keys() -> None:
    paths.settings_path().write_text(json.dumps({"strategy": "rag", "from_a_newer_version": 7}))
    s = Settings.load()
    assert s.strategy == "rag" and s.extra == {"from_a_newer_version": 7}
    s.theme = "dark"
    s.save()
    raw = json.loads(paths.settings_path().read_text())
    assert raw["theme"] == "dark" and raw["from_a_newer_version"] == 7


def test_no_api_key_field_ever() -> None:
    Settings().save()
    assert "api_key" not in json.loads(paths.settings_path().read_text())


@pytest.mark.parametrize("field,value", [("strategy", "magic"), ("profile", "boss"), ("ui_language", "fr")])
def test_bad_values_rejected(field: str, value: str) -> None:
    s = Settings()
    setattr(s, field, value)
    with pytest.raises(SettingsError):
        s.save()


def test_corrupt_file_gives_clear_error() -> None:
    paths.settings_path().write_text("{not json")
    with pytest.raises(SettingsError, match="unreadable"):
        Settings.load()


def test_env_overrides_chroma_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZANTARA_CHROMA_URL", "http://127.0.0.1:9")
    assert Settings(chroma_url="http://other").effective_chroma_url() == "http://127.0.0.1:9"


def test_atomic_write_never_leaves_half_a_file(tmp_path: Path) -> None:
    target = tmp_path / "f.json"
    atomic_write_text(target, "old")

    with pytest.raises(TypeError):  # the write fails half-way: the old content must survive
        atomic_write_text(target, 123)  # type: ignore[arg-type]
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["f.json"]
    assert os.access(target, os.R_OK)


def test_automatic_threads_leave_one_physical_core_free() -> None:
    s = Settings()
    assert [s.effective_threads(physical_cores=n) for n in (1, 2, 4, 8, 32)] == [1, 1, 3, 7, 8]
    assert Settings(threads=3).effective_threads(physical_cores=2) == 3
    assert s.effective_threads() >= 1
