"""The knowledge browser: see, filter, edit, approve and exchange the cultural insights the answers rely on.

Filtering happens in the store (in a worker); the table model only holds the page that came back, and a proxy
sorts it. Each reload carries a generation number and a result that a newer reload has overtaken is dropped, so
quick filter changes (arrow keys on a drop-down) never leave an older filter's rows on screen. After an edit,
approval or deletion the selected insights stay selected (by id) and the table keeps its scroll position; rows
are by date, then text, until the user sorts, so approving or correcting one does not move it. The chart counts
the insights that match the filters. Imports report every bad line with its number and reason, because a team
fixing a JSONL file by hand needs to know exactly where.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.knowledge.insight import CATEGORIES, LANGUAGES, STATUSES, Insight
from desktop.core.knowledge.jsonl import ImportReport
from desktop.core.services import Services
from desktop.gui.events import INSIGHTS, app_events
from desktop.gui.i18n import tr
from desktop.gui.jobs import Job, jobs_for
from desktop.gui.texts.core_text import localize, source_label
from desktop.gui.tools.knowledge_chart import KnowledgeChart, category_label
from desktop.gui.window.window_keys import close_with_keys
from desktop.gui.workers import run_in_background

PAGE = 5000  # the browser shows at most this many rows per filter; the count label says so
ALL_ROWS = 2**31  # store.list's limit when the chart needs every matching insight
ANY = ""

Index = QModelIndex | QPersistentModelIndex


def status_label(status: str) -> str:
    return {"approved": tr("approved"), "pending": tr("pending"), "rejected": tr("rejected")}.get(
        status, status
    )


class InsightTableModel(QAbstractTableModel):
    COLUMNS = ("status", "language", "category", "text", "concepts", "source", "created_at")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[Insight] = []

    def set_items(self, items: list[Insight]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return {
            "status": tr("Status"),
            "language": tr("Language"),
            "category": tr("Category"),
            "text": tr("Text"),
            "concepts": tr("Concepts"),
            "source": tr("Source"),
            "created_at": tr("Created"),
        }[self.COLUMNS[section]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        column = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == "status":
                return status_label(item.status)
            if column == "category":
                return category_label(item.category)
            if column == "concepts":
                return ", ".join(item.concepts)
            if column == "source":
                return source_label(item.source)
            if column == "created_at":
                return item.created_at[:10]
            if column == "text":
                return item.text.replace("\n", " ")
            return str(getattr(item, column))
        if role == Qt.ItemDataRole.ToolTipRole and column in ("text", "concepts"):
            return item.text
        if role == Qt.ItemDataRole.UserRole:
            return item
        return None

    def insight_at(self, row: int) -> Insight:
        return self.items[row]


def history_text(insight: Insight) -> str:
    """Whose laptop this version came from, and the earlier versions the team sync kept (newest first)."""
    from desktop.core.sync.history import insight_history, origin_of

    lines = []
    origin = origin_of(insight)
    if origin:
        lines.append(
            tr("from {name}'s laptop, {date}").format(name=origin["name"] or "?", date=origin["at"][:10])
        )
    history = insight_history(insight.id)
    if history:
        lines.append(tr("Earlier versions (kept by the team sync):"))
    reasons = {"conflict": tr("lost a conflict"), "replaced": tr("replaced by a newer edit")}
    for old in history:
        rows = old["record"].get("rows") or []
        meta = rows[0].get("metadata", {}) if rows else {}
        what = (
            tr("deleted")
            if old["record"].get("deleted") or not rows
            else (
                f"{category_label(str(meta.get('category', '')))} · {meta.get('concepts', '')} · "
                f"{status_label(str(meta.get('status', '')))} · {rows[0].get('document', '')}"
            )
        )
        lines.append(
            f"{old['edited_at'][:16].replace('T', ' ')} · {old['origin_name'] or '?'} · "
            f"{reasons.get(old['reason'], old['reason'])}: {what}"
        )
    return "\n".join(lines)


class InsightDialog(QDialog):
    """Add or edit one insight; validation errors are shown in the dialog, not thrown at the user."""

    def __init__(self, parent: QWidget | None = None, insight: Insight | None = None) -> None:
        super().__init__(parent)
        self.original = insight
        self.result_insight: Insight | None = None
        self.setWindowTitle(tr("Edit insight") if insight else tr("Add insight"))
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(
            True
        )  # Tab goes on to Language, as in every other field; no tab characters
        self.text.setAccessibleName(tr("Insight text"))
        self.text.setPlaceholderText(
            tr("What the cultural point means and how the assistant should answer because of it.")
        )
        self.language = QComboBox(self)
        for code in LANGUAGES:
            self.language.addItem(code, code)
        self.category = QComboBox(self)
        for cat in CATEGORIES:
            self.category.addItem(category_label(cat), cat)
        self.concepts = QLineEdit(self)
        self.concepts.setPlaceholderText(tr("comma-separated, e.g. malu, jam karet"))
        self.status = QComboBox(self)
        for st in STATUSES:
            self.status.addItem(status_label(st), st)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c8453b")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("Text:"), self.text)
        form.addRow(tr("Language:"), self.language)
        form.addRow(tr("Category:"), self.category)
        form.addRow(tr("Concepts:"), self.concepts)
        form.addRow(tr("Status:"), self.status)
        for widget, name in (
            (self.language, tr("Language")),
            (self.category, tr("Category")),
            (self.concepts, tr("Concepts")),
            (self.status, tr("Status")),
        ):
            widget.setAccessibleName(name)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.history = QPlainTextEdit(self)  # where this version came from and the versions it replaced
        self.history.setReadOnly(True)
        self.history.setAccessibleName(tr("Earlier versions"))
        self.history.setPlainText(history_text(insight) if insight is not None else "")
        self.history.setVisible(bool(self.history.toPlainText()))
        self.history.setMaximumHeight(120)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.history)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, 380)
        if insight is not None:
            self.text.setPlainText(insight.text)
            self.language.setCurrentIndex(self.language.findData(insight.language))
            self.category.setCurrentIndex(max(0, self.category.findData(insight.category)))
            self.concepts.setText(", ".join(insight.concepts))
            self.status.setCurrentIndex(self.status.findData(insight.status))
        else:
            self.status.setCurrentIndex(self.status.findData("approved"))

    def build(self) -> Insight:
        base: dict[str, Any] = self.original.to_dict() if self.original else {"source": "user"}
        base.pop("id", None)
        base.update(
            text=self.text.toPlainText().strip(),
            language=self.language.currentData(),
            category=self.category.currentData(),
            concepts=[c.strip() for c in self.concepts.text().split(",") if c.strip()],
            status=self.status.currentData(),
        )
        return Insight.from_dict(base)

    def accept(self) -> None:
        try:
            self.result_insight = self.build()
        except ValueError as exc:
            self.error.setText(tr("Cannot save: {reason}").format(reason=exc))
            return
        super().accept()


class ImportReportDialog(QDialog):
    def __init__(self, report: ImportReport, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Import report"))
        errors = list(getattr(report, "errors", []))
        summary = QLabel(
            tr("{file}: {added} added, {dups} already present, {bad} bad lines.").format(
                file=Path(path).name, added=report.added, dups=report.duplicates, bad=len(errors)
            ),
            self,
        )
        summary.setWordWrap(True)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(tr("Import errors"))
        self.details.setPlainText(
            "\n".join(tr("line {n}: {reason}").format(n=n, reason=reason) for n, reason in errors)
            or tr("No errors.")
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.details)
        layout.addWidget(buttons)
        self.resize(560, 320)


class KnowledgeBrowser(QWidget):
    generate_requested = Signal()
    loaded = Signal()  # a reload finished (tests wait on it)
    changed = Signal()  # an edit/delete/status/import finished

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.services = services
        self.total = 0
        self.last_error = ""
        self.last_import: ImportReport | None = None
        self.generation = 0  # of the latest reload; older results are dropped when they arrive
        self._select_after: set[str] | None = None  # ids to select after the next load (an edit changes ids)
        self.resize(1100, 720)
        close_with_keys(self)  # Esc, Ctrl+W
        app_events().data_changed.connect(self._data_changed)  # e.g. a generation run added insights

        self._build_filters()
        self._build_table()
        self._build_buttons()
        self._lay_out()
        self._wire_search()
        self.retranslate()
        self._update_buttons()
        QTimer.singleShot(0, self.reload)

    def _build_filters(self) -> None:
        """The filter combos and the search field above the table."""
        self.language = QComboBox(self)
        self.category = QComboBox(self)
        self.source = QComboBox(self)
        self.status = QComboBox(self)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self._fill_filters()

    def _build_table(self) -> None:
        """The sortable insight table; Enter, double click and F2 open the editor."""
        self.model = InsightTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (rows are selected whole; arrows move)
        self.table.sortByColumn(InsightTableModel.COLUMNS.index("created_at"), Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        # activated: a double click, and Enter on a row (F2 too, Qt's edit key): the editor opens
        self.table.activated.connect(lambda _i: self.edit_selected())
        edit_key = QShortcut(QKeySequence(Qt.Key.Key_F2), self.table)
        edit_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        edit_key.activated.connect(self.edit_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

    def _build_buttons(self) -> None:
        """The action buttons, the count and the chart."""
        self.add_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        self.approve_button = QPushButton(self)
        self.reject_button = QPushButton(self)
        self.import_button = QPushButton(self)
        self.export_button = QPushButton(self)
        self.generate_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_new)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(lambda: self.delete_selected())
        self.approve_button.clicked.connect(lambda: self.set_status_selected("approved"))
        self.reject_button.clicked.connect(lambda: self.set_status_selected("rejected"))
        self.import_button.clicked.connect(lambda: self.import_file())
        self.export_button.clicked.connect(lambda: self.export_file())
        self.generate_button.clicked.connect(self.generate_requested)
        self.count_label = QLabel(self)
        self.chart = KnowledgeChart(self)

    def _lay_out(self) -> None:
        """Filters, table and actions above the chart, in a vertical splitter."""
        filters = QHBoxLayout()
        self.filter_labels = [QLabel(self) for _ in range(4)]
        for label, combo in zip(
            self.filter_labels, (self.language, self.category, self.source, self.status), strict=True
        ):
            filters.addWidget(label)
            filters.addWidget(combo)
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        filters.addWidget(self.search, 1)
        actions = QHBoxLayout()
        for button in (
            self.add_button,
            self.edit_button,
            self.delete_button,
            self.approve_button,
            self.reject_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        for button in (self.import_button, self.export_button, self.generate_button):
            actions.addWidget(button)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(filters)
        top_layout.addWidget(self.table, 1)
        top_layout.addLayout(actions)
        top_layout.addWidget(self.count_label)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(self.chart)
        splitter.setSizes([520, 200])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _wire_search(self) -> None:
        """Typing in the search field reloads once the typing pauses."""
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._debounce.start())

    # --- texts ----------
    def _fill_filters(self) -> None:
        self.language.addItem("", ANY)
        for code in LANGUAGES:
            self.language.addItem(code, code)
        self.category.addItem("", ANY)
        for cat in CATEGORIES:
            self.category.addItem(cat, cat)
        self.source.addItem("", ANY)
        for src in ("curated", "user"):
            self.source.addItem(src, src)
        self.status.addItem("", ANY)
        for st in STATUSES:
            self.status.addItem(st, st)

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Knowledge: cultural insights"))
        for combo in (self.language, self.category, self.source, self.status):
            combo.setItemText(0, tr("All"))
        for i in range(1, self.category.count()):
            self.category.setItemText(i, category_label(self.category.itemData(i)))
        for i in range(1, self.status.count()):
            self.status.setItemText(i, status_label(self.status.itemData(i)))
        for i in range(1, self.source.count()):
            self.source.setItemText(i, source_label(self.source.itemData(i)))
        names = (tr("Language"), tr("Category"), tr("Source"), tr("Status"))
        for label, combo, name in zip(
            self.filter_labels, (self.language, self.category, self.source, self.status), names, strict=True
        ):
            label.setText(name + ":")
            combo.setAccessibleName(tr("Filter by {what}").format(what=name.lower()))
        self.search.setPlaceholderText(tr("Search text or concepts"))
        self.search.setAccessibleName(tr("Search insights"))
        self.table.setAccessibleName(tr("Insights"))
        for button, text, tip in (
            (self.add_button, tr("Add…"), tr("Write a new insight by hand")),
            (self.edit_button, tr("Edit…"), tr("Edit the selected insight (double-click works too)")),
            (self.delete_button, tr("Delete"), tr("Delete the selected insights")),
            (self.approve_button, tr("Approve"), tr("Approve the selected insights so answers can use them")),
            (self.reject_button, tr("Reject"), tr("Reject the selected insights")),
            (
                self.import_button,
                tr("Import JSONL…"),
                tr("Add insights from a JSONL file; bad lines are reported"),
            ),
            (
                self.export_button,
                tr("Export JSONL…"),
                tr("Save the insights matching the filters to a JSONL file"),
            ),
            (self.generate_button, tr("Generate…"), tr("Write new insights with the local model")),
        ):
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(text.rstrip("…"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- loading ----------
    def filters(self) -> dict[str, str | None]:
        return {
            "language": self.language.currentData() or None,
            "category": self.category.currentData() or None,
            "source": self.source.currentData() or None,
            "status": self.status.currentData() or None,
            "text": self.search.text().strip() or None,
        }

    def _data_changed(self, what: str) -> None:
        if what == INSIGHTS:
            self.reload()

    def reload(self) -> None:
        filters = self.filters()
        services = self.services
        self.generation += 1
        generation = self.generation

        def work() -> tuple[list[Insight], dict[str, int], dict[str, Any]]:
            store = services.store
            matching = store.list(
                language=filters["language"],
                category=filters["category"],
                source=filters["source"],
                status=filters["status"],
                text=filters["text"],
                limit=ALL_ROWS,
            )
            # By date, then text: an approval or an edit keeps the row where it was (the store's own tie-break
            # is the id, a hash of the text, so an edited insight would land anywhere among equal dates).
            matching.sort(key=lambda i: (i.created_at, i.text.casefold()))
            chart = Counter(f"{i.language}/{i.category}" for i in matching)
            return matching[:PAGE], dict(chart), store.stats()

        run_in_background(
            work,
            lambda result: self._loaded(result, generation),
            lambda exc: self._failed(exc, generation),
        )

    def _loaded(
        self, result: tuple[list[Insight], dict[str, int], dict[str, Any]], generation: int | None = None
    ) -> None:
        if generation is not None and generation != self.generation:
            return  # a newer reload was started (the filters changed again): its result is the one to show
        items, chart, stats = result
        after_change = self._select_after is not None
        keep = self._select_after if self._select_after is not None else {i.id for i in self.selected()}
        self._select_after = None
        selected_rows = [i.row() for i in self.table.selectionModel().selectedRows()]
        row = min(selected_rows) if after_change and selected_rows else -1
        scroll = self.table.verticalScrollBar().value()
        self.model.set_items(items)
        self.total = int(stats.get("total", 0))
        self.chart.set_counts(chart)
        known = {self.source.itemData(i) for i in range(self.source.count())}
        for src in stats.get("by_source", {}):
            if src and src not in known:
                self.source.addItem(source_label(src), src)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        self.table.resizeColumnToContents(2)
        self._restore_view(keep, row, scroll)
        self._update_count()
        self._update_buttons()
        self.loaded.emit()

    def _restore_view(self, ids: set[str], row: int, scroll: int) -> None:
        """Select the insights with these ids again and scroll back to where the table was. If they left the
        filtered list after a change (approved under "pending"), select the row now in their place (``row``, or
        -1 for none), so a reviewer can go on."""
        selection = QItemSelection()
        for source_row, item in enumerate(self.model.items):
            if item.id in ids:
                index = self.proxy.mapFromSource(self.model.index(source_row, 0))
                selection.select(index, index)
        rows = self.proxy.rowCount()
        if selection.isEmpty() and row >= 0 and rows:
            index = self.proxy.index(min(row, rows - 1), 0)
            selection.select(index, index)
        model = self.table.selectionModel()
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        model.select(selection, flags)
        self.table.updateGeometries()  # the scroll range of the new rows, before setting the position
        self.table.verticalScrollBar().setValue(scroll)
        if not selection.isEmpty():
            first = min(index.row() for index in selection.indexes())
            current = self.proxy.index(first, 0)
            model.setCurrentIndex(current, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.table.scrollTo(current, QAbstractItemView.ScrollHint.EnsureVisible)

    def _failed(self, exc: BaseException, generation: int | None = None) -> None:
        if generation is not None and generation != self.generation:
            return
        self.last_error = str(exc)
        self.count_label.setText(tr("Error: {err}").format(err=localize(str(exc))))
        self.loaded.emit()

    def _update_count(self) -> None:
        shown = self.model.rowCount()
        text = tr("{shown} shown of {total} insights").format(shown=shown, total=self.total)
        if shown >= PAGE:
            text += " · " + tr("narrow the filters to see the rest")
        self.count_label.setText(text)

    # --- selection and actions ----------
    def selected(self) -> list[Insight]:
        rows = {self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows()}
        return [self.model.insight_at(r) for r in sorted(rows)]

    def _update_buttons(self) -> None:
        n = len(self.selected()) if self.table.selectionModel() else 0
        self.edit_button.setEnabled(n == 1)
        for button in (self.delete_button, self.approve_button, self.reject_button):
            button.setEnabled(n > 0)

    def _run_change(self, fn: Callable[[], object], select: set[str] | None = None) -> None:
        """Run a store change in a worker, then reload; ``select``: the ids to select afterwards (default: the
        insights selected now)."""

        def done(_r: object) -> None:
            self._select_after = select if select is not None else {i.id for i in self.selected()}
            self.changed.emit()
            self.reload()

        def failed(exc: BaseException) -> None:
            self.last_error = str(exc)
            QMessageBox.warning(self, tr("Knowledge"), localize(str(exc)))
            self.changed.emit()

        run_in_background(fn, done, failed)

    def add_new(self) -> None:
        dialog = InsightDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_insight is not None:
            insight = dialog.result_insight
            self._run_change(lambda: self.services.store.add([insight]), select={insight.id})

    def edit_selected(self) -> None:
        items = self.selected()
        if len(items) != 1:
            return
        dialog = InsightDialog(self, items[0])
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_insight is not None:
            self.save_edit(items[0], dialog.result_insight)

    def save_edit(self, old: Insight, new: Insight) -> None:
        self._run_change(lambda: self.services.store.update(new, old_id=old.id), select={old.id})

    def delete_selected(self, confirm: bool = True) -> None:
        items = self.selected()
        if not items:
            return
        if confirm:
            answer = QMessageBox.question(
                self,
                tr("Delete insights"),
                tr("Delete %n insight(s)? This cannot be undone.", len(items)),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        store = self.services.store
        self._run_change(lambda: [store.delete(i.id) for i in items])

    def set_status_selected(self, status: str) -> None:
        items = self.selected()
        store = self.services.store
        self._run_change(lambda: [store.set_status(i.id, status) for i in items])

    def import_file(self, path: str | None = None, show_report: bool = True) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, tr("Import insights"), "", tr("JSON Lines (*.jsonl)"))
            if not path:
                return
        chosen = path

        def work() -> ImportReport:
            from desktop.core.knowledge.jsonl import import_jsonl

            return import_jsonl(self.services.store, chosen)

        def done(report: ImportReport) -> None:
            self.last_import = report
            self.changed.emit()
            self.reload()
            if show_report:
                ImportReportDialog(report, chosen, self).open()

        def failed(exc: BaseException) -> None:
            self.last_error = str(exc)
            QMessageBox.warning(self, tr("Import insights"), localize(str(exc)))
            self.changed.emit()

        def summarize(job: Job) -> str:
            if job.error is not None:
                return str(job.error)
            r = job.result
            return tr("{added} added, {dup} duplicates, {err} lines with errors").format(
                added=r.added, dup=r.duplicates, err=len(r.errors)
            )

        # A job (gui/jobs.py): it shows in the status bar and the Jobs panel, even if this window closes.
        jobs_for(self).start(
            "import",
            tr("Import {file}").format(file=Path(chosen).name),
            lambda _report: work(),
            summarize=summarize,
            on_end=lambda job: failed(job.error) if job.error is not None else done(job.result),
        )

    def export_file(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, tr("Export insights"), "insights.jsonl", tr("JSON Lines (*.jsonl)")
            )
            if not path:
                return
        chosen = path
        filters = {k: v for k, v in self.filters().items() if k != "text"}

        def work() -> int:
            from desktop.core.knowledge.jsonl import export_jsonl

            return export_jsonl(self.services.store, chosen, **filters)

        def done(n: int) -> None:
            self.count_label.setText(tr("Exported {n} insights to {path}").format(n=n, path=chosen))
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            self.last_error = str(exc)
            QMessageBox.warning(self, tr("Export insights"), localize(str(exc)))
            self.changed.emit()

        run_in_background(work, done, failed)
