"""The composer under the chat: the message input with its Send and Stop buttons."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop.gui.chat_view import MessageInput
from desktop.gui.i18n import tr


class Composer(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.input = MessageInput(self)
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
