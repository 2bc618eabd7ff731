"""Name → the online model ("backend") that answers when the app is not offline, like the strategy registry.

Each backend is one module with a factory ``from_settings(settings, api_key) -> ChatModel``; it is imported
only when chosen (``settings.backend``), so a missing optional dependency removes only that backend. To add one:
write the module (declare its :class:`~desktop.core.llm.base.Capabilities`) and add one line to ``BACKENDS``
(docs/architecture.md, "Add a backend").
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from desktop.core.errors import ZantaraError

if TYPE_CHECKING:  # imported lazily: settings validates backend names from BACKENDS without loading them
    from desktop.core.llm.base import ChatModel
    from desktop.core.settings import Settings

#: name -> (module, factory function). The first is the default.
BACKENDS: dict[str, tuple[str, str]] = {
    "claude": ("desktop.core.llm.claude", "from_settings"),
    "openai": ("desktop.core.llm.openai_compat", "from_settings"),
}


def build(name: str, settings: Settings, api_key: str | None) -> ChatModel:
    """A new model of backend ``name``; an unknown or broken backend raises an error listing the choices."""
    if name not in BACKENDS:
        raise ZantaraError(f"Unknown backend '{name}'.", f"Choose one of: {', '.join(BACKENDS)}.")
    module, factory = BACKENDS[name]
    try:
        make = getattr(importlib.import_module(module), factory)
    except Exception as exc:  # a broken backend must not take the app down: the router answers offline
        raise ZantaraError(f"Backend '{name}' is unavailable ({type(exc).__name__}: {exc}).") from exc
    model: ChatModel = make(settings, api_key)
    return model
