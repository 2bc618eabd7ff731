"""Qt's own dialogs in the app's language (QA walk-through under Xvfb): the file dialog stayed English in
Indonesian, because Qt ships no ``qtbase_id.qm``, and "Look in:" / "Files of type:" stayed English in Italian,
because ``qtbase_it.qm`` predates Qt 6's "&Look in:" and "Files of &type:".

The app's real Export conversation dialog (Qt's widget file dialog, as on a desktop without a native one) is
opened in each language on a folder with a file, a sub-folder a Markdown file and a JSON one (filtered out); every visible text is
walked in both views, with its context menu and the overwrite confirmation, and checked with the same English
detector as the whole-app walk (tests/gui/test_translations_complete.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import WAIT_MS, make_services
from PySide6.QtCore import QCoreApplication, QLocale, QPoint, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QLineEdit,
    QMenu,
    QStyleOptionViewItem,
    QToolButton,
)
from support.english import EnglishDetector
from test_translations_complete import Collector, while_modal

from desktop.core.settings import Settings
from desktop.gui import i18n
from desktop.gui.widgets.file_dialog_columns import DATE

pytestmark = pytest.mark.gui


def open_export_dialog(qtbot: Any, window: Any, folder: Path) -> QFileDialog:
    """Export conversation as the user does it; the dialog is then pointed at ``folder``."""
    window.conversations.export(1, "md")
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QFileDialog), timeout=WAIT_MS)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, QFileDialog)
    assert dialog.findChild(QLineEdit, "fileNameEdit") is not None, "not Qt's widget file dialog"
    dialog.setDirectory(str(folder))
    view = dialog.findChild(QAbstractItemView, "listView")
    qtbot.waitUntil(lambda: view.model().rowCount(view.rootIndex()) == 2, timeout=WAIT_MS)
    return dialog


def walk_folder(qtbot: Any, dialog: QFileDialog, seen: Collector) -> None:
    """The shown folder's rows in the detail view as painted: sizes, kinds and dates (the names are data)."""
    view = dialog.findChild(QAbstractItemView, "treeView")
    model, root = view.model(), view.rootIndex()

    def kinds() -> list[str]:
        return [str(model.index(row, 2, root).data() or "") for row in range(model.rowCount(root))]

    qtbot.waitUntil(lambda: all(kinds()), timeout=WAIT_MS)  # sizes and kinds arrive from a thread
    for row in range(model.rowCount(root)):
        for col in range(1, model.columnCount(root)):
            index = model.index(row, col, root)
            option = QStyleOptionViewItem()
            view.itemDelegateForIndex(index).initStyleOption(option, index)
            if (
                col == DATE
            ):  # Indonesian writes 08.37: compare with the app's locale, not as an English number
                wanted = QLocale().toString(model.lastModified(index), QLocale.FormatType.ShortFormat)
                assert option.text == wanted, f"date shown as {option.text!r}, not {wanted!r}"
            else:
                seen.add("QFileDialog/QTreeView folder cell", option.text)


def walk_context_menu(qtbot: Any, dialog: QFileDialog, seen: Collector) -> None:
    view = dialog.findChild(QAbstractItemView, "listView")
    done: dict[str, bool] = {}

    def inspect() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(30, inspect)
            return
        for action in menu.actions():
            seen.action("QFileDialog context menu", action)
        menu.close()
        done["yes"] = True

    QTimer.singleShot(30, inspect)
    view.customContextMenuRequested.emit(QPoint(5, 5))
    qtbot.waitUntil(lambda: done.get("yes", False), timeout=WAIT_MS)


@pytest.mark.parametrize("lang", ["it", "id"])
def test_the_file_dialog_speaks_the_app_language(
    lang: str, qtbot: Any, window_factory: Any, keyring_backend: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "ekspor"
    (folder / "arsip").mkdir(parents=True)
    (folder / "catatan.md").write_text("# catatan\n", encoding="utf-8")
    (folder / "percakapan.json").write_text("{}", encoding="utf-8")
    window = window_factory(make_services(Settings(ui_language=lang)))
    seen = Collector(EnglishDetector(lang))
    seen.add_data(
        str(folder), *(str(p) for p in folder.parents if p.name), "arsip", "catatan.md", "percakapan.json"
    )
    dialog = open_export_dialog(qtbot, window, folder)
    seen.window(dialog)
    detail = dialog.findChild(QToolButton, "detailModeButton")
    detail.click()
    qtbot.waitUntil(lambda: dialog.findChild(QAbstractItemView, "treeView").isVisible(), timeout=WAIT_MS)
    seen.window(dialog)
    walk_folder(qtbot, dialog, seen)
    walk_context_menu(qtbot, dialog, seen)
    # Saving over an existing file asks first (a QMessageBox from the file dialog).
    dialog.findChild(QLineEdit, "fileNameEdit").setText("catatan.md")
    while_modal(qtbot, dialog.accept, seen.window)
    dialog.reject()

    problems = seen.problems()
    print("\n".join(f"{w}: {t!r}" for w, t in seen.seen))
    assert not problems, f"{len(problems)} English strings in the {lang} file dialog:\n" + "\n".join(problems)


def test_qts_own_catalog_and_ours_are_both_installed(qapp: Any) -> None:
    """Italian: Qt's qtbase_it.qm (most of the dialog) plus ours (what it predates); Indonesian: ours."""
    i18n.set_language("it")
    assert QCoreApplication.translate("QFileDialog", "File &name:") == "&Nome del file:"  # Qt's catalog
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "&Cerca in:"  # ours
    i18n.set_language("id")
    assert QCoreApplication.translate("QFileDialog", "File &name:") == "&Nama berkas:"
    assert QCoreApplication.translate("QFileSystemModel", "Type", "All other platforms") == "Jenis"
    i18n.set_language("en")
    assert QCoreApplication.translate("QFileDialog", "File &name:") == "File &name:"
