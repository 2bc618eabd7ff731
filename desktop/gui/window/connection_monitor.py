"""The connection monitor: who can answer right now. It follows the API key status and the circuit breaker,
keeps the toolbar badge and the "no key" banner up to date, and probes Claude when the breaker's wait is over."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QWidget

from desktop.core.chat.breaker import NOT_OUTAGES, BreakerState
from desktop.core.secrets import KeyStatus
from desktop.gui.i18n import tr
from desktop.gui.texts import key_texts
from desktop.gui.window import status_badge as sb
from desktop.gui.workers import run_in_background

if TYPE_CHECKING:
    from desktop.core.services import Services

log = logging.getLogger(__name__)


class Banner(QFrame):
    """First run without a key: answers are offline, and a button to add a key.

    One short sentence and the button, on one row where the chat column has room, else the button under the
    text: at the 820x520 minimum the old paragraph took 170 px of the chat column. The why and where the key
    would be kept stay in the text's tooltip and accessible description."""

    add_key = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.key_status: KeyStatus | None = None  # where a key would be kept (key_texts.storage_sentence)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.button = QPushButton(self)
        self.button.clicked.connect(self.add_key)
        self.close_button = QPushButton("✕", self)
        self.close_button.setFlat(True)
        self.close_button.setFixedWidth(28)
        self.close_button.clicked.connect(self.hide)
        self.extra_stops: list[
            QWidget
        ] = []  # controls others add to the banner (the model offer), in Tab order
        self.one_row: bool | None = None  # the button beside the text (None: not laid out yet)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(10, 4, 4, 4)
        self.grid.setVerticalSpacing(2)
        self.grid.setColumnStretch(0, 1)
        self.setStyleSheet(
            "#banner { background: rgba(208,138,18,0.16); border: 1px solid rgba(208,138,18,0.55);"
            " border-radius: 8px; }"
        )
        self.retranslate()
        self._place(one_row=True)

    def retranslate(self) -> None:
        self.label.setText(tr("No Claude API key yet: answers are offline."))
        details = (
            tr(
                "No Claude API key yet, so Zantara answers offline from this laptop: earlier answers and cultural notes, and a local model's own answers once one that can write them is installed (Settings → Models). "
                "Add your Anthropic key in Settings (Ctrl+,) and Claude will answer."
            )
            + (" " + key_texts.storage_sentence(self.key_status)).rstrip()
        )
        self.label.setToolTip(details)
        self.label.setAccessibleDescription(details)
        self.button.setText(tr("Add API key…"))
        self.button.setAccessibleName(tr("Add API key"))
        self.button.setToolTip(tr("Open Settings to add your Anthropic key (Ctrl+,)"))
        self.close_button.setToolTip(tr("Hide this message"))
        self.close_button.setAccessibleName(tr("Hide this message"))
        self._fit()

    def set_key_status(self, status: KeyStatus | None) -> None:
        self.key_status = status
        self.retranslate()

    def _place(self, one_row: bool) -> None:
        """The text, then the button beside it (one row) or under it; the ✕ top right."""
        if one_row == self.one_row:
            return
        self.one_row = one_row
        for widget in (self.label, self.button, self.close_button):
            self.grid.removeWidget(widget)
        top = Qt.AlignmentFlag.AlignTop
        self.grid.addWidget(self.label, 0, 0, Qt.AlignmentFlag.AlignVCenter)
        if one_row:
            self.grid.addWidget(self.button, 0, 1, Qt.AlignmentFlag.AlignVCenter)
        else:
            self.grid.addWidget(self.button, 1, 0, Qt.AlignmentFlag.AlignLeft)
        self.grid.addWidget(self.close_button, 0, 2, top)
        self.grid.activate()  # the new places now, not on the next layout pass (the text's width changed)

    def _fit(self) -> None:
        """The button goes beside the text when the text keeps at least half the row and needs at most two
        lines there; otherwise under it, so a narrow column never squeezes the text into a tall stack."""
        if self.width() <= 0:
            return
        margins = self.grid.contentsMargins()
        spacing = max(0, self.grid.horizontalSpacing())
        room = self.width() - margins.left() - margins.right() - self.close_button.width() - spacing
        beside = room - self.button.sizeHint().width() - spacing
        lines = self.label.fontMetrics().horizontalAdvance(self.label.text()) / max(1, beside)
        self._place(one_row=beside >= room / 2 and lines <= 1.8)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ConnectionMonitor(QObject):
    """Keeps the badge true: it says "Claude online" only once Claude answered or a check succeeded (a closed
    breaker at start-up proves nothing), follows the breaker afterwards, and checks Claude at start-up and
    after the key changed."""

    breaker_changed = Signal(object)  # breaker snapshot; emitted from any thread, delivered on the GUI thread
    key_checked = Signal()  # the first key status arrived (startup)
    breaker_checked = Signal()  # the breaker is subscribed and Claude checked, or could not be (startup)

    def __init__(
        self, services: Services, badge: sb.StatusBadge, banner: Banner, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.services, self.badge, self.banner = services, badge, banner
        self.key_status: KeyStatus | None = None  # None until the keyring answered
        self.probing = False
        self.confirmed = False  # Claude answered (a check or an answer) since the last doubt
        self._startup_pending = 2  # the key status and the breaker
        self._unsubscribe: Callable[[], None] | None = None
        self.probe_timer = QTimer(self)
        self.probe_timer.setSingleShot(True)
        self.probe_timer.timeout.connect(self.probe)
        self.breaker_changed.connect(self._breaker_event)

    def start(self) -> None:
        from desktop.core import secrets

        run_in_background(
            secrets.key_status, self._first_key_status, lambda exc: self._first_key_status(None)
        )
        run_in_background(self._breaker_setup, self._breaker_ready, self._breaker_failed)

    def _startup_step(self) -> None:
        """Once the key and the breaker are known: check Claude, then say the breaker is checked."""
        self._startup_pending -= 1
        if self._startup_pending:
            return
        if self.key_status is not None and self.key_status.set:
            self.probe(force=True, then=self.breaker_checked.emit)
        else:
            self.breaker_checked.emit()

    # --- key ----------
    def _first_key_status(self, status: KeyStatus | None) -> None:
        self.key_status = status
        self.banner.set_key_status(status)
        has_key = status is not None and status.set
        self.banner.setVisible(not has_key)
        if not has_key:
            self.badge.set_state(sb.OFFLINE, "no_key")
        self.key_checked.emit()
        self._startup_step()

    def recheck_key(self) -> None:
        """After the key was set or deleted in Settings."""
        from desktop.core import secrets

        run_in_background(secrets.key_status, self._key_status_changed, lambda exc: None)

    def _key_status_changed(self, status: KeyStatus) -> None:
        self.key_status = status
        self.banner.set_key_status(status)
        self.banner.setVisible(not status.set)
        if status.set:
            self.confirmed = False  # a new key: not proven until Claude answers with it
            self.badge.set_state(sb.CHECKING)
            self.probe(force=True)
        else:
            self.badge.set_state(sb.OFFLINE, "no_key")

    # --- breaker ----------
    def _breaker_setup(self) -> BreakerState:
        breaker = self.services.breaker
        self._unsubscribe = breaker.subscribe(self.breaker_changed.emit)
        return breaker.current()

    def _breaker_ready(self, snapshot: BreakerState) -> None:
        self.on_breaker(snapshot)
        self._startup_step()

    def _breaker_failed(self, exc: BaseException) -> None:
        log.warning("circuit breaker unavailable: %s", exc)
        self._startup_step()

    def _breaker_event(self, snapshot: BreakerState) -> None:
        """A change the breaker announced: closing means Claude just answered (here or in another process)."""
        if sb.state_from_snapshot(snapshot)[0] == sb.ONLINE:
            self.confirmed = True
        self.on_breaker(snapshot)

    def claude_answered(self) -> None:
        """An answer Claude wrote (part of) arrived: that is a check that succeeded."""
        self.confirmed = True
        if not self.no_key:
            self.badge.set_state(sb.ONLINE)

    @property
    def no_key(self) -> bool:
        return self.key_status is not None and not self.key_status.set

    def on_breaker(self, snapshot: BreakerState) -> None:
        """Badge follows the breaker (unless there is no key at all); an open breaker gets a timed probe."""
        state, reason = sb.state_from_snapshot(snapshot)
        if state in (sb.ONLINE, sb.UNKNOWN) and not self.confirmed:
            state, reason = sb.CHECKING, ""
        if not self.no_key:
            self.badge.set_state(state, reason)
        if state == sb.OFFLINE and not self.probing:
            wait_s = snapshot.seconds_until_probe
            self.probe_timer.start(int(max(1.0, wait_s) * 1000))

    def probe(self, force: bool = False, then: Callable[[], None] | None = None) -> None:
        """Ask for a one-token answer in a worker (answers must arrive, not just the models list); success
        closes the breaker and the badge turns green."""
        if self.probing or self.key_status is None or not self.key_status.set:
            if then is not None:
                then()
            return
        self.probing = True
        services = self.services

        reasons: list[str] = []

        def done(ok: bool) -> None:
            self.probing = False
            if ok:
                self.confirmed = True
            self.on_breaker(services.breaker.current())
            if not ok and reasons and reasons[-1] in NOT_OUTAGES:  # reachable, but it will not answer
                self.badge.set_state(sb.OFFLINE, reasons[-1])
            if then is not None:
                then()

        def failed(exc: BaseException) -> None:
            self.probing = False
            log.warning("probe failed: %s", exc)
            if then is not None:
                then()

        run_in_background(lambda: bool(services.router.probe_claude(force, reasons)), done, failed)

    def close(self) -> None:
        self.probe_timer.stop()
        if self._unsubscribe is not None:
            try:
                self._unsubscribe()
            except Exception:  # pragma: no cover - shutting down anyway
                log.debug("unsubscribe failed", exc_info=True)
