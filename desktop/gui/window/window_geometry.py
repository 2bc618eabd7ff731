"""The main window's size and place, from the screen it opens on: a first window fits a 1366x768 laptop (the
default 1240x800 hid the input box and the status bar under its bottom edge), and the size the user gave the
window is remembered per screen, so a laptop screen and an office monitor each get their own."""

from __future__ import annotations

import contextlib
import json
import logging
from pathlib import Path

from PySide6.QtCore import QMargins, QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from desktop.core import paths
from desktop.core.settings import atomic_write_text

log = logging.getLogger(__name__)

PREFERRED = QSize(1240, 800)  # where the screen has room for it
SHARE = 0.9  # a first window takes at most this much of the available area, each way
FRAME = QMargins(
    8, 32, 8, 8
)  # room kept for the window manager's frame and title bar (not known before show)


def store_path() -> Path:
    return paths.config_dir() / "window.json"


def screen_key(screen: QScreen) -> str:
    """One entry per screen: its name and available size (a docked laptop's screen changes size)."""
    area = screen.availableGeometry()
    return f"{screen.name()} {area.width()}x{area.height()}"


def _load() -> dict[str, list[int]]:
    try:
        data = json.loads(store_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def first_size(area: QRect, minimum: QSize) -> QSize:
    """The preferred size, shrunk to ``SHARE`` of the available area, never below the window's minimum."""
    width = min(PREFERRED.width(), int(area.width() * SHARE))
    height = min(PREFERRED.height(), int(area.height() * SHARE))
    return QSize(max(width, minimum.width()), max(height, minimum.height()))


def fit(rect: QRect, area: QRect) -> QRect:
    """``rect`` moved (and shrunk if it must) so it lies inside ``area``."""
    width, height = min(rect.width(), area.width()), min(rect.height(), area.height())
    x = min(max(rect.x(), area.left()), area.left() + area.width() - width)
    y = min(max(rect.y(), area.top()), area.top() + area.height() - height)
    return QRect(x, y, width, height)


def place(window: QWidget) -> None:
    """Size and place ``window`` for the screen it opens on (before it is shown)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(PREFERRED)
        return
    area = screen.availableGeometry().marginsRemoved(FRAME)
    saved = _load().get(screen_key(screen))
    if isinstance(saved, list) and len(saved) == 4 and all(isinstance(v, int) for v in saved):
        window.setGeometry(fit(QRect(*saved), area))
        return
    size = first_size(area, window.minimumSize())
    rect = QRect(0, 0, size.width(), size.height())
    rect.moveCenter(area.center())
    window.setGeometry(fit(rect, area))


def remember(window: QWidget) -> None:
    """Keep the window's normal geometry for its screen (a maximised window keeps the size it had before)."""
    screen = window.screen()
    if screen is None:
        return
    data = _load()
    g = window.normalGeometry() if window.isMaximized() else window.geometry()
    data[screen_key(screen)] = [g.x(), g.y(), g.width(), g.height()]
    with contextlib.suppress(OSError):  # a read-only config folder costs the memory, not the close
        atomic_write_text(store_path(), json.dumps(data, indent=1) + "\n")
