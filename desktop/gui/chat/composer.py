"""The composer under the chat: the message input with its Send and Stop buttons.

It also reports the draft while the user types (:attr:`Composer.draft_settled`, debounced, and at least every
``DRAFT_MAX_WAIT_MS`` during continuous typing), so the live note can be prepared before Enter.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop.gui.chat.chat_view import MessageInput
from desktop.gui.i18n import tr

DRAFT_DEBOUNCE_MS = 300  # a pause this long reports the draft
DRAFT_MAX_WAIT_MS = 1200  # continuous typing reports it at least this often


class Composer(QWidget):
    draft_settled = Signal(str)  # the draft being typed (debounced); "" when it was cleared

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.input = MessageInput(self)
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DEBOUNCE_MS)
        self._draft_timer.timeout.connect(self._report_draft)
        self._draft_age = QElapsedTimer()
        self.input.textChanged.connect(self._draft_edited)
        self.send_button = QPushButton(self)
        self.send_button.setDefault(True)
        self.stop_button = QPushButton(self)
        self.stop_button.setEnabled(False)
        buttons = QVBoxLayout()
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.stop_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.input, 1)
        layout.addLayout(buttons)
        self.retranslate()

    def text(self) -> str:
        return self.input.toPlainText().strip()

    def _draft_edited(self) -> None:
        if not self._draft_age.isValid():
            self._draft_age.start()
        if self._draft_age.elapsed() >= DRAFT_MAX_WAIT_MS:
            self._report_draft()
        else:
            self._draft_timer.start()

    def _report_draft(self) -> None:
        self._draft_timer.stop()
        self._draft_age.invalidate()
        self.draft_settled.emit(self.input.toPlainText().strip())

    def set_busy(self, busy: bool) -> None:
        self.stop_button.setEnabled(busy)
        self.send_button.setEnabled(not busy)

    def retranslate(self) -> None:
        self.input.setPlaceholderText(tr("Write a message… (Enter sends, Shift+Enter adds a line)"))
        self.input.setAccessibleName(tr("Message input"))
        self.input.setToolTip(tr("Enter sends, Shift+Enter adds a line, Ctrl+L focuses"))
        self.send_button.setText(tr("Send"))
        self.send_button.setToolTip(tr("Send the message (Enter)"))
        self.send_button.setAccessibleName(tr("Send message"))
        self.stop_button.setText(tr("Stop"))
        self.stop_button.setToolTip(tr("Stop the answer (Esc)"))
        self.stop_button.setAccessibleName(tr("Stop answer"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
