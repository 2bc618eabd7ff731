"""The toolbar's strategy picker: the list shows each strategy's full label, the closed box a short one.

The full labels ("Combo: insights + live note (recommended)", longer in Italian and Indonesian) made the box
about 300 px wide, so at 1024 px the "Strategy:" and "Profile:" captions had to hide to keep it whole. Closed,
the box shows a short label and sizes to it; the list and the tooltip still give the full label. A box narrower
than its short label (the 820 px minimum) elides it with "…", never mid-word without a tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter, QWidget

from desktop.gui.i18n import tr

SHORT_ROLE = Qt.ItemDataRole.UserRole + 1  # the item's short label, already translated


def short_labels() -> dict[str, str]:
    """Strategy name -> its short label in the UI language (a strategy not listed shows its full label)."""
    return {
        "combo": tr("Combo (recommended)"),
        "rag": tr("Insights only"),
        "enrich": tr("Live note"),
        "wrap": tr("Warm wrap"),
        "rewrite": tr("Warm rewrite"),
        "team": tr("Team / client"),
    }


class StrategyCombo(QComboBox):
    """A drop-down whose closed box shows :data:`SHORT_ROLE` of the current item (else its text)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.about = ""  # what the picker is for; the tooltip adds the current item's full label
        self.currentIndexChanged.connect(lambda _i: self._current_changed())

    def set_about(self, text: str) -> None:
        self.about = text
        self._current_changed()

    def _current_changed(self) -> None:
        full = self.currentText()
        self.setToolTip(f"{full}\n{self.about}" if full and self.about else full or self.about)
        self.updateGeometry()

    def shown_text(self, index: int) -> str:
        """What the closed box shows for item ``index``."""
        short = self.itemData(index, SHORT_ROLE)
        return str(short) if short else self.itemText(index)

    def set_short_labels(self) -> None:
        """(Re)set each item's short label from its data (the strategy name), in the UI language."""
        labels = short_labels()
        for i in range(self.count()):
            self.setItemData(i, labels.get(self.itemData(i), ""), SHORT_ROLE)
        self._current_changed()
        self.update()

    def _option(self) -> QStyleOptionComboBox:
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        return opt

    def _size_for(self, text: str) -> QSize:
        fm = self.fontMetrics()
        contents = QSize(fm.horizontalAdvance(text) + 4, max(fm.height(), 14) + 2)
        return self.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, self._option(), contents, self)

    def sizeHint(self) -> QSize:
        return self._size_for(self.shown_text(self.currentIndex()))

    def minimumSizeHint(self) -> QSize:
        """A few letters and "…": a layout with no room may shrink the box that far (the tooltip says all)."""
        return self._size_for(self.shown_text(self.currentIndex())[:5] + "…").boundedTo(self.sizeHint())

    def text_room(self) -> int:
        """The width the style gives the shown text (past it, the text is elided)."""
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, self._option(), QStyle.SubControl.SC_ComboBoxEditField, self
        )
        return field.width()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        opt = self._option()
        opt.currentText = self.fontMetrics().elidedText(
            self.shown_text(self.currentIndex()), Qt.TextElideMode.ElideRight, self.text_room()
        )
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, opt)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, opt)
