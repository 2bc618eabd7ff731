"""The pill that says who is answering: Claude online, offline (and why), offline by choice, or reconnecting.

Fed by the circuit breaker's snapshots and by each answer's mode. Breaker callbacks may come from the probe
thread, so :meth:`StatusBadge.post_snapshot` goes through a queued signal.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QSize, Qt, Signal, Slot
from PySide6.QtGui import QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from desktop.core.chat.breaker import BreakerState
from desktop.gui.i18n import tr
from desktop.gui.widgets import theme

ONLINE, OFFLINE, RECONNECTING, UNKNOWN = "online", "offline", "reconnecting", "unknown"
CHECKING = "checking"  # a key exists and the breaker is closed, but nothing has answered yet


def reason_text(reason: str) -> str:
    """A short human phrase for a ClaudeUnavailable reason code."""
    table = {
        "no_key": tr("no API key"),
        "auth": tr("API key rejected"),
        "connection": tr("no connection"),
        "connect_timeout": tr("connection timed out"),
        "first_token_timeout": tr("Claude too slow to answer"),
        "rate_limited": tr("rate limited"),
        "overloaded": tr("Claude overloaded"),
        "server_error": tr("Claude server error"),
        "stream_cut": tr("answer cut off"),
        "bad_response": tr("bad response"),
        "breaker_open": tr("waiting to reconnect"),
        "offline_requested": tr("offline mode chosen"),
        "cancelled": tr("stopped by you"),
        "local_model_unavailable": tr("local model unavailable"),
        "unreadable_local": tr("the local answer was not readable"),
    }
    return table.get(reason, reason.replace("_", " "))


def state_from_snapshot(snapshot: BreakerState) -> tuple[str, str]:
    """Map the breaker's state (closed/open/half_open + reason) to a badge state."""
    state = snapshot.state.lower()
    reason = snapshot.reason
    if state in ("closed", "online", "ok"):
        return ONLINE, ""
    if state in ("half_open", "half-open", "probing", "reconnecting"):
        return RECONNECTING, reason
    if state in ("open", "offline"):
        return OFFLINE, reason
    return UNKNOWN, reason


class StatusBadge(QLabel):
    """Derived, never guessed: "Claude online" only after Claude answered or a check succeeded; "Offline only"
    when the user chose it (Claude is then not contacted, whatever the breaker says); offline it names no model,
    since the local model may not be the one answering (earlier answers and notes may be). The text is elided
    to :data:`MAX_WIDTH` so a long reason never pushes the toolbar's actions into an overflow menu; the
    tooltip has all of it."""

    snapshot_posted = Signal(object)
    MAX_WIDTH = 280
    MIN_WIDTH = 110  # a narrow window (820 px in Italian) shrinks the badge down to this, elided, first

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = UNKNOWN
        self.reason = ""
        self.offline_chosen = False
        self.full_text = ""
        self.short_text = ""
        self._tip = ""
        self.local_model_name = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMaximumWidth(self.MAX_WIDTH)
        self.snapshot_posted.connect(self._apply_snapshot, Qt.ConnectionType.QueuedConnection)
        self._render()

    def post_snapshot(self, snapshot: BreakerState) -> None:
        """Thread-safe entry point for breaker subscriptions."""
        self.snapshot_posted.emit(snapshot)

    @Slot(object)
    def _apply_snapshot(self, snapshot: BreakerState) -> None:
        self.set_state(*state_from_snapshot(snapshot))

    def set_state(self, state: str, reason: str = "") -> None:
        self.state, self.reason = state, reason
        self._render()

    def set_offline_chosen(self, chosen: bool) -> None:
        """The toolbar's "Offline only": shown over whatever the connection is."""
        self.offline_chosen = chosen
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:  # not PaletteChange: setStyleSheet itself sends one
            self._render()
        super().changeEvent(event)

    def _texts(self) -> tuple[str, str, str]:
        """(text, colour, tooltip) for the current inputs."""
        if self.offline_chosen:
            return (
                "● " + tr("Offline only"),
                theme.AMBER,
                tr("Offline only is on: Claude is not contacted; Zantara answers from this laptop."),
            )
        if self.state == ONLINE:
            return "● " + tr("Claude online"), theme.GREEN, tr("Claude is answering.")
        if self.state == OFFLINE:
            why = reason_text(self.reason) if self.reason else ""
            text = "● " + tr("Offline") + (f" ({why})" if why else "")
            return text, theme.AMBER, tr("Zantara answers from this laptop until Claude is reachable again.")
        if self.state == RECONNECTING:
            return (
                "◌ " + tr("Reconnecting to Claude…"),
                theme.GREY,
                tr("Checking whether Claude answers again; Zantara answers from this laptop meanwhile."),
            )
        if self.state == CHECKING:
            return "○ " + tr("Checking Claude…"), theme.GREY, tr("Asking Claude whether it answers.")
        return "○ " + tr("Starting…"), theme.GREY, tr("Checking Claude and the local model.")

    def _overhead(self) -> int:
        """What QLabel adds around its text (the stylesheet's padding, margins): its hint minus the text."""
        return max(0, super().sizeHint().width() - self.fontMetrics().horizontalAdvance(self.text()))

    def _text_width(self, text: str) -> int:
        """The text's width rounded up: integer advances round fractional glyph widths down, and a badge
        given that width elided its own text ("● Solo offli…" at its preferred width)."""
        return math.ceil(QFontMetricsF(self.font()).horizontalAdvance(text)) + 1

    def sizeHint(self) -> QSize:
        wanted = self._text_width(self.full_text) + self._overhead()
        return QSize(min(wanted, self.MAX_WIDTH), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(min(self.MIN_WIDTH, self.sizeHint().width()), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide(self.width())

    def _elide(self, width: int) -> None:
        """The text cut to ``width`` (the toolbar may give the badge less than its hint: then its resize
        cuts the text again; a new text is first shown whole, up to MAX_WIDTH, until the layout says)."""
        room = min(width, self.MAX_WIDTH) - self._overhead()
        shown = self.full_text
        if self._text_width(shown) > room:  # the state without its reason (in the tooltip) before a cut word
            shown = self.short_text
        if self._text_width(shown) > room:
            shown = self.fontMetrics().elidedText(self.short_text, Qt.TextElideMode.ElideRight, room)
        if shown != self.text():
            self.setText(shown)
        self.setToolTip(self.full_text + "\n" + self._tip if shown != self.full_text else self._tip)

    def _render(self) -> None:
        text, color, tip = self._texts()
        self.full_text, self._tip = text, tip
        self.short_text = text.split(" (", 1)[0]  # "● Offline (Claude too slow to answer)" → "● Offline"
        self.updateGeometry()
        self._elide(self.MAX_WIDTH)
        self.setAccessibleName(tr("Connection status"))
        self.setAccessibleDescription(text)
        self.setStyleSheet(
            f"QLabel {{ color: white; background: {color}; border-radius: 10px; padding: 3px 10px;"
            " font-weight: 600; }"
        )
