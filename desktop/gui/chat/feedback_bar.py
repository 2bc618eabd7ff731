"""Feedback on every answer: 👍/👎, an optional one-tap reason, a free note and "Compare".

:class:`FeedbackBar` sits in each finished assistant bubble; :class:`FeedbackController` (one per main window)
loads and saves ratings in workers, opens the blind comparison and the Feedback and Usage pages, and adds
the keyboard shortcuts that act on the latest answer:

- Ctrl+Shift+Up / Ctrl+Shift+Down: thumbs up / down (again: remove the rating)
- Ctrl+Shift+N: write a note on it
- Ctrl+Shift+K: compare it blind with another strategy
- every control is also reachable with Tab; the reason buttons are checkable (Space toggles)
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit, QMainWindow, QMenu, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from desktop.core.feedback.ratings import REASONS, Feedback
from desktop.gui.i18n import tr
from desktop.gui.widgets.flow_layout import FlowLayout
from desktop.gui.workers import run_in_background

if TYPE_CHECKING:  # the chat view holds feedback bars: imported for types only
    from desktop.core.services import Services
    from desktop.gui.chat.answer_session import AnswerSession
    from desktop.gui.chat.chat_view import ChatView, MessageBubble
    from desktop.gui.tools.feedback_page import FeedbackPage
    from desktop.gui.tools.usage_page import UsagePage

Rating = dict[str, Any]  # a stored rating as core/feedback/ratings.py returns it (the CLI's JSON)

log = logging.getLogger(__name__)


def _has_emoji_font() -> bool:
    from PySide6.QtGui import QFontDatabase

    return any("emoji" in family.casefold() for family in QFontDatabase.families())


#: thumbs when the system can draw them, else arrows every font has (set on first use, needs a QApplication)
UP, DOWN = "▲", "▼"


def reason_label(reason: str) -> str:
    return {
        "warmer": tr("warmer"),
        "colder": tr("colder"),
        "wrong-facts": tr("wrong facts"),
        "wrong-language": tr("wrong language"),
        "too-long": tr("too long"),
    }.get(reason, reason)


class FeedbackBar(QWidget):
    """The rating controls of one answer. Emits what the user chose; shows what was stored."""

    rated = Signal(str, str, str)  # verdict ("up", "down"; "" removes the rating), reason, note
    compare_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feedbackBar")
        self.wired = False  # its signals reach the controller (connected once)
        self.verdict = ""
        self.reason = ""
        self.note = ""
        up, down = ("👍", "👎") if _has_emoji_font() else (UP, DOWN)
        self.up_button = QPushButton(up, self)
        self.down_button = QPushButton(down, self)
        self.compare_button = QPushButton(self)
        self.note_button = QPushButton(self)
        self.reason_buttons: dict[str, QPushButton] = {}
        for button in (self.up_button, self.down_button):
            button.setCheckable(True)
            button.setFixedWidth(40)
        for button in (self.up_button, self.down_button, self.compare_button, self.note_button):
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.up_button.clicked.connect(lambda: self._verdict_clicked("up"))
        self.down_button.clicked.connect(lambda: self._verdict_clicked("down"))
        self.compare_button.clicked.connect(self.compare_requested)
        self.note_button.clicked.connect(self.edit_note)
        # One row that wraps, the reasons a wrapping group of their own: in a plain row the reasons made the
        # bubble wider than the chat column ("Compare" became "Co", the answer text was cut)
        self.reasons = QWidget(self)
        reasons = FlowLayout(self.reasons)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.reasons.setSizePolicy(policy)
        for reason in REASONS:
            button = QPushButton(self.reasons)
            button.setCheckable(True)
            button.setFlat(True)
            button.setObjectName("reasonButton")
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _c=False, r=reason: self._reason_clicked(r))
            reasons.addWidget(button)
            self.reason_buttons[reason] = button
        top = FlowLayout()
        for widget in (self.up_button, self.down_button, self.reasons, self.note_button, self.compare_button):
            top.addWidget(widget)
        self.note_edit = QLineEdit(self)
        self.note_edit.setClearButtonEnabled(True)
        self.note_edit.returnPressed.connect(self._note_done)
        self.note_edit.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.note_edit)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.retranslate()
        self._sync()

    # --- state ----------
    def set_rating(self, rating: Rating | None) -> None:
        """Show a stored rating (None: not rated) without emitting anything."""
        rating = rating or {}
        self.verdict = str(rating.get("verdict") or "")
        self.reason = str(rating.get("reason") or "")
        self.note = str(rating.get("note") or "")
        self._sync()

    def _sync(self) -> None:
        self.up_button.setChecked(self.verdict == "up")
        self.down_button.setChecked(self.verdict == "down")
        self.reasons.setVisible(bool(self.verdict))
        self.note_button.setVisible(bool(self.verdict))
        for reason, button in self.reason_buttons.items():
            button.setChecked(reason == self.reason)
        self.note_button.setText(tr("Note ✎") if self.note else tr("Add note…"))
        self.note_button.setToolTip(self.note or tr("Add a free note to this rating (Ctrl+Shift+N)"))

    # --- user actions ----------
    def _verdict_clicked(self, verdict: str) -> None:
        self.set_verdict("" if self.verdict == verdict else verdict)

    def set_verdict(self, verdict: str) -> None:
        self.verdict = verdict
        if not verdict:
            self.reason = self.note = ""
            self.note_edit.hide()
        self._sync()
        self.rated.emit(self.verdict, self.reason, self.note)

    def toggle(self, verdict: str) -> None:
        """Keyboard shortcut: set ``verdict``, or remove it when it is already set."""
        self._verdict_clicked(verdict)

    def _reason_clicked(self, reason: str) -> None:
        if not self.verdict:
            self._sync()
            return
        self.reason = "" if self.reason == reason else reason
        self._sync()
        self.rated.emit(self.verdict, self.reason, self.note)

    def edit_note(self) -> None:
        if not self.verdict:
            return
        self.note_edit.setText(self.note)
        self.note_edit.show()
        self.note_edit.setFocus()

    def _note_done(self) -> None:
        self.note = self.note_edit.text().strip()
        self.note_edit.hide()
        self._sync()
        if self.verdict:
            self.rated.emit(self.verdict, self.reason, self.note)

    def retranslate(self) -> None:
        self.up_button.setToolTip(tr("Good answer (Ctrl+Shift+Up)"))
        self.up_button.setAccessibleName(tr("Rate this answer good"))
        self.down_button.setToolTip(tr("Poor answer (Ctrl+Shift+Down)"))
        self.down_button.setAccessibleName(tr("Rate this answer poor"))
        self.compare_button.setText(tr("Compare"))
        self.compare_button.setToolTip(
            tr("Answer the same question with another strategy and pick the better one, blind (Ctrl+Shift+K)")
        )
        self.compare_button.setAccessibleName(tr("Compare with another strategy"))
        self.note_button.setAccessibleName(tr("Note on this rating"))
        self.note_edit.setPlaceholderText(tr("A note for the team (Enter saves)"))
        self.note_edit.setAccessibleName(tr("Rating note"))
        for reason, button in self.reason_buttons.items():
            button.setText(reason_label(reason))
            button.setAccessibleName(tr("Reason: {reason}").format(reason=reason_label(reason)))
        self._sync()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class FeedbackController(QObject):
    """Connects every answer's feedback bar to the store; owns the feedback shortcuts and pages."""

    rating_saved = Signal(object)  # (bubble, stored rating or None)
    rating_loaded = Signal(object)  # the bubble whose stored rating is now shown
    comparison_opened = Signal(object)  # the CompareDialog

    def __init__(
        self,
        services: Services,
        session: AnswerSession,
        chat: ChatView,
        tools_menu: QMenu,
        window: QMainWindow,
        show_error: Callable[[str], None],
    ) -> None:
        """``window`` holds the shortcuts, the actions and the pages and shows the status messages;
        ``session`` knows the open conversation and reopens it after a comparison."""
        super().__init__(window)
        self.services, self.session, self.chat = services, session, chat
        self.window, self.show_error = window, show_error
        self._pages: dict[str, QWidget] = {}
        chat.bubble_finished.connect(self.attach)
        self.shortcuts = {
            "up": QShortcut(QKeySequence("Ctrl+Shift+Up"), window),
            "down": QShortcut(QKeySequence("Ctrl+Shift+Down"), window),
            "note": QShortcut(QKeySequence("Ctrl+Shift+N"), window),
            "compare": QShortcut(QKeySequence("Ctrl+Shift+K"), window),
        }
        self.shortcuts["up"].activated.connect(lambda: self._on_latest(lambda bar: bar.toggle("up")))
        self.shortcuts["down"].activated.connect(lambda: self._on_latest(lambda bar: bar.toggle("down")))
        self.shortcuts["note"].activated.connect(lambda: self._on_latest(self._note_shortcut))
        self.shortcuts["compare"].activated.connect(
            lambda: self._on_latest(lambda bar: bar.compare_requested.emit())
        )
        self.feedback_action = QAction(window)
        self.feedback_action.setShortcut(QKeySequence("Ctrl+Shift+F"))
        self.feedback_action.triggered.connect(self.open_feedback_page)
        self.usage_action = QAction(window)
        self.usage_action.setShortcut(QKeySequence("Ctrl+Shift+U"))
        self.usage_action.triggered.connect(self.open_usage_page)
        tools_menu.addSeparator()
        tools_menu.addAction(self.feedback_action)
        tools_menu.addAction(self.usage_action)
        window.addAction(self.feedback_action)
        window.addAction(self.usage_action)
        self.retranslate()
        window.installEventFilter(self)

    def retranslate(self) -> None:
        self.feedback_action.setText(tr("Feedback…"))
        self.feedback_action.setToolTip(tr("Which strategy wins, from your ratings (Ctrl+Shift+F)"))
        self.usage_action.setText(tr("Usage and cost…"))
        self.usage_action.setToolTip(tr("Claude tokens and cost per day, model and strategy (Ctrl+Shift+U)"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    # --- bubbles ----------
    def attach(self, bubble: MessageBubble) -> None:
        """A finished, saved answer: wire its bar (once) and show its stored rating."""
        bar = bubble.feedback_bar
        if bar is None or bubble.message_id is None:
            return
        if not bar.wired:
            bar.rated.connect(lambda v, r, n, b=bubble: self.save(b, v, r, n))
            bar.compare_requested.connect(lambda b=bubble: self.compare(b))
            bar.wired = True
        message_id = bubble.message_id
        fb = self._feedback()

        def done(rating: Rating | None) -> None:
            if not shiboken6.isValid(bar):
                return  # the chat was cleared (New chat, another conversation) before the rating arrived
            if bubble.message_id == message_id:
                bar.set_rating(rating)
                self.rating_loaded.emit(bubble)

        run_in_background(lambda: fb.get(message_id), done, lambda exc: log.warning("rating: %s", exc))

    def _feedback(self) -> Feedback:
        return Feedback(self.services.conversations, self.services.settings.profile)

    def latest_bar(self) -> FeedbackBar | None:
        for bubble in reversed(self.chat.bubbles):
            bar = bubble.feedback_bar
            if bar is not None and bubble.message_id is not None and not bar.isHidden():
                return bar
        return None

    def _on_latest(self, fn: Callable[[FeedbackBar], None]) -> None:
        bar = self.latest_bar()
        if bar is None:
            self.window.statusBar().showMessage(tr("There is no saved answer to rate yet."), 4000)
            return
        fn(bar)

    def _note_shortcut(self, bar: FeedbackBar) -> None:
        if not bar.verdict:
            self.window.statusBar().showMessage(tr("Rate the answer first (Ctrl+Shift+Up or Down)."), 4000)
            return
        bar.edit_note()

    def save(self, bubble: MessageBubble, verdict: str, reason: str, note: str) -> None:
        from desktop.core.feedback import actions

        services, message_id, bar = self.services, bubble.message_id, bubble.feedback_bar
        if message_id is None or bar is None:
            return

        def work() -> Rating | None:
            if not verdict:
                actions.clear(services, message_id)
                return None
            return actions.rate(services, message_id, verdict, reason=reason, note=note)

        def done(rating: Rating | None) -> None:
            bar.set_rating(rating)
            if rating is None:
                self.window.statusBar().showMessage(tr("Rating removed."), 4000)
            elif rating.get("share_error"):
                self.window.statusBar().showMessage(
                    tr("Rating saved, but not shared with the team: {err}").format(err=rating["share_error"]),
                    8000,
                )
            else:
                self.window.statusBar().showMessage(tr("Rating saved."), 4000)
            self.rating_saved.emit((bubble, rating))

        run_in_background(work, done, lambda exc: self.show_error(str(exc)))

    # --- comparison and pages ----------
    def compare(self, bubble: MessageBubble) -> None:
        from desktop.gui.chat.compare_dialog import CompareDialog

        if bubble.message_id is None:
            return
        dialog = CompareDialog(self.services, bubble.message_id, self.window)
        dialog.finished.connect(lambda _r, cid=self.session.conversation_id: self._after_compare(cid))
        # at the pick the answer not chosen leaves the chat: the rating shortcut then rates the one kept
        dialog.picked.connect(lambda _v, cid=self.session.conversation_id: self._after_compare(cid))
        self._pages["compare"] = dialog
        dialog.show()
        dialog.start()
        self.comparison_opened.emit(dialog)

    def _after_compare(self, conversation_id: str | None) -> None:
        """The conversation again, as the comparison left it: only the answer picked (or the original)."""
        session = self.session
        if conversation_id and conversation_id == session.conversation_id and not session.busy:
            session.open_conversation(conversation_id)

    def open_feedback_page(self) -> FeedbackPage:
        from desktop.gui.tools.feedback_page import FeedbackPage

        page = self._pages.get("feedback")
        if not isinstance(page, FeedbackPage):
            page = FeedbackPage(self.services, self.window)
            self._pages["feedback"] = page
        page.show()
        page.raise_()
        page.reload()
        return page

    def open_usage_page(self) -> UsagePage:
        from desktop.gui.tools.usage_page import UsagePage

        page = self._pages.get("usage")
        if not isinstance(page, UsagePage):
            page = UsagePage(self.services, self.window)
            self._pages["usage"] = page
        page.show()
        page.raise_()
        page.reload()
        return page
