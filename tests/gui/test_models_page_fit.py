"""QA in a real window (Xvfb): Settings › Models did not say what the bundled model is (only the "Local model"
tab did), and at the dialog's default size its table was cut (the last columns and the last row off view).
Now the page describes the selected catalog model, or the bundled one while none is selected, in the UI
language, and the table shows every column and row whole at the default size (on a 1366x768 laptop
screen), in en, it and id."""

from __future__ import annotations

import contextlib
from typing import Any

import pytest
from conftest import WAIT_MS, make_services
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication
from pytestqt.exceptions import TimeoutError as WaitTimeout

from desktop.core.settings import Settings
from desktop.gui import i18n
from desktop.gui.i18n import tr
from desktop.gui.tools.models_page import fitted_size
from desktop.gui.tools.settings_dialog import SettingsDialog

pytestmark = pytest.mark.gui


def open_models_tab(qtbot: Any, lang: str, first_run: bool = False) -> SettingsDialog:
    from desktop.gui.widgets import localized_widgets

    localized_widgets.install()  # as the app does (desktop.gui.app.build_window)
    i18n.set_language(lang)
    settings = Settings(ui_language=lang)
    # after the first run no row is preselected: the bundled model is described (first run: the suggested one)
    settings.extra["model_suggestion_shown"] = not first_run
    dialog = SettingsDialog(make_services(settings))
    qtbot.addWidget(dialog)
    page = dialog.models_page
    with qtbot.waitSignal(page.installed_loaded, timeout=WAIT_MS):
        dialog.show()
    dialog.tabs.setCurrentWidget(page)
    qtbot.waitUntil(page.table.isVisible, timeout=WAIT_MS)
    return dialog


@pytest.mark.parametrize("lang", ["en", "it", "id"])
def test_the_models_tab_describes_the_bundled_model_then_the_selected_one(lang: str, qtbot: Any) -> None:
    dialog = open_models_tab(qtbot, lang)
    page = dialog.models_page
    bundled = next(e for e in page.installed if e.default)
    assert (bundled.notes and tr(bundled.notes) != bundled.notes) or lang == "en"
    description = page.description
    assert description.isVisible()
    assert tr(bundled.notes) in description.text() and bundled.name in description.text()
    row = 2
    page.table.selectRow(row)
    chosen = page.catalog[row]
    qtbot.waitUntil(lambda: tr(chosen.notes) in description.text(), timeout=WAIT_MS)
    assert chosen.title in description.text()
    assert description.height() >= description.heightForWidth(description.width()), "the description is cut"


@pytest.mark.parametrize("first_run", [False, True])
@pytest.mark.parametrize("lang", ["en", "it", "id"])
def test_at_the_default_size_the_models_table_is_whole(lang: str, first_run: bool, qtbot: Any) -> None:
    dialog = open_models_tab(qtbot, lang, first_run)
    table = dialog.models_page.table
    screen = QApplication.primaryScreen().availableGeometry().size()
    assert dialog.width() <= screen.width() and dialog.height() <= screen.height()
    # The offscreen platform's screen is 800x600: size the dialog as on a 1366x768 laptop's free area.
    dialog.resize(fitted_size(dialog, QSize(1366, 740)))
    header = table.horizontalHeader()
    viewport = table.viewport()

    last = table.rowCount() - 1

    def bottom() -> int:
        return table.rowViewportPosition(last) + table.rowHeight(last)

    def whole() -> bool:  # the dialog's layout is done (no signal marks it)
        bars = table.horizontalScrollBar().isVisible() or table.verticalScrollBar().isVisible()
        return header.length() <= viewport.width() and 0 <= bottom() <= viewport.height() and not bars

    with contextlib.suppress(WaitTimeout):  # a timeout: the asserts below say what is wrong
        qtbot.waitUntil(whole, timeout=5000)
    assert header.length() <= viewport.width(), f"columns need {header.length()} px, have {viewport.width()}"
    assert 0 <= bottom() <= viewport.height(), f"the last row ends at {bottom()} px of {viewport.height()}"
    description = dialog.models_page.description
    for row in range(table.rowCount()):  # each model's notes fit the room the description has: no relayout
        table.selectRow(row)
        title = dialog.models_page.catalog[row].title
        assert description.height() >= description.heightForWidth(description.width()), f"{title}: no room"
    assert not table.horizontalScrollBar().isVisible() and not table.verticalScrollBar().isVisible()
    fm = table.fontMetrics()
    for col in range(table.columnCount()):
        for row in range(table.rowCount()):
            text = table.item(row, col).text()
            needed = fm.horizontalAdvance(text) + 2 * table.style().pixelMetric(
                table.style().PixelMetric.PM_FocusFrameHMargin
            )
            assert needed <= table.columnWidth(col), (
                f"{text!r} needs {needed} px, has {table.columnWidth(col)}"
            )
        label = table.horizontalHeaderItem(col).text()
        assert fm.horizontalAdvance(label) <= header.sectionSize(col), f"header {label!r} is cut"
