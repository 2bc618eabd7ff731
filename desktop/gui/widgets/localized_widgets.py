"""Qt's own widgets in the user's language and at the width their translated texts need, app-wide.

Qt ships no Indonesian catalog (there is no ``qtbase_id.qm``), so the standard buttons of every
``QDialogButtonBox`` (and of each ``QMessageBox``, which holds one) would stay "OK", "Cancel", "Yes". And a
drop-down sized once, on first show, cuts items that are longer in Italian or Indonesian, or that arrive later.
One application event filter fixes both for every window, including ones added later by anyone: standard
buttons get their text from our catalog whenever their box is shown or the language changes, drop-downs
left at Qt's default size policy follow their contents, and Qt's file dialogs show sizes and dates in the
app's language (``file_dialog_columns``; their texts come from our ``i18n/qt`` catalogs).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QFileDialog

from desktop.gui.i18n import tr
from desktop.gui.widgets import file_dialog_columns

Std = QDialogButtonBox.StandardButton


def standard_button_texts() -> dict[QDialogButtonBox.StandardButton, str]:
    """Our texts for Qt's standard buttons (the ones the app uses, plus the common ones Qt dialogs show)."""
    return {
        Std.Ok: tr("OK"),
        Std.Cancel: tr("Cancel"),
        Std.Apply: tr("Apply"),
        Std.Close: tr("Close"),
        Std.Yes: tr("&Yes"),
        Std.No: tr("&No"),
        Std.Save: tr("Save"),
        Std.Discard: tr("Discard"),
        Std.Open: tr("Open"),
        Std.Reset: tr("Reset"),
        Std.RestoreDefaults: tr("Restore defaults"),
        Std.Help: tr("Help"),
        Std.Retry: tr("Retry"),
        Std.Ignore: tr("Ignore"),
        Std.Abort: tr("Abort"),
    }


def translate_buttons(box: QDialogButtonBox) -> None:
    """Set the texts of ``box``'s standard buttons from the catalog."""
    for which, text in standard_button_texts().items():
        button = box.button(which)
        if button is not None and button.text() != text:
            button.setText(text)


def fit_contents(combo: QComboBox) -> None:
    """Let a drop-down left at Qt's default policy grow with its (translated, later added) items."""
    if combo.sizeAdjustPolicy() == QComboBox.SizeAdjustPolicy.AdjustToContentsOnFirstShow:
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)


class LocalizedWidgets(QObject):
    """The application event filter; see the module docstring."""

    _EVENTS = (QEvent.Type.Show, QEvent.Type.Polish, QEvent.Type.LanguageChange)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self._EVENTS:
            if isinstance(watched, QDialogButtonBox):
                translate_buttons(watched)
            elif isinstance(watched, QComboBox):
                fit_contents(watched)
            elif isinstance(watched, QFileDialog):
                file_dialog_columns.localize(watched)
        return False


_filter: LocalizedWidgets | None = None


def install() -> None:
    """Install the filter once on the running application."""
    global _filter
    app = QApplication.instance()
    if _filter is None and app is not None:
        _filter = LocalizedWidgets(app)
        app.installEventFilter(_filter)
