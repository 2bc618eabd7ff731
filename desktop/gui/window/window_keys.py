"""Esc and Ctrl+W close a tool window (the Knowledge window), as they close dialogs and browser tabs: a
window the keyboard opened can be closed by the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


def close_with_keys(window: QWidget) -> list[QShortcut]:
    """Esc and Ctrl+W (and the platform's Close keys) close ``window``; returns the shortcuts (kept by Qt's parent)."""
    keys = [QKeySequence(Qt.Key.Key_Escape), QKeySequence("Ctrl+W")]
    keys += [k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Close) if k not in keys]
    shortcuts = []
    for key in keys:
        shortcut = QShortcut(key, window)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(window.close)
        shortcuts.append(shortcut)
    return shortcuts
