"""The jobs area's model: every long job (a generation run, a model download, an import) in one place.

A download manager's idea: the dialog that starts a job is only a view of it. The job itself belongs to the
:class:`JobManager` that the main window owns, so its progress, its cancel and its result survive closing
that dialog; reopening the dialog attaches to the running job, and the status-bar indicator and the Jobs
panel (``jobs_panel.py``) show every job. Jobs run through :func:`~desktop.gui.workers.run_in_background`'s
long lane with a :class:`~desktop.core.cancel.CancelToken`; every callback arrives on the GUI thread.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop.core.cancel import CancelToken
from desktop.core.errors import Cancelled
from desktop.gui.workers import Task, run_in_background

ACTIVE = ("running", "cancelling")
Report = Callable[[Any], None]
Work = Callable[[Report], Any]  # runs on the worker: fn(report) -> result
Describe = Callable[[Any], tuple[float | None, str]]  # progress value -> (fraction 0..1 or None, line)
Hook = Callable[["Job"], None]

_ids = itertools.count(1)


@dataclass(eq=False)
class Job:
    """One long job as the views see it (plain data; only the manager changes it, on the GUI thread)."""

    kind: str  # "generation" | "download" | "import"
    title: str  # translated when the job starts
    token: CancelToken | None  # None: the job cannot be cancelled
    id: int = field(default_factory=lambda: next(_ids))
    state: str = "running"  # running | cancelling | done | cancelled | failed
    fraction: float | None = None  # None: no measurable progress yet
    detail: str = ""  # the last progress line
    progress: Any = None  # the last raw progress value (views render it their own way)
    result: Any = None
    error: BaseException | None = None
    summary: str = ""  # one line once the job ended: what it produced, or why it stopped
    started: float = field(default_factory=time.monotonic)
    task: Task | None = None
    params: Any = None  # what the job was started with: a view reopened on it shows them

    @property
    def active(self) -> bool:
        return self.state in ACTIVE

    @property
    def cancellable(self) -> bool:
        return self.token is not None and self.state == "running"


class JobManager(QObject):
    """Starts jobs and tells every view about them. One per main window (tests may make their own)."""

    added = Signal(object)  # Job
    progress = Signal(object)  # Job, after its fraction/detail changed
    finished = Signal(object)  # Job that ended done or cancelled
    failed = Signal(object)  # Job that ended with an error
    changed = Signal()  # any of the above, or a cancel request / a cleared list (the indicator listens)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.jobs: list[Job] = []

    def start(
        self,
        kind: str,
        title: str,
        work: Work,
        *,
        token: CancelToken | None = None,
        describe: Describe | None = None,
        summarize: Callable[[Job], str] | None = None,
        on_end: Hook | None = None,
        params: Any = None,
    ) -> Job:
        """Run ``work(report)`` in the long lane as a job. ``describe`` turns each reported value into the
        job's fraction and line; ``summarize`` writes the end line; ``on_end`` runs once when the job ended
        (whatever views are open), before ``finished``/``failed`` are emitted. ``params`` is kept on the job
        for the views (the settings a generation run was started with)."""
        job = Job(kind=kind, title=title, token=token, params=params)

        def progressed(value: Any) -> None:
            job.progress = value
            if describe is not None:
                job.fraction, job.detail = describe(value)
            self.progress.emit(job)
            self.changed.emit()

        def ended(result: Any, error: BaseException | None) -> None:
            cancelled = isinstance(error, Cancelled) or (token is not None and token.cancelled)
            job.result, job.error = result, error
            job.state = "cancelled" if cancelled else ("failed" if error is not None else "done")
            if job.state == "done":
                job.fraction = 1.0
            job.summary = summarize(job) if summarize is not None else (str(error) if error else "")
            if on_end is not None:
                on_end(job)
            (self.failed if job.state == "failed" else self.finished).emit(job)
            self.changed.emit()

        self.jobs.append(job)
        job.task = run_in_background(
            work,
            lambda result: ended(result, None),
            lambda exc: ended(None, exc),
            on_progress=progressed,
            with_report=True,
            long=True,
        )
        self.added.emit(job)
        self.changed.emit()
        return job

    # --- queries ----------
    def active(self) -> list[Job]:
        return [j for j in self.jobs if j.active]

    def latest(self, kind: str, *, active_only: bool = True) -> Job | None:
        """The newest job of ``kind`` (a dialog reopened attaches to it)."""
        for job in reversed(self.jobs):
            if job.kind == kind and (job.active or not active_only):
                return job
        return None

    def overall_fraction(self) -> float | None:
        """Mean progress of the running jobs that measure it (None when none does)."""
        known = [j.fraction for j in self.active() if j.fraction is not None]
        return sum(known) / len(known) if known else None

    # --- actions ----------
    def cancel(self, job: Job) -> None:
        """Ask the job to stop at its next check; it ends as ``cancelled`` (a generation stays resumable)."""
        if job.cancellable and job.token is not None:
            job.token.cancel()
            job.state = "cancelling"
            self.progress.emit(job)
            self.changed.emit()

    def cancel_all(self) -> None:
        for job in self.active():
            self.cancel(job)

    def clear_finished(self) -> None:
        self.jobs = [j for j in self.jobs if j.active]
        self.changed.emit()


_fallback: JobManager | None = None


def jobs_for(widget: QObject | None) -> JobManager:
    """The manager of the window ``widget`` lives in (its ``jobs`` attribute); a widget made on its own (a
    test, a dialog without the main window) shares one app-wide manager instead."""
    node = widget
    while node is not None:
        manager = getattr(node, "jobs", None)
        if isinstance(manager, JobManager):
            return manager
        node = node.parent()
    global _fallback
    if _fallback is None:
        _fallback = JobManager(QCoreApplication.instance())
    return _fallback
