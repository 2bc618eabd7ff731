"""A circuit breaker in front of Claude, so an outage costs one wait, not one per message.

closed → Claude is tried. A failure opens it: the next messages go straight to the local model with no waiting
at all. After a backoff (``breaker_probe_initial_s``, doubling up to ``breaker_probe_max_s``) it is due for a
probe: the GUI probes in a background worker (:meth:`probe`), the CLI simply lets the next request through
(half-open). Success closes it, failure re-opens it with a longer backoff.

A check of a closed breaker (the GUI's start-up check, a new key) is not a half-open probe: while it runs
the breaker stays closed and answers go to Claude, because a check that has not finished proves nothing.
Its failure opens the breaker only if no answer succeeded meanwhile.

The state lives in a small JSON file in the data folder so consecutive ``zantara ask`` processes share it;
a stale file (older than twice the maximum backoff) is ignored. A missing or rejected key is not an outage:
those never open the breaker.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, ClassVar

from desktop.core import paths
from desktop.core.atomic import atomic_write_text
from desktop.core.errors import ClaudeUnavailable
from desktop.core.settings import Settings

NOT_OUTAGES = frozenset({"no_key", "auth", "offline_requested", "breaker_open"})
HALF_OPEN_PROBE_TIMEOUT_S = 60.0  # a half-open probe that never reported back (crashed CLI) is forgotten


@dataclass(frozen=True)
class BreakerState:
    """What the breaker says right now (the GUI badge, `zantara status`)."""

    state: str  # closed | open | half_open
    reason: str
    failures: int
    opened_at: float | None
    next_probe_at: float | None
    seconds_until_probe: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


Listener = Callable[[BreakerState], None]


def state_path() -> Path:
    return paths.data_dir() / "claude_breaker.json"


class CircuitBreaker:
    _shared: ClassVar[dict[str, CircuitBreaker]] = {}
    _shared_lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(
        self, settings: Settings, path: Path | None = None, clock: Callable[[], float] = time.time
    ) -> None:
        self.settings = settings
        self.path = path or state_path()
        self.clock = clock
        self._lock = threading.RLock()
        self._listeners: list[Listener] = []
        self.state = "closed"
        self.reason = ""
        self.failures = 0
        self.opened_at: float | None = None
        self.next_probe_at: float | None = None
        self.probe_started_at: float | None = None
        self.last_success_at = 0.0  # this process: an answer or check that succeeded (time.monotonic)
        self._load()

    @classmethod
    def shared(cls, settings: Settings) -> CircuitBreaker:
        """One breaker per process and data folder (tests switch ZANTARA_HOME per test)."""
        key = str(state_path())
        with cls._shared_lock:
            breaker = cls._shared.get(key)
            if breaker is None:
                breaker = cls._shared[key] = cls(settings)
            else:
                breaker.settings = settings
            return breaker

    # -- persistence ----------------------------------------------------------------------------------------
    def _load(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if not isinstance(data, dict):
            return
        updated = float(data.get("updated_at") or 0)
        if self.clock() - updated > 2 * self.settings.breaker_probe_max_s:
            return  # stale: start closed
        state = str(data.get("state") or "closed")
        self.state = state if state in ("closed", "open", "half_open") else "closed"
        self.reason = str(data.get("reason") or "")
        self.failures = int(data.get("failures") or 0)
        self.opened_at = data.get("opened_at")
        self.next_probe_at = data.get("next_probe_at")
        self.probe_started_at = data.get("probe_started_at")

    def _save(self) -> None:
        data = {
            "state": self.state,
            "reason": self.reason,
            "failures": self.failures,
            "opened_at": self.opened_at,
            "next_probe_at": self.next_probe_at,
            "probe_started_at": self.probe_started_at,
            "updated_at": self.clock(),
        }
        with contextlib.suppress(OSError):  # a read-only data folder must not break answering
            atomic_write_text(self.path, json.dumps(data) + "\n")

    def refresh(self) -> None:
        """Re-read the shared file (another process may have changed it)."""
        with self._lock:
            before = self.snapshot()
            self._reset_fields()
            self._load()
            if self.snapshot()["state"] != before["state"]:
                self._notify()

    def _reset_fields(self) -> None:
        self.state, self.reason, self.failures = "closed", "", 0
        self.opened_at = self.next_probe_at = self.probe_started_at = None

    # -- the breaker ----------------------------------------------------------------------------------------
    def backoff_s(self, failures: int | None = None) -> float:
        n = max(1, self.failures if failures is None else failures)
        return min(self.settings.breaker_probe_max_s, self.settings.breaker_probe_initial_s * 2 ** (n - 1))

    def allow(self) -> bool:
        """May this request try Claude? Never waits. When open and the backoff has passed, lets exactly one
        request through as the probe (half-open)."""
        with self._lock:
            self.refresh()
            now = self.clock()
            if self.state == "closed":
                return True
            if self.state == "open":
                if self.next_probe_at is not None and now >= self.next_probe_at:
                    self._set("half_open", probe_started_at=now)
                    return True
                return False
            # half_open: a probe is in flight; let another through only if that one is long gone
            if self.probe_started_at is None or now - self.probe_started_at > HALF_OPEN_PROBE_TIMEOUT_S:
                self._set("half_open", probe_started_at=now)
                return True
            return False

    def record_success(self) -> None:
        with self._lock:
            self.last_success_at = time.monotonic()
            if self.state == "closed" and self.failures == 0:
                return
            self._reset_fields()
            self._save()
            self._notify()

    def record_failure(self, reason: str) -> None:
        """An outage-type failure opens (or re-opens) the breaker; no_key/auth are ignored."""
        if reason in NOT_OUTAGES:
            return
        with self._lock:
            now = self.clock()
            self.failures += 1
            if self.state == "closed":
                self.opened_at = now
            self.reason = reason
            self._set("open", next_probe_at=now + self.backoff_s(), probe_started_at=None)

    def _set(self, state: str, **fields: Any) -> None:
        changed = state != self.state
        self.state = state
        for name, value in fields.items():
            setattr(self, name, value)
        self._save()
        if changed:
            self._notify()

    def seconds_until_probe(self) -> float:
        with self._lock:
            if self.state != "open" or self.next_probe_at is None:
                return 0.0
            return max(0.0, self.next_probe_at - self.clock())

    def probe(self, fn: Callable[[], object], *, force: bool = False) -> bool:
        """Run ``fn`` (a tiny request to the answer endpoint) if a probe is due (or ``force``); True if Claude
        answered.

        Blocking: the GUI calls it from a worker thread. ``ClaudeUnavailable`` from ``fn`` re-opens the
        breaker with a longer backoff; other exceptions count as ``connection`` failures. A forced check of a
        closed breaker leaves it closed while it runs (answers still try Claude) and its failure counts only
        if nothing succeeded since it began.
        """
        with self._lock:
            if self.state == "closed" and not force:
                return True
            if self.state == "open" and not force and self.seconds_until_probe() > 0:
                return False
            began = time.monotonic()
            if self.state != "closed":
                self._set("half_open", probe_started_at=self.clock())
        try:
            fn()
        except ClaudeUnavailable as exc:
            if exc.reason in NOT_OUTAGES:
                self.record_success()  # reachable; the key problem is reported elsewhere
                return False
            self._probe_failed(exc.reason, began)
            return False
        except Exception:
            self._probe_failed("connection", began)
            return False
        self.record_success()
        return True

    def _probe_failed(self, reason: str, began: float) -> None:
        """A probe's failure opens the breaker, unless an answer succeeded while it ran (that one is newer)."""
        with self._lock:
            if self.last_success_at > began:
                return
            self.record_failure(reason)

    # -- observers ------------------------------------------------------------------------------------------
    def current(self) -> BreakerState:
        """The state now, as a typed record (the GUI's badge and probe timer)."""
        with self._lock:
            return BreakerState(
                state=self.state,
                reason=self.reason,
                failures=self.failures,
                opened_at=self.opened_at,
                next_probe_at=self.next_probe_at,
                seconds_until_probe=round(self.seconds_until_probe(), 1),
            )

    def snapshot(self) -> dict[str, Any]:
        """Plain data for `zantara status --json`."""
        return self.current().to_dict()

    def subscribe(self, callback: Listener) -> Callable[[], None]:
        """Call ``callback(state)`` on every state change; returns an unsubscribe function."""
        with self._lock:
            self._listeners.append(callback)

        def unsubscribe() -> None:
            with self._lock:
                if callback in self._listeners:
                    self._listeners.remove(callback)

        return unsubscribe

    def _notify(self) -> None:
        snap = self.current()
        for callback in list(self._listeners):
            with contextlib.suppress(Exception):  # a broken listener must not break answering
                callback(snap)
