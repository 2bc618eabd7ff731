"""The local draft kept, collapsed, under an answer Claude started late (the hedged fallback).

When Claude was slow, the offline answer was shown meanwhile; Claude's answer then replaced it. The user may
have started reading it, so it stays available: one click opens it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QToolButton, QVBoxLayout, QWidget

from desktop.gui.i18n import tr


class LocalDraft(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.toggle = QToolButton(self)
        self.toggle.setCheckable(True)
        self.toggle.setAutoRaise(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.toggled.connect(self.set_expanded)
        self.body = QLabel(self)
        self.body.setObjectName("bubbleNote")
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toggle)
        layout.addWidget(self.body)
        self.retranslate()

    def set_draft(self, text: str) -> None:
        self.body.setText(text)

    @property
    def expanded(self) -> bool:
        return self.body.isVisible()

    def set_expanded(self, expanded: bool) -> None:
        self.body.setVisible(expanded)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)

    def retranslate(self) -> None:
        self.toggle.setText(tr("Local draft (shown while Claude was late)"))
        self.toggle.setToolTip(tr("What Zantara showed before Claude's answer started"))
        self.toggle.setAccessibleName(tr("Show the local draft"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
