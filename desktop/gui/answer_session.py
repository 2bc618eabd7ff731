"""The answer session: sends a message (or regenerates an answer) in a worker, streams the router's events into
the chat bubble, stops on request, and shows a stored conversation.

One answer at a time per window. The window owns the widgets; the session only drives them, so the window's
layout can change without touching how answers flow (docs/architecture.md, "One message's path").
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop.core.cancel import CancelToken
from desktop.core.chat.conversations import StoredMessage
from desktop.core.chat.trace import Answer, Event, Insight, Mode, RetrievalError, Trace
from desktop.core.errors import Cancelled, ZantaraError
from desktop.gui import status_badge as sb
from desktop.gui.answer_labels import claude_wrote
from desktop.gui.chat_view import MessageBubble
from desktop.gui.core_text import localize
from desktop.gui.events import CONVERSATIONS, app_events
from desktop.gui.i18n import tr
from desktop.gui.workers import Task, run_in_background

if TYPE_CHECKING:
    from desktop.gui.main_window import MainWindow

log = logging.getLogger(__name__)

Work = Callable[[Callable[[Event], None]], Answer]


class AnswerSession(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.cancel_token: CancelToken | None = None
        self.answer_task: Task | None = None
        self.streaming_bubble: MessageBubble | None = None
        self.stopping = False  # "Stopping…" is in the status bar until the answer has really ended

    @property
    def busy(self) -> bool:
        return self.cancel_token is not None

    # --- asking ----------
    def send(self, text: str) -> None:
        w = self.window
        text = text.strip()
        if not text:
            return
        if self.busy:
            w.statusBar().showMessage(tr("Wait for the answer or press Esc to stop it."), 4000)
            return
        w.input.clear()
        w.chat.add_message("user", text)
        bubble = w.chat.add_message("assistant")
        strategy, offline, cid = w.chosen_strategy(), w.offline_action.isChecked(), w.conversation_id
        services = w.services
        token = CancelToken()

        def work(
            report: Callable[[Event], None],
        ) -> Answer:  # on the pool: building the router happens here too
            return services.router.ask(
                text, conversation_id=cid, strategy=strategy, offline=offline, cancel=token, on_event=report
            )

        self._start(bubble, token, work)

    def regenerate(self, bubble: MessageBubble) -> None:
        w = self.window
        if self.busy or bubble.message_id is None:
            if bubble.message_id is None:
                w.statusBar().showMessage(tr("This answer was not saved, so it cannot be regenerated."), 5000)
            return
        message_id = bubble.message_id
        # The router keeps the old answer and appends the new one, so the view does the same.
        bubble = w.chat.add_message("assistant")
        token = CancelToken()
        strategy, offline, services = w.chosen_strategy(), w.offline_action.isChecked(), w.services

        def work(report: Callable[[Event], None]) -> Answer:
            return services.router.regenerate(
                message_id, strategy=strategy, offline=offline, cancel=token, on_event=report
            )

        self._start(bubble, token, work)

    def stop(self) -> None:
        if self.cancel_token is not None:
            self.cancel_token.cancel()
            self.stopping = True
            self.window.statusBar().showMessage(tr("Stopping…"))

    # --- streaming ----------
    def _start(self, bubble: MessageBubble, token: CancelToken, work: Work) -> None:
        self.cancel_token = token
        self.streaming_bubble = bubble
        bubble.start_streaming()
        self.window.set_busy(True)
        self.answer_task = run_in_background(
            work,
            lambda answer: self._done(bubble, token, answer),
            lambda exc: self._failed(bubble, token, exc),
            on_progress=lambda event: self._on_event(bubble, event),
            with_report=True,
            long=True,
        )

    def _on_event(self, bubble: MessageBubble, event: Event) -> None:
        data = event.data or {}
        if event.kind == "chunk":
            bubble.append_chunk(event.text)
        elif event.kind == "replace":
            bubble.replace_text(event.text)
        elif event.kind == "mode":
            mode: Mode = "offline" if data.get("mode") == "offline" else "claude"
            trace = dataclasses.replace(
                bubble.trace or Trace(), mode=mode, reason=str(data.get("reason", ""))
            )
            bubble.set_trace(trace)
            self._badge_for(trace)
        elif event.kind == "insights":
            error = data.get("retrieval_error")
            trace = dataclasses.replace(
                bubble.trace or Trace(),
                insights=[Insight.from_json(i) for i in data.get("insights", [])],
                retrieval_error=RetrievalError.from_json(error) if error else None,
            )
            bubble.set_trace(trace)
        elif event.kind == "hedge":
            late = tr("Claude is late: showing what Zantara knows meanwhile")
            if data.get("state") == "started":
                self.window.statusBar().showMessage(late, 6000)
                return
            if data.get("state") == "superseded":
                bubble.show_local_draft(str(data.get("draft", "")))
            if self.window.statusBar().currentMessage() == late:  # Claude's answer started: no longer late
                self.window.statusBar().clearMessage()

    def _badge_for(self, trace: Trace, final: bool = False) -> None:
        """An offline answer says why on the badge; "Claude online" only once Claude wrote (part of) one."""
        reason = trace.reason
        if trace.mode == "offline" and reason not in ("offline_requested", "cancelled", "breaker_open", ""):
            self.window.badge.set_state(sb.OFFLINE, reason)
        elif final and claude_wrote(trace):
            self.window.monitor.claude_answered()

    def _done(self, bubble: MessageBubble, token: CancelToken, answer: Answer) -> None:
        w = self.window
        trace = answer.trace
        bubble.set_trace(trace)
        bubble.finish(answer.text, status=answer.status, message_id=answer.message_id)
        if token.cancelled:
            bubble.mark_stopped()
        w.context.show_trace(trace)
        self._badge_for(trace, final=True)
        if answer.conversation_id and answer.conversation_id != w.conversation_id:
            w.conversation_id = answer.conversation_id
            w.conversations.current_id = answer.conversation_id
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
            self.window.statusBar().showMessage(tr("Stopped."), 4000)
        self.cancel_token = None
        self.streaming_bubble = None
        self.answer_task = None
        self.window.set_busy(False)
        self.window.answer_finished.emit(bubble)
        app_events().data_changed.emit(CONVERSATIONS)  # the list shows the new or updated conversation

    def warm_up(self) -> None:
        """Open the knowledge store (first run loads the curated pack) before the first question needs it."""
        bar = self.window.statusBar()
        bar.showMessage(tr("Preparing the knowledge base…"))
        services = self.window.services

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
        if cid == self.window.conversation_id:
            self.window.new_chat()

    def open_conversation(self, cid: str) -> None:
        w = self.window
        if self.busy:
            self.stop()
        w.conversation_id = cid
        w.chat.clear()
        w.context.show_trace(None)
        conversations = w.services.conversations
        run_in_background(
            lambda: conversations.stored_messages(cid),
            lambda msgs: self._show_messages(cid, msgs),
            lambda exc: w.show_error(str(exc)),
        )

    def _show_messages(self, cid: str, messages: list[StoredMessage]) -> None:
        w = self.window
        if cid != w.conversation_id:
            return  # the user moved on meanwhile
        last_trace: Trace | None = None
        for msg in messages:
            bubble = w.chat.add_message("user" if msg.role == "user" else "assistant", msg.content)
            if msg.role != "user":
                bubble.set_trace(msg.trace)
                bubble.finish(msg.content, status=msg.status, message_id=msg.id)
                last_trace = bubble.trace
        w.context.show_trace(last_trace)
