"""Name → strategy class, for the router, the CLI's ``--strategy`` and the settings UI.

Strategies are plugins (:mod:`desktop.core.plugins`): the built-in ones listed in ``PLUGINS``, and any other
installed package's entry points in the group ``zantara.strategies`` (``name = "package.module:Class"``). Each
module is imported the first time its strategy is used, separately: a strategy module that is missing or raises
on import removes only that strategy (logged, listed by ``zantara status``), never the others.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from desktop.core.errors import ZantaraError
from desktop.core.plugins import STRATEGY_GROUP, PluginTable

if TYPE_CHECKING:
    from desktop.core.chat.strategies.base import Strategy

log = logging.getLogger(__name__)

#: The built-in strategies: name -> (module, class name), in the order shown to users. Installed packages'
#: strategies follow them (the GUI shows each class's ``label``).
PLUGINS: dict[str, tuple[str, str]] = {
    "combo": ("desktop.core.chat.strategies.combo", "ComboStrategy"),
    "rag": ("desktop.core.chat.strategies.rag", "RagStrategy"),
    "enrich": ("desktop.core.chat.strategies.enrich", "EnrichStrategy"),
    "wrap": ("desktop.core.chat.strategies.wrap", "WrapStrategy"),
    "rewrite": ("desktop.core.chat.strategies.rewrite", "RewriteStrategy"),
    "team": ("desktop.core.chat.strategies.team", "TeamStrategy"),
}

TABLE = PluginTable("strategy", STRATEGY_GROUP, PLUGINS)


def register(name: str, cls: type[Strategy]) -> None:
    """Add or replace a strategy at run time (tests, extensions)."""
    TABLE.add(name, cls)


def names() -> tuple[str, ...]:
    """Every strategy name, built in or installed, without importing any strategy (the settings' hook)."""
    return TABLE.names()


def known(name: str) -> bool:
    """Is ``name`` a strategy? Cheap for built-in names (the settings check it on every load)."""
    return TABLE.known(name)


def strategies() -> dict[str, type[Strategy]]:
    """The available strategies, importing each plugin module once."""
    return TABLE.load_all()


def available() -> list[str]:
    return list(strategies())


def labels() -> dict[str, str]:
    """Name -> the short English label users see (the GUI translates it), built-in ones first."""
    return {name: cls.label or name for name, cls in strategies().items()}


def is_available(name: str) -> bool:
    return TABLE.load(name) is not None


def get_strategy(name: str) -> Strategy:
    """A fresh instance of the named strategy (imports only its module); unknown or broken names raise an error
    that lists the choices."""
    found: type[Strategy] | None = TABLE.load(name)
    if found is None:
        why = f" ({TABLE.error(name)})" if TABLE.error(name) else ""
        raise ZantaraError(
            f"Unknown or unavailable strategy '{name}'{why}.", f"Choose one of: {', '.join(available())}."
        )
    return found()
