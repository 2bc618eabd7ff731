"""The one place that knows where the Anthropic API key lives.

Order: an explicit key → the OS keyring (service "zantara", user "anthropic_api_key") → ``ANTHROPIC_API_KEY``.
The key is never written to the settings file, a log, a trace or a crash report: callers get it only from
:func:`get_api_key` and hand it straight to the SDK. Where no keyring backend exists (headless Linux without a
Secret Service), storing fails with :class:`KeyringUnavailable`, whose message says to export the variable.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Any

import keyring
import keyring.backend
import keyring.errors

from desktop.core.errors import KeyringUnavailable

SERVICE = "zantara"
USERNAME = "anthropic_api_key"
ENV_VAR = "ANTHROPIC_API_KEY"

_NO_BACKEND_HINT = f"Export {ENV_VAR}=sk-ant-... in your shell instead (it is read at every start)."


def _backend() -> keyring.backend.KeyringBackend:
    return keyring.get_keyring()


def backend_name() -> str:
    backend = _backend()
    return f"{type(backend).__module__}.{type(backend).__name__}"


def keyring_usable() -> bool:
    """False for keyring's ``fail.Keyring`` and for a chainer with no real backend behind it."""
    backend = _backend()
    module = type(backend).__module__
    if module.startswith("keyring.backends.fail") or module.startswith("keyring.backends.null"):
        return False
    if module.startswith("keyring.backends.chainer"):
        return bool(getattr(backend, "backends", []))
    return True


def _keyring_get() -> str | None:
    if not keyring_usable():
        return None
    try:
        value = keyring.get_password(SERVICE, USERNAME)
    except keyring.errors.KeyringError:
        return None
    return value or None


def get_api_key(explicit: str | None = None) -> str | None:
    """The key to use, or None when there is none anywhere."""
    if explicit:
        return explicit
    return _keyring_get() or os.environ.get(ENV_VAR) or None


def set_api_key(key: str) -> None:
    key = key.strip()
    if not key:
        raise ValueError("empty key")
    if not keyring_usable():
        raise KeyringUnavailable(f"No OS keyring is available here ({backend_name()}).", _NO_BACKEND_HINT)
    try:
        keyring.set_password(SERVICE, USERNAME, key)
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(
            f"The OS keyring refused to store the key ({type(exc).__name__}).", _NO_BACKEND_HINT
        ) from None


def delete_api_key() -> bool:
    """Remove the stored key; False when there was none. The environment variable is left alone."""
    if not keyring_usable():
        raise KeyringUnavailable(
            f"No OS keyring is available here ({backend_name()}).",
            f"Nothing is stored; unset {ENV_VAR} in your shell if you exported it.",
        )
    try:
        keyring.delete_password(SERVICE, USERNAME)
    except keyring.errors.PasswordDeleteError:
        return False
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(
            f"The OS keyring refused to delete the key ({type(exc).__name__})."
        ) from None
    return True


@dataclass(frozen=True)
class KeyStatus:
    """Where the key comes from, never the key itself."""

    set: bool
    source: str | None  # "keyring" | "env" | None
    backend: str
    keyring_usable: bool
    error: str = ""  # the key store could not be asked (the GUI shows it)


def key_status() -> KeyStatus:
    source: str | None = None
    if _keyring_get():
        source = "keyring"
    elif os.environ.get(ENV_VAR):
        source = "env"
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
