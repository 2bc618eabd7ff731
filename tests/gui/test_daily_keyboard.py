"""Keyboard use of the knowledge tools: Tab leaves the insight editor's Text field, Enter or F2 on a row of the
knowledge table opens the editor."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import WAIT_MS, make_services
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop.core.knowledge.store import KnowledgeStore
from desktop.gui.tools.knowledge_browser import InsightDialog, KnowledgeBrowser

pytestmark = pytest.mark.gui


def test_tab_leaves_the_insight_text_field(qtbot: Any) -> None:
    dialog = InsightDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.text.setFocus()
    qtbot.waitUntil(dialog.text.hasFocus, timeout=5000)
    qtbot.keyClicks(dialog.text, "jam karet")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Tab)
    assert dialog.text.toPlainText() == "jam karet", "Tab must not type a tab character"
    assert not dialog.text.hasFocus() and dialog.language.hasFocus()


@pytest.mark.slow
@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2])
def test_enter_or_f2_on_a_row_opens_the_editor(qtbot: Any, curated_store: KnowledgeStore, key: Any) -> None:
    view = KnowledgeBrowser(make_services(store=curated_store))
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.total > 0, timeout=WAIT_MS)
    view.table.setFocus()
    view.table.selectRow(0)
    view.table.setCurrentIndex(view.proxy.index(0, 0))
    opened: list[Any] = []

    def close_editor() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, InsightDialog):
            opened.append(dialog.text.toPlainText())
            dialog.reject()
        elif not opened:
            QTimer.singleShot(20, close_editor)

    QTimer.singleShot(20, close_editor)
    qtbot.keyClick(view.table, key)
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    assert opened[0].strip(), "the editor opened on the selected insight"
