"""Rename, delete and export a conversation with the keyboard and the File menu (issue 16, problem 6), and the
export offered under the conversation's title instead of "conversation.md"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import WAIT_MS, make_services
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMenu, QMessageBox, QWidget
from support.fake_models import ScriptedModel
from support.keyring_backend import MemoryKeyring

from desktop.core.knowledge.store import KnowledgeStore
from desktop.gui import i18n
from desktop.gui.window.conversation_list import ID_ROLE

pytestmark = [pytest.mark.gui, pytest.mark.slow]


@pytest.fixture
def window(
    qtbot: Any, window_factory: Any, keyring_backend: MemoryKeyring, curated_store: KnowledgeStore
) -> Any:
    """Two conversations; the second one is open."""
    local = ScriptedModel("Jawaban lokal.", name="local-scripted", kind="local")
    win = window_factory(make_services(store=curated_store, local_model=local))
    for text in ("pertama tentang KITAS", "kedua tentang PT PMA"):
        win.new_chat()
        with qtbot.waitSignal(win.answer_finished, timeout=WAIT_MS):
            win.send(text)
    qtbot.waitUntil(lambda: win.conversations.list.count() == 2, timeout=WAIT_MS)
    win.activateWindow()
    return win


def shown(parent: QWidget, kind: type) -> Any:
    """The one visible dialog of this kind opened by ``parent``."""
    found = [w for w in parent.findChildren(kind) if w.isVisible()]
    assert len(found) == 1, found
    return found[0]


def none_shown(parent: QWidget, kind: type) -> bool:
    return not [w for w in parent.findChildren(kind) if w.isVisible()]


def titles(win: Any) -> list[str]:
    lst = win.conversations.list
    return [lst.item(i).text() for i in range(lst.count())]


def test_file_menu_has_the_conversation_actions_with_shortcuts(qtbot: Any, window: Any) -> None:
    actions = window.conversation_actions
    entries = [(a.text(), a.shortcut().toString()) for a in window.file_menu.actions() if not a.isSeparator()]
    assert entries[:5] == [
        ("New chat", "Ctrl+N"),
        ("Rename conversation…", "F2"),
        ("Export as Markdown…", "Ctrl+E"),
        ("Export as JSON…", "Ctrl+Shift+E"),
        ("Delete conversation…", "Del"),
    ]
    assert actions.delete_action.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut
    window.new_chat()  # nothing open, nothing chosen in the list: the entries are greyed out
    window.file_menu.aboutToShow.emit()
    assert not any(a.isEnabled() for a in actions.actions())
    window.file_menu.aboutToHide.emit()

    i18n.set_language("it")  # the entries follow the language (the fixture puts English back)
    qtbot.waitUntil(lambda: actions.rename_action.text() == "Rinomina conversazione…", timeout=WAIT_MS)
    assert actions.delete_action.text() == "Elimina conversazione…"
    assert "F2" in window.conversations.list.toolTip() and "Canc" in window.conversations.list.toolTip()


def test_f2_renames_the_open_conversation(qtbot: Any, window: Any) -> None:
    convs = window.conversations
    open_id = window.conversation_id
    assert open_id is not None and convs.current_id == open_id
    window.input.setFocus()
    qtbot.keyClick(window.input, Qt.Key.Key_F2)
    dialog = shown(convs, QInputDialog)
    assert dialog.textValue() == convs.summary(open_id).title
    dialog.setTextValue("Visa Pak Made")
    dialog.accept()
    qtbot.waitUntil(lambda: "Visa Pak Made" in titles(window), timeout=WAIT_MS)
    assert window.services.conversations.summaries()[0].title == "Visa Pak Made"


def test_delete_key_in_the_list_asks_first(qtbot: Any, window: Any) -> None:
    convs = window.conversations
    older = convs.list.item(1)
    older_id, older_title = older.data(ID_ROLE), older.text()

    # Delete in the message input deletes a character, never a conversation.
    window.input.setPlainText("abc")
    window.input.setFocus()
    qtbot.keyClick(window.input, Qt.Key.Key_Home)
    qtbot.keyClick(window.input, Qt.Key.Key_Delete)
    assert window.input.toPlainText() == "bc"
    assert none_shown(convs, QMessageBox)

    convs.list.setFocus()
    convs.list.setCurrentItem(older)
    qtbot.keyClick(convs.list, Qt.Key.Key_Delete)
    box = shown(convs, QMessageBox)
    assert older_title in box.text()
    assert box.defaultButton().text() == "Cancel"
    box.defaultButton().click()  # Cancel: nothing happens
    qtbot.waitUntil(lambda: none_shown(convs, QMessageBox), timeout=WAIT_MS)
    assert len(window.services.conversations.summaries()) == 2

    qtbot.keyClick(convs.list, Qt.Key.Key_Delete)
    box = shown(convs, QMessageBox)
    delete = next(b for b in box.buttons() if b.text() == "Delete")
    with qtbot.waitSignal(convs.conversation_deleted, timeout=WAIT_MS) as deleted:
        delete.click()
    assert deleted.args == [older_id]
    qtbot.waitUntil(lambda: convs.list.count() == 1, timeout=WAIT_MS)
    assert window.conversation_id is not None  # the open conversation was not the one deleted


def test_ctrl_e_offers_the_title_as_file_name(qtbot: Any, window: Any, tmp_path: Path) -> None:
    convs = window.conversations
    cid = window.conversation_id
    convs.rename(cid, "", new_title="KITAS: perpanjangan / biaya?")
    qtbot.waitUntil(lambda: "KITAS: perpanjangan / biaya?" in titles(window), timeout=WAIT_MS)

    window.input.setFocus()
    qtbot.keyClick(window.input, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = shown(convs, QFileDialog)
    assert Path(dialog.selectedFiles()[0]).name == "KITAS perpanjangan biaya.md"
    target = tmp_path / "KITAS perpanjangan biaya.md"
    dialog.selectFile(str(target))
    with qtbot.waitSignal(convs.exported, timeout=WAIT_MS):
        dialog.accept()
    assert target.read_text(encoding="utf-8").startswith("# KITAS: perpanjangan / biaya?")

    qtbot.waitUntil(lambda: none_shown(convs, QFileDialog), timeout=WAIT_MS)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)
    window.input.setFocus()
    qtbot.keyClick(
        window.input, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    dialog = shown(convs, QFileDialog)
    assert Path(dialog.selectedFiles()[0]).name == "KITAS perpanjangan biaya.json"
    dialog.reject()


def test_untitled_conversation_exports_under_its_date(qtbot: Any, window: Any) -> None:
    convs = window.conversations
    cid = window.conversation_id
    window.services.conversations._exec("UPDATE conversations SET title = '' WHERE id = ?", (cid,))
    convs.refresh()
    qtbot.waitUntil(
        lambda: convs.summary(cid) is not None and convs.summary(cid).title == "", timeout=WAIT_MS
    )
    day = convs.summary(cid).created_at[:10]
    window.conversation_actions.export_md_action.trigger()
    dialog = shown(convs, QFileDialog)
    assert Path(dialog.selectedFiles()[0]).name == f"conversation-{day}.md"
    dialog.reject()


def test_right_click_menu_acts_on_the_clicked_row(qtbot: Any, window: Any) -> None:
    convs = window.conversations
    older = convs.list.item(1)
    older_id = older.data(ID_ROLE)
    seen: list[str] = []

    def in_menu() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        seen.extend(a.text() for a in menu.actions())
        window.conversation_actions.rename_action.trigger()
        menu.close()

    QTimer.singleShot(0, in_menu)
    pos = convs.list.visualItemRect(older).center()
    convs.list.customContextMenuRequested.emit(pos)
    assert seen == ["Rename conversation…", "Export as Markdown…", "Export as JSON…", "Delete conversation…"]
    dialog = shown(convs, QInputDialog)
    assert dialog.textValue() == convs.summary(older_id).title == "pertama tentang KITAS"
    dialog.reject()
