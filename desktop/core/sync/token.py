"""The team server's token: ``ZANTARA_TEAM_TOKEN``, else the OS keyring, else Zantara's encrypted file.

Kept like the Claude key (:mod:`desktop.core.secrets`): never in the settings file, a log or a trace.
"""

from __future__ import annotations

import contextlib
import os

import keyring
import keyring.errors

from desktop.core import secrets
from desktop.core.errors import KeyringUnavailable

USERNAME = "team_token"
ENV_VAR = "ZANTARA_TEAM_TOKEN"


def get_team_token() -> str:
    """The token to send, or "" when there is none anywhere."""
    value = os.environ.get(ENV_VAR, "").strip()
    if value:
        return value
    if secrets.keyring_usable():
        with contextlib.suppress(Exception):
            value = keyring.get_password(secrets.SERVICE, USERNAME) or ""
            if value:
                return value
    store = secrets.file_store()
    if store.exists():
        with contextlib.suppress(Exception):
            return store.get_password(secrets.SERVICE, USERNAME) or ""
    return ""


def set_team_token(token: str, store: str = secrets.KEYRING) -> str:
    """Store the token (the OS keyring, or ``store=FILE`` / no keyring: the encrypted file). Returns where."""
    token = token.strip()
    if not token:
        raise ValueError("empty token")
    if store == secrets.KEYRING and secrets.keyring_usable():
        try:
            keyring.set_password(secrets.SERVICE, USERNAME, token)
            return secrets.KEYRING
        except Exception:  # a refusing keyring: the encrypted file below
            pass
    try:
        secrets.file_store().set_password(secrets.SERVICE, USERNAME, token)
    except Exception as exc:
        raise KeyringUnavailable(
            f"The team token could not be stored ({type(exc).__name__}).",
            "Check that Zantara's data folder is writable, or set ZANTARA_TEAM_TOKEN.",
        ) from None
    return secrets.FILE


def delete_team_token() -> None:
    if secrets.keyring_usable():
        with contextlib.suppress(keyring.errors.KeyringError, Exception):
            keyring.delete_password(secrets.SERVICE, USERNAME)
    store = secrets.file_store()
    if store.exists():
        with contextlib.suppress(Exception):
            store.delete_password(secrets.SERVICE, USERNAME)
