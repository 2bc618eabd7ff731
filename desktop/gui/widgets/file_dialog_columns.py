"""Sizes and dates in Qt's file dialog in the app's language.

``QFileSystemModel`` formats a file's size and date with the *system* locale, so on an English system the
Indonesian file dialog says "10 bytes" under "Ukuran". This delegate, set on every Qt file dialog by
``localized_widgets``, shows them with the app's locale (``QLocale()``, set by ``i18n.set_language``).
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QFileDialog, QFileSystemModel, QStyledItemDelegate, QStyleOptionViewItem

SIZE, DATE = 1, 3  # QFileSystemModel's columns: name, size, type, date modified


class LocalizedFileColumns(QStyledItemDelegate):
    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        model = index.model()
        if not isinstance(model, QFileSystemModel):  # a dialog with a proxy model keeps Qt's texts
            return
        if index.column() == SIZE and not model.isDir(index):
            option.text = QLocale().formattedDataSize(model.size(index))
        elif index.column() == DATE:
            shown = QLocale().toString(model.lastModified(index), QLocale.FormatType.ShortFormat)
            option.text = shown


def localize(dialog: QFileDialog) -> None:
    """Give ``dialog``'s views the delegate once (Qt's widget dialog; a native one has no views)."""
    if not isinstance(dialog.itemDelegate(), LocalizedFileColumns):
        dialog.setItemDelegate(LocalizedFileColumns(dialog))
