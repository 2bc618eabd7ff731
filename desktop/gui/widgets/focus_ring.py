"""A visible focus ring on every widget the keyboard reaches.

Fusion shows keyboard focus only on some widgets: flat buttons (the bubbles' Copy/Regenerate/Context, the
ratings, the banner's ✕), tool buttons, scroll areas (the chat) and text browsers (the answer context) show
nothing, so a keyboard user loses track of where they are. Rather than restyle each widget (a style sheet would
replace Fusion's look), one small :class:`Ring` widget follows the focus across the app: it sits just outside the
focused widget, above it, in the nearest window, toolbar or scroll-area viewport (as Qt's ``QFocusFrame`` does
on macOS), so no neighbour or layout edge hides it, in a shade of the palette's highlight colour that stands out
in light and dark mode.

Not a ``QProxyStyle``: with PySide6 6.12.0 on Python 3.11 (now pinned away, see tests/gui/test_qt_binding.py) a Python override of ``styleHint``/``drawControl``
loses a reference to ``None`` on each call from C++ and the app aborts after a few hundred repaints ("Fatal
Python error: none_dealloc"). The ring's only Python hooks are its own paint event and an event filter on the
focused widget and its few ancestors.

Focus that a mouse click gave is not ringed (as browsers' ``:focus-visible`` does): the user already knows
where they clicked.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QRegion
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QToolBar, QWidget

RING_WIDTH = 2  # px, drawn just outside the widget

# Events of the focused widget or an ancestor that can move, hide or resize it.
_FOLLOW = {
    QEvent.Type.Move,
    QEvent.Type.Resize,
    QEvent.Type.Show,
    QEvent.Type.Hide,
    QEvent.Type.ParentChange,
    QEvent.Type.ZOrderChange,
    QEvent.Type.LayoutRequest,
}


def ring_color(palette: QPalette) -> QColor:
    """The highlight colour, a shade darker on light palettes and lighter on dark ones: at least 3:1 against
    the window, fields, buttons and chat bubbles (WCAG 1.4.11), where plain highlight is about 2.8-3.2."""
    highlight = palette.color(QPalette.ColorRole.Highlight)
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return highlight.lighter(130) if dark else highlight.darker(130)


def host_for(widget: QWidget) -> tuple[QWidget, list[QWidget]]:
    """Where the ring is drawn (the nearest window, toolbar or scroll-area viewport above ``widget``) and the
    widgets in between, whose moves (a scroll) move the focused widget."""
    between: list[QWidget] = []
    parent = widget.parentWidget()
    previous: QWidget | None = None
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and previous is parent.viewport():
            return previous, between[:-1]
        if parent.isWindow() or isinstance(parent, QToolBar):
            return parent, between
        between.append(parent)
        previous, parent = parent, parent.parentWidget()
    return widget.window(), between


class Ring(QWidget):
    """The ring itself: masked to a frame RING_WIDTH wide, transparent for the mouse."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), ring_color(self.palette()))
        painter.end()


class FocusRing(QObject):
    """Moves the ring to whichever widget has the keyboard focus and keeps it on that widget."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._ring: Ring | None = None
        self._widget: QWidget | None = None
        self._watched: list[QWidget] = []
        app.focusChanged.connect(self._focus_changed)

    def ringed(self) -> QWidget | None:
        """The widget the ring is shown around now (tests use it)."""
        ring = self._valid_ring()
        widget = self._widget
        if ring is None or widget is None or not shiboken6.isValid(widget) or not ring.isVisible():
            return None
        return widget

    def _valid_ring(self) -> Ring | None:
        if self._ring is not None and not shiboken6.isValid(self._ring):
            self._ring = None  # deleted with the window it was drawn in
        return self._ring

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        self._unwatch()
        if new is None or not wants_ring(new):
            self._widget = None
            ring = self._valid_ring()
            if ring is not None:
                ring.hide()
            return
        self._widget = new
        host, between = host_for(new)
        ring = self._valid_ring()
        if ring is None:
            ring = self._ring = Ring(host)
        elif ring.parentWidget() is not host:
            ring.setParent(host)
        self._watched = [new, *between]
        for watched in self._watched:
            watched.installEventFilter(self)
        self._place()

    def _unwatch(self) -> None:
        for watched in self._watched:
            if shiboken6.isValid(watched):
                watched.removeEventFilter(self)
        self._watched = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _FOLLOW:
            self._place()
        return False

    def _place(self) -> None:
        ring, widget = self._valid_ring(), self._widget
        if ring is None or widget is None or not shiboken6.isValid(widget):
            return
        host = ring.parentWidget()
        if not widget.isVisible() or host is None or not host.isAncestorOf(widget):
            ring.hide()
            return
        w = RING_WIDTH
        area = QRect(widget.mapTo(host, QPoint(0, 0)), widget.size()).adjusted(-w, -w, w, w)
        ring.setGeometry(area)
        outer = QRect(0, 0, area.width(), area.height())
        ring.setMask(QRegion(outer).subtracted(QRegion(outer.adjusted(w, w, -w, -w))))
        ring.raise_()
        ring.show()


def wants_ring(widget: QWidget) -> bool:
    """Ring keyboard focus in ordinary windows; not mouse clicks, popups (a combo's list) or top-levels."""
    if widget.isWindow() or QApplication.mouseButtons() != Qt.MouseButton.NoButton:
        return False
    return widget.window().windowType() != Qt.WindowType.Popup


_ring: FocusRing | None = None


def install(app: QApplication) -> FocusRing:
    """Start the ring (once per app; later calls return the same one)."""
    global _ring
    if _ring is None or not shiboken6.isValid(_ring):
        _ring = FocusRing(app)
    return _ring


def ring() -> FocusRing | None:
    return _ring
