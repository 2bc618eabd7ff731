"""Blind comparison: the same question answered with another strategy, shown side by side as "A" and "B".

Which answer is A is random and the strategies stay hidden until the user picks (A, B or about the same;
keys A, B and T). The pick is stored as a pairwise preference; then the strategies are revealed.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.core.cancel import CancelToken
from desktop.gui.i18n import tr
from desktop.gui.workers import run_in_background

if TYPE_CHECKING:
    from desktop.core.services import Services

log = logging.getLogger(__name__)


class CompareDialog(QDialog):
    ready = Signal(object)  # the blind view (both answers, no strategies)
    picked = Signal(object)  # the revealed view after the pick
    failed = Signal(str)

    def __init__(self, services: Services, message_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.message_id = message_id
        self.view: dict[str, Any] | None = None
        self.cancel = CancelToken()
        self.setWindowTitle(tr("Compare answers"))
        self.resize(980, 560)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.question = QLabel(self)
        self.question.setWordWrap(True)
        self.question.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.boxes: dict[str, QGroupBox] = {}
        self.texts: dict[str, QTextBrowser] = {}
        sides = QHBoxLayout()
        for side in ("A", "B"):
            box = QGroupBox(self)
            text = QTextBrowser(box)
            text.setOpenExternalLinks(True)
            text.setAccessibleName(tr("Answer {side}").format(side=side))
            inner = QVBoxLayout(box)
            inner.addWidget(text)
            sides.addWidget(box, 1)
            self.boxes[side], self.texts[side] = box, text
        self.a_button = QPushButton(self)
        self.tie_button = QPushButton(self)
        self.b_button = QPushButton(self)
        self.close_button = QPushButton(self)
        self.a_button.clicked.connect(lambda: self.pick("A"))
        self.b_button.clicked.connect(lambda: self.pick("B"))
        self.tie_button.clicked.connect(lambda: self.pick("tie"))
        self.close_button.clicked.connect(self.close)
        self.shortcuts = [
            QShortcut(QKeySequence("A"), self, lambda: self.pick("A")),
            QShortcut(QKeySequence("B"), self, lambda: self.pick("B")),
            QShortcut(QKeySequence("T"), self, lambda: self.pick("tie")),
        ]
        buttons = QHBoxLayout()
        buttons.addWidget(self.a_button)
        buttons.addWidget(self.tie_button)
        buttons.addWidget(self.b_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.status)
        layout.addLayout(sides, 1)
        layout.addLayout(buttons)
        self._set_pickable(False)
        self.retranslate()

    def retranslate(self) -> None:
        for side, box in self.boxes.items():
            strategy = (self.view or {}).get(side, {}).get("strategy")
            box.setTitle(tr("Answer {side}").format(side=side) + (f": {strategy}" if strategy else ""))
        self.a_button.setText(tr("A is better"))
        self.a_button.setToolTip(tr("Key A"))
        self.b_button.setText(tr("B is better"))
        self.b_button.setToolTip(tr("Key B"))
        self.tie_button.setText(tr("About the same"))
        self.tie_button.setToolTip(tr("Key T"))
        self.close_button.setText(tr("Close"))

    def _set_pickable(self, enabled: bool) -> None:
        for button in (self.a_button, self.b_button, self.tie_button):
            button.setEnabled(enabled)
        for shortcut in self.shortcuts:
            shortcut.setEnabled(enabled)

    def start(self) -> None:
        """Make the second answer in a worker (it is appended to the conversation, like Regenerate)."""
        from desktop.core.feedback import actions

        self.status.setText(tr("Answering the same question with another strategy…"))
        services, mid, cancel = self.services, self.message_id, self.cancel
        run_in_background(lambda: actions.compare(services, mid, cancel=cancel), self._ready, self._failed)

    def _ready(self, view: dict[str, Any]) -> None:
        self.view = view
        self.question.setText(tr("Question: {q}").format(q=view.get("question", "")))
        for side in ("A", "B"):
            self.texts[side].setMarkdown(view[side]["text"])
        self.status.setText(
            tr("Which answer is better? The strategies are shown after you pick (keys A, B, T).")
        )
        self._set_pickable(True)
        self.retranslate()
        self.a_button.setFocus()
        self.ready.emit(view)

    def _failed(self, exc: BaseException) -> None:
        message = str(exc) or type(exc).__name__
        self.status.setText(tr("The comparison failed: {err}").format(err=message))
        self.failed.emit(message)

    def pick(self, winner: str) -> None:
        if self.view is None or self.view.get("winner"):
            return
        from desktop.core.feedback import actions

        self._set_pickable(False)
        services, cid = self.services, self.view["comparison_id"]
        run_in_background(lambda: actions.pick(services, cid, winner), self._picked, self._failed)

    def _picked(self, view: dict[str, Any]) -> None:
        self.view = view
        self.retranslate()
        if view["winner"] == "tie":
            self.status.setText(tr("Stored: about the same."))
        else:
            self.status.setText(
                tr("Stored: {side} ({strategy}) is better.").format(
                    side=view["winner"], strategy=view[view["winner"]]["strategy"]
                )
            )
        self.picked.emit(view)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.cancel.cancel()
        super().closeEvent(event)
