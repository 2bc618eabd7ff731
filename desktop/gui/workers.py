"""Everything slow runs here, off the GUI thread (Anki's ``run_in_background`` idea).

One helper, :func:`run_in_background`, runs a plain function on a thread pool and delivers its result or its
exception back on the GUI thread through Qt signals. Two lanes: quick lookups (lists, key status, a store count)
use the global ``QThreadPool``; long jobs (``long=True``: an answer, a generation run, a download, a repair) use
their own pool, so a long job never takes the thread a lookup is waiting for (on 2 cores the global pool has 2). Streaming jobs (an answer, a generation
run) get a ``report`` callable that turns worker-thread callbacks into queued signals, so widgets are only
ever touched from the GUI thread. The signal carrier is created on the GUI thread, which is what makes Qt
queue the calls.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

# Tasks stay referenced until their last signal is delivered, or Python could collect the carrier early.
_alive: set[Task] = set()
_long_pool: QThreadPool | None = None
LONG_LANE_THREADS = 4  # long jobs mostly wait (network, llama.cpp's own threads); a few may run at once


def long_pool() -> QThreadPool:
    """The pool of the long-jobs lane (created on first use)."""
    global _long_pool
    if _long_pool is None:
        _long_pool = QThreadPool()
        _long_pool.setMaxThreadCount(LONG_LANE_THREADS)
    return _long_pool


class _Carrier(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(object)
    finished = Signal()


class Task(QRunnable):
    """A job on the thread pool. ``report(x)`` called from inside ``fn`` arrives as ``on_progress(x)``."""

    def __init__(
        self,
        fn: Callable[..., Any],
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        on_progress: Callable[[Any], None] | None,
        with_report: bool,
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self._fn = fn
        self._with_report = with_report
        self.carrier = _Carrier()
        self.running = True
        if on_done is not None:
            self.carrier.done.connect(on_done)
        self.carrier.failed.connect(on_error or _log_error)
        if on_progress is not None:
            self.carrier.progress.connect(on_progress)
        self.carrier.finished.connect(self._forget)

    def report(self, value: Any) -> None:
        """Thread-safe: queue ``value`` to the GUI thread."""
        self._emit(self.carrier.progress, value)

    def run(self) -> None:
        try:
            result = self._fn(self.report) if self._with_report else self._fn()
        except BaseException as exc:
            log.debug("background task failed: %s", "".join(traceback.format_exception(exc)))
            self._emit(self.carrier.failed, exc)
        else:
            self._emit(self.carrier.done, result)
        finally:
            self._emit(self.carrier.finished)

    def _emit(self, signal: Any, *args: Any) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the app is shutting down and the carrier is gone: nobody is left to tell
            log.debug("result of a background task dropped at shutdown")

    def _forget(self) -> None:
        self.running = False
        _alive.discard(self)


def _log_error(exc: BaseException) -> None:
    log.error("background task failed: %s", "".join(traceback.format_exception(exc)))


def run_in_background(
    fn: Callable[..., Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    *,
    on_progress: Callable[[Any], None] | None = None,
    with_report: bool = False,
    long: bool = False,
) -> Task:
    """Run ``fn()`` (or ``fn(report)`` when ``with_report``) in a worker; callbacks run on the GUI thread.

    ``long=True`` puts it in the long-jobs lane (see the module doc). Call from the GUI thread only.
    """
    task = Task(fn, on_done, on_error, on_progress, with_report)
    _alive.add(task)
    (long_pool() if long else QThreadPool.globalInstance()).start(task)
    return task


def pending_tasks() -> int:
    """How many tasks have not delivered their result yet (tests and shutdown use it)."""
    return len(_alive)


def wait_all(timeout_ms: int = 5000) -> bool:
    """Block until both lanes are idle (used at shutdown so no worker outlives the window)."""
    quick_idle = QThreadPool.globalInstance().waitForDone(timeout_ms)
    return (_long_pool is None or _long_pool.waitForDone(timeout_ms)) and quick_idle
