"""Name → the online model ("backend") that answers when the app is not offline, like the strategy registry.

Each backend is one module with a factory ``from_settings(settings, api_key) -> ChatModel``. Backends are plugins
(:mod:`desktop.core.plugins`): the built-in ones in ``BACKENDS`` and other installed packages' entry points in
the group ``zantara.backends`` (``name = "package.module:from_settings"``). A backend's module is imported only
when it is chosen (``settings.backend``), so a missing optional dependency or a broken module removes only that
backend. To add one: write the module (declare its :class:`~desktop.core.llm.base.Capabilities`) and add one
line to ``BACKENDS``, or publish it as an entry point (docs/architecture.md, "Add a backend").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.core.errors import ZantaraError
from desktop.core.plugins import BACKEND_GROUP, PluginTable

if TYPE_CHECKING:
    from desktop.core.llm.base import ChatModel
    from desktop.core.settings import Settings

#: name -> (module, factory function). The first is the default.
BACKENDS: dict[str, tuple[str, str]] = {
    "claude": ("desktop.core.llm.claude", "from_settings"),
    "openai": ("desktop.core.llm.openai_compat", "from_settings"),
}
TABLE = PluginTable("backend", BACKEND_GROUP, BACKENDS)


def names() -> tuple[str, ...]:
    """Every backend name, built in or installed, without importing any backend."""
    return TABLE.names()


def known(name: str) -> bool:
    """Is ``name`` a backend? Cheap for built-in names (the settings check it on every load)."""
    return TABLE.known(name)


def build(name: str, settings: Settings, api_key: str | None) -> ChatModel:
    """A new model of backend ``name``; an unknown or broken backend raises an error listing the choices."""
    if not TABLE.known(name):
        raise ZantaraError(f"Unknown backend '{name}'.", f"Choose one of: {', '.join(names())}.")
    make = TABLE.load(name)
    if make is None:  # a broken backend must not take the app down: the router answers offline
        raise ZantaraError(f"Backend '{name}' is unavailable ({TABLE.error(name)}).")
    model: ChatModel = make(settings, api_key)
    return model
