"""Plugins: the strategies and backends, found by name and imported only when used.

Each kind has one :class:`PluginTable`: the built-in entries (``name -> (module, attribute)``) and those other
installed packages declare as Python entry points (group ``zantara.strategies`` or ``zantara.backends``, as
simonw/llm finds its plugins), so a team adds a strategy by ``pip install``-ing a package, without editing this
one. A module is imported the first time its name is used; one that raises on import is logged, reported by
:func:`problems` (``zantara status``) and skipped, and every other plugin keeps working.

Entry points are read only when a name is not built in: ``importlib.metadata`` costs ~0.15 s to import, too
much for every cold command that only needs the default strategy.
"""

from __future__ import annotations

import importlib
import logging
import threading
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)

STRATEGY_GROUP = "zantara.strategies"
BACKEND_GROUP = "zantara.backends"


@dataclass(frozen=True)
class PluginSpec:
    """Where one plugin lives: ``module:attribute``, and the package that declared it ("" = built in)."""

    name: str
    module: str
    attribute: str
    package: str = ""


class PluginTable:
    """The plugins of one kind (``kind`` names it in messages: "strategy", "backend")."""

    def __init__(self, kind: str, group: str, builtin: dict[str, tuple[str, str]]) -> None:
        self.kind = kind
        self.group = group
        self.builtin = builtin
        self._external: dict[str, PluginSpec] | None = None
        self._loaded: dict[str, Any] = {}
        self._errors: dict[str, str] = {}
        self._lock = threading.RLock()  # GUI workers may ask from several threads at once

    # -- names, without importing any plugin ------------------------------------------------------------
    def specs(self) -> dict[str, PluginSpec]:
        """Every plugin, built-in ones first (in their order), then the installed packages' by name."""
        found = {name: PluginSpec(name, module, attr) for name, (module, attr) in self.builtin.items()}
        for name, spec in self._entry_points().items():
            found.setdefault(name, spec)
        return found

    def names(self) -> tuple[str, ...]:
        """Every plugin's name: built in, installed, then added at run time."""
        specs = self.specs()
        return (*specs, *(name for name in self._loaded if name not in specs))

    def known(self, name: str) -> bool:
        """Is ``name`` a plugin (broken or not)? Reads entry points only for a name that is not built in."""
        return name in self.builtin or name in self._entry_points() or name in self._loaded

    # -- loading ---------------------------------------------------------------------------------------------
    def load(self, name: str) -> Any | None:
        """The plugin's object (a class, a factory), importing its module once; None if unknown or broken."""
        with self._lock:
            if name in self._loaded:
                return self._loaded[name]
            if name in self._errors:
                return None
            spec = self._spec(name)
            if spec is None:
                return None
            try:
                obj = getattr(importlib.import_module(spec.module), spec.attribute)
            except Exception as exc:  # a broken plugin must not take the others down
                where = f" (package {spec.package})" if spec.package else ""
                self._errors[name] = f"{type(exc).__name__}: {exc}"
                log.warning("%s %s%s unavailable: %s", self.kind, name, where, self._errors[name])
                return None
            self._loaded[name] = obj
            return obj

    def load_all(self) -> dict[str, Any]:
        """Every plugin that imports, in :meth:`names` order."""
        loaded = {}
        for name in self.names():
            obj = self.load(name)
            if obj is not None:
                loaded[name] = obj
        return loaded

    def add(self, name: str, obj: Any) -> None:
        """Add or replace a plugin at run time (tests, embedding apps)."""
        with self._lock:
            self._loaded[name] = obj
            self._errors.pop(name, None)

    def error(self, name: str) -> str:
        """Why ``name`` failed to import ("" if it did not fail, or was never tried)."""
        return self._errors.get(name, "")

    def errors(self) -> dict[str, str]:
        """name -> why it failed to import, for the plugins tried so far."""
        with self._lock:
            return dict(self._errors)

    def _spec(self, name: str) -> PluginSpec | None:
        if name in self.builtin:
            module, attr = self.builtin[name]
            return PluginSpec(name, module, attr)
        return self._entry_points().get(name)

    def _entry_points(self) -> dict[str, PluginSpec]:
        with self._lock:
            if self._external is None:
                self._external = _read_entry_points(self.group)
                for name, spec in self._external.items():
                    if name in self.builtin:
                        log.warning(
                            "%s %s from %s ignored: a built-in one has that name",
                            self.kind,
                            name,
                            spec.package,
                        )
            return self._external


def _read_entry_points(group: str) -> dict[str, PluginSpec]:
    from importlib.metadata import entry_points

    found: dict[str, PluginSpec] = {}
    for ep in entry_points(group=group):
        package = ep.dist.name if ep.dist is not None else ""
        found.setdefault(ep.name, PluginSpec(ep.name, ep.module, ep.attr or "", package))
    return found


def problems() -> dict[str, str]:
    """ "kind name" -> why it cannot be used, after trying to import every strategy and backend (for
    ``zantara status``: a plugin that raises on import is listed here, not hidden)."""
    from desktop.core.chat.strategies import registry
    from desktop.core.llm import backends

    found: dict[str, str] = {}
    for table in (registry.TABLE, backends.TABLE):
        table.load_all()
        found.update({f"{table.kind} {name}": why for name, why in table.errors().items()})
    return found
