"""The sidebar of past conversations: new, search, rename, delete, export to Markdown or JSON.

All SQLite work goes through workers; the list only shows what came back. Search is debounced so typing does
not queue a query per keystroke.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.chat.conversations import ConversationSummary
from desktop.core.services import Services
from desktop.gui.events import CONVERSATIONS, app_events
from desktop.gui.i18n import tr
from desktop.gui.workers import run_in_background

ID_ROLE = Qt.ItemDataRole.UserRole


class ConversationList(QWidget):
    conversation_selected = Signal(object)  # id
    conversation_deleted = Signal(object)  # id
    new_requested = Signal()
    error = Signal(str)
    exported = Signal(str)  # path written

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.current_id: Any = None
        self.loaded = False
        self.new_button = QPushButton(self)
        self.new_button.clicked.connect(self.new_requested)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setUniformItemSizes(True)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
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
        self.list.setToolTip(tr("Right-click to rename, delete or export"))

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
            item.setSizeHint(QSize(0, 30))
            tip = (conv.updated_at or conv.created_at)[:16].replace("T", " ")
            tip += " · " + tr("{n} messages").format(n=conv.message_count)
            item.setToolTip(tip)
            self.list.addItem(item)
            if cid == self.current_id:
                item.setSelected(True)
                self.list.setCurrentItem(item)
        self.loaded = True

    def select(self, cid: Any) -> None:
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
    def _menu(self, pos: QPoint) -> None:
        item = self.list.itemAt(pos)
        if item is None:
            return
        cid = item.data(ID_ROLE)
        menu = QMenu(self)
        actions: list[tuple[str, Any]] = [
            (tr("Rename…"), lambda: self.rename(cid, item.text())),
            (tr("Export as Markdown…"), lambda: self.export(cid, "md")),
            (tr("Export as JSON…"), lambda: self.export(cid, "json")),
            (tr("Delete"), lambda: self.delete(cid, item.text())),
        ]
        for label, slot in actions:
            action = QAction(label, menu)
            action.triggered.connect(slot)
            menu.addAction(action)
        menu.exec(self.list.viewport().mapToGlobal(pos))

    def rename(self, cid: Any, current: str, new_title: str | None = None) -> None:
        if new_title is None:
            new_title, ok = QInputDialog.getText(self, tr("Rename conversation"), tr("Title:"), text=current)
            if not ok:
                return
        title = new_title.strip()
        if not title:
            return
        run_in_background(
            lambda: self.services.conversations.rename(cid, title),
            lambda _r: self.refresh(),
            lambda exc: self.error.emit(str(exc)),
        )

    def delete(self, cid: Any, title: str, confirm: bool = True) -> None:
        if confirm:
            answer = QMessageBox.question(
                self,
                tr("Delete conversation"),
                tr("Delete “{title}” and all its messages? This cannot be undone.").format(title=title),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return

        def done(_r: Any) -> None:
            if cid == self.current_id:
                self.current_id = None
            self.conversation_deleted.emit(cid)
            self.refresh()

        run_in_background(
            lambda: self.services.conversations.delete(cid), done, lambda e: self.error.emit(str(e))
        )

    def export(self, cid: Any, fmt: str, path: str | None = None) -> None:
        if path is None:
            filt = tr("Markdown (*.md)") if fmt == "md" else tr("JSON (*.json)")
            path, _ = QFileDialog.getSaveFileName(
                self, tr("Export conversation"), f"conversation.{fmt}", filt
            )
            if not path:
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
