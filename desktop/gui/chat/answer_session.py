"""The answer session: sends a message (or regenerates an answer) in a worker, streams the router's events into
the chat bubble, stops on request, and shows a stored conversation.

One answer at a time per window. The window owns the widgets and hands the session the ones it drives
(:class:`SessionViews`); the session says what the badge must show through its signals, so the window's layout
can change without touching how answers flow (docs/architecture.md, "One message's path").
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QStatusBar

from desktop.core.cancel import CancelToken
from desktop.core.chat.conversations import StoredMessage
from desktop.core.chat.trace import Answer, Event, Trace
from desktop.core.errors import Cancelled, ZantaraError
from desktop.gui.chat.answer_labels import claude_wrote
from desktop.gui.chat.chat_view import ChatView, MessageBubble, MessageInput
from desktop.gui.events import CONVERSATIONS, app_events
from desktop.gui.i18n import tr
from desktop.gui.texts.core_text import localize
from desktop.gui.workers import Task, run_in_background

if TYPE_CHECKING:
    from desktop.core.services import Services
    from desktop.gui.chat.context_panel import ContextPanel
    from desktop.gui.window.conversation_list import ConversationList

log = logging.getLogger(__name__)

Work = Callable[[Callable[[Event], None]], Answer]


@dataclass
class SessionViews:
    """The widgets and window actions an answer session drives."""

    chat: ChatView
    context: ContextPanel
    input: MessageInput
    conversations: ConversationList
    status: QStatusBar
    offline_action: QAction  # "Offline only"
    chosen_strategy: Callable[[], str | None]  # the toolbar's strategy (None: the router's default)
    set_busy: Callable[[bool], None]  # the composer's Send/Stop and the Stop action
    show_error: Callable[[str], None]


class AnswerSession(QObject):
    answer_finished = Signal(object)  # the bubble, once its answer (or error/stop) is final
    answered_offline = Signal(str)  # an answer went offline for this reason: the badge says it
    claude_answered = Signal()  # Claude wrote (part of) an answer: a check that succeeded
    chat_cleared = Signal()  # the open conversation was deleted: the window starts a new chat

    def __init__(self, services: Services, views: SessionViews, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services, self.views = services, views
        self.conversation_id: str | None = None  # the conversation on screen (None: a new chat)
        self.cancel_token: CancelToken | None = None
        self.answer_task: Task | None = None
        self.streaming_bubble: MessageBubble | None = None
        self.stopping = False  # "Stopping…" is in the status bar until the answer has really ended

    @property
    def busy(self) -> bool:
        return self.cancel_token is not None

    # --- asking ----------
    def send(self, text: str) -> None:
        v = self.views
        text = text.strip()
        if not text:
            return
        if self.busy:
            v.status.showMessage(tr("Wait for the answer or press Esc to stop it."), 4000)
            return
        v.input.clear()
        v.chat.add_message("user", text)
        bubble = v.chat.add_message("assistant")
        strategy, offline, cid = v.chosen_strategy(), v.offline_action.isChecked(), self.conversation_id
        services = self.services
        token = CancelToken()

        def work(
            report: Callable[[Event], None],
        ) -> Answer:  # on the pool: building the router happens here too
            return services.router.ask(
                text, conversation_id=cid, strategy=strategy, offline=offline, cancel=token, on_event=report
            )

        self._start(bubble, token, work)

    def regenerate(self, bubble: MessageBubble) -> None:
        v = self.views
        if self.busy or bubble.message_id is None:
            if bubble.message_id is None:
                v.status.showMessage(tr("This answer was not saved, so it cannot be regenerated."), 5000)
            return
        message_id = bubble.message_id
        # The router keeps the old answer and appends the new one, so the view does the same.
        bubble = v.chat.add_message("assistant")
        token = CancelToken()
        strategy, offline, services = v.chosen_strategy(), v.offline_action.isChecked(), self.services

        def work(report: Callable[[Event], None]) -> Answer:
            return services.router.regenerate(
                message_id, strategy=strategy, offline=offline, cancel=token, on_event=report
            )

        self._start(bubble, token, work)

    def stop(self) -> None:
        if self.cancel_token is not None:
            self.cancel_token.cancel()
            self.stopping = True
            self.views.status.showMessage(tr("Stopping…"))

    # --- streaming ----------
    def _start(self, bubble: MessageBubble, token: CancelToken, work: Work) -> None:
        self.cancel_token = token
        self.streaming_bubble = bubble
        bubble.start_streaming()
        self.views.set_busy(True)
        self.answer_task = run_in_background(
            work,
            lambda answer: self._done(bubble, token, answer),
            lambda exc: self._failed(bubble, token, exc),
            on_progress=lambda event: self._on_event(bubble, event),
            with_report=True,
            long=True,
        )

    def _on_event(self, bubble: MessageBubble, event: Event) -> None:
        if event.kind == "chunk":
            bubble.append_chunk(event.text)
        elif event.kind == "replace":
            bubble.replace_text(event.text)
        elif event.kind == "mode":
            mode = event.mode or "claude"
            trace = dataclasses.replace(bubble.trace or Trace(), mode=mode, reason=event.reason)
            bubble.set_trace(trace)
            self._badge_for(trace)
        elif event.kind == "insights":
            trace = dataclasses.replace(
                bubble.trace or Trace(), insights=event.insights, retrieval_error=event.retrieval_error
            )
            bubble.set_trace(trace)
        elif event.kind == "hedge":
            late = tr("Claude is late: showing what Zantara knows meanwhile")
            if event.state == "started":
                self.views.status.showMessage(late, 6000)
                return
            if event.state == "superseded":
                bubble.show_local_draft(event.draft)
            if self.views.status.currentMessage() == late:  # Claude's answer started: no longer late
                self.views.status.clearMessage()

    def _badge_for(self, trace: Trace, final: bool = False) -> None:
        """An offline answer says why on the badge; "Claude online" only once Claude wrote (part of) one."""
        reason = trace.reason
        if trace.mode == "offline" and reason not in ("offline_requested", "cancelled", "breaker_open", ""):
            self.answered_offline.emit(reason)
        elif final and claude_wrote(trace):
            self.claude_answered.emit()

    def _done(self, bubble: MessageBubble, token: CancelToken, answer: Answer) -> None:
        v = self.views
        trace = answer.trace
        bubble.set_trace(trace)
        bubble.finish(answer.text, status=answer.status, message_id=answer.message_id)
        if token.cancelled:
            bubble.mark_stopped()
        v.context.show_trace(trace)
        self._badge_for(trace, final=True)
        if answer.conversation_id and answer.conversation_id != self.conversation_id:
            self.conversation_id = answer.conversation_id
            v.conversations.current_id = answer.conversation_id
        self._end(bubble)

    def _failed(self, bubble: MessageBubble, token: CancelToken, exc: BaseException) -> None:
        if isinstance(exc, Cancelled) or token.cancelled:
            bubble.mark_stopped()
        elif isinstance(exc, ZantaraError):
            bubble.mark_error(str(exc))
        else:
            log.error("answer failed", exc_info=exc)
            bubble.mark_error(tr("The answer failed: {err}").format(err=f"{type(exc).__name__}: {exc}"))
        self._end(bubble)

    def _end(self, bubble: MessageBubble) -> None:
        if self.stopping:
            self.stopping = False
            self.views.status.showMessage(tr("Stopped."), 4000)
        self.cancel_token = None
        self.streaming_bubble = None
        self.answer_task = None
        self.views.set_busy(False)
        self.answer_finished.emit(bubble)
        app_events().data_changed.emit(CONVERSATIONS)  # the list shows the new or updated conversation

    def warm_up(self) -> None:
        """Open the knowledge store (first run loads the curated pack) before the first question needs it."""
        bar = self.views.status
        bar.showMessage(tr("Preparing the knowledge base…"))
        services = self.services

        def prepare() -> int:
            from desktop.core.knowledge.retrieval import prepare_session

            total = int(services.store.stats().get("total", 0))
            prepare_session(
                services.store, services.embedder
            )  # fast queries, models, a small store's records
            return total

        run_in_background(
            prepare,
            lambda n: bar.showMessage(tr("Ready: {n} cultural insights").format(n=n), 8000),
            lambda exc: bar.showMessage(
                tr("Knowledge base unavailable: {err}").format(err=localize(str(exc)))
            ),
        )

    # --- a stored conversation ----------
    def conversation_deleted(self, cid: str) -> None:
        if cid == self.conversation_id:
            self.chat_cleared.emit()

    def open_conversation(self, cid: str) -> None:
        v = self.views
        if self.busy:
            self.stop()
        self.conversation_id = cid
        v.chat.clear()
        v.context.show_trace(None)
        conversations = self.services.conversations
        run_in_background(
            lambda: conversations.stored_messages(cid),
            lambda msgs: self._show_messages(cid, msgs),
            lambda exc: v.show_error(str(exc)),
        )

    def _show_messages(self, cid: str, messages: list[StoredMessage]) -> None:
        v = self.views
        if cid != self.conversation_id:
            return  # the user moved on meanwhile
        last_trace: Trace | None = None
        for msg in messages:
            bubble = v.chat.add_message("user" if msg.role == "user" else "assistant", msg.content)
            if msg.role != "user":
                bubble.set_trace(msg.trace)
                bubble.finish(msg.content, status=msg.status, message_id=msg.id)
                last_trace = bubble.trace
        v.context.show_trace(last_trace)
