"""The sidebar of past conversations: new, search, rename, delete, export to Markdown or JSON.

All SQLite work goes through workers; the list only shows what came back. Search is debounced so typing does
not queue a query per keystroke. Rename, delete and export are in the File menu and the right-click menu with
shortcuts (conversation_actions.py); their dialogs open window-modal without blocking (``open()``), and an
export is offered under the conversation's title (desktop/core/chat/export_names.py).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSize, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.chat.conversations import ConversationSummary
from desktop.core.chat.export_names import export_filename
from desktop.core.services import Services
from desktop.gui.events import CONVERSATIONS, app_events
from desktop.gui.i18n import tr
from desktop.gui.workers import run_in_background

ID_ROLE = Qt.ItemDataRole.UserRole
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 1  # the ConversationSummary (real title, date) behind the row


RENAME_FIELD_WIDTH = 420


class ConversationList(QWidget):
    conversation_selected = Signal(object)  # id
    conversation_deleted = Signal(object)  # id
    new_requested = Signal()
    error = Signal(str)
    exported = Signal(str)  # path written

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rename_dialog: QInputDialog | None = None  # the open F2 dialog (tests reach its field)
        self.services = services
        self.current_id: str | None = None
        self.loaded = False
        self.new_button = QPushButton(self)
        self.new_button.clicked.connect(self.new_requested)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setUniformItemSizes(True)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)  # conversation_actions.py
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        app_events().data_changed.connect(self._data_changed)  # e.g. an answer was stored

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 4, 8)
        layout.addWidget(self.new_button)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.new_button.setText(tr("New chat"))
        self.new_button.setToolTip(tr("Start a new conversation (Ctrl+N)"))
        self.new_button.setAccessibleName(tr("New chat"))
        self.search.setPlaceholderText(tr("Search conversations"))
        self.search.setAccessibleName(tr("Search conversations"))
        self.list.setAccessibleName(tr("Conversations"))
        self.list.setToolTip(tr("F2 renames, Delete deletes, Ctrl+E exports; right-click for all actions"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- loading ----------
    def _data_changed(self, what: str) -> None:
        if what == CONVERSATIONS:
            self.refresh()

    def refresh(self) -> None:
        text = self.search.text().strip()
        services = self.services
        run_in_background(
            lambda: services.conversations.summaries(text or None),
            self._show,
            lambda exc: self.error.emit(str(exc)),
        )

    def _show(self, conversations: list[ConversationSummary]) -> None:
        self.list.clear()
        for conv in conversations:
            cid = conv.id
            item = QListWidgetItem(conv.title or tr("Untitled"))
            item.setData(ID_ROLE, cid)
            item.setData(SUMMARY_ROLE, conv)
            item.setSizeHint(QSize(0, 30))
            tip = (conv.updated_at or conv.created_at)[:16].replace("T", " ")
            tip += " · " + tr("%n message(s)", conv.message_count)
            item.setToolTip(tip)
            self.list.addItem(item)
            if cid == self.current_id:
                item.setSelected(True)
                self.list.setCurrentItem(item)
        self.loaded = True

    def select(self, cid: str | None) -> None:
        """Highlight a conversation without re-emitting (used after the first message creates one)."""
        self.current_id = cid
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(ID_ROLE) == cid:
                self.list.setCurrentItem(item)
                return
        self.list.clearSelection()

    def _activated(self, item: QListWidgetItem) -> None:
        cid = item.data(ID_ROLE)
        if cid != self.current_id:
            self.current_id = cid
            self.conversation_selected.emit(cid)

    # --- actions ----------
    def item_for(self, cid: str) -> QListWidgetItem | None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(ID_ROLE) == cid:
                return item
        return None

    def summary(self, cid: str) -> ConversationSummary | None:
        item = self.item_for(cid)
        found = item.data(SUMMARY_ROLE) if item is not None else None
        return found if isinstance(found, ConversationSummary) else None

    def rename(self, cid: str, current: str, new_title: str | None = None) -> None:
        """Rename; without ``new_title`` ask for it first (a window-modal dialog, answered asynchronously)."""
        if new_title is None:
            dialog = QInputDialog(self)
            dialog.setWindowTitle(tr("Rename conversation"))
            dialog.setLabelText(tr("Title:"))
            dialog.setTextValue(current)
            dialog.setOkButtonText(tr("Rename"))
            dialog.setCancelButtonText(tr("Cancel"))
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            field = dialog.findChild(QLineEdit)
            if field is not None:  # room for a long title (Qt's default is ~200 px)
                field.setMinimumWidth(RENAME_FIELD_WIDTH)
            self.rename_dialog = dialog
            dialog.textValueSelected.connect(lambda text: self.rename(cid, current, text))
            dialog.open()
            return
        title = new_title.strip()
        if not title:
            return
        run_in_background(
            lambda: self.services.conversations.rename(cid, title),
            lambda _r: self.refresh(),
            lambda exc: self.error.emit(str(exc)),
        )

    def delete(self, cid: str, title: str, confirm: bool = True) -> None:
        """Delete; with ``confirm`` ask first (window-modal, "Cancel" is the default button)."""
        if confirm:
            box = QMessageBox(
                QMessageBox.Icon.Question,
                tr("Delete conversation"),
                tr("Delete “{title}” and all its messages? This cannot be undone.").format(title=title),
                QMessageBox.StandardButton.NoButton,
                self,
            )
            yes = box.addButton(tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
            box.setDefaultButton(box.addButton(tr("Cancel"), QMessageBox.ButtonRole.RejectRole))
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

            def answered(button: QAbstractButton) -> None:
                if button is yes:
                    self.delete(cid, title, confirm=False)

            box.buttonClicked.connect(answered)
            box.open()
            return

        def done(_r: object) -> None:
            if cid == self.current_id:
                self.current_id = None
            self.conversation_deleted.emit(cid)
            self.refresh()

        run_in_background(
            lambda: self.services.conversations.delete(cid), done, lambda e: self.error.emit(str(e))
        )

    def export(self, cid: str, fmt: str, path: str | None = None) -> None:
        """Export; without ``path`` ask where, offering the conversation's title as the file name."""
        if path is None:
            summary = self.summary(cid)
            name = export_filename(
                summary.title if summary else "",
                summary.created_at if summary else "",
                fmt,
                tr("conversation"),
            )
            folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            filt = tr("Markdown (*.md)") if fmt == "md" else tr("JSON (*.json)")
            dialog = QFileDialog(
                self, tr("Export conversation"), str(Path(folder or Path.home()) / name), filt
            )
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setDefaultSuffix(fmt)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.fileSelected.connect(lambda chosen: self.export(cid, fmt, chosen) if chosen else None)
            dialog.open()
            return
        target = Path(path)
        conversations = self.services.conversations

        def work() -> str:
            content = conversations.export_markdown(cid) if fmt == "md" else conversations.export_json(cid)
            if not isinstance(content, str):
                import json

                content = json.dumps(content, ensure_ascii=False, indent=2)
            target.write_text(content, encoding="utf-8")
            return str(target)

        run_in_background(work, self.exported.emit, lambda exc: self.error.emit(str(exc)))
