"""The API key's one home: explicit → keyring → environment; never stored where there is no keyring."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import keyring.backends.fail
import pytest
from support.keyring_backend import MemoryKeyring, use_keyring

from desktop.core import secrets
from desktop.core.errors import KeyringUnavailable


@pytest.fixture
def memory() -> Iterator[MemoryKeyring]:
    with use_keyring(MemoryKeyring()) as backend:
        yield backend  # type: ignore[misc]


def test_set_status_delete_round_trip(memory: MemoryKeyring) -> None:
    assert secrets.api_key_status()["set"] is False
    secrets.set_api_key("  sk-ant-test-123456789  ")
    assert memory.passwords[("zantara", "anthropic_api_key")] == "sk-ant-test-123456789"
    status = secrets.api_key_status()
    assert status == {"set": True, "source": "keyring", "backend": status["backend"], "keyring_usable": True}
    assert "MemoryKeyring" in status["backend"]
    assert "sk-ant" not in str(status)
    assert secrets.delete_api_key() is True
    assert secrets.delete_api_key() is False
    assert secrets.get_api_key() is None


def test_order_explicit_then_keyring_then_env(memory: MemoryKeyring, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-env")
    assert secrets.get_api_key() == "sk-env"
    assert secrets.api_key_status()["source"] == "env"
    secrets.set_api_key("sk-ring")
    assert secrets.get_api_key() == "sk-ring"
    assert secrets.get_api_key("sk-explicit") == "sk-explicit"


def test_no_backend_says_to_export_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    with use_keyring(keyring.backends.fail.Keyring()):
        assert secrets.keyring_usable() is False
        with pytest.raises(KeyringUnavailable, match="ANTHROPIC_API_KEY"):
            secrets.set_api_key("sk-ant-x")
        monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-env-only")
        assert secrets.get_api_key() == "sk-env-only"
        assert secrets.api_key_status()["source"] == "env"


def test_key_never_reaches_settings_file(memory: MemoryKeyring) -> None:
    from desktop.core import paths
    from desktop.core.settings import Settings

    secrets.set_api_key("sk-ant-secret-abcdefgh")
    Settings().save()
    assert "sk-ant-secret" not in paths.settings_path().read_text()


def test_redact_removes_the_key_and_key_like_strings(memory: MemoryKeyring) -> None:
    secrets.set_api_key("sk-ant-secret-abcdefgh")
    text = "failed with sk-ant-secret-abcdefgh and sk-ant-other-12345678"
    assert "secret-abcdefgh" not in secrets.redact(text)
    assert "other-12345678" not in secrets.redact(text)
