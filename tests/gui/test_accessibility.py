"""Keyboard use of the main window (issue 16, problem 4): Tab walks every control in layout order, each stop
is visible, enabled, named and shows where the focus is, and every toolbar action has a menu entry with a
shortcut that works even while the message input has the focus."""

from __future__ import annotations

import sys
from typing import Any

import pytest
from conftest import WAIT_MS, make_services
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAccessible, QAction, QColor, QImage, QShortcut
from PySide6.QtWidgets import QApplication, QMenu, QToolButton, QWidget
from support.fake_models import ScriptedModel
from support.keyring_backend import MemoryKeyring

from desktop.core.knowledge.store import KnowledgeStore
from desktop.gui.widgets import focus_ring
from desktop.gui.window import keyboard

pytestmark = [pytest.mark.gui, pytest.mark.slow]

RING_MARGIN = focus_ring.RING_WIDTH + 1


def walk(qtbot: Any, start: QWidget, backwards: bool = False) -> list[QWidget]:
    """Press Tab (or Shift+Tab) from ``start`` until the focus comes back to it; the stops in order."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    stops = [start]
    modifier = Qt.KeyboardModifier.ShiftModifier if backwards else Qt.KeyboardModifier.NoModifier
    key = Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab
    for _ in range(100):
        qtbot.keyClick(QApplication.focusWidget(), key, modifier)
        widget = QApplication.focusWidget()
        assert widget is not None, f"Tab after {describe(stops[-1])} left nothing focused"
        if widget is start:
            return stops
        assert widget not in stops, f"Tab cycles without coming back to the start: {describe(widget)}"
        stops.append(widget)
    raise AssertionError("the Tab chain never came back to its start")


def describe(widget: QWidget) -> str:
    text = widget.text() if hasattr(widget, "text") and callable(widget.text) else ""
    return f"{type(widget).__name__}({widget.accessibleName() or text!r})"


def name_of(widget: QWidget) -> str:
    """The name a screen reader announces: the accessible name, else the text, a form label (buddy), a tab."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def on_screen(widget: QWidget) -> bool:
    """Some of the widget is inside every ancestor's rectangle (not scrolled or clipped away)."""
    area, current = widget.rect(), widget
    while not current.isWindow():
        parent = current.parentWidget()
        area = area.translated(current.pos()).intersected(parent.rect())
        current = parent
    return not area.isEmpty()


def ring_area(window: QWidget, widget: QWidget) -> QRect:
    """The widget's rectangle in window coordinates, with room for a ring drawn just outside it."""
    top_left = widget.mapTo(window, QPoint(0, 0))
    margin = RING_MARGIN
    return QRect(top_left, widget.size()).adjusted(-margin, -margin, margin, margin)


def grab(window: QWidget, area: QRect) -> QImage:
    return window.grab(area).toImage()


def focus_is_visible(window: QWidget, widget: QWidget, stops: list[QWidget]) -> bool:
    """The area around ``widget`` looks different with the focus on it than with the focus far away."""
    area = ring_area(window, widget)
    away = next(w for w in stops if not ring_area(window, w).intersects(area))
    away.setFocus(Qt.FocusReason.TabFocusReason)
    unfocused = grab(window, area)
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    focused = grab(window, area)
    return focused != unfocused


@pytest.fixture
def window(
    qtbot: Any, window_factory: Any, keyring_backend: MemoryKeyring, curated_store: KnowledgeStore
) -> Any:
    """The main window with one answered question (so the answer's buttons are in the chain) and, as there
    is no key, the banner."""
    local = ScriptedModel("Siap, saya bantu.", name="local-scripted", kind="local")
    win = window_factory(make_services(store=curated_store, local_model=local))
    win.activateWindow()
    with qtbot.waitSignal(win.answer_finished, timeout=WAIT_MS) as done:
        win.send("halo")
    bubble = done.args[0]
    qtbot.waitUntil(lambda: bubble.feedback_bar.isVisible(), timeout=WAIT_MS)
    assert win.banner.isVisible()
    return win


