"""The Documents window: the team's files that answers cite (add by drag and drop or a file dialog, remove,
re-check), each with its status or the reason it is not indexed. Adding runs as a job of the window's
JobManager (``gui/jobs.py``): it goes on when this window closes and shows in the Jobs panel.

Folders added are watched while the app runs (``tools/document_watch.py``): the window lists them, says what
the watcher re-indexed or removed, and lets the user stop watching one (its documents stay)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.i18n import tr
from desktop.gui.jobs import Job, JobManager
from desktop.gui.texts.core_text import localize
from desktop.gui.workers import run_in_background

if TYPE_CHECKING:
    from desktop.core.documents.index import AddReport, DocumentInfo, FileResult
    from desktop.core.services import Services
    from desktop.gui.tools.document_watch import DocumentWatch

FILTER = "*.pdf *.docx *.md *.markdown *.txt *.html *.htm"


class DocumentsDialog(QDialog):
    """Lists the documents and adds, removes or re-checks them; ``changed`` after every job that ended."""

    changed = Signal()

    def __init__(
        self,
        services: Services,
        jobs: JobManager,
        parent: QWidget | None = None,
        watch: DocumentWatch | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.jobs = jobs
        self.watch = watch
        watched_box = self._build_watched()  # first: the event filter and changeEvent use its widgets
        self.infos: list[DocumentInfo] = []
        self.setAcceptDrops(True)
        self.resize(820, 460)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)  # one line a document; the whole text is in the tooltip and below
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a path keeps its file name in sight
        header = self.table.horizontalHeader()
        for column in (1, 2):  # language and passages: short values
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)  # the status says why a file failed
        self.table.setColumnWidth(0, 200)
        self.table.setColumnWidth(4, 200)
        self.table.installEventFilter(self)
        self.watched_list.installEventFilter(self)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.add_files_button = QPushButton()
        self.add_folder_button = QPushButton()
        self.remove_button = QPushButton()
        self.reindex_button = QPushButton()
        self.close_button = QPushButton()
        buttons = QHBoxLayout()
        for button in (
            self.add_files_button,
            self.add_folder_button,
            self.remove_button,
            self.reindex_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(watched_box)
        layout.addLayout(buttons)
        self.add_files_button.clicked.connect(self.choose_files)
        self.add_folder_button.clicked.connect(self.choose_folder)
        self.remove_button.clicked.connect(self.remove_selected)
        self.reindex_button.clicked.connect(self.reindex)
        self.close_button.clicked.connect(self.close)
        self.retranslate()
        self.reload()
        self._follow_watch()

    def _build_watched(self) -> QVBoxLayout:
        """The watched folders and Stop watching (hidden without a watcher)."""
        self.watched_label = QLabel()
        self.watched_label.setWordWrap(True)
        self.watched_list = QListWidget()
        self.watched_list.setMaximumHeight(90)
        self.unwatch_button = QPushButton()
        self.unwatch_button.setEnabled(False)
        self.unwatch_button.clicked.connect(self.unwatch_selected)
        self.watched_list.itemSelectionChanged.connect(
            lambda: self.unwatch_button.setEnabled(bool(self.watched_list.selectedItems()))
        )
        row = QHBoxLayout()
        row.addWidget(self.watched_list, 1)
        row.addWidget(self.unwatch_button, 0, Qt.AlignmentFlag.AlignTop)
        box = QVBoxLayout()
        box.addWidget(self.watched_label)
        box.addLayout(row)
        for widget in (self.watched_label, self.watched_list, self.unwatch_button):
            widget.setVisible(self.watch is not None)
        self._reload_soon = QTimer(self)  # a burst of watcher results reloads the table once
        self._reload_soon.setSingleShot(True)
        self._reload_soon.setInterval(300)
        self._reload_soon.timeout.connect(self.reload)
        return box

    def _follow_watch(self) -> None:
        watch = self.watch
        if watch is None:
            return
        watch.folders_changed.connect(self._show_watched)
        watch.result.connect(self._watched_result)
        watch.failed.connect(self._failed)
        self._show_watched(watch.folders)
        watch.start()  # already running in the app: nothing happens

    # ------------------------------------------------------------------------------------------- actions
    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, tr("Add documents"), str(Path.home()), tr("Documents") + f" ({FILTER})"
        )
        if files:
            self.add([Path(f) for f in files])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Add a folder of documents"), str(Path.home()))
        if folder:
            self.add([Path(folder)])

    def add(self, paths: list[Path]) -> Job:
        """Index ``paths`` as a job; the table shows each file's status when it ends."""

        def work(report: Any) -> AddReport:
            return self.services.documents.add(paths, progress=lambda d, t, p: report((d, t, p.name)))

        return self._job(tr("Adding documents"), work)

    def reindex(self) -> Job:
        def work(report: Any) -> AddReport:
            return self.services.documents.reindex(progress=lambda d, t, p: report((d, t, p.name)))

        return self._job(tr("Checking documents again"), work)

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        paths = [Path(self.infos[r].path) for r in rows if r < len(self.infos)]
        if not paths:
            return

        def work() -> int:
            return sum(len(self.services.documents.remove(p)) for p in paths)

        run_in_background(work, lambda n: self._removed(int(n)), self._failed)

    def _job(self, title: str, work: Any) -> Job:
        self.status.setText(title + "…")

        def describe(value: Any) -> tuple[float | None, str]:
            done, total, name = value
            line = tr("{done} of {total}: {name}").format(done=done, total=total, name=name)
            return (done / total if total else None), line

        return self.jobs.start(
            "documents", title, work, describe=describe, summarize=self._summary, on_end=self._ended
        )

    # ------------------------------------------------------------------------------------------- results
    def _summary(self, job: Job) -> str:
        if job.error is not None:
            return localize(str(job.error))
        report: AddReport = job.result
        counts = report.to_dict()["counts"]
        text = tr("{indexed} indexed, {unchanged} unchanged, {errors} not indexed, {removed} removed").format(
            indexed=counts.get("indexed", 0),
            unchanged=counts.get("unchanged", 0),
            errors=counts.get("error", 0),
            removed=counts.get("removed", 0),
        )
        problems = [localize(p.message) for p in report.problems]
        return "\n".join([text, *problems])

    def _ended(self, job: Job) -> None:
        self.status.setText(job.summary)
        self.reload()
        if self.watch is not None:
            self.watch.sync()  # a folder just added is watched from now on
        self.changed.emit()

    def unwatch_selected(self) -> None:
        """Stop watching the selected folder; its documents stay in the index."""
        items = self.watched_list.selectedItems()
        if items and self.watch is not None:
            self.watch.unwatch(items[0].text())

    def _show_watched(self, folders: list[str]) -> None:
        self.watched_list.clear()
        self.watched_list.addItems(folders)
        self.unwatch_button.setEnabled(False)

    def _watched_result(self, result: FileResult) -> None:
        from desktop.gui.tools.document_watch import result_text

        self.status.setText(localize(result_text(result)))
        self._reload_soon.start()
        self.changed.emit()

    def _removed(self, n: int) -> None:
        self.status.setText(tr("{n} removed").format(n=n))
        self.reload()
        self.changed.emit()

    def _failed(self, error: BaseException) -> None:
        self.status.setText(localize(str(error)))

    def reload(self) -> None:
        run_in_background(lambda: self.services.documents.documents(), self._show, self._failed)

    def _show(self, infos: list[DocumentInfo]) -> None:
        """Fill the table; the selection follows the documents (by path), not the row numbers, so a Delete
        after a reload never removes a document the user did not pick."""
        chosen = {self.infos[i.row()].path for i in self.table.selectedIndexes() if i.row() < len(self.infos)}
        self.infos = list(infos)
        self.table.setRowCount(len(self.infos))
        for row, info in enumerate(self.infos):
            status = tr("Indexed") if info.status == "indexed" else localize(info.error)
            values = [info.title, info.language, str(info.passages), status, info.path]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(row, col, item)
        self._select([row for row, info in enumerate(self.infos) if info.path in chosen])

    def _select(self, rows: list[int]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row in rows:
            selection.select(self.table.model().index(row, 0), flags)

    # ------------------------------------------------------------------------------------- drag and drop
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add(paths)

    # -------------------------------------------------------------------------------------------- texts
    def retranslate(self) -> None:
        self.setWindowTitle(tr("Documents"))
        self.hint.setText(
            tr(
                "The team's own files (PDF, DOCX, Markdown, text, HTML): answers quote and cite them, online and "
                "offline. Drop files or folders here, or add them with the buttons."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [tr("Title"), tr("Language"), tr("Passages"), tr("Status"), tr("Path")]
        )
        self.table.setAccessibleName(tr("Documents"))
        self.add_files_button.setText(tr("Add &files…"))
        self.add_folder_button.setText(tr("Add f&older…"))
        self.remove_button.setText(tr("&Remove"))
        self.reindex_button.setText(tr("Check &again"))
        self.watched_label.setText(
            tr("Watched folders: while the app runs, what changes in them is indexed again.")
        )
        self.watched_list.setAccessibleName(tr("Watched folders"))
        self.unwatch_button.setText(tr("&Stop watching"))
        self.close_button.setText(tr("Close"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: Any, event: QEvent) -> bool:
        """Del in the list removes the selected documents (the files stay on disk); in the watched folders it
        stops watching the selected one."""
        if (
            watched in (self.table, self.watched_list)
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Delete
        ):
            self.remove_selected() if watched is self.table else self.unwatch_selected()
            return True
        return super().eventFilter(watched, event)
