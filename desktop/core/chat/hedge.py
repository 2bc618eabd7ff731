"""The hedged offline answer: when Claude has not started after a short wait, the offline answer starts beside it.

Why: when Claude hangs, the user would wait the whole first-token deadline (8 s) before anything appeared.
So after ``settings.hedge_after_s`` (2.5 s) with no first token from Claude, the offline answer
(a local model declared for answers, or earlier answers + cultural notes: :mod:`desktop.core.chat.offline`)
starts in a thread. Whichever starts first is shown. If Claude starts later, its answer replaces the local
text, which is kept (``hedge`` event "superseded" with the ``draft``; the GUI shows it collapsed, the CLI and
the trace mark it). If Claude fails, the local answer is the answer.

No double cost when Claude is healthy: the hedge waits on an event that Claude's first token sets, so it never
starts if Claude's first token came before the wait.

All events of the answer pass through :meth:`Hedge.emit` (Claude's side) or the local side's emitter, under
one lock, so the two threads never interleave on screen.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Callable

from desktop.core.cancel import CancelToken
from desktop.core.chat.trace import Event, HedgeInfo
from desktop.core.errors import Cancelled

Emit = Callable[[Event], None]
#: (cancel token, emit) -> the local answer's text; raises to say it has none
RunLocal = Callable[[CancelToken, Emit], str]


class Hedge:
    def __init__(
        self, after_s: float, forward: Emit, run_local: RunLocal, started: float | None = None
    ) -> None:
        self.after_s = after_s
        self.forward = forward
        self.run_local = run_local
        self.began = started if started is not None else time.perf_counter()
        self.token = CancelToken()
        self.info = HedgeInfo(after_ms=round(after_s * 1000), started=False)
        self.body: str | None = None
        self.error: BaseException | None = None
        self._lock = threading.RLock()
        self._claude = threading.Event()  # Claude's first token, or the end of the answer
        self._local_shown = False
        self._draft: list[str] = []
        self._finished = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> Hedge:
        """Arm the timer (a thread that waits for Claude's first token, ``after_s`` at most)."""
        if self.after_s > 0:
            self._thread = threading.Thread(target=self._run, name="zantara-hedge", daemon=True)
            self._thread.start()
        else:
            self._finished.set()
        return self

    def _ms(self) -> float:
        return round((time.perf_counter() - self.began) * 1000, 1)

    # -- Claude's side ----------------------------------------------------------------------------------
    def emit(self, event: Event) -> None:
        """The strategy's events: Claude's first chunk wins over a local answer not yet shown, and replaces
        (keeping it as the draft) one already shown."""
        with self._lock:
            if event.kind == "chunk" and event.text and not self._claude.is_set():
                self._claude.set()
                self.info.claude_first_token_ms = self._ms()
                if self.info.started:
                    self.token.cancel()  # stop the local model; what it wrote stays as the draft
                    self.info.winner = "claude"
                    if self._local_shown:
                        draft = "".join(self._draft)
                        self.info.draft = draft
                        self.forward(Event("hedge", state="superseded", draft=draft))
                        self.forward(Event("replace", ""))
                    else:  # nothing local shown yet: still say Claude is here (the GUI clears "late")
                        self.forward(Event("hedge", state="claude"))
            self.forward(event)

    @property
    def started(self) -> bool:
        return self.info.started

    @property
    def local_won(self) -> bool:
        return self._local_shown and not self._claude.is_set()

    # -- the local side ---------------------------------------------------------------------------------
    def _run(self) -> None:
        try:
            # after_s counts from ``began`` (the router: the message's arrival, what the user waits)
            if self._claude.wait(max(0.0, self.after_s - (time.perf_counter() - self.began))):
                return  # Claude started in time (or the answer ended): nothing was spent
            with self._lock:
                if self._claude.is_set():
                    return
                self.info.started, self.info.started_ms = True, self._ms()
                self.forward(Event("hedge", state="started", after_ms=self.info.after_ms))
            try:
                self.body = self.run_local(self.token, self._local_emit)
            except Cancelled:
                pass
            except BaseException as exc:  # reported to the router; the hedge never fails the answer
                self.error = exc
                self.info.error = type(exc).__name__
        finally:
            self._finished.set()

    def _local_emit(self, event: Event) -> None:
        with self._lock:
            if self._claude.is_set():
                self.token.cancel()
                raise Cancelled()
            if event.kind == "chunk" and event.text:
                if not self._local_shown:
                    self._local_shown = True
                    self.info.local_first_token_ms = self._ms()
                    self.info.winner = self.info.winner or "local"
                self._draft.append(event.text)
            elif event.kind == "replace":
                self._draft = [event.text] if event.text else []
                if event.text and not self._local_shown:
                    self._local_shown = True
                    self.info.local_first_token_ms = self._ms()
                    self.info.winner = self.info.winner or "local"
            elif event.kind == "mode":
                return  # the router owns the answer's mode
            self.forward(event)

    # -- the end --------------------------------------------------------------------------------------
    def stop(self) -> None:
        """The answer is over (or going to the normal offline path): stop waiting, stop the local work."""
        self._claude.set()
        self.token.cancel()

    def result(self, timeout: float = 120.0) -> str | None:
        """Claude failed: the local answer (waits for it to finish), or None if it did not start or failed."""
        with self._lock:
            if not self.info.started or self.info.winner == "claude":
                # not started, or superseded by Claude's first words: what Claude wrote is the answer's start
                self.stop()
                return None
        self._finished.wait(timeout)
        with self._lock:
            self._claude.set()  # from here on the router emits directly
        return self.body if self.error is None else None

    @property
    def shown_text(self) -> str:
        with self._lock:
            return "".join(self._draft)

    def summary(self) -> HedgeInfo:
        """What the trace records."""
        with self._lock:
            info = dataclasses.replace(self.info)
        if info.draft is not None:
            info.draft = info.draft[:4000]
        return info