def expected_cycle(win: Any) -> list[QWidget]:
    """What a reader scans: toolbar, conversations, banner, chat with each message's buttons, composer,
    answer context. Only the controls that are shown and enabled now (Stop is disabled when idle)."""
    bubbles: list[QWidget] = []
    for bubble in win.chat.bubbles:
        bubbles += keyboard.bubble_chain(bubble)
    order = win.tab_stops()
    at = order.index(win.chat) + 1
    order[at:at] = bubbles
    return [w for w in order if w.isVisibleTo(win) and w.isEnabled()]


def test_tab_chain_is_a_cycle_in_layout_order_with_visible_named_stops(qtbot: Any, window: Any) -> None:
    stops = walk(qtbot, window.input)
    names = [describe(w) for w in stops]
    expected = expected_cycle(window)
    start = expected.index(window.input)
    assert stops == expected[start:] + expected[:start], names

    # Every toolbar button is a stop (the issue: the toolbar was unreachable by Tab).
    for action in (
        window.offline_action,
        window.knowledge_action,
        window.generate_action,
        window.settings_action,
    ):
        assert window.toolbar.widgetForAction(action) in stops, action.text()

    # Sustained painting with the ring installed leaves None's reference count alone (a Python QProxyStyle
    # lost one per call from C++ and aborted the app after a few hundred repaints).
    none_refs = sys.getrefcount(None)
    for _ in range(40):
        window.grab()
    assert sys.getrefcount(None) > none_refs - 200

    invisible: list[str] = []
    for widget in stops:
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        assert widget.isVisible() and widget.isEnabled(), describe(widget)
        assert on_screen(widget), f"{describe(widget)} is scrolled or clipped out of sight"
        assert name_of(widget), f"{describe(widget)} has no accessible name or text"
        if not focus_is_visible(window, widget, stops):
            invisible.append(describe(widget))
    assert not invisible, f"no visible focus on: {invisible}"

    # Shift+Tab walks the same cycle backwards.
    back = walk(qtbot, window.input, backwards=True)
    assert back == [stops[0], *reversed(stops[1:])]

    # A later answer's controls follow the earlier ones (Qt would append them after the last widget made).
    with qtbot.waitSignal(window.answer_finished, timeout=WAIT_MS) as done:
        window.send("satu lagi")
    qtbot.waitUntil(lambda: done.args[0].feedback_bar.isVisible(), timeout=WAIT_MS)
    assert len(window.chat.bubbles) == 4
    stops = walk(qtbot, window.input)
    expected = expected_cycle(window)
    start = expected.index(window.input)
    assert stops == expected[start:] + expected[:start], [describe(w) for w in stops]


def menu_actions(win: Any) -> list[QAction]:
    found: list[QAction] = []

    def visit(menu: QMenu) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                visit(action.menu())
            elif not action.isSeparator():
                found.append(action)

    for top in win.menuBar().actions():
        if top.menu() is not None:
            visit(top.menu())
    return found


