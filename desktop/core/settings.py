"""User settings: one JSON file in the config folder, written atomically.

Change settings while the app runs with :meth:`Settings.update` (validate, save, notify): components either read
the value they need on every request (the Claude deadlines) or subscribe and rebuild (``Services``, the GUI's
Qt bridge). See docs/architecture.md, "Add a setting".

Never holds the API key (that lives in the OS keyring, see :mod:`desktop.core.secrets`). Unknown keys from a
newer version are kept on save so a downgrade does not lose them.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import tempfile
import threading
import weakref
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from desktop.core import paths
from desktop.core.chat.strategies.registry import PLUGINS as STRATEGY_PLUGINS
from desktop.core.errors import SettingsError
from desktop.core.llm.backends import BACKENDS

log = logging.getLogger(__name__)

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


@dataclass(frozen=True)
class Rule:
    """What one settings field accepts: its type, a range or a list of choices."""

    name: str
    kind: type  # int, float or str
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()

    def coerce(self, value: Any) -> Any:
        """A float field takes whole numbers too, an int field an integral float (2.0); nothing else changes."""
        if self.kind is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if self.kind is int and isinstance(value, float) and value.is_integer():
            return int(value)
        return value

    def accepted(self) -> str:
        if self.choices:
            return "one of " + ", ".join(self.choices)
        noun = {int: "a whole number", float: "a number", str: "text"}[self.kind]
        if self.low is not None and self.high is not None:
            return f"{noun} from {self.low:g} to {self.high:g}"
        return noun

    def check(self, value: Any) -> str:
        """ "" if ``value`` is acceptable, else one sentence naming the field and what it accepts."""
        value = self.coerce(value)  # Settings(breaker_probe_initial_s=600) is as valid as 600.0
        ok = isinstance(value, self.kind) and not isinstance(value, bool)
        if ok and self.choices:
            ok = value in self.choices
        if ok and self.low is not None and self.high is not None:
            ok = self.low <= value <= self.high
        if ok:
            return ""
        shown = json.dumps(value, ensure_ascii=False)
        shown = shown if len(shown) <= 40 else shown[:39] + "…"
        return f"Setting '{self.name}' = {shown} is invalid: use {self.accepted()}."


@dataclass
class Settings:
    # The online model: "claude" (Anthropic) or "openai" (an OpenAI-compatible server: llama-server, Ollama...)
    backend: str = "claude"
    openai_base_url: str = "http://127.0.0.1:8080/v1"  # ZANTARA_OPENAI_BASE_URL overrides
    openai_model: str = ""  # empty = the server's first model (llama-server serves one)
    # Claude
    claude_chat_model: str = "claude-haiku-5-5"
    claude_strong_model: str = "claude-sonnet-5-5"
    connect_timeout_s: float = 3.0
    first_token_deadline_s: float = 8.0
    claude_max_retries: int = 1
    breaker_probe_initial_s: float = 15.0
    breaker_probe_max_s: float = 300.0
    # Strategies
    strategy: str = "combo"
    profile: str = "team"
    enrich_deadline_ms: int = 600  # the longest Claude ever waits for the live note
    # "adaptive": Claude waits for the note no longer than retrieval already took (issue 15);
    # "deadline": up to enrich_deadline_ms (the user chose a richer answer over a faster one)
    enrich_wait: str = "adaptive"
    # "skip": a local model whose manifest declares it unfit for cultural notes (the bundled 135M, measured)
    # writes none; "use": it writes them anyway (benchmarks timing the note, experiments)
    unfit_notes: str = "skip"
    hedge_after_s: float = 2.5  # Claude silent this long: start the offline answer beside it (0 = never)
    retrieval_k: int = 3
    # Local model
    local_model: str = ""  # registry name; empty = the bundled default
    # Per-role local models (registry names); empty = local_model above
    model_offline_answers: str = ""  # answers when Claude is unreachable
    model_live_notes: str = ""  # the live cultural note and the warm tone (wrap, rewrite)
    model_insights: str = ""  # generating cultural insights
    threads: int = 0  # 0 = automatic
    context_size: int = 2048
    # Answer memory: who asked (empty = the OS login name)
    user_name: str = ""
    # Knowledge store
    chroma_url: str = ""  # the team server's address under its old name (team_url wins when both are set)
    # Team sync: the laptop always answers from its own store; the team server is a sync peer
    team_url: str = ""  # https://team.example.com; ZANTARA_TEAM_URL (or ZANTARA_CHROMA_URL) overrides
    team_ca: str = ""  # a CA or self-signed certificate file to trust for the team server's https
    team_verify_tls: str = "on"  # "off": accept any certificate (a first try with a self-signed one)
    team_allow_http: str = "off"  # "on": allow plain http to a non-loopback team server (the user insists)
    team_sync_minutes: int = 5  # background sync period in the app
    # Feedback (issue 18): switch the default strategy to the one ratings prove better; share ratings
    learn_strategy: str = "off"  # "on": use the winning strategy per language and profile
    learn_min_ratings: int = 20  # never switch with less evidence than this in the group
    share_ratings: str = "off"  # "on": pool ratings through the team's Chroma server (chroma_url)
    # GUI
    ui_language: str = "en"
    theme: str = "system"
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
        rules = {rule.name: rule for rule in RULES}
        unknown = sorted(set(changes) - set(rules))
        if unknown:
            raise SettingsError(
                f"Unknown setting '{unknown[0]}'.", f"Settings are: {', '.join(sorted(rules))}."
            )
        coerced = {name: rules[name].coerce(value) for name, value in changes.items()}
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


RULES: tuple[Rule, ...] = (
    Rule("backend", str, choices=tuple(BACKENDS)),
    Rule("openai_base_url", str),
    Rule("openai_model", str),
    Rule("claude_chat_model", str),
    Rule("claude_strong_model", str),
    Rule("connect_timeout_s", float, 0.1, 60),
    Rule("first_token_deadline_s", float, 0.5, 300),
    Rule("claude_max_retries", int, 0, 5),
    Rule("breaker_probe_initial_s", float, 1, 3600),
    Rule("breaker_probe_max_s", float, 1, 86400),
    Rule("strategy", str, choices=tuple(STRATEGY_PLUGINS)),
    Rule("profile", str, choices=PROFILES),
    Rule("enrich_deadline_ms", int, 50, 10000),
    Rule("enrich_wait", str, choices=("adaptive", "deadline")),
    Rule("unfit_notes", str, choices=("skip", "use")),
    Rule("hedge_after_s", float, 0, 60),
    Rule("retrieval_k", int, 0, 20),
    Rule("local_model", str),
    Rule("model_offline_answers", str),
    Rule("model_live_notes", str),
    Rule("model_insights", str),
    Rule("user_name", str),
    Rule("threads", int, 0, 256),
    Rule("context_size", int, 256, 131072),
    Rule("chroma_url", str),
    Rule("team_url", str),
    Rule("team_ca", str),
    Rule("team_verify_tls", str, choices=("on", "off")),
    Rule("team_allow_http", str, choices=("off", "on")),
    Rule("team_sync_minutes", int, 1, 1440),
    Rule("learn_strategy", str, choices=("off", "on")),
    Rule("learn_min_ratings", int, 5, 10000),
    Rule("share_ratings", str, choices=("off", "on")),
    Rule("ui_language", str, choices=UI_LANGUAGES),
    Rule("theme", str, choices=THEMES),
)


def atomic_write_text(path: Path, text: str) -> None:
    """Write via a temp file + rename so a crash never leaves half a file."""
    _atomic_write(path, text, "w")


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write via a temp file + rename so a crash never leaves half a file."""
    _atomic_write(path, data, "wb")


def _atomic_write(path: Path, payload: str | bytes, mode: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else "utf-8") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:  # the temp file never stays behind
        Path(tmp).unlink(missing_ok=True)
        raise
