"""The API key's one home: explicit → keyring → environment; never stored where there is no keyring."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

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


def test_no_backend_offers_the_encrypted_file_not_a_shell_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    with use_keyring(keyring.backends.fail.Keyring()):
        assert secrets.keyring_usable() is False
        with pytest.raises(KeyringUnavailable) as raised:
            secrets.set_api_key("sk-ant-x")
        assert "encrypted file" in str(raised.value) and "ANTHROPIC_API_KEY" not in str(raised.value)
        monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-env-only")
        assert secrets.get_api_key() == "sk-env-only"
        assert secrets.api_key_status()["source"] == "env"


def test_encrypted_file_store_without_an_os_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    """No OS keyring (keyring's own fail backend): the key goes to keyrings.alt's encrypted file in
    ZANTARA_HOME, is found before the environment, never appears in clear in any file there, and is deleted."""
    from desktop.core import paths

    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-env")
    with use_keyring(keyring.backends.fail.Keyring()):
        secrets.set_api_key("sk-ant-file-0123456789", store=secrets.FILE)
        store = secrets.file_store()
        assert store.exists() and Path(store.file_path).is_relative_to(paths.data_dir())
        assert secrets.get_api_key() == "sk-ant-file-0123456789"
        status = secrets.key_status()
        assert status.source == "file" and status.stored and not status.keyring_usable
        for path in paths.data_dir().rglob("*"):
            if path.is_file():
                assert b"sk-ant-file" not in path.read_bytes(), path
        assert oct(store.key_path.stat().st_mode & 0o777) == "0o600"
        # a fresh backend object (a new start of the app) reads it back with the master key file
        assert (
            secrets.FileKeyring().get_password(secrets.SERVICE, secrets.USERNAME) == "sk-ant-file-0123456789"
        )
        assert secrets.delete_api_key() is True
        assert secrets.get_api_key() == "sk-env"
        assert secrets.delete_api_key() is False


def test_the_file_store_is_read_by_the_real_backend_class(monkeypatch: pytest.MonkeyPatch) -> None:
    """The file store is a genuine keyring backend: set as the process keyring it serves keyring's own API."""
    backend = secrets.FileKeyring()
    with use_keyring(backend):
        keyring.set_password("zantara", "other", "value")
        assert keyring.get_password("zantara", "other") == "value"


def test_storing_in_the_keyring_removes_an_older_file_copy(memory: MemoryKeyring) -> None:
    secrets.set_api_key("sk-ant-old-0123456789", store=secrets.FILE)
    secrets.set_api_key("sk-ant-new-0123456789")
    assert not secrets.file_store().exists() or _file_key() is None
    assert secrets.get_api_key() == "sk-ant-new-0123456789"
    assert secrets.key_status().source == "keyring"


def _file_key() -> str | None:
    return secrets.file_store().get_password(secrets.SERVICE, secrets.USERNAME)


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
