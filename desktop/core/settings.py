"""User settings: one JSON file in the config folder, written atomically.

Change settings while the app runs with :meth:`Settings.update` (validate, save, notify): components either read
the value they need on every request (the Claude deadlines) or subscribe and rebuild (``Services``, the GUI's
Qt bridge). See docs/architecture.md, "Add a setting".

Never holds the API key (that lives in the OS keyring, see :mod:`desktop.core.secrets`). Unknown keys from a
newer version are kept on save so a downgrade does not lose them.
"""

from __future__ import annotations

import dataclasses
import importlib
import json
import logging
import os
import threading
import weakref
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any, TypeVar

from desktop.core import paths
from desktop.core.atomic import atomic_write_text
from desktop.core.errors import SettingsError

log = logging.getLogger(__name__)

_T = TypeVar("_T")
#: Called with the names of the fields that changed, after they changed and were saved.
Listener = Callable[[set[str]], None]
PROFILES = ("team", "client")
UI_LANGUAGES = ("en", "it", "id")
THEMES = ("system", "light", "dark")
#: role -> the setting naming its local model
ROLE_SETTINGS = {
    "offline_answers": "model_offline_answers",
    "live_notes": "model_live_notes",
    "insights": "model_insights",
}
#: The registries whose names a field accepts: modules with ``names()`` and ``known(name)``, imported only when
#: such a value is checked (the registries import plugins; settings stays at the bottom of the layers).
STRATEGY_NAMES = "desktop.core.chat.strategies.registry"
BACKEND_NAMES = "desktop.core.llm.backends"
SPEC = "zantara.setting"  # the dataclass field metadata key holding a field's Rule


@dataclass(frozen=True)
class Rule:
    """One settings field's declaration: its type, a range or choices, its description, what it rebuilds."""

    name: str
    kind: type  # int, float or str
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()
    names: str = ""  # a registry module whose names() the field accepts
    doc: str = ""
    rebuilds: tuple[str, ...] = ()

    def allowed(self) -> tuple[str, ...]:
        """The accepted values of a choice field (asking the registry's hook now), else ()."""
        if not self.names:
            return self.choices
        hook: Callable[[], Iterable[str]] = importlib.import_module(self.names).names
        return tuple(hook())

    def _is_choice(self, value: str) -> bool:
        if not self.names:
            return value in self.choices
        known: Callable[[str], bool] = importlib.import_module(self.names).known
        return known(value)

    def coerce(self, value: Any) -> Any:
        """A float field takes whole numbers too, an int field an integral float (2.0); nothing else changes."""
        if self.kind is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if self.kind is int and isinstance(value, float) and value.is_integer():
            return int(value)
        return value

    def accepted(self) -> str:
        choices = self.allowed()
        if choices:
            return "one of " + ", ".join(choices)
        noun = {int: "a whole number", float: "a number", str: "text"}[self.kind]
        if self.low is not None and self.high is not None:
            return f"{noun} from {self.low:g} to {self.high:g}"
        return noun

    def check(self, value: Any) -> str:
        """ "" if ``value`` is acceptable, else one sentence naming the field and what it accepts."""
        value = self.coerce(value)  # Settings(breaker_probe_initial_s=600) is as valid as 600.0
        ok = isinstance(value, self.kind) and not isinstance(value, bool)
        if ok and (self.choices or self.names):
            ok = self._is_choice(value)
        if ok and self.low is not None and self.high is not None:
            ok = self.low <= value <= self.high
        if ok:
            return ""
        shown = json.dumps(value, ensure_ascii=False)
        shown = shown if len(shown) <= 40 else shown[:39] + "…"
        return f"Setting '{self.name}' = {shown} is invalid: use {self.accepted()}."


def setting(
    default: _T,
    doc: str,
    *,
    low: float | None = None,
    high: float | None = None,
    choices: tuple[str, ...] = (),
    names: str = "",
    rebuilds: tuple[str, ...] = (),
) -> _T:
    """Declare one settings field in one place: its default, what it accepts, what it means, what it affects.

    ``doc`` is the one-sentence description the CLI shows (``zantara settings describe``). ``low``/``high`` or
    ``choices`` bound it; ``names`` is the registry module whose ``names()`` it accepts, imported only when
    a value is checked (so this module imports no registry and a plugin installed later is
    accepted). ``rebuilds`` lists the :class:`~desktop.core.services.Services` components built from the
    value, forgotten when it changes; a setting read on every request rebuilds nothing.
    """
    spec = Rule("", type(default), low, high, choices, names, doc, rebuilds)
    made: _T = field(default=default, metadata={SPEC: spec})
    return made


