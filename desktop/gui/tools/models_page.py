"""The Models page of Settings: installed models, the catalog of bigger ones, a download with progress, ETA and
Cancel, and which model does each role (offline answers, live notes, insights).

The download (the core's ``catalog.install``) is a job of the window's JobManager (``gui/jobs.py``): it goes on
when Settings closes, shows in the status bar and the Jobs panel, and reopening Settings shows it again. A suggestion
fitted to the laptop's RAM is shown once.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.cancel import CancelToken
from desktop.core.models.download import DownloadProgress
from desktop.core.models.registry import ModelEntry
from desktop.core.services import Services
from desktop.core.settings import ROLE_SETTINGS, Settings
from desktop.gui.i18n import tr
from desktop.gui.jobs import Job, jobs_for
from desktop.gui.texts.core_text import compact, number
from desktop.gui.window.model_offer import suggestion_text
from desktop.gui.workers import run_in_background

SUGGESTION_SHOWN = "model_suggestion_shown"  # settings.extra flag


def role_names() -> dict[str, str]:
    return {
        "offline_answers": tr("offline answers"),
        "live_notes": tr("live notes"),
        "insights": tr("insights"),
    }


def eta_text(seconds: float | None) -> str:
    if seconds is None:
        return tr("estimating…")
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes} min {secs:02d} s" if minutes else f"{secs} s"


class CatalogTable(QTableWidget):
    """The catalog table; its size hint is every row and every column at its contents' width (the header's
    current length would not do: the stretched last section shrinks with a narrow dialog)."""

    def sizeHint(self) -> QSize:
        header = self.horizontalHeader()
        width = sum(
            max(self.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in range(self.columnCount())
        )
        height = header.sizeHint().height() + sum(self.rowHeight(r) for r in range(self.rowCount()))
        frame = 2 * self.frameWidth()
        bar = (
            self.verticalScrollBar().sizeHint().width()
        )  # a short dialog's scroll bar takes no column's room
        return QSize(width + frame + bar, height + frame)


class ModelsPage(QWidget):
    installed_loaded = Signal()
    download_progress = Signal(object)  # DownloadProgress
    download_finished = Signal(object)  # the registered ModelEntry
    download_failed = Signal(str)

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        total_ram: int | None = None,
        cores: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.cancel_token: CancelToken | None = None
        self.installed: list[ModelEntry] = []
        self.installed_files: set[str] = set()
        from desktop.core.models.catalog import load_catalog

        self.catalog = load_catalog()
        manifest = services.registry.manifest()  # a small JSON file, read like the catalog above
        self.bundled: dict[str, object] = next(
            (m for m in manifest.get("models", []) if m.get("name") == manifest.get("default")), {}
        )
        self._build_catalog()
        self._suggest(total_ram, cores)
        roles = self._build_roles()
        self._lay_out(roles)
        self.retranslate()
        self.load_installed()
        self._follow_jobs(parent)

    def _build_catalog(self) -> None:
        """The installed models, the catalog table, its description and the download row."""
        self.installed_label = QLabel(self)
        self.installed_list = QLabel(self)
        self.installed_list.setWordWrap(True)
        self.table = CatalogTable(len(self.catalog), 6, self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Whole at Settings' default size (QA: its last columns and row were cut): no row numbers, columns as
        # wide as their texts, the last one takes what is left, and the table asks for all its rows and
        # columns (CatalogTable; the dialog sizes itself to that, settings_dialog.py).
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.description = QLabel(self)  # what the selected model (else the bundled one) is good and bad at
        self.description.setWordWrap(True)
        self.description.setTextFormat(Qt.TextFormat.RichText)
        # two lines kept free: a catalog model's notes take one or two, so choosing one never squeezes the table
        self.description.setMinimumHeight(2 * self.description.fontMetrics().lineSpacing())
        self.table.itemSelectionChanged.connect(self.describe)
        self.download_button = QPushButton(self)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.download_button.clicked.connect(lambda: self.download_selected())
        self.cancel_button.clicked.connect(self.cancel_download)

    def _suggest(self, total_ram: int | None, cores: int | None) -> None:
        """On the first visit only: select and name the catalog model that suits this laptop."""
        from desktop.core.models.catalog import Suggestion, laptop, suggest_for_laptop

        s: Settings = self.services.settings
        self.suggestion = QLabel(self)
        self.suggestion.setWordWrap(True)
        self.suggested = None
        self.suggestion_facts: Suggestion | None = None
        if not s.extra.get(SUGGESTION_SHOWN):
            ram, physical = laptop() if total_ram is None or cores is None else (total_ram, cores)
            self.suggestion_facts = suggest_for_laptop(
                ram if total_ram is None else total_ram, physical if cores is None else cores, self.catalog
            )
            self.suggested = self.suggestion_facts.model if self.suggestion_facts else None
            s.extra[SUGGESTION_SHOWN] = True  # saved with the next settings save: shown until then
        if self.suggested is not None:
            self.table.selectRow(self.catalog.index(self.suggested))
        self.suggestion.setVisible(self.suggested is not None)

    def _build_roles(self) -> QFormLayout:
        """Which model does each role: offline answers, live notes, insights."""
        self.role_boxes: dict[str, QComboBox] = {role: QComboBox(self) for role in ROLE_SETTINGS}
        self.role_labels = {role: QLabel(self) for role in ROLE_SETTINGS}
        roles = QFormLayout()
        for role, box in self.role_boxes.items():
            roles.addRow(self.role_labels[role], box)
        return roles

    def _lay_out(self, roles: QFormLayout) -> None:
        """Suggestion and installed models, the table, the download row, then the roles."""
        buttons = QHBoxLayout()
        buttons.addWidget(self.download_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.progress, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.suggestion)
        layout.addWidget(self.installed_label)
        layout.addWidget(self.installed_list)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.description)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addLayout(roles)

    def _follow_jobs(self, parent: QWidget | None) -> None:
        """Downloads live in the job registry, so a reopened page shows a running one."""
        self.jobs = jobs_for(parent)
        self.job: Job | None = None
        self.jobs.progress.connect(self._job_progressed)
        self.jobs.finished.connect(self._job_ended)
        self.jobs.failed.connect(self._job_ended)
        running = self.jobs.latest("download")
        if running is not None:
            self.attach(running)  # Settings reopened during a download: show it live

    def _fill_table(self) -> None:
        """One row per catalog model; rebuilt on a language change (the roles column is translated)."""
        for row, m in enumerate(self.catalog):
            cells = (
                ("✔ " if m.file in self.installed_files else "") + m.title,
                f"{number(m.size_bytes / 1e9, 1)} GB",
                f"{compact(m.ram_gb)} GB",
                " ".join(m.languages),
                ", ".join(role_names().get(r, r) for r in m.roles),
                m.license,
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(tr(m.notes) if m.notes else "")
                self.table.setItem(row, col, item)

    def retranslate(self) -> None:
        self._fill_table()
        self.table.setHorizontalHeaderLabels(
            [tr("Model"), tr("Download"), tr("RAM"), tr("Languages"), tr("Good for"), tr("Licence")]
        )
        self.table.resizeColumnsToContents()
        self.describe()
        self.description.setAccessibleName(tr("Model description"))
        self.installed_label.setText(tr("Installed:"))
        self.download_button.setText(tr("Download"))
        self.download_button.setToolTip(tr("Download the selected model (resumable, sha256-verified)"))
        self.cancel_button.setText(tr("Cancel"))
        self.progress.setAccessibleName(tr("Download progress"))
        if self.suggestion_facts is not None:
            self.suggestion.setText(suggestion_text(self.suggestion_facts))
        names = {
            "offline_answers": tr("Offline answers:"),
            "live_notes": tr("Live notes and tone:"),
            "insights": tr("Insight generation:"),
        }
        for role, label in self.role_labels.items():
            label.setText(names[role])
            self.role_boxes[role].setAccessibleName(names[role].rstrip(":"))

    # --- installed models and roles ----------
    def load_installed(self) -> None:
        registry = self.services.registry
        run_in_background(lambda: list(registry.list(with_metadata=False)), self._installed)

    def _installed(self, entries: list[ModelEntry]) -> None:
        self.installed = entries
        self.installed_files = {e.path.name for e in entries}
        self._fill_table()
        self.table.resizeColumnsToContents()  # the ✔ of an installed model widens the first column
        self.installed_list.setText(", ".join(e.name for e in entries) or tr("none"))
        s: Settings = self.services.settings
        for role, box in self.role_boxes.items():
            current = box.currentData() if box.count() else getattr(s, ROLE_SETTINGS[role])
            box.clear()
            box.addItem(tr("Same as the local model"), "")
            for e in entries:
                box.addItem(e.name, e.name)
            box.setCurrentIndex(max(0, box.findData(current)))
        self.installed_loaded.emit()

    def describe(self) -> None:
        """Say what the selected catalog model is, else the bundled (default) model of models/manifest.json,
        in the UI language: the same notes as the catalog's tooltips and the "Local model" tab."""
        rows = self.table.selectionModel().selectedRows()
        if rows:
            m = self.catalog[rows[0].row()]
            title, notes = m.title, m.notes
        elif self.bundled:
            title = f"{self.bundled.get('name', '')} {tr('(default)')}"
            notes = str(self.bundled.get("notes", ""))
        else:
            self.description.clear()
            return
        text = f"<b>{html.escape(title, quote=False)}</b>"
        if notes:
            text += f" — {html.escape(tr(notes), quote=False)}"
        self.description.setText(text)

    def role_choices(self) -> dict[str, str]:
        """Setting name -> chosen registry name ("" = same as the local model)."""
        return {ROLE_SETTINGS[role]: str(box.currentData() or "") for role, box in self.role_boxes.items()}

    # --- downloading (a job of the window's JobManager: it goes on when Settings closes) ----------
    def download_selected(self, endpoint: str | None = None) -> None:
        """Download the selected catalog model as a job (``endpoint``: a hub other than HF_ENDPOINT's)."""
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.cancel_token is not None:
            return
        item = self.catalog[rows[0].row()]
        from desktop.core.models import catalog

        token = CancelToken()
        registry = self.services.registry

        def work(report: Callable[[DownloadProgress], None]) -> ModelEntry:
            return catalog.install(
                item.repo_id,
                item.file,
                name=item.name,
                registry=registry,
                endpoint=endpoint,
                progress=report,
                cancel=token,
            )

        def summarize(job: Job) -> str:
            if job.error is not None:
                return str(job.error)
            return tr("'{name}' is installed; choose it for a role in Settings › Models.").format(
                name=job.result.name
            )

        job = self.jobs.start(
            "download",
            tr("Download {title}").format(title=item.title),
            work,
            token=token,
            describe=lambda p: (p.fraction, self.progress_line(p)),
            summarize=summarize,
        )
        self.attach(job)

    def attach(self, job: Job) -> None:
        """Show ``job``: one just started, or one still running from an earlier Settings window."""
        self.job = job
        self.cancel_token = job.token
        self.download_button.setEnabled(False)
        self.cancel_button.setEnabled(job.cancellable)
        self.progress.setValue(int((job.fraction or 0.0) * 1000))
        self.status.setText(job.detail or tr("Connecting to the hub…"))

    def cancel_download(self) -> None:
        if self.job is not None:
            self.jobs.cancel(self.job)
            self.status.setText(tr("Stopping…"))

    @staticmethod
    def progress_line(p: DownloadProgress) -> str:
        if p.stage == "verifying":
            return tr("Checking the sha256…")
        if p.stage == "downloading":
            return tr("{done:.0f} of {total:.0f} MB · {speed:.1f} MB/s · {eta} left").format(
                done=p.done / 1e6, total=p.total / 1e6, speed=p.speed_bps / 1e6, eta=eta_text(p.eta_s)
            )
        return ""

    def _job_progressed(self, job: Job) -> None:
        if job is not self.job or job.progress is None or job.state != "running":
            return
        p = job.progress
        self.progress.setValue(int(p.fraction * 1000))
        if job.detail:
            self.status.setText(job.detail)
        self.download_progress.emit(p)

    def _job_ended(self, job: Job) -> None:
        if job is not self.job:
            return
        self.job = None
        self.cancel_token = None
        self.download_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        if job.error is None:
            self.progress.setValue(1000)
            self.status.setText(
                tr("'{name}' is installed; choose it for a role below.").format(name=job.result.name)
            )
            self.load_installed()
            self.download_finished.emit(job.result)
        else:
            self.status.setText(str(job.error))
            self.download_failed.emit(str(job.error))


def fitted_size(dialog: QWidget, room: QSize | None = None) -> QSize:
    """Settings' default size: what its pages ask for (the Models table whole, in the UI language), at least
    the old 640x520, at most nine tenths of ``room`` (the screen's free area; on a 1366x768 laptop the
    table is whole; a smaller screen gets scroll bars rather than a dialog larger than itself)."""
    wanted = dialog.sizeHint().expandedTo(QSize(640, 520))
    if room is None:
        screen = dialog.screen()
        room = screen.availableGeometry().size() if screen is not None else wanted
    return wanted.boundedTo(room * 0.9)
