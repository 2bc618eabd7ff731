"""The jobs area's views: the status-bar indicator ("1 job running · 37%"), the Jobs panel that lists every
job with its progress, Cancel and result, and the question asked when the app closes while jobs run."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.i18n import tr
from desktop.gui.jobs import Job, JobManager


def state_label(state: str) -> str:
    return {
        "running": tr("Running"),
        "cancelling": tr("Cancelling…"),
        "done": tr("Finished"),
        "cancelled": tr("Cancelled"),
        "failed": tr("Failed"),
    }.get(state, state)


def indicator_text(manager: JobManager) -> str:
    """What the status bar says: running jobs and their overall progress, else what the last ones did."""
    active = manager.active()
    if active:
        text = tr("1 job running") if len(active) == 1 else tr("{n} jobs running").format(n=len(active))
        fraction = manager.overall_fraction()
        return text if fraction is None else f"{text} · {fraction:.0%}"
    failed = sum(1 for j in manager.jobs if j.state == "failed")
    if failed:
        return tr("Jobs: {n} failed").format(n=failed)
    return tr("Jobs: all finished")


class JobsIndicator(QPushButton):
    """A flat status-bar button; hidden until the first job, then it opens the Jobs panel."""

    def __init__(self, manager: JobManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.manager = manager
        self.setFlat(True)
        self.setObjectName("jobsIndicator")
        manager.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.setVisible(bool(self.manager.jobs))
        self.setText(indicator_text(self.manager))
        self.setToolTip(tr("Show long jobs: insight generation, model downloads, imports"))
        self.setAccessibleName(tr("Jobs"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)


class JobRow(QFrame):
    """One job: title, state, progress bar, last line (or result/error) and Cancel."""

    def __init__(self, manager: JobManager, job: Job, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.manager, self.job = manager, job
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(self)
        self.state = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 1000)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.cancel_button = QPushButton(self)
        self.cancel_button.clicked.connect(lambda: manager.cancel(job))
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.state)
        top.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.bar)
        layout.addWidget(self.detail)
        self.refresh()

    def refresh(self) -> None:
        job = self.job
        self.title.setText(f"<b>{escape(job.title)}</b>")  # a file name may hold "<"
        self.state.setText(state_label(job.state))
        if job.fraction is None and job.active:
            self.bar.setRange(0, 0)  # busy: no measurable progress
        else:
            self.bar.setRange(0, 1000)
            self.bar.setValue(int((job.fraction or 0.0) * 1000))
        self.bar.setAccessibleName(tr("Progress of {title}").format(title=job.title))
        self.detail.setText(job.detail if job.active else (job.summary or job.detail))
        self.cancel_button.setText(tr("Cancel"))
        self.cancel_button.setAccessibleName(tr("Cancel {title}").format(title=job.title))
        self.cancel_button.setVisible(job.token is not None and job.active)
        self.cancel_button.setEnabled(job.cancellable)


class JobsDialog(QDialog):
    """The Jobs panel: every job of this session, newest first; Clear finished drops the ended ones."""

    refreshed = Signal()

    def __init__(self, manager: JobManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.manager = manager
        self.setModal(False)
        self.resize(520, 420)
        self.rows: dict[int, JobRow] = {}
        self.empty = QLabel(self)
        self.list_widget = QWidget(self)
        self.list_layout = QVBoxLayout(self.list_widget)
        self.list_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.list_widget)
        self.clear_button = QPushButton(self)
        self.close_button = QPushButton(self)
        self.clear_button.clicked.connect(manager.clear_finished)
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        manager.changed.connect(self.refresh)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Jobs"))
        self.empty.setText(tr("No jobs. Insight generation, model downloads and imports appear here."))
        self.clear_button.setText(tr("Clear finished"))
        self.close_button.setText(tr("Close"))
        for row in self.rows.values():
            row.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def row(self, job: Job) -> JobRow | None:
        return self.rows.get(job.id)

    def refresh(self) -> None:
        jobs = {j.id: j for j in self.manager.jobs}
        for job_id in [i for i in self.rows if i not in jobs]:
            self.rows.pop(job_id).deleteLater()
        for job in self.manager.jobs:
            row = self.rows.get(job.id)
            if row is None:
                row = JobRow(self.manager, job, self.list_widget)
                self.rows[job.id] = row
                self.list_layout.insertWidget(0, row)  # newest first
            row.refresh()
        self.empty.setVisible(not jobs)
        self.clear_button.setEnabled(any(not j.active for j in self.manager.jobs))
        self.refreshed.emit()


def confirm_quit(manager: JobManager, parent: QWidget | None = None) -> bool:
    """Ask before closing while jobs run. True: cancel them and quit; False: keep running (do not quit)."""
    active = manager.active()
    if not active:
        return True
    box = QMessageBox(parent)
    box.setObjectName("confirmQuitJobs")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(tr("Jobs are running"))
    box.setText(
        tr("{n} jobs are still running.").format(n=len(active))
        if len(active) > 1
        else tr("A job is still running.")
    )
    box.setInformativeText(
        "\n".join(f"• {j.title}" for j in active)
        + "\n\n"
        + tr(
            "Quitting cancels them. A cancelled generation continues where it stopped when you start it again."
        )
    )
    quit_button = box.addButton(tr("Cancel jobs and quit"), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(tr("Keep running"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    if box.clickedButton() is not quit_button:
        return False
    manager.cancel_all()
    return True