@dataclass
class Settings:
    # --- the online model -----------------------------------------------------------------------------------
    backend: str = setting(
        "claude",
        "The online model: claude (Anthropic) or openai (an OpenAI-compatible server: llama-server, Ollama).",
        names=BACKEND_NAMES,
    )
    openai_base_url: str = setting(
        "http://127.0.0.1:8080/v1", "The OpenAI-compatible server's URL (ZANTARA_OPENAI_BASE_URL overrides)."
    )
    openai_model: str = setting("", "The OpenAI-compatible server's model; empty = its first model.")
    claude_chat_model: str = setting(
        "claude-haiku-5-5", "The Claude model that writes answers.", rebuilds=("router",)
    )
    claude_strong_model: str = setting(
        "claude-sonnet-5-5", "The Claude model for the harder jobs.", rebuilds=("router",)
    )
    connect_timeout_s: float = setting(
        3.0, "Seconds to wait for a connection to the online model.", low=0.1, high=60
    )
    first_token_deadline_s: float = setting(
        8.0, "Seconds to wait for the online model's first word before answering offline.", low=0.5, high=300
    )
    claude_max_retries: int = setting(1, "Retries of a failed online request.", low=0, high=5)
    breaker_probe_initial_s: float = setting(
        15.0, "Seconds before the first check whether the online model is back.", low=1, high=3600
    )
    breaker_probe_max_s: float = setting(
        300.0, "The longest wait between checks whether the online model is back.", low=1, high=86400
    )
    # --- strategies -----------------------------------------------------------------------------------------
    strategy: str = setting(
        "combo", "How answers are written (`zantara status` lists them).", names=STRATEGY_NAMES
    )
    profile: str = setting("team", "Who reads the answers: team (colleagues) or client.", choices=PROFILES)
    enrich_deadline_ms: int = setting(
        600, "The longest the online model ever waits for the live cultural note, in ms.", low=50, high=10000
    )
    enrich_wait: str = setting(
        "adaptive",
        "adaptive: wait for the note no longer than retrieval took; deadline: up to enrich_deadline_ms "
        "(a richer answer over a faster one).",
        choices=("adaptive", "deadline"),
    )
    unfit_notes: str = setting(
        "skip",
        "skip: a local model its manifest declares unfit for cultural notes writes none; use: it writes them "
        "anyway (benchmarks, experiments).",
        choices=("skip", "use"),
    )
    hedge_after_s: float = setting(
        2.5, "Online model silent this long: start the offline answer beside it (0 = never).", low=0, high=60
    )
    retrieval_k: int = setting(3, "How many cultural insights each answer retrieves.", low=0, high=20)
    # --- local models ---------------------------------------------------------------------------------------
    local_model: str = setting(
        "", "The local model (registry name); empty = the bundled one.", rebuilds=("local_model", "router")
    )
    model_offline_answers: str = setting(
        "",
        "The local model that answers when the online one is unreachable; empty = local_model.",
        rebuilds=("router",),
    )
    model_live_notes: str = setting(
        "",
        "The local model for the live cultural note and the warm tone; empty = local_model.",
        rebuilds=("router",),
    )
    model_insights: str = setting(
        "", "The local model that generates cultural insights; empty = local_model.", rebuilds=("router",)
    )
    threads: int = setting(
        0,
        "CPU threads of the local model; 0 = automatic.",
        low=0,
        high=256,
        rebuilds=("local_model", "router"),
    )
    context_size: int = setting(
        2048, "The local model's context in tokens.", low=256, high=131072, rebuilds=("local_model", "router")
    )
    # --- answer memory, knowledge, feedback -----------------------------------------------------------------
    user_name: str = setting("", "Who asks, in the answer memory; empty = the OS login name.")
    chroma_url: str = setting(
        "", "The team server's address under its old name (team_url wins; ZANTARA_CHROMA_URL overrides)."
    )
    # --- the team sync: this laptop always answers from its own store; the team server is a sync peer -----
    team_url: str = setting("", "The team server (https://HOST:PORT); ZANTARA_TEAM_URL overrides.")
    team_ca: str = setting("", "A CA or self-signed certificate file to trust for the team server's https.")
    team_verify_tls: str = setting(
        "on", "off: accept any certificate from the team server (a first try).", choices=("on", "off")
    )
    team_allow_http: str = setting(
        "off", "on: allow plain http to a team server on another machine.", choices=("off", "on")
    )
    team_sync_minutes: int = setting(5, "Minutes between background syncs in the app.", low=1, high=1440)
    learn_strategy: str = setting(
        "off", "on: use the strategy ratings prove better, per language and profile.", choices=("off", "on")
    )
    learn_min_ratings: int = setting(
        20, "Never switch strategy with fewer ratings than this in the group.", low=5, high=10000
    )
    share_ratings: str = setting(
        "off", "on: share ratings with the team through the team sync.", choices=("off", "on")
    )
    # --- the window -----------------------------------------------------------------------------------------
    ui_language: str = setting("en", "The window's language.", choices=UI_LANGUAGES)
    theme: str = setting("system", "The window's colours.", choices=THEMES)
    extra: dict[str, Any] = field(default_factory=dict)
    #: What was wrong in the file at load time (each bad field fell back to its default); never saved.
    problems: list[str] = field(default_factory=list, compare=False, repr=False)

    def __post_init__(self) -> None:
        # Not dataclass fields: never saved, compared or copied by dataclasses.replace().
        self._listeners: list[Callable[[], Listener | None]] = []
        self._update_lock = threading.RLock()

    # -- settings as events ---------------------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(changed_names)`` after every :meth:`update` that changed something; returns the
        function that unsubscribes. A bound method is held weakly (a closed window's services may go)."""
        ref: Callable[[], Listener | None]
        if hasattr(listener, "__self__") and hasattr(listener, "__func__"):
            ref = weakref.WeakMethod(listener)
        else:
            ref = lambda: listener  # noqa: E731
        with self._update_lock:
            self._listeners.append(ref)

        def unsubscribe() -> None:
            with self._update_lock:
                if ref in self._listeners:
                    self._listeners.remove(ref)

        return unsubscribe

    def update(self, *, save: bool = True, path: Path | None = None, **changes: Any) -> set[str]:
        """Change fields of this (shared) object: validate them all, save atomically, then notify subscribers.

        Unknown names or invalid values raise :class:`SettingsError` and change nothing, in memory or on disk.
        Returns the names whose value actually changed (subscribers are not called when none did).
        """
        coerced = {name: rule(name).coerce(value) for name, value in changes.items()}
        with self._update_lock:
            candidate = dataclasses.replace(self, **coerced, extra=dict(self.extra))
            candidate.validate()
            changed = {name for name, value in coerced.items() if getattr(self, name) != value}
            if save:
                candidate.save(path)
            for name in changed:
                setattr(self, name, coerced[name])
            listeners = [ref() for ref in self._listeners]
        if changed:
            for listener in listeners:
                if listener is None:
                    continue
                try:
                    listener(set(changed))
                except Exception:  # one broken subscriber must not stop the others or the caller
                    log.exception("settings listener failed")
        return changed

    def validate(self) -> None:
        """Raise :class:`SettingsError` naming the first field whose value is out of its accepted range."""
        for rule in RULES:
            problem = rule.check(getattr(self, rule.name))
            if problem:
                raise SettingsError(problem)
        if self.breaker_probe_max_s < self.breaker_probe_initial_s:
            raise SettingsError("Setting 'breaker_probe_max_s' must be >= 'breaker_probe_initial_s'.")

    def model_for_role(self, role: str) -> str:
        """Registry name of the local model for ``role``; empty means the bundled default."""
        if role not in ROLE_SETTINGS:
            raise SettingsError(
                f"Unknown model role '{role}'.", f"Choose one of: {', '.join(ROLE_SETTINGS)}."
            )
        return str(getattr(self, ROLE_SETTINGS[role])) or self.local_model

    def effective_chroma_url(self) -> str:
        """The team server's address (kept under its old name for callers that only ask "is there a team")."""
        return self.effective_team_url()

    def effective_team_url(self) -> str:
        """``ZANTARA_TEAM_URL``, else ``ZANTARA_CHROMA_URL``, else ``team_url``, else the old ``chroma_url``."""
        for value in (
            os.environ.get("ZANTARA_TEAM_URL", ""),
            os.environ.get("ZANTARA_CHROMA_URL", ""),
            self.team_url,
            self.chroma_url,
        ):
            if value.strip():
                return value.strip()
        return ""

    def effective_threads(self, physical_cores: int | None = None) -> int:
        """``threads``, or automatic: physical cores minus one (at least 1, at most 8). llama.cpp's threads spin
        while waiting for each other, so one per core collapses as soon as another program takes a core
        (tests/bench/bench_threads.py, docs/benchmarks.md: on a shared 2-core machine 2 threads made 0.6-1.5
        tokens/s where 1 thread made 5-17)."""
        if self.threads > 0:
            return self.threads
        if physical_cores is None:
            import psutil

            physical_cores = psutil.cpu_count(logical=False) or os.cpu_count() or 2
        return max(1, min(8, physical_cores - 1))

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        """The settings in the file; never raises for bad content.

        A value of the wrong type or out of range falls back to its default and is listed in ``problems``
        (one sentence per field, naming the accepted values); an unreadable file or one that is not a JSON
        object gives the defaults. Unknown keys are kept. The file itself is left alone until the user saves.
        """
        path = path or paths.settings_path()
        if not path.exists():
            return cls()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            return cls(
                problems=[
                    f"Settings file {path} is unreadable ({exc}); using the defaults. Fix or delete it."
                ]
            )
        if not isinstance(raw, dict):
            found = "null" if raw is None else type(raw).__name__
            return cls(
                problems=[f"Settings file {path} must hold a JSON object, not {found}; using the defaults."]
            )
        settings = cls()
        for rule in RULES:
            if rule.name not in raw:
                continue
            value = rule.coerce(raw[rule.name])
            problem = rule.check(value)
            if problem:
                default = getattr(settings, rule.name)
                settings.problems.append(f"{problem} Using the default {default!r}.")
            else:
                setattr(settings, rule.name, value)
        if settings.breaker_probe_max_s < settings.breaker_probe_initial_s:
            settings.breaker_probe_max_s = settings.breaker_probe_initial_s
        known = {f.name for f in fields(cls)} - {"extra", "problems"}
        settings.extra = {k: v for k, v in raw.items() if k not in known}
        return settings

    def save(self, path: Path | None = None) -> None:
        self.validate()
        path = path or paths.settings_path()
        data = asdict(self)
        data.pop("problems")
        data.update(data.pop("extra"))
        atomic_write_text(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")


#: Every settings field's rule, in declaration order: the one list the CLI, the dialog's ranges and the
#: validation read.
RULES: tuple[Rule, ...] = tuple(
    dataclasses.replace(f.metadata[SPEC], name=f.name) for f in fields(Settings) if SPEC in f.metadata
)


def rule(name: str) -> Rule:
    """The rule of setting ``name``; an unknown name raises :class:`SettingsError` listing the names."""
    found = next((r for r in RULES if r.name == name), None)
    if found is None:
        names = ", ".join(sorted(r.name for r in RULES))
        raise SettingsError(
            f"Unknown setting '{name}'.",
            f"Settings are: {names} (`zantara settings describe` says what each does).",
        )
    return found


def bounds(name: str) -> tuple[Any, Any]:
    """(low, high) of a numeric setting, in its own type (a spin box's range comes from the declaration)."""
    r = rule(name)
    if r.low is None or r.high is None:
        raise SettingsError(f"Setting '{name}' has no range.")
    return r.kind(r.low), r.kind(r.high)


def rebuilt_by(changed: set[str]) -> set[str]:
    """The Services components built from any of the ``changed`` settings (their ``rebuilds``)."""
    return {component for r in RULES if r.name in changed for component in r.rebuilds}
