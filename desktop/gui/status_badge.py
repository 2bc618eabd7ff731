"""The pill that says who is answering: Claude online, offline on the local model (and why), or reconnecting.

Fed by the circuit breaker's snapshots and by each answer's mode. Breaker callbacks may come from the probe
thread, so :meth:`StatusBadge.post_snapshot` goes through a queued signal.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import QLabel, QWidget

from desktop.core.chat.breaker import BreakerState
from desktop.gui import theme
from desktop.gui.i18n import tr

ONLINE, OFFLINE, RECONNECTING, UNKNOWN = "online", "offline", "reconnecting", "unknown"


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
    snapshot_posted = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = UNKNOWN
        self.reason = ""
        self.local_model_name = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
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

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:  # not PaletteChange: setStyleSheet itself sends one
            self._render()
        super().changeEvent(event)

    def _render(self) -> None:
        local = self.local_model_name or tr("local model")
        if self.state == ONLINE:
            text, color, tip = "● " + tr("Claude online"), theme.GREEN, tr("Claude is answering.")
        elif self.state == OFFLINE:
            why = reason_text(self.reason) if self.reason else ""
            text = "● " + tr("Offline: {model}").format(model=local) + (f" ({why})" if why else "")
            color = theme.AMBER
            tip = tr("Zantara answers from this laptop until Claude is reachable again.")
        elif self.state == RECONNECTING:
            text, color = "◌ " + tr("Reconnecting to Claude…"), theme.GREY
            tip = tr("Checking whether Claude answers again; Zantara answers from this laptop meanwhile.")
        else:
            text, color, tip = "○ " + tr("Starting…"), theme.GREY, tr("Checking Claude and the local model.")
        self.setText(text)
        self.setToolTip(tip)
        self.setAccessibleName(tr("Connection status"))
        self.setAccessibleDescription(text)
        self.setStyleSheet(
            f"QLabel {{ color: white; background: {color}; border-radius: 10px; padding: 3px 10px;"
            " font-weight: 600; }"
        )
