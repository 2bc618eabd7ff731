"""Embeds the draft while the user types, so the message's query vector is ready when they press Enter.

Why: the e5 query embedding is most of a retrieval's time (15-30 ms on two cores, against ~4 ms
for the search at 1k insights). The core keeps recent query vectors
(:meth:`~desktop.core.knowledge.embedder.Embedder.embed_query`); here the composer's text, a short pause after
each keystroke, goes to :meth:`~desktop.core.chat.router.Router.warm_query` in a worker. One embedding runs at
a time; a newer draft waits for it and older ones are dropped, so fast typing costs at most one core's small
share.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from desktop.gui.workers import run_in_background

if TYPE_CHECKING:
    from desktop.core.services import Services
    from desktop.gui.chat.answer_session import AnswerSession
    from desktop.gui.chat.composer import Composer

PAUSE_MS = 60  # shorter than the gap before a typist's Enter; longer than the gap inside a burst of keys


class QueryPrefetch(QObject):
    def __init__(
        self, services: Services, composer: Composer, session: AnswerSession, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.services, self.composer, self.session = services, composer, session
        self.running = False
        self.pending: str | None = None
        self.warmed: list[str] = []  # drafts embedded, newest last (tests and the bench read it)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self._settled)
        composer.input.textChanged.connect(self._timer.start)

    def _settled(self) -> None:
        text = self.composer.text()
        if not text or self.session.busy:
            return  # an answer is being written: its own retrieval is done already
        if self.running:
            self.pending = text
            return
        self._start(text)

    def _start(self, text: str) -> None:
        self.running = True
        router = self.services.router
        run_in_background(lambda: router.warm_query(text), lambda _r: self._done(text), self._failed)

    def _done(self, text: str) -> None:
        self.warmed = [*self.warmed[-9:], text]
        self._next()

    def _failed(self, _exc: BaseException) -> None:
        self._next()  # only means the message is embedded at Enter, as before

    def _next(self) -> None:
        self.running = False
        text, self.pending = self.pending, None
        if text is not None and text == self.composer.text():
            self._start(text)
