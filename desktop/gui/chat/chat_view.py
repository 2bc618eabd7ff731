"""The conversation as message bubbles, with Markdown rendering and token streaming.

Each bubble is a word-wrapped ``QLabel`` in Markdown mode (QTextDocument's Markdown underneath), so the layout
sizes it for free. Streamed chunks are accumulated and re-rendered at most every 40 ms: re-parsing Markdown on
every token would waste the GUI thread on long answers.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.core.chat.trace import Trace
from desktop.gui.chat.answer_labels import header_text
from desktop.gui.chat.feedback_bar import FeedbackBar
from desktop.gui.chat.local_draft import LocalDraft
from desktop.gui.i18n import tr
from desktop.gui.texts.core_text import localize
from desktop.gui.texts.failure_texts import retrieval_failed_text
from desktop.gui.widgets import theme
from desktop.gui.widgets.flow_layout import FlowLayout
from desktop.gui.window.status_badge import reason_text

RENDER_INTERVAL_MS = 40


CITE_SCHEME = "cite:"
_CITATION = re.compile(r"(?<!\\)\[(\d{1,3})\](?![(:])")


def cite_links(text: str, cited: set[int]) -> str:
    """The answer's citations [n] of passages it was given as links (``cite:n``) that open the passage in the
    context panel; a number no passage has stays plain text, and so does a [n] already in a link."""

    def link(m: re.Match[str]) -> str:
        n = int(m.group(1))
        return f"[\\[{n}\\]]({CITE_SCHEME}{n})" if n in cited else m.group(0)

    return _CITATION.sub(link, text)


class MessageBubble(QFrame):
    """One message. Assistant bubbles carry the trace so the context panel can show it."""

    regenerate_requested = Signal(object)  # the bubble
    context_requested = Signal(object)  # the bubble
    citation_requested = Signal(object, int)  # the bubble, the passage number [n] clicked in its text
    finished = Signal(object)  # the bubble, once its text is final (feedback_bar.py attaches the rating)

    def __init__(self, role: str, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.role = role
        self.text = text
        self.trace: Trace | None = None  # an answer's, once known (user messages have none)
        self.status = "complete"
        self.message_id: int | None = None
        self.streaming = False
        self.stopped = False
        self.error = ""
        self.setObjectName("userBubble" if role == "user" else "assistantBubble")
        self.setFrameShape(QFrame.Shape.NoFrame)

        self.header = QLabel(self)
        self.header.setObjectName("bubbleHeader")
        self.header.setWordWrap(True)  # a wrap answer names three writers: never wider than the chat
        self.header.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.body = QLabel(self)
        self.body.setObjectName("bubbleBody")
        self.body.setTextFormat(Qt.TextFormat.MarkdownText)
        self.body.setWordWrap(True)
        self.body.setOpenExternalLinks(False)  # cite: links open the passage; the others, the browser
        self.body.linkActivated.connect(self._link)
        self.body.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.body.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.note = QLabel(self)
        self.extra_stops: list[QWidget] = []  # controls added under the note (the model offer), in Tab order
        self.note.setObjectName("bubbleNote")
        self.note.setWordWrap(True)
        self.note.hide()

        self.copy_button = QPushButton(self)
        self.regen_button = QPushButton(self)
        self.context_button = QPushButton(self)
        for button in (self.copy_button, self.regen_button, self.context_button):
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.regen_button.clicked.connect(lambda: self.regenerate_requested.emit(self))
        self.context_button.clicked.connect(lambda: self.context_requested.emit(self))
        actions = FlowLayout()  # wraps in a narrow chat column instead of widening the bubble past it
        actions.addWidget(self.copy_button)
        if role == "assistant":
            actions.addWidget(self.regen_button)
            actions.addWidget(self.context_button)
        else:
            self.regen_button.hide()
            self.context_button.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 6)
        layout.setSpacing(4)
        layout.addWidget(self.header)
        layout.addWidget(self.body)
        layout.addWidget(self.note)
        self.local_draft: LocalDraft | None = None  # the hedged local text Claude's answer replaced
        layout.addLayout(actions)
        self.feedback_bar: FeedbackBar | None = None
        if role == "assistant":
            self.feedback_bar = FeedbackBar(self)
            self.feedback_bar.hide()
            layout.addWidget(self.feedback_bar)

        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(RENDER_INTERVAL_MS)
        self._render_timer.timeout.connect(self._render_body)
        self.retranslate()
        self._render_body()

    # --- streaming ----------
    def start_streaming(self) -> None:
        self.streaming = True
        self._set_actions_visible(False)
        if self.feedback_bar is not None:
            self.feedback_bar.hide()
        self.retranslate()

    def append_chunk(self, chunk: str) -> None:
        self.text += chunk
        if not self._render_timer.isActive():
            self._render_timer.start()

    def replace_text(self, text: str) -> None:
        self.text = text
        self._render_body()

    def _link(self, url: str) -> None:
        if url.startswith(CITE_SCHEME):
            self.citation_requested.emit(self, int(url[len(CITE_SCHEME) :]))
        else:
            QDesktopServices.openUrl(QUrl(url))

    def set_trace(self, trace: Trace | None) -> None:
        self.trace = trace
        if not self.streaming:
            self._render_body()  # its citations become links to their passages
        hedge = trace.hedge if trace is not None else None
        if hedge is not None and hedge.winner == "claude" and hedge.draft:
            self.show_local_draft(hedge.draft)
        self.retranslate()

    def show_local_draft(self, text: str) -> None:
        """Keep the local text shown while Claude was late, collapsed under the answer."""
        if self.local_draft is None:
            self.local_draft = LocalDraft(self)
            layout = self.layout()
            assert isinstance(layout, QVBoxLayout)
            layout.insertWidget(layout.indexOf(self.note) + 1, self.local_draft)
        self.local_draft.set_draft(text)

    def finish(
        self, text: str | None = None, status: str = "complete", message_id: int | None = None
    ) -> None:
        self.streaming = False
        if text is not None:
            self.text = text
        self.status = status
        self.message_id = message_id
        self._render_timer.stop()
        self._render_body()
        self._set_actions_visible(True)
        self.retranslate()
        if self.feedback_bar is not None:
            self.feedback_bar.setVisible(message_id is not None)
        self.finished.emit(self)

    def mark_stopped(self) -> None:
        self.stopped = True
        self.finish(self.text, status="partial", message_id=self.message_id)

    def mark_error(self, message: str) -> None:
        self.error = message
        self.finish(self.text, status="failed", message_id=self.message_id)

    # --- rendering ----------
    def _render_body(self) -> None:
        shown = self.text if self.text else ("…" if self.streaming else "")
        if not self.streaming and self.trace is not None and self.trace.cited_passages:
            shown = cite_links(shown, {p.n for p in self.trace.cited_passages})
        self.body.setText(shown)
        self.body.setAccessibleName(tr("Message text"))

    def _set_actions_visible(self, visible: bool) -> None:
        self.copy_button.setVisible(visible)
        if self.role == "assistant":
            self.regen_button.setVisible(visible)
            self.context_button.setVisible(visible)

    def retranslate(self) -> None:
        self.copy_button.setText(tr("Copy"))
        self.copy_button.setToolTip(tr("Copy this message as Markdown"))
        self.copy_button.setAccessibleName(tr("Copy message"))
        self.regen_button.setText(tr("Regenerate"))
        self.regen_button.setToolTip(tr("Ask again for a new answer to the same message"))
        self.regen_button.setAccessibleName(tr("Regenerate answer"))
        self.context_button.setText(tr("Context"))
        self.context_button.setToolTip(tr("Show the insights, strategy and timings behind this answer"))
        self.context_button.setAccessibleName(tr("Show answer context"))
        self.header.setText(self._header_text())
        self.header.setToolTip(self.header.text())
        self.note.setText(self._note_text())
        self.note.setVisible(bool(self.note.text()))

    def _header_text(self) -> str:
        if self.role == "user":
            return tr("You")
        if self.streaming:  # who wrote it is known from the final trace, not guessed from the mode
            return "Zantara · " + tr("thinking…")
        return header_text(self.trace) if self.trace is not None else "Zantara"

    def _note_text(self) -> str:
        notes = self._trace_notes(self.trace) if self.trace is not None else []
        if self.stopped:
            notes.append(tr("Stopped."))
        elif self.status == "partial":
            notes.append(tr("Partial answer: the rest could not be completed."))
        elif self.status == "interrupted":
            notes.append(tr("Interrupted: Zantara was closed while writing this answer."))
        if self.error:
            notes.append(localize(self.error))
        return " ".join(notes)

    @staticmethod
    def _trace_notes(trace: Trace) -> list[str]:
        """What the user must know about how the answer was made: a failed search, offline, no live note."""
        notes = []
        failed = retrieval_failed_text(trace.retrieval_error)
        if failed:
            notes.append(failed)
        if trace.mode == "offline" and trace.reason:
            notes.append(tr("Answered offline: {reason}.").format(reason=reason_text(trace.reason)))
        enrich = trace.enrich
        if trace.strategy == "enrich" and enrich is not None and enrich.reason == "unfit_model":
            # the strategy is the note alone: without it the answer is plain Claude, which the user must know
            notes.append(
                tr(
                    "No live cultural note: the local model is too small to write one; "
                    "a larger one can be installed in Settings › Models."
                )
            )
        return notes

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self.text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ChatView(QScrollArea):
    """Scrollable column of bubbles; keeps the view pinned to the bottom while an answer streams."""

    regenerate_requested = Signal(object)
    context_requested = Signal(object)
    citation_requested = Signal(object, int)  # the bubble, the passage number
    bubble_finished = Signal(object)
    bubble_added = Signal(object)  # the new bubble (keyboard.py puts its buttons in the Tab order)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._inner = QWidget(self)
        self._inner.setObjectName("chatInner")
        self._column = QVBoxLayout(self._inner)
        self._column.setContentsMargins(18, 14, 18, 14)
        self._column.setSpacing(10)
        self._empty = QLabel(self._inner)
        self._empty.setObjectName("emptyHint")
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        self._column.addWidget(self._empty, 1)  # centred hint while empty; hidden once messages exist
        self._column.addStretch(1)  # keeps the messages stacked from the top
        self.setWidget(self._inner)
        self.bubbles: list[MessageBubble] = []
        self.verticalScrollBar().rangeChanged.connect(self._follow)
        self._pinned = True
        self._styling = False
        self.verticalScrollBar().valueChanged.connect(self._track_pin)
        self.setAccessibleName(tr("Conversation"))
        self.retranslate()
        self.apply_style()

    def retranslate(self) -> None:
        self._empty.setText(
            tr("Ask anything about visas, KITAS, PT PMA or life in Bali.")
            + "\n"
            + tr("Zantara answers in your language and shows the cultural insights behind each answer.")
        )
        self.setAccessibleName(tr("Conversation"))

    def apply_style(self) -> None:
        if self._styling:  # setStyleSheet may itself send a PaletteChange
            return
        self._styling = True
        user_bg, assistant_bg = theme.bubble_colors(self.palette())
        self._inner.setStyleSheet(
            f"#userBubble {{ background: {user_bg}; border-radius: 12px; margin-left: 80px; }}"
            f"#assistantBubble {{ background: {assistant_bg}; border-radius: 12px; margin-right: 40px; }}"
            "#bubbleHeader { font-weight: 600; opacity: 0.8; }"
            f"#bubbleNote {{ color: {theme.AMBER}; font-style: italic; }}"
            "#emptyHint { color: palette(placeholder-text); font-size: 14px; }"
        )
        self._styling = False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.updateGeometry()  # translated buttons change how narrow a bubble can be
        elif event.type() == QEvent.Type.PaletteChange:
            self.apply_style()
        super().changeEvent(event)

    def minimumSizeHint(self) -> QSize:
        """Never narrower than the bubbles can be (their buttons and rating bar do not wrap).

        The column has no horizontal scroll bar, so in a narrow window (820 px, context panel open) the
        splitter squeezed it below that and every bubble was cut off at the right edge, text mid-word. With
        this hint the splitter takes the width from the side panels instead."""
        hint = super().minimumSizeHint()
        needed = (
            self._inner.minimumSizeHint().width()
            + self.verticalScrollBar().sizeHint().width()
            + 2 * self.frameWidth()
        )
        return QSize(max(hint.width(), needed), hint.height())

    def clear(self) -> None:
        for bubble in self.bubbles:
            self._column.removeWidget(bubble)
            bubble.deleteLater()
        self.bubbles.clear()
        self._empty.show()

    def add_message(self, role: str, text: str = "") -> MessageBubble:
        bubble = MessageBubble(role, text, self._inner)
        bubble.regenerate_requested.connect(self.regenerate_requested)
        bubble.context_requested.connect(self.context_requested)
        bubble.citation_requested.connect(self.citation_requested)
        bubble.finished.connect(self.bubble_finished)
        bubble.finished.connect(lambda _b: self.updateGeometry())  # its buttons and rating bar appeared
        self._empty.hide()
        # Insert before the trailing stretch so messages stack from the top.
        self._column.insertWidget(self._column.count() - 1, bubble)
        self.bubbles.append(bubble)
        self._pinned = True
        self.updateGeometry()
        self.bubble_added.emit(bubble)
        return bubble

    def last_assistant(self) -> MessageBubble | None:
        for bubble in reversed(self.bubbles):
            if bubble.role == "assistant":
                return bubble
        return None

    def _track_pin(self, value: int) -> None:
        bar = self.verticalScrollBar()
        self._pinned = value >= bar.maximum() - 40

    def _follow(self, _min: int, maximum: int) -> None:
        if self._pinned:
            self.verticalScrollBar().setValue(maximum)


class MessageInput(QPlainTextEdit):
    """Enter sends; Shift+Enter inserts a new line (what every chat app does)."""

    submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setMaximumHeight(140)
        self.setMinimumHeight(60)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:
        # QPlainTextEdit asks for ~190 px; a chat input wants three lines and leaves the rest to the chat.
        return QSize(400, 84)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.insertPlainText("\n")
            else:
                text = self.toPlainText().strip()
                if text:
                    self.submitted.emit(text)
            event.accept()
            return
        super().keyPressEvent(event)
