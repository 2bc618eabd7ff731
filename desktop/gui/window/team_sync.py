"""The team sync in the app: a worker syncs after start, every ``team_sync_minutes`` and soon after a local
change; the status bar says where things stand and offers Sync now. Nothing here blocks the window or an
answer (answers read this laptop's store; the sync only runs in a worker)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from desktop.gui.i18n import tr
from desktop.gui.texts.core_text import localize
from desktop.gui.workers import run_in_background

if TYPE_CHECKING:
    from desktop.core.services import Services
    from desktop.core.sync.engine import Summary

FIRST_SYNC_MS = 3000  # after start, once the window is up
CHECK_MS = 15_000  # how often the outbox is looked at (a local change is synced within this)


def synced_text(last_success: str, pending: int, now: float | None = None) -> str:
    """ "Team: synced 2 min ago", "3 changes waiting"..."""
    from datetime import datetime

    if pending:
        return tr("Team: %n change(s) waiting", pending)
    if not last_success:
        return tr("Team: not synced yet")
    when = datetime.fromisoformat(last_success).timestamp()
    minutes = int(((now or time.time()) - when) // 60)
    if minutes < 1:
        return tr("Team: synced just now")
    return tr("Team: synced {n} min ago").format(n=minutes)


class TeamSync(QObject):
    """Runs syncs in a worker, one at a time; ``changed`` carries the status-bar text."""

    changed = Signal(str)
    finished = Signal(object)  # the Summary, or the error

    def __init__(self, services: Services, parent: QWidget) -> None:
        super().__init__(parent)
        self.services = services
        self.running = False
        self.unreachable = ""
        self._last_run = 0.0
        self.label = QLabel(parent)
        self.button = QPushButton(parent)
        self.button.clicked.connect(self.sync_now)
        self.changed.connect(self.label.setText)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self.retranslate()

    def retranslate(self) -> None:
        self.button.setText(tr("Sync now"))
        self.button.setToolTip(tr("Exchange changes with the team server now"))

    @property
    def enabled(self) -> bool:
        return bool(self.services.settings.effective_team_url())

    def start(self) -> None:
        self.label.setVisible(self.enabled)
        self.button.setVisible(self.enabled)
        if self.enabled:  # say where things stand now, not only after the first sync
            self._show_state()
            QTimer.singleShot(FIRST_SYNC_MS, self.sync_now)
            self._timer.start(CHECK_MS)

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        """Sync when the period is over, or soon after a local change."""
        if self.running or not self.enabled:
            return
        from desktop.core.sync.journal import Journal

        pending = Journal.open().pending_count()
        period = 60 * max(1, int(self.services.settings.team_sync_minutes))
        if pending or time.monotonic() - self._last_run >= period:
            self.sync_now()
        else:
            self._show_state()

    def _show_state(self) -> None:
        from desktop.core.sync.journal import Journal

        journal = Journal.open()
        if self.unreachable:
            self.changed.emit(tr("Team server unreachable — working from this laptop's copy"))
            self.label.setToolTip(localize(self.unreachable))
            return
        self.label.setToolTip("")
        self.changed.emit(synced_text(journal.get_meta("last_success"), journal.pending_count()))

    def sync_now(self) -> None:
        if self.running or not self.enabled:
            return
        from desktop.core.sync.service import run_sync

        self.running = True
        self._last_run = time.monotonic()
        self.changed.emit(tr("Team: syncing…"))
        services = self.services
        run_in_background(lambda: run_sync(services), self._done, self._failed, long=True)

    def _done(self, summary: Summary) -> None:
        self.running = False
        self.unreachable = ""
        self._show_state()
        if summary.pulled:
            from desktop.gui.events import INSIGHTS, app_events

            app_events().data_changed.emit(INSIGHTS)
        self.finished.emit(summary)

    def _failed(self, exc: BaseException) -> None:
        from desktop.core.errors import TeamAuthError

        self.running = False
        if isinstance(exc, TeamAuthError):
            self.unreachable = ""
            self.changed.emit(tr("Team server refused the token — check it in Settings"))
            self.label.setToolTip(localize(str(exc)))
        else:
            self.unreachable = str(exc)
            self._show_state()
        self.finished.emit(exc)
