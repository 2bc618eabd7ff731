"""Where the API key is kept, said the same way by the first-start banner and Settings.

Both read the same :class:`~desktop.core.secrets.KeyStatus`, so the banner cannot promise a system keyring that
Settings then says does not exist.
"""

from __future__ import annotations

from desktop.core.errors import KeyringUnavailable
from desktop.core.secrets import FILE, KEYRING, KeyStatus
from desktop.gui.i18n import tr


def storage_sentence(status: KeyStatus | None) -> str:
    """Where a key typed now would be kept ("" while the key store has not answered yet)."""
    if status is None or status.error:
        return ""
    if status.keyring_usable:
        return tr("It is stored in your system keyring, never in a plain file.")
    return tr(
        "This computer has no system keyring, so Zantara keeps it in an encrypted file in its data folder."
    )


def status_text(status: KeyStatus | None) -> str:
    """The Settings line: whether a key is set and where it comes from, never the key."""
    if status is None:
        return tr("Checking…")
    if status.error:
        return status.error
    if status.set and status.source == KEYRING:
        text = "✔ " + tr("A key is set (stored in the system keyring).")
    elif status.set and status.source == FILE:
        text = "✔ " + tr("A key is set (stored in an encrypted file in Zantara's data folder).")
    elif status.set:
        text = "✔ " + tr("A key is set (from the ANTHROPIC_API_KEY environment variable).")
    else:
        text = tr("No key: answers come from the local model, offline.")
    if not status.keyring_usable and status.source != FILE:
        text += " " + tr(
            "No system keyring is available here: Zantara can keep the key in an encrypted file in its "
            "data folder (readable only with this computer account)."
        )
    return text


def save_failed_text(exc: BaseException, to_file: bool) -> str:
    """Why saving the key failed and what to do, in the user's language (the typed key stays in the field)."""
    if isinstance(exc, KeyringUnavailable) and not to_file:
        return tr(
            "The system keyring could not store the key. Press “Store in an encrypted file” to keep it in "
            "Zantara's data folder instead; what you typed is still in the field."
        )
    reason = str(exc).strip() or tr("{kind}, with no details").format(kind=type(exc).__name__)
    return tr("Could not store the key: {err}. What you typed is still in the field.").format(err=reason)