def test_ring_shows_keyboard_focus_and_toolbar_actions_have_menu_shortcuts(qtbot: Any, window: Any) -> None:
    """The ring marks where Tab went; a mouse click shows no ring (the user knows where they clicked).
    Every toolbar action is in a menu with its own shortcut; Knowledge (Ctrl+K), Generate (Ctrl+G) and
    Offline only (Ctrl+Shift+O) work while the message input has the focus, without editing its text."""
    ring = focus_ring.ring()
    assert ring is not None
    bubble = window.chat.bubbles[-1]
    window.input.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(window.input, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is bubble.feedback_bar.compare_button
    assert ring.ringed() is bubble.feedback_bar.compare_button
    qtbot.mouseClick(window.conversations.search, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is window.conversations.search and ring.ringed() is None

    in_menus = menu_actions(window)
    toolbar_actions = [
        a for a in window.toolbar.actions() if isinstance(window.toolbar.widgetForAction(a), QToolButton)
    ]
    assert {a.text() for a in toolbar_actions} >= {"Offline only", "Knowledge", "Generate…", "Settings…"}
    for action in toolbar_actions:
        assert action in in_menus, f"{action.text()} is in no menu"
        assert not action.shortcut().isEmpty(), f"{action.text()} has no shortcut"
    keys = [a.shortcut().toString() for a in in_menus if not a.shortcut().isEmpty()]
    keys += [s.key().toString() for s in window.findChildren(QShortcut)]
    assert len(keys) == len(set(keys)), sorted(keys)
    assert window.knowledge_action.shortcut().toString() == "Ctrl+K"
    assert window.generate_action.shortcut().toString() == "Ctrl+G"

    window.activateWindow()
    window.input.setFocus()
    qtbot.keyClicks(window.input, "draft")
    qtbot.keyClick(window.input, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "knowledge" in window.dialogs.open_dialogs, timeout=WAIT_MS)
    browser = window.dialogs.open_dialogs["knowledge"]
    qtbot.waitUntil(browser.isVisible, timeout=WAIT_MS)
    browser.close()
    window.activateWindow()
    window.input.setFocus()
    qtbot.keyClick(window.input, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "generate" in window.dialogs.open_dialogs, timeout=WAIT_MS)
    generate = window.dialogs.open_dialogs["generate"]
    assert generate.isVisible()
    generate.close()
    assert window.input.toPlainText() == "draft"  # the shortcuts did not edit the text
    window.activateWindow()
    window.input.setFocus()
    was = window.offline_action.isChecked()
    qtbot.keyClick(
        window.input, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert window.offline_action.isChecked() is not was


def tool_window(name: str, services: Any) -> QWidget:
    from desktop.gui.tools.health_dialog import HealthDialog
    from desktop.gui.tools.knowledge_browser import KnowledgeBrowser
    from desktop.gui.tools.settings_dialog import SettingsDialog

    return {"knowledge": KnowledgeBrowser, "settings": SettingsDialog, "health": HealthDialog}[name](services)


@pytest.mark.parametrize("name", ["knowledge", "settings", "health"])
def test_tool_window_stops_are_named_and_show_focus(
    qtbot: Any, keyring_backend: MemoryKeyring, curated_store: KnowledgeStore, name: str
) -> None:
    """The same checks in the windows keyboard users work in: Tab cycles without a trap (the knowledge
    table used to keep Tab, moving from cell to cell), every stop is named and shows the focus."""
    focus_ring.install(QApplication.instance())  # as theme.apply does at startup
    services = make_services(store=curated_store)
    window = tool_window(name, services)
    qtbot.addWidget(window)
    window.show()
    if name == "knowledge":
        qtbot.waitUntil(lambda: window.total > 0, timeout=WAIT_MS)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)
    first = window.focusWidget() or window.nextInFocusChain()
    stops = walk(qtbot, first)
    assert len(stops) >= 3, [describe(w) for w in stops]
    unnamed = [describe(w) for w in stops if not name_of(w)]
    assert not unnamed, f"no accessible name: {unnamed}"
    invisible = [describe(w) for w in stops if not focus_is_visible(window, w, stops)]
    assert not invisible, f"no visible focus on: {invisible}"


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours."""

    def luminance(c: QColor) -> float:
        def channel(v: int) -> float:
            x = v / 255
            return x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_ring_stands_out_on_every_background(qapp: Any, mode: str) -> None:
    """At least 3:1 (WCAG 1.4.11) against what the ring is drawn on: window, fields, buttons, chat bubbles."""
    from PySide6.QtGui import QPalette

    from desktop.gui.widgets import theme

    theme.apply(mode)
    try:
        palette = QApplication.palette()
        ring = focus_ring.ring_color(palette)
        roles = ("Window", "Base", "AlternateBase", "Button")
        backgrounds = [palette.color(getattr(QPalette.ColorRole, role)) for role in roles]
        backgrounds += [QColor(c) for c in theme.bubble_colors(palette)]
        assert min(contrast(ring, bg) for bg in backgrounds) >= 3.0, [
            (bg.name(), round(contrast(ring, bg), 2)) for bg in backgrounds
        ]
    finally:
        theme.apply("system")  # the settings' default, which the other tests run with
