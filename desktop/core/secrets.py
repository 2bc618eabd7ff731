"""The one place that knows where the Anthropic API key lives.

Order: an explicit key → the OS keyring (service "zantara", user "anthropic_api_key"; the Secret Service,
Keychain or Credential Locker when the desktop has one) → Zantara's encrypted file store → ``ANTHROPIC_API_KEY``.
The key is never written to the settings file, a log, a trace or a crash report: callers get it only from
:func:`get_api_key` and hand it straight to the SDK.

Where no OS keyring exists (a Linux desktop without a Secret Service), storing in the keyring fails with
:class:`KeyringUnavailable` and the caller offers the encrypted file store instead, as desktop apps do
(``set_api_key(key, store=FILE)``): keyrings.alt's encrypted file backend in the data folder, its random
master key in a separate file only this account can read. That protects the key in a copied or backed-up
file, not from someone using this very account; the GUI says so.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets as _random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import keyring
import keyring.backend
import keyring.errors
from keyring.backends.chainer import ChainerBackend
from keyrings.alt.file import EncryptedKeyring

from desktop.core import paths
from desktop.core.errors import KeyringUnavailable

SERVICE = "zantara"
USERNAME = "anthropic_api_key"
ENV_VAR = "ANTHROPIC_API_KEY"
KEYRING, FILE, ENV = "keyring", "file", "env"  # where a key can come from (KeyStatus.source)

_NO_BACKEND_HINT = (
    "Store it in Zantara's encrypted file instead: Settings → Claude → “Store in an encrypted file”, "
    "or `zantara key set --file`."
)


class FileKeyring(EncryptedKeyring):
    """keyrings.alt's encrypted file backend in Zantara's data folder, unlocked by a random master key kept
    in a 0600 file beside it (no password prompt: a desktop app has no terminal to ask on)."""

    priority = 0.1  # never chosen by keyring itself: only used explicitly

    def __init__(self, folder: Path | None = None) -> None:
        super().__init__()
        self.folder = folder or paths.data_dir() / "secrets"

    @property
    def file_path(self) -> str:
        return str(self.folder / "keyring.cfg")

    @property
    def key_path(self) -> Path:
        return self.folder / "keyring.key"

    def exists(self) -> bool:
        return Path(self.file_path).exists()

    def _master_key(self) -> str:
        self.folder.mkdir(mode=paths.PRIVATE_DIR, parents=True, exist_ok=True)
        if not self.key_path.exists():
            fd = os.open(self.key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, paths.PRIVATE_FILE)
            with os.fdopen(fd, "w", encoding="ascii") as out:
                out.write(_random.token_urlsafe(32))
        return self.key_path.read_text(encoding="ascii").strip()

    def _get_new_password(self) -> str:
        return self._master_key()

    def _unlock(self) -> None:
        if not self.key_path.exists():
            raise ValueError("the encrypted key file's master key is missing")
        self.keyring_key = self._master_key()
        if self.get_password("keyring-setting", "password reference") != "password reference value":
            self._lock()
            raise ValueError("the encrypted key file does not match its master key")


def file_store() -> FileKeyring:
    return FileKeyring()


def _backend() -> keyring.backend.KeyringBackend:
    return keyring.get_keyring()


def backend_name() -> str:
    backend = _backend()
    return f"{type(backend).__module__}.{type(backend).__name__}"


def _file_only(backend: keyring.backend.KeyringBackend) -> bool:
    """keyrings.alt's file backends (and ours, a subclass): files, not an OS keyring. keyring's chainer picks
    them up where no OS keyring exists; its EncryptedKeyring then asks for a password on a terminal a desktop
    app does not have, and our own file would be read back as if it were "the system keyring"."""
    return isinstance(backend, FileKeyring) or type(backend).__module__.startswith("keyrings.alt")


def keyring_usable() -> bool:
    """False for keyring's ``fail.Keyring`` and for a chainer with no OS keyring behind it (only file
    backends or none)."""
    backend = _backend()
    module = type(backend).__module__
    if module.startswith("keyring.backends.fail") or module.startswith("keyring.backends.null"):
        return False
    if isinstance(backend, FileKeyring):
        return False
    if isinstance(backend, ChainerBackend):
        return any(not _file_only(b) for b in backend.backends)
    return True


def _keyring_get() -> str | None:
    if not keyring_usable():
        return None
    try:
        value = keyring.get_password(SERVICE, USERNAME)
    except keyring.errors.KeyringError:
        return None
    return value or None


def _file_get() -> str | None:
    store = file_store()
    if not store.exists():
        return None
    try:
        return store.get_password(SERVICE, USERNAME) or None
    except Exception:  # a damaged or foreign file: no key from it (key_status says why)
        return None


def _stored() -> tuple[str | None, str | None]:
    """(key, source) from the stores, in the one lookup order; the environment last."""
    for source, get in ((KEYRING, _keyring_get), (FILE, _file_get)):
        value = get()
        if value:
            return value, source
    value = os.environ.get(ENV_VAR) or None
    return value, (ENV if value else None)


def get_api_key(explicit: str | None = None) -> str | None:
    """The key to use, or None when there is none anywhere."""
    if explicit:
        return explicit
    return _stored()[0]


def set_api_key(key: str, store: str = KEYRING) -> None:
    """Store the key in the OS keyring (``store=KEYRING``) or the encrypted file (``store=FILE``).

    The OS keyring failing raises :class:`KeyringUnavailable`; nothing is stored then, and the caller offers
    the file store. Storing in one place removes the key from the other, so the lookup order never shows an
    old key."""
    key = key.strip()
    if not key:
        raise ValueError("empty key")
    if store == FILE:
        try:
            file_store().set_password(SERVICE, USERNAME, key)
        except Exception as exc:
            raise KeyringUnavailable(
                f"The encrypted key file could not be written ({type(exc).__name__}: {exc}).",
                "Check that Zantara's data folder is writable.",
            ) from None
        _keyring_delete_quietly()
        return
    if not keyring_usable():
        raise KeyringUnavailable(f"No system keyring is available here ({backend_name()}).", _NO_BACKEND_HINT)
    try:
        keyring.set_password(SERVICE, USERNAME, key)
    except Exception as exc:  # not only KeyringError: a D-Bus or prompt failure may carry no message at all
        raise KeyringUnavailable(
            f"The system keyring refused to store the key ({type(exc).__name__}).", _NO_BACKEND_HINT
        ) from None
    _file_delete()


def _keyring_delete_quietly() -> None:
    if keyring_usable():
        with contextlib.suppress(keyring.errors.KeyringError):
            keyring.delete_password(SERVICE, USERNAME)


def _file_delete() -> bool:
    store = file_store()
    if not store.exists():
        return False
    try:
        store.delete_password(SERVICE, USERNAME)
    except keyring.errors.PasswordDeleteError:
        return False
    except Exception:  # unreadable: the file goes, the key with it
        Path(store.file_path).unlink(missing_ok=True)
    return True


def delete_api_key() -> bool:
    """Remove the stored key from the keyring and the encrypted file; False when there was none. The
    environment variable is left alone."""
    removed = _file_delete()
    if not keyring_usable():
        return removed
    try:
        keyring.delete_password(SERVICE, USERNAME)
    except keyring.errors.PasswordDeleteError:
        return removed
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(
            f"The system keyring refused to delete the key ({type(exc).__name__})."
        ) from None
    return True


@dataclass(frozen=True)
class KeyStatus:
    """Where the key comes from, never the key itself."""

    set: bool
    source: str | None  # "keyring" | "file" | "env" | None
    backend: str
    keyring_usable: bool
    error: str = ""  # the key store could not be asked (the GUI shows it)

    @property
    def stored(self) -> bool:
        """A key Zantara stored (so "Delete key" has something to delete)."""
        return self.source in (KEYRING, FILE)


def key_status() -> KeyStatus:
    _key, source = _stored()
    return KeyStatus(
        set=source is not None, source=source, backend=backend_name(), keyring_usable=keyring_usable()
    )


def api_key_status() -> dict[str, Any]:
    """:func:`key_status` as plain data: {"set", "source", "backend", "keyring_usable"} (`--json` output)."""
    status = key_status()
    return {
        "set": status.set,
        "source": status.source,
        "backend": status.backend,
        "keyring_usable": status.keyring_usable,
    }


def redact(text: str, key: str | None = None) -> str:
    """Remove the key (and anything that looks like an Anthropic key) from text bound for logs or traces."""
    key = key if key is not None else get_api_key()
    if key:
        text = text.replace(key, "sk-***")
    return re.sub(r"sk-ant-[A-Za-z0-9_\-]{8,}", "sk-ant-***", text)
