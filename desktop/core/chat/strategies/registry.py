"""Name → strategy class, for the router, the CLI's ``--strategy`` and the settings UI.

Each strategy lives in its own module and is imported here lazily and separately: a strategy module that is
missing or broken removes only that strategy, never the others. To add one, add a line to ``PLUGINS``.
"""

from __future__ import annotations

import importlib
import logging
import threading
from typing import TYPE_CHECKING

from desktop.core.errors import ZantaraError

if TYPE_CHECKING:  # imported lazily: settings validates strategy names from PLUGINS without loading them
    from desktop.core.chat.strategies.base import Strategy

log = logging.getLogger(__name__)

#: name -> (module, class name). Order is the order shown to users. The only list of strategies: settings
#: validates names against it, the GUI shows each class's ``label``.
PLUGINS: dict[str, tuple[str, str]] = {
    "combo": ("desktop.core.chat.strategies.combo", "ComboStrategy"),
    "rag": ("desktop.core.chat.strategies.rag", "RagStrategy"),
    "enrich": ("desktop.core.chat.strategies.enrich", "EnrichStrategy"),
    "wrap": ("desktop.core.chat.strategies.wrap", "WrapStrategy"),
    "rewrite": ("desktop.core.chat.strategies.rewrite", "RewriteStrategy"),
    "team": ("desktop.core.chat.strategies.team", "TeamStrategy"),
}

_loaded: dict[str, type[Strategy]] | None = None
_errors: dict[str, str] = {}
_load_lock = threading.Lock()  # GUI workers may ask from several threads at once


def register(name: str, cls: type[Strategy]) -> None:
    """Add or replace a strategy at run time (tests, extensions)."""
    strategies()[name] = cls


def strategies() -> dict[str, type[Strategy]]:
    """The available strategies, importing each plugin module once."""
    global _loaded
    with _load_lock:
        if _loaded is None:
            loaded: dict[str, type[Strategy]] = {}
            for name, (module, attr) in PLUGINS.items():
                try:
                    cls = getattr(importlib.import_module(module), attr)
                except Exception as exc:  # a broken plugin must not take the others down
                    _errors[name] = f"{type(exc).__name__}: {exc}"
                    log.warning("strategy %s unavailable: %s", name, _errors[name])
                    continue
                loaded[name] = cls
            _loaded = loaded
        return _loaded


def available() -> list[str]:
    return list(strategies())


def labels() -> dict[str, str]:
    """Name -> the short English label users see (the GUI translates it), in ``PLUGINS`` order."""
    return {name: cls.label or name for name, cls in strategies().items()}


def is_available(name: str) -> bool:
    return name in strategies()


def get_strategy(name: str) -> Strategy:
    """A fresh instance of the named strategy; unknown names raise an error that lists the choices."""
    found = strategies().get(name)
    if found is None:
        why = f" ({_errors[name]})" if name in _errors else ""
        raise ZantaraError(
            f"Unknown or unavailable strategy '{name}'{why}.", f"Choose one of: {', '.join(available())}."
        )
    return found()
