"""QA walk-through: the Knowledge window closes with Esc and Ctrl+W; the rename dialog (F2) has room for a
long title."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import WAIT_MS, make_services
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from desktop.core.knowledge.store import KnowledgeStore

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("key", ["esc", "ctrl+w"])
def test_the_knowledge_window_closes_with_esc_and_ctrl_w(
    qtbot: Any, window_factory: Any, keyring_backend: Any, curated_store: KnowledgeStore, key: str
) -> None:
    window = window_factory(make_services(store=curated_store))
    window.knowledge_action.trigger()
    qtbot.waitUntil(lambda: "knowledge" in window.dialogs.open_dialogs, timeout=WAIT_MS)
    browser = window.dialogs.open_dialogs["knowledge"]
    qtbot.waitUntil(browser.isVisible, timeout=WAIT_MS)
    browser.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is browser, timeout=5000)
    browser.table.setFocus()
    if key == "esc":
        qtbot.keyClick(browser.table, Qt.Key.Key_Escape)
    else:
        qtbot.keyClick(browser.table, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not browser.isVisible(), timeout=5000)


def test_the_rename_field_is_wide_enough_for_a_long_title(
    qtbot: Any, window_factory: Any, keyring_backend: Any
) -> None:
    window = window_factory(make_services())
    conversations = window.conversations
    conversations.rename("no-such-id", "Visa turis, KITAS e permesso di soggiorno per la famiglia a Bali")
    dialog = conversations.rename_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    field = dialog.findChild(QLineEdit)
    assert field is not None and field.width() >= 400
    dialog.reject()
