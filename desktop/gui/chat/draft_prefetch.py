"""Starts the live note (and wrap's warm opening) while the user types, so it is ready when they press Enter.

Why: started only when the message is sent, the note would make Claude wait for it. So the
composer's draft, debounced (:attr:`Composer.draft_settled`), goes to the core's
:meth:`~desktop.core.chat.router.Router.prepare` in a worker; the core keeps the work under way while the draft
only grows a little and restarts it when the draft changed a lot. At Enter the router takes what matches.
One prepare runs at a time; a newer draft waits for it, older ones are dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from desktop.gui.workers import run_in_background

if TYPE_CHECKING:
    from desktop.core.chat.precompute import Prepared
    from desktop.core.services import Services
    from desktop.gui.chat.answer_session import AnswerSession
    from desktop.gui.chat.composer import Composer


class DraftPrefetch(QObject):
    def __init__(
        self,
        services: Services,
        composer: Composer,
        session: AnswerSession,
        chosen_strategy: Callable[[], str | None],
        offline_action: QAction,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.session = services, session
        self.chosen_strategy, self.offline_action = chosen_strategy, offline_action
        self.running = False
        self.pending: str | None = None
        self.prepared: list[
            Prepared
        ] = []  # what the core prepared, newest last (tests and the bench read it)
        composer.draft_settled.connect(self.draft_changed)

    def draft_changed(self, draft: str) -> None:
        if self.session.busy or not draft.strip():
            return  # an answer is streaming: its own local work has the model
        if self.running:
            self.pending = draft
            return
        self._start(draft)

    def _start(self, draft: str) -> None:
        self.running = True
        router, strategy = self.services.router, self.chosen_strategy()
        offline = self.offline_action.isChecked()
        run_in_background(
            lambda: router.prepare(draft, strategy, offline=offline),
            self._done,
            self._failed,
            long=True,
        )

    def _done(self, prepared: Prepared | None) -> None:
        if prepared is not None and (not self.prepared or self.prepared[-1] is not prepared):
            self.prepared = [*self.prepared[-9:], prepared]
        self._next()

    def _failed(self, _exc: BaseException) -> None:
        self._next()  # a failed prepare only means the note starts at Enter, as before

    def _next(self) -> None:
        self.running = False
        draft, self.pending = self.pending, None
        if draft is not None:
            self.draft_changed(draft)
