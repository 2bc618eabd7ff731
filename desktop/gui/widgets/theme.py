"""Light, dark or follow the system: one palette for the whole app; our few custom colours derive from it.

Fusion is used everywhere because it honours a palette fully (native styles on some platforms ignore dark
palettes); focus_ring.py adds the visible keyboard focus Fusion lacks on flat buttons, scroll areas and
text browsers. When the setting is "system", Qt's colour-scheme hint decides and we follow its changes live.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from desktop.gui.widgets import focus_ring

_current = "system"
_connected = False

# Status colours readable on light and dark backgrounds.
GREEN = "#2e9d5b"
AMBER = "#d08a12"
RED = "#c8453b"
GREY = "#7d8590"


def is_dark(palette: QPalette | None = None) -> bool:
    pal = palette or QGuiApplication.palette()
    return pal.color(QPalette.ColorRole.Window).lightness() < 128


def dark_palette() -> QPalette:
    p = QPalette()
    base, window, text = QColor("#1e1f22"), QColor("#2b2d31"), QColor("#e6e6e6")
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        p.setColor(group, QPalette.ColorRole.Window, window)
        p.setColor(group, QPalette.ColorRole.WindowText, text)
        p.setColor(group, QPalette.ColorRole.Base, base)
        p.setColor(group, QPalette.ColorRole.AlternateBase, QColor("#313338"))
        p.setColor(group, QPalette.ColorRole.ToolTipBase, window)
        p.setColor(group, QPalette.ColorRole.ToolTipText, text)
        p.setColor(group, QPalette.ColorRole.PlaceholderText, QColor("#8a8f98"))
        p.setColor(group, QPalette.ColorRole.Text, text)
        p.setColor(group, QPalette.ColorRole.Button, QColor("#383a40"))
        p.setColor(group, QPalette.ColorRole.ButtonText, text)
        p.setColor(group, QPalette.ColorRole.BrightText, QColor("#ff6b6b"))
        p.setColor(group, QPalette.ColorRole.Highlight, QColor("#3d7be0"))
        p.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
        p.setColor(group, QPalette.ColorRole.Link, QColor("#6ea8ff"))
        p.setColor(group, QPalette.ColorRole.Mid, QColor("#4a4d55"))
    disabled = QColor("#7a7d85")
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base, window)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Window, window)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Button, QColor("#33353b"))
    return p


def system_prefers_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply(theme: str) -> None:
    """Apply "system", "light" or "dark" to the running app."""
    global _current, _connected
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    _current = theme
    app.setStyle("Fusion")
    focus_ring.install(app)  # a visible ring wherever the keyboard focus is
    dark = theme == "dark" or (theme == "system" and system_prefers_dark())
    app.setPalette(dark_palette() if dark else app.style().standardPalette())
    if not _connected:
        QGuiApplication.styleHints().colorSchemeChanged.connect(_system_changed)
        _connected = True


def _system_changed(_scheme: Qt.ColorScheme) -> None:
    if _current == "system":
        apply("system")


def bubble_colors(palette: QPalette | None = None) -> tuple[str, str]:
    """(user bubble, assistant bubble) background colours that suit the current palette."""
    pal = palette or QGuiApplication.palette()
    base = pal.color(QPalette.ColorRole.Base)
    hl = pal.color(QPalette.ColorRole.Highlight)
    user = _mix(base, hl, 0.22 if is_dark(pal) else 0.12)
    assistant = (
        pal.color(QPalette.ColorRole.AlternateBase) if is_dark(pal) else _mix(base, QColor("#000000"), 0.035)
    )
    return user.name(), assistant.name()


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    return QColor(
        round(a.red() * (1 - t) + b.red() * t),
        round(a.green() * (1 - t) + b.green() * t),
        round(a.blue() * (1 - t) + b.blue() * t),
    )
