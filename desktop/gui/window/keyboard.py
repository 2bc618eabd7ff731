"""Keyboard use of the main window: Tab follows the layout, and the toolbar's buttons are in the chain.

Qt orders Tab by creation, so the window's chain ran composer → answers → toolbar → conversations, and
every answer bubble created later was appended after the Send button. Here the order is set explicitly, as a
reader scans the window: toolbar (left to right) → conversations (New chat, search, list) → the no-key banner
→ the chat and each answer's buttons → message input → Send → Stop → answer context, and round again.
New bubbles are put after the previous bubble's buttons as they appear (``ChatView.bubble_added``).

Toolbar buttons take no focus by default (QToolBar makes them ``NoFocus``); they get ``TabFocus`` here, and
each of their actions also has a menu entry with a shortcut (main_window.py, toolbar.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from desktop.gui.chat.chat_view import ChatView, MessageBubble
    from desktop.gui.chat.composer import Composer
    from desktop.gui.chat.context_panel import ContextPanel
    from desktop.gui.window.connection_monitor import Banner
    from desktop.gui.window.conversation_list import ConversationList
    from desktop.gui.window.toolbar import MainToolbar


def toolbar_buttons(toolbar: MainToolbar) -> list[QWidget]:
    """The tool buttons of the toolbar's actions, made reachable with Tab."""
    buttons: list[QWidget] = []
    for action in (
        toolbar.offline_action,
        toolbar.knowledge_action,
        toolbar.generate_action,
        toolbar.settings_action,
    ):
        button = toolbar.widgetForAction(action)
        if button is not None:
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            buttons.append(button)
    return buttons


def bubble_chain(bubble: MessageBubble) -> list[QWidget]:
    """One message's focusable controls in the order they are laid out."""
    widgets: list[QWidget] = [*bubble.extra_stops, bubble.copy_button]
    if bubble.role == "assistant":
        widgets += [bubble.regen_button, bubble.context_button]
    bar = bubble.feedback_bar
    if bar is not None:
        widgets += [bar.up_button, bar.down_button, *bar.reason_buttons.values()]
        widgets += [bar.note_button, bar.compare_button, bar.note_edit]
    return widgets


def chain(widgets: Iterable[QWidget]) -> None:
    """Make Tab visit ``widgets`` in this order (hidden or disabled ones are skipped by Qt as usual)."""
    previous: QWidget | None = None
    for widget in widgets:
        if previous is not None:
            QWidget.setTabOrder(previous, widget)
        previous = widget


def main_chain(
    toolbar: MainToolbar,
    conversations: ConversationList,
    banner: Banner,
    chat: ChatView,
    composer: Composer,
    context: ContextPanel,
) -> list[QWidget]:
    """The main window's static stops in layout order (the bubbles' controls go after ``chat``)."""
    return [
        toolbar.strategy_combo,
        toolbar.profile_combo,
        *toolbar_buttons(toolbar),
        conversations.new_button,
        conversations.search,
        conversations.list,
        banner.button,
        banner.close_button,
        *banner.extra_stops,
        chat,
        composer.input,
        composer.send_button,
        composer.stop_button,
        context.browser,
    ]


class TabOrder(QObject):
    """Keeps the main window's Tab order in layout order as answers are added."""

    def __init__(self, parent: QObject, chat: ChatView, stops: list[QWidget]) -> None:
        super().__init__(parent)
        self.chat = chat
        chain(stops)
        for bubble in self.chat.bubbles:
            self._bubble_added(bubble)
        self.chat.bubble_added.connect(self._bubble_added)

    def _bubble_added(self, bubble: MessageBubble) -> None:
        bubbles = self.chat.bubbles
        index = bubbles.index(bubble) if bubble in bubbles else len(bubbles)
        anchor: QWidget = bubble_chain(bubbles[index - 1])[-1] if index > 0 else self.chat
        chain([anchor, *bubble_chain(bubble)])


def install(parent: QObject, chat: ChatView, stops: list[QWidget]) -> TabOrder:
    return TabOrder(parent, chat, stops)
