"""A visible focus ring on every widget the keyboard reaches.

Fusion shows keyboard focus only on some widgets: flat buttons (the bubbles' Copy/Regenerate/Context, the
ratings, the banner's ✕), tool buttons, scroll areas (the chat) and text browsers (the answer context) show
nothing, so a keyboard user loses track of where they are. Rather than restyle each widget (a style sheet would
replace Fusion's look), one :class:`~PySide6.QtWidgets.QFocusFrame` follows the focus across the app and
:class:`FocusStyle` (Fusion plus three hints) draws it as a ring above the widget, so no neighbour or layout
edge hides it, in a shade of the palette's highlight colour that stands out in light and dark mode.

Focus that a mouse click gave is not ringed (as browsers' ``:focus-visible`` does): the user already knows
where they clicked.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFocusFrame,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QWidget,
)

RING_WIDTH = 2  # px, drawn just outside the widget


def ring_color(palette: QPalette) -> QColor:
    """The highlight colour, a shade darker on light palettes and lighter on dark ones: at least 3:1 against
    the window, fields, buttons and chat bubbles (WCAG 1.4.11), where plain highlight is about 2.8-3.2."""
    highlight = palette.color(QPalette.ColorRole.Highlight)
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return highlight.lighter(130) if dark else highlight.darker(130)


class FocusStyle(QProxyStyle):
    """Fusion, with the focus frame drawn above the widget as a highlight-coloured ring."""

    def __init__(self) -> None:
        super().__init__("Fusion")

    def styleHint(
        self,
        hint: QStyle.StyleHint,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
        returnData: Any = None,
    ) -> int:
        if hint == QStyle.StyleHint.SH_FocusFrame_AboveWidget:
            return 1
        return super().styleHint(hint, option, widget, returnData)

    def pixelMetric(
        self, metric: QStyle.PixelMetric, option: QStyleOption | None = None, widget: QWidget | None = None
    ) -> int:
        if metric in (QStyle.PixelMetric.PM_FocusFrameHMargin, QStyle.PixelMetric.PM_FocusFrameVMargin):
            return RING_WIDTH
        return super().pixelMetric(metric, option, widget)

    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.ControlElement.CE_FocusFrame:
            # The frame is masked to a ring (SH_FocusFrame_Mask), so filling its rect paints the ring.
            painter.fillRect(option.rect, ring_color(option.palette))
            return
        super().drawControl(element, option, painter, widget)


class FocusRing(QObject):
    """Moves one focus frame to whichever widget has the keyboard focus."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._frame: QFocusFrame | None = None
        app.focusChanged.connect(self._focus_changed)

    @property
    def frame(self) -> QFocusFrame | None:
        """The frame, if it exists and has not been deleted with the window it was drawn in."""
        if self._frame is not None and not shiboken6.isValid(self._frame):
            self._frame = None
        return self._frame

    def ringed(self) -> QWidget | None:
        """The widget the ring is shown around now (tests use it)."""
        frame = self.frame
        return frame.widget() if frame is not None and frame.isVisible() else None

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        frame = self.frame
        if new is None or not wants_ring(new):
            if frame is not None:
                frame.setWidget(None)  # type: ignore[arg-type]  # Qt accepts nullptr: no ring
            return
        if frame is None:
            frame = self._frame = QFocusFrame(new.window())  # owned by Qt; setWidget reparents it
        frame.setWidget(new)


def wants_ring(widget: QWidget | None) -> bool:
    """Ring keyboard focus in ordinary windows; not mouse clicks, popups (a combo's list) or top-levels."""
    if widget is None or widget.isWindow():
        return False
    if QApplication.mouseButtons() != Qt.MouseButton.NoButton:
        return False
    return widget.window().windowType() != Qt.WindowType.Popup


_ring: FocusRing | None = None


def install(app: QApplication) -> FocusRing:
    """Use :class:`FocusStyle` and start the ring (once per app; later calls return the same ring)."""
    global _ring
    if not isinstance(app.style(), FocusStyle):
        app.setStyle(FocusStyle())
    if _ring is None or not shiboken6.isValid(_ring):
        _ring = FocusRing(app)
    return _ring


def ring() -> FocusRing | None:
    return _ring
