"""The Usage page: Claude's tokens and cost per day, model and strategy, and the share of the cost the
cultural insights add. Prices come from models/prices.json, overridden by <data folder>/prices.json."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.i18n import tr
from desktop.gui.texts.core_text import number, percent
from desktop.gui.workers import run_in_background

if TYPE_CHECKING:
    from desktop.core.services import Services

KEYS = ("by_day", "by_model", "by_strategy")


def two_lines(text: str) -> str:
    """``text`` broken at the space nearest its middle (a column header half as wide)."""
    spaces = [i for i, c in enumerate(text) if c == " "]
    if not spaces:
        return text
    cut = min(spaces, key=lambda i: abs(i - len(text) / 2))
    return text[:cut] + "\n" + text[cut + 1 :]


class UsagePage(QDialog):
    loaded = Signal(object)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.report: dict[str, Any] = {}
        self.resize(820, 520)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.period = QComboBox(self)
        for days in (7, 30, 0):
            self.period.addItem("", days)
        self.period.setCurrentIndex(1)
        self.period.currentIndexChanged.connect(lambda _i: self.reload())
        self.tabs = QTabWidget(self)
        self.tables: dict[str, QTableWidget] = {}
        for key in KEYS:
            table = QTableWidget(0, 7, self)
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.verticalHeader().hide()
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            self.tables[key] = table
            self.tabs.addTab(table, "")
        self.prices = QLabel(self)
        self.prices.setWordWrap(True)
        self.prices.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.close)
        top = QHBoxLayout()
        self.period_label = QLabel(self)
        top.addWidget(self.period_label)
        top.addWidget(self.period)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.prices, 1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Usage and cost"))
        self.period_label.setText(tr("Period:"))
        for i, label in enumerate((tr("Last 7 days"), tr("Last 30 days"), tr("Everything"))):
            self.period.setItemText(i, label)
        self.period.setAccessibleName(tr("Period"))
        for i, label in enumerate((tr("Per day"), tr("Per model"), tr("Per strategy"))):
            self.tabs.setTabText(i, label)
        headers = [
            "",
            tr("Calls"),
            tr("Input tokens"),
            tr("Output tokens"),
            tr("Insight tokens"),
            tr("Cost (USD)"),
            tr("Insight share"),
        ]
        for table in self.tables.values():
            # two lines each: seven columns share 820 px, and "Token masukan wawasan" on one line was cut
            table.setHorizontalHeaderLabels([two_lines(h) for h in headers])
        self.close_button.setText(tr("Close"))

    def reload(self) -> None:
        from desktop.core.feedback.usage import usage_report

        convs, days = self.services.conversations, self.period.currentData() or None
        run_in_background(
            lambda: usage_report(convs, days),
            self._loaded,
            lambda exc: self.summary.setText(tr("Usage unavailable: {err}").format(err=exc)),
        )

    def _loaded(self, report: dict[str, Any]) -> None:
        self.report = report
        t = report["total"]
        self.summary.setText(
            tr(
                "{answers}, {calls}: {inp} input and {out} output tokens, "
                "${cost}. The cultural insights added {ins} input tokens: {share} of the cost."
            ).format(
                answers=tr("%n Claude answer(s)", int(t["answers"])),
                calls=tr("%n call(s)", int(t["calls"])),
                inp=number(t["input_tokens"]),
                out=number(t["output_tokens"]),
                cost=number(t["cost_usd"], 4),
                ins=number(t["insight_input_tokens"]),
                share=percent(t["insight_share"]),
            )
        )
        for key in KEYS:
            rows = report[key]
            table = self.tables[key]
            table.setRowCount(len(rows))
            for r, (name, b) in enumerate(rows.items()):
                values = [
                    name,
                    number(b["calls"]),
                    number(b["input_tokens"]),
                    number(b["output_tokens"]),
                    number(b["insight_input_tokens"]),
                    number(b["cost_usd"], 4),
                    percent(b["insight_share"]),
                ]
                for c, value in enumerate(values):
                    item = QTableWidgetItem(str(value))
                    if c:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    table.setItem(r, c, item)
        sources = report["prices"]["sources"]
        self.prices.setText(
            tr(
                "Prices (USD per million tokens) from: {files}. Insight tokens are attributed by their share of the characters sent."
            ).format(files=", ".join(sources) or tr("built-in defaults"))
        )
        self.loaded.emit(report)
