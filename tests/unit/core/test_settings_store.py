"""Settings persist atomically, keep unknown keys, and reject bad values with a clear message."""

from __future__ import annotations

import json

import pytest

from desktop.core import paths
from desktop.core.errors import SettingsError
from desktop.core.settings import Settings


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


@pytest.mark.parametrize(
    "field,value",
    [
        ("strategy", "magic"),
        ("profile", "boss"),
        ("ui_language", "fr"),
        ("retrieval_k", 100000),
        ("threads", "x"),
    ],
)
def test_bad_values_rejected(field: str, value: str) -> None:
    s = Settings()
    setattr(s, field, value)
    with pytest.raises(SettingsError):
        s.save()


def test_corrupt_file_gives_defaults_and_a_clear_problem() -> None:
    paths.settings_path().write_text("{not json")
    s = Settings.load()
    assert s.strategy == Settings().strategy
    assert len(s.problems) == 1 and "unreadable" in s.problems[0]
    assert paths.settings_path().read_text() == "{not json"  # not overwritten until the user saves


@pytest.mark.parametrize("content,found", [("[]", "list"), ("null", "null"), ('"x"', "str"), ("3", "int")])
def test_a_file_that_is_not_an_object_gives_defaults(content: str, found: str) -> None:
    paths.settings_path().write_text(content)
    s = Settings.load()
    assert s == Settings()
    assert s.problems == [
        f"Settings file {paths.settings_path()} must hold a JSON object, not {found}; using the defaults."
    ]


@pytest.mark.parametrize(
    "field,value,accepted",
    [
        ("threads", "x", "a whole number from 0 to 256"),
        ("retrieval_k", "abc", "a whole number from 0 to 20"),
        ("retrieval_k", 100000, "a whole number from 0 to 20"),
        ("retrieval_k", True, "a whole number from 0 to 20"),
        ("retrieval_k", 2.5, "a whole number from 0 to 20"),
        ("context_size", 10, "a whole number from 256 to 131072"),
        ("connect_timeout_s", None, "a number from 0.1 to 60"),
        ("strategy", ["rag"], "one of combo, rag, enrich, wrap, rewrite, team"),
        ("claude_chat_model", 5, "text"),
    ],
)
def test_a_bad_field_falls_back_to_its_default_with_one_clear_message(
    field: str, value: object, accepted: str
) -> None:
    raw = {field: value, "strategy": "rag", "from_a_newer_version": {"a": 1}}
    if field == "strategy":
        raw[field] = value
    paths.settings_path().write_text(json.dumps(raw))
    s = Settings.load()
    assert getattr(s, field) == getattr(Settings(), field)
    assert len(s.problems) == 1 and f"'{field}'" in s.problems[0] and accepted in s.problems[0]
    assert s.extra == {"from_a_newer_version": {"a": 1}}
    if field != "strategy":
        assert s.strategy == "rag"  # the good fields are kept
    s.save()  # saving writes valid values back, still with the unknown key
    again = Settings.load()
    assert again.problems == [] and again.extra == {"from_a_newer_version": {"a": 1}}


def test_whole_numbers_are_accepted_where_a_number_is_expected() -> None:
    paths.settings_path().write_text(json.dumps({"connect_timeout_s": 2, "retrieval_k": 4.0}))
    s = Settings.load()
    assert (s.connect_timeout_s, s.retrieval_k, s.problems) == (2.0, 4, [])


def test_env_overrides_chroma_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZANTARA_CHROMA_URL", "http://127.0.0.1:9")
    assert Settings(chroma_url="http://other").effective_chroma_url() == "http://127.0.0.1:9"


def test_automatic_threads_leave_one_physical_core_free() -> None:
    s = Settings()
    assert [s.effective_threads(physical_cores=n) for n in (1, 2, 4, 8, 32)] == [1, 1, 3, 7, 8]
    assert Settings(threads=3).effective_threads(physical_cores=2) == 3
    assert s.effective_threads() >= 1


def test_whole_numbers_are_valid_for_float_settings(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from desktop.core.settings import Settings

    path = tmp_path / "settings.json"
    Settings(breaker_probe_initial_s=600, breaker_probe_max_s=1200, connect_timeout_s=3).save(path)
    assert Settings.load(path).breaker_probe_initial_s == 600


def test_every_field_has_a_rule_so_load_keeps_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A field without a rule would be dropped on load (found when three branches each added fields)."""
    from dataclasses import fields

    from desktop.core.settings import RULES, Settings

    assert {r.name for r in RULES} == {f.name for f in fields(Settings)} - {"extra", "problems"}
    path = tmp_path / "settings.json"
    Settings(user_name="Made", model_insights="qwen", model_live_notes="llama").save(path)
    loaded = Settings.load(path)
    assert (loaded.user_name, loaded.model_insights, loaded.model_live_notes) == ("Made", "qwen", "llama")
