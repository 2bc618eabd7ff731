"""Model names typed in Settings, checked before they are saved: a name that cannot be a model id is refused at
once, and one the backend does not list is refused with the names it does list. A chat model named
"banana model!!" was accepted silently and every answer then failed."""

from __future__ import annotations

import re
from typing import Any

from desktop.core.settings import Settings
from desktop.gui.i18n import tr

MODEL_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:/@+-]*")
SHOWN = 6  # names listed in the refusal


def changed_names(new: Settings, changes: dict[str, Any]) -> list[str]:
    """The model names the active backend will use that this save changes (or that the backend switch
    brings into use)."""
    if new.backend == "openai":
        fields = ["openai_model"] if new.openai_model else []
    else:
        fields = ["claude_chat_model", "claude_strong_model"]
    switched = "backend" in changes
    return [str(getattr(new, f)) for f in fields if switched or f in changes]


def malformed(names: list[str]) -> list[str]:
    return [n for n in names if not MODEL_ID.fullmatch(n)]


def malformed_text(names: list[str]) -> str:
    return tr("“{name}” is not a model name: model names have no spaces or punctuation like “!”.").format(
        name=names[0]
    )


def known_models(settings: Settings) -> list[str]:
    """The ids the backend of ``settings`` lists (blocking: call it in a worker). Raises when it cannot be
    asked (no key, no connection, a server with no models list)."""
    from desktop.core import secrets
    from desktop.core.errors import ZantaraError
    from desktop.core.llm import backends

    model = backends.build(settings.backend, settings, secrets.get_api_key())
    if not model.capabilities.can_list_models:
        raise ZantaraError("This server does not list its models.")
    return [m["id"] for m in model.list_models()]


def unknown_text(unknown: list[str], known: list[str]) -> str:
    listed = ", ".join(known[:SHOWN]) + (", …" if len(known) > SHOWN else "")
    return tr("The server has no model named “{name}”. It offers: {names}.").format(
        name=unknown[0], names=listed or "—"
    )


def unchecked_text(names: list[str], exc: BaseException) -> str:
    return tr(
        "Saved, but “{name}” could not be checked with the server ({err}): make sure the name is right."
    ).format(name=names[0], err=str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
