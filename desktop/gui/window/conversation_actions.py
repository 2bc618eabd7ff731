"""Rename, export and delete a conversation from the File menu, the keyboard or the right-click menu.

These were only in the conversation list's right-click menu, out of reach for keyboard users. Now they are
actions with shortcuts, in the File menu and in the right-click menu (which the Menu key also opens):

- F2: rename; Ctrl+E: export as Markdown; Ctrl+Shift+E: export as JSON (anywhere in the window)
- Delete: delete, after a confirmation (only while the conversation list has the focus, so Delete keeps
  deleting characters in the text fields and never removes a conversation by surprise)

They act on the conversation the list's focus is on, or else the open one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QListWidgetItem, QMenu, QWidget

from desktop.gui.i18n import tr
from desktop.gui.window.conversation_list import ID_ROLE, ConversationList


class ConversationActions(QObject):
    """Gets the widgets it acts on: ``host`` (where the window-wide shortcuts live), the conversation list,
    the File menu with the action to insert after, and how to say an error."""

    def __init__(
        self,
        host: QWidget,
        conversations: ConversationList,
        file_menu: QMenu,
        after: QAction,
        show_error: Callable[[str], None],
    ) -> None:
        super().__init__(host)
        self.host = host
        self.conversations = conversations
        self._show_error = show_error
        self._menu_target: tuple[Any, str] | None = None  # the row a context menu was opened on
        self.rename_action = QAction(host)
        self.rename_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.export_md_action = QAction(host)
        self.export_md_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_json_action = QAction(host)
        self.export_json_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.delete_action = QAction(host)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for action in (self.rename_action, self.export_md_action, self.export_json_action):
            host.addAction(action)
        self.conversations.list.addAction(self.delete_action)  # its shortcut works in the list only

        self.rename_action.triggered.connect(self.rename)
        self.export_md_action.triggered.connect(lambda: self.export("md"))
        self.export_json_action.triggered.connect(lambda: self.export("json"))
        self.delete_action.triggered.connect(self.delete)
        self.conversations.list.customContextMenuRequested.connect(self.context_menu)

        menu = file_menu  # New chat, then these, then what followed (Quit)
        actions = menu.actions()
        at = actions.index(after) + 1
        anchor = actions[at] if at < len(actions) else None
        menu.insertSeparator(anchor)  # type: ignore[arg-type]  # None appends
        menu.insertActions(anchor, self.actions())  # type: ignore[arg-type]
        menu.aboutToShow.connect(self._sync_enabled)
        menu.aboutToHide.connect(lambda: self._set_enabled(True))  # shortcuts say so when nothing is open
        self.retranslate()
        host.installEventFilter(self)

    def actions(self) -> list[QAction]:
        return [self.rename_action, self.export_md_action, self.export_json_action, self.delete_action]

    def retranslate(self) -> None:
        self.rename_action.setText(tr("Rename conversation…"))
        self.export_md_action.setText(tr("Export as Markdown…"))
        self.export_json_action.setText(tr("Export as JSON…"))
        self.delete_action.setText(tr("Delete conversation…"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.host and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    # --- which conversation ----------
    def target(self) -> tuple[Any, str] | None:
        """(id, title): the row of an open context menu, the list's current row while the list has the
        focus, or the open conversation."""
        if self._menu_target is not None:
            return self._menu_target
        convs = self.conversations
        item: QListWidgetItem | None = convs.list.currentItem()
        if item is None or not convs.list.hasFocus():
            item = convs.item_for(convs.current_id) if convs.current_id is not None else None
        if item is not None:
            summary = convs.summary(item.data(ID_ROLE))
            return item.data(ID_ROLE), summary.title if summary else item.text()
        if convs.current_id is not None:  # open, but hidden by the search
            return convs.current_id, ""
        return None

    def _sync_enabled(self) -> None:
        self._set_enabled(self.target() is not None)

    def _set_enabled(self, enabled: bool) -> None:
        for action in self.actions():
            action.setEnabled(enabled)

    def _nothing_chosen(self) -> None:
        self._show_error(tr("Open or select a conversation first."))

    # --- the actions ----------
    def rename(self) -> None:
        target = self.target()
        if target is None:
            return self._nothing_chosen()
        self.conversations.rename(*target)

    def export(self, fmt: str) -> None:
        target = self.target()
        if target is None:
            return self._nothing_chosen()
        self.conversations.export(target[0], fmt)

    def delete(self) -> None:
        target = self.target()
        if target is None:
            return self._nothing_chosen()
        self.conversations.delete(*target)

    def context_menu(self, pos: QPoint) -> None:
        """Right-click (or the Menu key) on a row: the same actions, for that row."""
        lst = self.conversations.list
        item = lst.itemAt(pos) or lst.currentItem()
        if item is None:
            return
        lst.setCurrentItem(item)
        summary = self.conversations.summary(item.data(ID_ROLE))
        self._menu_target = (item.data(ID_ROLE), summary.title if summary else item.text())
        menu = QMenu(lst)
        menu.addActions(self.actions())
        try:
            menu.exec(lst.viewport().mapToGlobal(lst.visualItemRect(item).center()))
        finally:
            self._menu_target = None
            menu.deleteLater()
