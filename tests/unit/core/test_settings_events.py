"""Settings as events: ``Settings.update`` validates everything first, saves atomically, then notifies."""

from __future__ import annotations

import gc

import pytest

from desktop.core.chat.strategies import registry
from desktop.core.errors import SettingsError
from desktop.core.services import Services
from desktop.core.settings import RULES, Settings


def test_update_saves_and_notifies_only_real_changes() -> None:
    settings = Settings()
    seen: list[set[str]] = []
    settings.subscribe(seen.append)
    changed = settings.update(connect_timeout_s=2, strategy="rag", retrieval_k=settings.retrieval_k)
    assert changed == {"connect_timeout_s", "strategy"} and seen == [changed]
    assert settings.connect_timeout_s == 2.0 and isinstance(settings.connect_timeout_s, float)
    stored = Settings.load()
    assert (stored.connect_timeout_s, stored.strategy) == (2.0, "rag")
    assert settings.update(strategy="rag") == set() and len(seen) == 1  # nothing changed: no event


def test_an_invalid_or_unknown_value_changes_nothing() -> None:
    settings = Settings()
    seen: list[set[str]] = []
    settings.subscribe(seen.append)
    with pytest.raises(SettingsError, match="connect_timeout_s"):
        settings.update(strategy="rag", connect_timeout_s=999)
    with pytest.raises(SettingsError, match="Unknown setting 'colour'"):
        settings.update(colour="blue")
    with pytest.raises(SettingsError, match="breaker_probe_max_s"):
        settings.update(breaker_probe_max_s=5, breaker_probe_initial_s=10)
    assert settings == Settings() and seen == []
    assert Settings.load() == Settings()  # nothing written


def test_a_failing_subscriber_does_not_stop_the_others_and_unsubscribe_works() -> None:
    settings = Settings()
    seen: list[set[str]] = []

    def broken(_changed: set[str]) -> None:
        raise RuntimeError("boom")

    settings.subscribe(broken)
    stop = settings.subscribe(seen.append)
    settings.update(save=False, theme="dark")
    stop()
    settings.update(save=False, theme="light")
    assert seen == [{"theme"}]


def test_services_forget_what_depends_on_a_changed_setting_and_may_be_collected() -> None:
    settings = Settings()
    services = Services(settings)
    services.__dict__["router"] = sentinel = object()
    settings.update(save=False, retrieval_k=5)
    assert services.__dict__.get("router") is sentinel  # read per request: nothing to rebuild
    settings.update(save=False, claude_chat_model="claude-haiku-4-5")
    assert "router" not in services.__dict__
    del services
    gc.collect()
    settings.update(save=False, claude_chat_model="claude-sonnet-4-5")  # a dead subscriber is skipped


def test_strategy_names_and_labels_come_from_the_registry_alone() -> None:
    rule = next(r for r in RULES if r.name == "strategy")
    assert rule.allowed() == tuple(registry.PLUGINS)
    labels = registry.labels()
    assert list(labels) == list(registry.PLUGINS)
    assert all(label and label != name for name, label in labels.items())
