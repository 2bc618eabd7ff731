"""Generate new cultural insights with the local model: choose target, languages, categories and model; watch
progress with rate and ETA; cancel at any time; read the report of what the quality gates let in.

The generator is a plain callable (:func:`desktop.core.generation.generator.run_generation`), run as a job of
the window's JobManager (``gui/jobs.py``) with a CancelToken, so the run goes on when this dialog closes and a
reopened dialog shows it live; its ``on_progress(GenerationProgress)`` callback arrives as queued signals.
Cancelling keeps what was accepted and the run stays resumable: Start, with "Resume" checked (the dialog
checks it after a cancel), continues it. While "Resume" is checked the form shows that run's settings (read
from the run store, which is what Start resumes) and cannot be edited: they are the run's, not new ones; a
reopened dialog shows the settings of the run it attaches to. Tests may pass their own callable with the
same signature.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.cancel import CancelToken
from desktop.core.errors import Cancelled
from desktop.core.generation.generator import GenerationProgress, RunReport
from desktop.core.generation.runs import RunState
from desktop.core.knowledge.insight import CATEGORIES, LANGUAGES
from desktop.core.models.registry import ModelEntry
from desktop.core.services import Services
from desktop.gui.events import INSIGHTS, app_events
from desktop.gui.i18n import LANGUAGES as LANGUAGE_NAMES
from desktop.gui.i18n import tr
from desktop.gui.jobs import Job, JobManager, jobs_for
from desktop.gui.texts.core_text import localize
from desktop.gui.texts.generate_texts import LocalNumber, gate_label, row_label, status_label
from desktop.gui.tools.knowledge_chart import category_label
from desktop.gui.workers import Task, run_in_background

Generator = Callable[..., RunReport]


def default_generator() -> Generator:
    """The generation entry point, imported only when a run starts (it pulls in the model runtime)."""
    from desktop.core.generation import run_generation

    return run_generation


def format_duration(seconds: float | None) -> str:
    if seconds is None or seconds != seconds or seconds < 0:  # None or NaN
        return "—"
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    minutes, sec = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {sec:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def progress_values(progress: GenerationProgress) -> dict[str, Any]:
    """A progress tick as the plain values the dialog shows (and tests read from ``last_progress``)."""
    return progress.to_dict()


def progress_text(v: dict[str, Any]) -> str:
    """One progress tick as the line the dialog and the Jobs panel show."""
    text = tr(
        "{done} of {total} · accepted {acc} · rejected {rej} · {rate:.1f} per minute · ETA {eta}"
    ).format(
        done=int(v.get("done") or 0),
        total=int(v.get("target") or 0),
        acc=v.get("accepted") or 0,
        rej=v.get("rejected") or 0,
        rate=LocalNumber(v.get("rate_per_min")),
        eta=format_duration(v.get("eta_s")),
    )
    gate = v.get("last_gate") or ""
    if gate and gate != "accepted":
        text += "\n" + tr("Last attempt rejected by: {gate}").format(gate=gate_label(str(gate)))
    return text


def cancelled_text() -> str:
    return tr("Cancelled. What was accepted so far is kept. Press Start to continue where it stopped.")


def stop_reason_text(status: str, fallback: str = "") -> str:
    """Why a run stopped, in the user's language and in app terms (the core's text names CLI flags)."""
    reasons = {
        "done": tr("target reached"),
        "budget": tr("stopped: attempt budget spent"),
        "cancelled": tr("cancelled: progress saved; press Start to continue"),
        "running": tr("interrupted: press Start to continue"),
    }
    return reasons.get(status, fallback or status)


@dataclass(frozen=True)
class GenerationParams:
    target: int
    languages: list[str]
    categories: list[str]
    model: str
    resume: bool = False
    approve: bool = False

    @classmethod
    def of_run(cls, state: RunState) -> GenerationParams:
        """The settings of a stored run (``runs.RunState``), as the form shows them."""
        return cls(
            target=int(state.target),
            languages=list(state.languages),
            categories=list(state.categories),
            model=str(state.model),
            resume=True,
            approve=bool(state.approve),
        )


def resumable_run(services: Services) -> GenerationParams | None:
    """The run Start continues with "Resume" checked (``run_generation(resume=True)`` takes the same one)."""
    state = services.generation_runs.latest_unfinished()
    return None if state is None else GenerationParams.of_run(state)


def start_generation(
    jobs: JobManager, services: Services, generator: Generator, params: GenerationParams
) -> Job:
    """Start a generation run as a job: it outlives the dialog, and its end refreshes the insight views."""
    token = CancelToken()

    def work(report: Callable[[dict[str, Any]], None]) -> RunReport:
        return generator(
            services,
            target=params.target,
            languages=params.languages,
            categories=params.categories,
            model=params.model,
            on_progress=lambda progress: report(progress_values(progress)),
            cancel=token,
            resume=params.resume,
            approve=params.approve,
        )

    def describe(v: dict[str, Any]) -> tuple[float | None, str]:
        total = int(v.get("target") or 0)
        return (min(1.0, int(v.get("done") or 0) / total) if total else None), progress_text(v)

    def summarize(job: Job) -> str:
        report = job.result if isinstance(job.result, dict) else {}
        values = {
            "acc": report.get("accepted", 0),
            "rej": report.get("rejected", 0),
            "target": report.get("target", params.target),
        }
        if job.state == "cancelled":
            return tr(
                "Cancelled at {acc} of {target} accepted. Open Generate and press Start to continue."
            ).format(**values)
        if job.state == "failed":
            return tr("Generation failed: {err}").format(err=job.error)
        return tr("{acc} accepted, {rej} rejected (target {target}).").format(**values)

    title = (
        tr("Continue the last generation run")
        if params.resume
        else tr("Generate {n} insights").format(n=params.target)
    )
    return jobs.start(
        "generation",
        title,
        work,
        token=token,
        describe=describe,
        summarize=summarize,
        on_end=lambda _job: app_events().data_changed.emit(INSIGHTS),  # what was accepted is kept
        params=params,
    )


def _rates(title: str, table: dict[str, Any], key: str = "") -> list[str]:
    lines = [title]
    for name, cell in table.items():
        if isinstance(cell, dict):
            lines.append(
                f"  {row_label(key, name)}: "
                + tr("{acc} accepted of {att} attempts").format(
                    acc=cell.get("accepted", 0), att=cell.get("attempts", 0)
                )
            )
    return lines


def format_report(report: RunReport | str) -> str:
    """The run report as readable text: totals, then per gate, language, category and model."""
    if isinstance(report, str):
        return report
    lines = [
        tr("Status: {s}").format(
            s=stop_reason_text(str(report.get("status", "")), str(report.get("stop_reason", "")))
        ),
        tr("Model: {m}").format(m=report.get("model", "")),
        tr("Accepted {acc}, rejected {rej}, attempts {att} (acceptance {pct:.0%})").format(
            acc=report.get("accepted", 0),
            rej=report.get("rejected", 0),
            att=report.get("attempts", 0),
            pct=LocalNumber(report.get("acceptance")),
        ),
        tr("Time {t}, {r} accepted per minute; new insights are {st}").format(
            t=format_duration(report.get("elapsed_s")),
            r=LocalNumber(report.get("accepted_per_min")),
            st=status_label(str(report.get("insight_status", "pending"))),
        ),
    ]
    gates = report.get("by_gate") or {}
    if gates:
        lines.append(tr("Quality gates (rejected first by / failed / passed):"))
        for gate, cell in gates.items():
            lines.append(
                f"  {gate_label(gate)}: {cell.get('rejected_first', 0)} / {cell.get('failed', 0)} / "
                f"{cell.get('passed', 0)}"
            )
    for key, title, table in (
        ("by_language", tr("Per language:"), report.get("by_language")),
        ("by_category", tr("Per category:"), report.get("by_category")),
        ("by_model", tr("Per model:"), report.get("by_model")),
    ):
        if table:
            lines += _rates(title, table, key)
    known = {
        "stop_reason",
        "status",
        "model",
        "accepted",
        "rejected",
        "attempts",
        "acceptance",
        "elapsed_s",
        "accepted_per_min",
        "insight_status",
        "by_gate",
        "by_language",
        "by_category",
        "by_model",
        "accepted_ids",
        "model_sha256",
        "run_id",
        "target",
        "max_attempts",
        "languages",
        "categories",
    }
    rest = {k: v for k, v in report.items() if k not in known}
    if rest:
        lines.append(json.dumps(rest, ensure_ascii=False, indent=2, default=str))
    return "\n".join(lines)


class GenerateDialog(QDialog):
    progressed = Signal(object)  # the progress dict, after the view updated (tests wait on it)
    finished_run = Signal(object)  # the report dict, or None when cancelled/failed

    def __init__(
        self, services: Services, parent: QWidget | None = None, generator: Generator | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.generator = generator
        self.jobs = jobs_for(parent)
        self.job: Job | None = None
        self.token: CancelToken | None = None
        self.task: Task | None = None
        self.report: RunReport | None = None
        self.last_progress: dict[str, Any] | None = None
        self.state = "idle"  # idle | running | cancelling | done | cancelled | failed
        self.wanted_model = ""  # the model of the run shown, selected once the list has loaded
        self.setModal(False)
        self.resize(620, 620)

        lang_row = self._build_choices()
        self._build_run_view()
        self._lay_out(lang_row)
        self._wire()
        self.retranslate()
        self._load_models()
        self._follow_jobs()

    def _build_choices(self) -> QHBoxLayout:
        """What to generate: target, languages, categories, model; returns the language row."""
        self.target = QSpinBox(self)
        self.target.setRange(1, 100_000)
        self.target.setValue(30)
        self.language_boxes: dict[str, QCheckBox] = {}
        lang_row = QHBoxLayout()
        for code in LANGUAGES:
            box = QCheckBox(f"{LANGUAGE_NAMES.get(code, code)} ({code})", self)
            box.setChecked(True)
            self.language_boxes[code] = box
            lang_row.addWidget(box)
        lang_row.addStretch(1)
        self.categories = QListWidget(self)
        self.categories.setMaximumHeight(150)
        for cat in CATEGORIES:
            item = QListWidgetItem(category_label(cat))
            item.setData(Qt.ItemDataRole.UserRole, cat)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.categories.addItem(item)
        self.model = QComboBox(self)
        self.approve = QCheckBox(self)
        self.resume = QCheckBox(self)
        self.model_info = QLabel(self)
        self.model_info.setWordWrap(True)
        return lang_row

    def _build_run_view(self) -> None:
        """The progress, the report and the start/cancel/close buttons."""
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress_label = QLabel(self)
        self.report_view = QPlainTextEdit(self)
        self.report_view.setReadOnly(True)
        self.start_button = QPushButton(self)
        self.cancel_button = QPushButton(self)
        self.close_button = QPushButton(self)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel_run)
        self.close_button.clicked.connect(self.close)
        self.cancel_button.setEnabled(False)

    def _lay_out(self, lang_row: QHBoxLayout) -> None:
        """The choices form above the progress, the report and the buttons."""
        self.form = QFormLayout()
        self.form_labels = [QLabel(self) for _ in range(4)]
        self.form.addRow(self.form_labels[0], self.target)
        self.form.addRow(self.form_labels[1], lang_row)
        self.form.addRow(self.form_labels[2], self.categories)
        self.form.addRow(self.form_labels[3], self.model)
        self.form.addRow("", self.model_info)
        self.form.addRow("", self.approve)
        self.form.addRow("", self.resume)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.progress)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.report_view, 1)
        layout.addLayout(buttons)

    def _wire(self) -> None:
        """Picking a model shows what it is; ticking resume fills in the unfinished run."""
        self.model.currentIndexChanged.connect(self._model_changed)
        self.resume.toggled.connect(self._resume_toggled)

    def _follow_jobs(self) -> None:
        """Runs live in the job registry, so a reopened dialog shows the latest one."""
        self.jobs.progress.connect(self._job_progressed)
        self.jobs.finished.connect(self._job_ended)
        self.jobs.failed.connect(self._job_ended)
        latest = self.jobs.latest("generation", active_only=False)
        if latest is not None and latest.active:
            self.attach(latest)  # reopened while a run goes on: show it live
        elif latest is not None:
            self.show_ended(latest)  # it ended while the dialog was closed: its report, not "Not started."
        else:
            self._check_unfinished()

    # --- texts ----------
    def retranslate(self) -> None:
        self.setWindowTitle(tr("Generate cultural insights"))
        for label, text in zip(
            self.form_labels, (tr("Target:"), tr("Languages:"), tr("Categories:"), tr("Model:")), strict=True
        ):
            label.setText(text)
        self.target.setToolTip(tr("How many accepted insights to aim for"))
        self.target.setAccessibleName(tr("Target number of insights"))
        self.categories.setAccessibleName(tr("Categories"))
        self.model.setAccessibleName(tr("Local model"))
        self.model.setToolTip(tr("Larger models write better Indonesian and Italian"))
        for i in range(self.categories.count()):
            item = self.categories.item(i)
            item.setText(category_label(item.data(Qt.ItemDataRole.UserRole)))
        self.approve.setText(tr("Approve accepted insights at once (otherwise they wait as pending)"))
        self.resume.setText(tr("Resume the last unfinished run"))
        self.resume.setToolTip(
            tr("Continue where a cancelled or interrupted run stopped, without duplicates")
        )
        self.start_button.setText(tr("Start"))
        self.start_button.setAccessibleName(tr("Start generation"))
        self.cancel_button.setText(tr("Cancel run"))
        self.cancel_button.setAccessibleName(tr("Cancel generation"))
        self.close_button.setText(tr("Close"))
        self.close_button.setToolTip(
            tr("A running generation goes on after you close this window; the status bar shows it.")
        )
        self.progress.setAccessibleName(tr("Generation progress"))
        self.report_view.setAccessibleName(tr("Generation report"))
        self.report_view.setPlaceholderText(
            tr(
                "The report appears here: accepted and rejected insights per gate, language and category. "
                "New insights go in as pending until you approve them in the knowledge browser."
            )
        )
        if self.last_progress is None:
            self.progress_label.setText(tr("Not started."))
        else:
            self._show_progress(self.last_progress)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- models ----------
    def _load_models(self) -> None:
        services = self.services
        run_in_background(
            lambda: list(services.registry.list()),
            self._models_loaded,
            lambda exc: self.model_info.setText(localize(str(exc))),
        )

    def _models_loaded(self, entries: list[ModelEntry]) -> None:
        self.model.clear()
        current = self.services.settings.local_model
        for entry in entries:
            if entry.status != "ok":
                continue
            self.model.addItem(entry.name, entry)
            if entry.name == current or (not current and entry.default):
                self.model.setCurrentIndex(self.model.count() - 1)
        if self.wanted_model:
            self._select_model(self.wanted_model)

    def _select_model(self, name: str) -> None:
        """Select the model ``name``; one no longer installed is still shown, by name."""
        self.wanted_model = name
        if self.model.count() == 0:
            return  # the list is still loading: _models_loaded selects it
        index = self.model.findText(name)
        if index < 0:
            self.model.addItem(name, None)
            index = self.model.count() - 1
        self.model.setCurrentIndex(index)

    def _model_changed(self, _index: int) -> None:
        entry: ModelEntry | None = self.model.currentData()
        if entry is None:
            self.model_info.setText("")
            return
        parts = []
        if entry.info is not None:
            parts.append(
                f"{entry.info.size_label} · {entry.info.quantization} · ctx {entry.info.context_length}"
            )
        if entry.notes:
            parts.append(localize(entry.notes))
        self.model_info.setText("\n".join(parts))

    # --- running (the run is a job of the window's JobManager; this dialog is only its view) ----------
    def selected_languages(self) -> list[str]:
        return [code for code, box in self.language_boxes.items() if box.isChecked()]

    def selected_categories(self) -> list[str]:
        out = []
        for i in range(self.categories.count()):
            item = self.categories.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return out

    def show_params(self, params: GenerationParams) -> None:
        """Fill the form with a run's settings (the one running, or the one Start resumes)."""
        self.target.setValue(params.target)
        for code, box in self.language_boxes.items():
            box.setChecked(code in params.languages)
        for i in range(self.categories.count()):
            item = self.categories.item(i)
            chosen = item.data(Qt.ItemDataRole.UserRole) in params.categories
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
        self.approve.setChecked(params.approve)
        if params.model:
            self._select_model(params.model)

    def _resume_toggled(self, checked: bool) -> None:
        """Resume checked: the form shows the run Start continues, read-only; unchecked: a new run's form."""
        self._set_running(self.state in ("running", "cancelling"))
        if not checked:
            return

        def found(params: GenerationParams | None) -> None:
            if params is not None and self.resume.isChecked() and self.state not in ("running", "cancelling"):
                self.show_params(params)

        run_in_background(lambda: resumable_run(self.services), found, lambda exc: None)

    def start(self) -> None:
        if self.state in ("running", "cancelling"):
            return
        languages, categories = self.selected_languages(), self.selected_categories()
        if not languages or not categories:
            self.progress_label.setText(tr("Choose at least one language and one category."))
            return
        chosen: ModelEntry | None = self.model.currentData()
        params = GenerationParams(
            target=self.target.value(),
            languages=languages,
            categories=categories,
            model=chosen.name if chosen is not None else "",
            resume=self.resume.isChecked(),
            approve=self.approve.isChecked(),
        )
        job = start_generation(self.jobs, self.services, self.generator or default_generator(), params)
        self.attach(job)

    def attach(self, job: Job) -> None:
        """Show ``job`` (just started, or still running from before this dialog was opened)."""
        self.job = job
        self.token = job.token
        self.task = job.task
        self.report = None
        self.last_progress = None
        self.state = "cancelling" if job.state == "cancelling" else "running"
        if isinstance(job.params, GenerationParams):
            self.show_params(job.params)  # reopened on a running job: its settings, not the defaults
        self.report_view.clear()
        self.progress.setRange(0, max(1, int((job.progress or {}).get("target") or 1)))
        self.progress.setValue(0)
        self._set_running(True)
        if job.progress:
            self._progress(job.progress)
        else:
            self.progress_label.setText(tr("Loading the model…"))
        if job.state == "cancelling":
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(tr("Cancelling after the current insight…"))

    def show_ended(self, job: Job) -> None:
        """Show a run that ended while no dialog was open, as if this dialog had watched it."""
        self.job, self.token, self.task = job, job.token, job.task
        if job.progress:
            self._progress(job.progress)
        self._job_ended(job)

    def _job_progressed(self, job: Job) -> None:
        if job is self.job and job.progress is not None and job.state == "running":
            self._progress(job.progress)

    def _job_ended(self, job: Job) -> None:
        if job is not self.job:
            return
        if job.error is not None:
            self._failed(job.error)
        else:
            self._done(job.result)

    def _progress(self, values: dict[str, Any]) -> None:
        self.last_progress = values
        self._show_progress(values)
        self.progressed.emit(values)

    def _show_progress(self, v: dict[str, Any]) -> None:
        """The bar counts accepted insights toward the target; the line adds attempts, rate and ETA."""
        total = int(v.get("target") or 0)
        done = int(v.get("done") or 0)
        if total and self.progress.maximum() != total:
            self.progress.setRange(0, total)
        self.progress.setValue(min(done, self.progress.maximum()))
        self.progress.setFormat(f"{done}/{total}")
        self.progress_label.setText(progress_text(v))

    def _done(self, report: RunReport) -> None:
        cancelled = (self.token is not None and self.token.cancelled) or (
            isinstance(report, dict) and report.get("status") == "cancelled"
        )
        self.report = report
        self.state = "cancelled" if cancelled else "done"
        self._set_running(False)
        text = format_report(report)
        self.progress_label.setText(cancelled_text() if cancelled else tr("Finished."))
        # Cancelled: what the message promises, Start continues this run (the form shows it). Finished:
        # nothing left to continue, so the form is a new run's again.
        self.resume.setChecked(cancelled)
        self.report_view.setPlainText(text)
        self.finished_run.emit(report)

    def _failed(self, exc: BaseException) -> None:
        cancelled = isinstance(exc, Cancelled) or (self.token is not None and self.token.cancelled)
        self.state = "cancelled" if cancelled else "failed"
        self._set_running(False)
        if cancelled:
            self.progress_label.setText(cancelled_text())
            self.resume.setChecked(True)
        else:
            self.progress_label.setText(tr("Generation failed: {err}").format(err=localize(str(exc))))
        self.finished_run.emit(None)

    def cancel_run(self) -> None:
        if self.job is not None and self.state == "running":
            self.jobs.cancel(self.job)
            self.state = "cancelling"
            self.progress_label.setText(tr("Cancelling after the current insight…"))
            self.cancel_button.setEnabled(False)

    def _check_unfinished(self) -> None:
        """Offer to continue a run a cancel, a crash or the CLI left unfinished (Start then resumes it)."""

        def lookup() -> dict[str, int] | None:
            state = self.services.generation_runs.latest_unfinished()
            return None if state is None else {"accepted": state.accepted, "target": state.target}

        def found(run: dict[str, int] | None) -> None:
            if run is None or self.job is not None:
                return
            self.resume.setChecked(True)
            self.progress_label.setText(
                tr(
                    "A run stopped at {acc} of {target} accepted insights. Press Start to continue it "
                    "(uncheck the box above to start a new one)."
                ).format(acc=run["accepted"], target=run["target"])
            )

        run_in_background(lookup, found, lambda exc: None)

    def _set_running(self, running: bool) -> None:
        self.start_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.resume.setEnabled(not running)
        editable = not running and not self.resume.isChecked()  # a resumed run keeps its own settings
        for widget in (
            self.target,
            self.categories,
            self.model,
            self.approve,
            *self.language_boxes.values(),
        ):
            widget.setEnabled(editable)

    def closeEvent(self, event: Any) -> None:
        # Closing the window does not stop the run: it goes on as a job (status bar, Jobs panel), and
        # reopening Generate shows it again.
        super().closeEvent(event)
