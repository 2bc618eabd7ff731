"""The Feedback page: which strategy wins, per language and profile, from the team's ratings and blind
comparisons; a painted chart of each strategy's score with its 95 % interval, the counts, the decision, and
the two opt-in settings (switch the default when the evidence is clear; share ratings with the team)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.chat.feedback_bar import DOWN, UP
from desktop.gui.i18n import tr
from desktop.gui.texts.core_text import localize, number
from desktop.gui.window.toolbar import profile_label
from desktop.gui.workers import run_in_background

if TYPE_CHECKING:
    from desktop.core.services import Services

log = logging.getLogger(__name__)

LEADER = QColor("#2e9d5b")
OTHER = QColor("#3d7be0")
LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "it": "Italiano", "en": "English"}


class StrategyChart(QWidget):
    """Horizontal bars: posterior mean score per strategy, whiskers for the 95 % interval, counts beside."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []
        self.leader: str | None = None
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(tr("Score of each strategy with its 95% interval"))

    def sizeHint(self) -> QSize:
        return QSize(640, 40 + 34 * max(3, len(self.rows)))

    def set_rows(self, rows: list[dict[str, Any]], leader: str | None) -> None:
        self.rows, self.leader = rows, leader
        self.updateGeometry()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        muted = QColor(text)
        muted.setAlpha(110)
        if not self.rows:
            p.setPen(muted)
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, tr("No ratings yet for this group."))
            return
        left, right, top = 90.0, 170.0, 26.0
        width = max(50.0, self.width() - left - right)
        row_h = min(34.0, (self.height() - top - 8) / len(self.rows))
        font = QFont(self.font())
        p.setFont(font)
        p.setPen(muted)
        for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
            x = left + tick * width
            p.drawLine(int(x), int(top - 4), int(x), int(top + row_h * len(self.rows)))
            p.drawText(QRectF(x - 20, 2, 40, 18), Qt.AlignmentFlag.AlignCenter, number(tick, 2))
        for i, row in enumerate(self.rows):
            y = top + i * row_h
            color = LEADER if row["strategy"] == self.leader else OTHER
            p.setPen(text)
            p.drawText(
                QRectF(0, y, left - 8, row_h),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                row["strategy"],
            )
            bar = QRectF(left, y + row_h * 0.2, width * float(row["mean"]), row_h * 0.6)
            p.fillRect(bar, color)
            low, high = row["ci95"]
            p.setPen(QPen(text, 2))
            mid = y + row_h / 2
            p.drawLine(int(left + low * width), int(mid), int(left + high * width), int(mid))
            for edge in (low, high):
                p.drawLine(int(left + edge * width), int(mid - 5), int(left + edge * width), int(mid + 5))
            p.setPen(text)
            label = f"{UP}{row['up']} {DOWN}{row['down']}  {row['wins']}:{row['losses']}  P {number(row['p_best'], 2)}"
            p.drawText(
                QRectF(left + width + 8, y, right - 8, row_h),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
        p.end()


class FeedbackPage(QDialog):
    loaded = Signal(object)  # the report
    settings_saved = Signal()

    COLUMNS = ("strategy", "up", "down", "wins", "losses", "mean", "ci95", "p_best")

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.report: dict[str, Any] = {}
        self.setWindowTitle(tr("Feedback"))
        self.resize(900, 640)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.group_combo = QComboBox(self)
        self.group_combo.currentIndexChanged.connect(self._show_group)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(lambda: self.reload(fresh=True))
        self.chart = StrategyChart(self)
        self.decision = QLabel(self)
        self.decision.setWordWrap(True)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.reasons = QLabel(self)
        self.reasons.setWordWrap(True)
        self.learn_box = QCheckBox(self)
        self.min_spin = QSpinBox(self)
        self.min_spin.setRange(5, 10000)
        self.share_box = QCheckBox(self)
        self.save_button = QPushButton(self)
        self.save_button.clicked.connect(self.save_settings)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.close)
        top = QHBoxLayout()
        self.group_label = QLabel(self)
        top.addWidget(self.group_label)
        top.addWidget(self.group_combo, 1)
        top.addWidget(self.refresh_button)
        learn = QHBoxLayout()
        learn.addWidget(self.learn_box)
        self.min_label = QLabel(self)
        learn.addWidget(self.min_label)
        learn.addWidget(self.min_spin)
        learn.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.share_box, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(top)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.decision)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.reasons)
        layout.addLayout(learn)
        layout.addLayout(bottom)
        self._load_settings()
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Feedback"))
        self.group_label.setText(tr("Language and profile:"))
        self.group_combo.setAccessibleName(tr("Language and profile"))
        self.refresh_button.setText(tr("Refresh"))
        self.table.setHorizontalHeaderLabels(
            [
                tr("Strategy"),
                UP,
                DOWN,
                tr("Won"),
                tr("Lost"),
                tr("Score"),
                tr("95% interval"),
                tr("P(best)"),
            ]
        )
        self.learn_box.setText(tr("Switch the default strategy when the ratings clearly favour another"))
        self.learn_box.setToolTip(
            tr("Per language and profile; only with enough ratings and a 95% probability of being best")
        )
        self.min_label.setText(tr("Minimum ratings:"))
        self.min_spin.setAccessibleName(tr("Minimum ratings before switching"))
        self.share_box.setText(tr("Share my ratings with the team (through the team's Chroma server)"))
        self.save_button.setText(tr("Save"))
        self.close_button.setText(tr("Close"))

    def _load_settings(self) -> None:
        s = self.services.settings
        self.learn_box.setChecked(s.learn_strategy == "on")
        self.min_spin.setValue(s.learn_min_ratings)
        self.share_box.setChecked(s.share_ratings == "on")
        has_server = bool(s.effective_chroma_url())
        self.share_box.setEnabled(has_server or s.share_ratings == "on")
        if not has_server:
            self.share_box.setToolTip(tr("Set the team's Chroma server in Settings first."))

    def save_settings(self) -> None:
        s = self.services.settings
        s.learn_strategy = "on" if self.learn_box.isChecked() else "off"
        s.learn_min_ratings = self.min_spin.value()
        s.share_ratings = "on" if self.share_box.isChecked() else "off"

        def done(_: Any) -> None:
            self.settings_saved.emit()
            self.reload()

        run_in_background(s.save, done, lambda exc: self.summary.setText(str(exc)))

    # --- data ----------
    def reload(self, fresh: bool = False) -> None:
        from desktop.core.feedback import actions

        services = self.services
        self.refresh_button.setEnabled(False)
        run_in_background(lambda: actions.report(services, fresh=fresh), self._loaded, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        self.summary.setText(tr("The report failed: {err}").format(err=exc))

    def _loaded(self, report: dict[str, Any]) -> None:
        self.refresh_button.setEnabled(True)
        self.report = report
        text = tr("{ratings} and {comparisons}. Default strategy: {s}.").format(
            ratings=tr("%n rating(s)", int(report["ratings"])),
            comparisons=tr("%n blind comparison(s)", int(report["comparisons"])),
            s=report["configured_strategy"],
        )
        sharing = report.get("sharing") or {}
        if sharing.get("team"):
            text += " " + tr("Pooled with %n rating(s) from the team.", int(sharing.get("team_records", 0)))
        elif sharing.get("team_error"):
            text += " " + tr("Team ratings unavailable: {err}").format(err=sharing["team_error"])
        self.summary.setText(text)
        wanted = self.group_combo.currentData()
        self.group_combo.blockSignals(True)
        self.group_combo.clear()
        for group in report["groups"]:
            key = f"{group['language']}/{group['profile']}"
            name = LANGUAGE_NAMES.get(group["language"], group["language"])
            self.group_combo.addItem(
                f"{name} · {profile_label(group['profile'])} ({group['ratings'] + group['comparisons']})", key
            )
        index = self.group_combo.findData(wanted)
        self.group_combo.setCurrentIndex(index if index >= 0 else 0)
        self.group_combo.blockSignals(False)
        self._show_group()
        reasons = report.get("reasons") or {}
        from desktop.gui.chat.feedback_bar import reason_label

        self.reasons.setText(
            tr("Reasons given: {list}").format(
                list=", ".join(f"{reason_label(k)} {v}" for k, v in reasons.items()) or "—"
            )
        )
        self.loaded.emit(report)

    def current_group(self) -> dict[str, Any] | None:
        key = self.group_combo.currentData()
        for group in self.report.get("groups", []):
            if f"{group['language']}/{group['profile']}" == key:
                return dict(group)
        return None

    def _show_group(self, _index: int = 0) -> None:
        group = self.current_group()
        rows = group["strategies"] if group else []
        self.chart.set_rows(rows, group["leader"] if group else None)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = [
                row["strategy"],
                row["up"],
                row["down"],
                row["wins"],
                row["losses"],
                number(row["mean"], 2),
                f"{number(row['ci95'][0], 2)} – {number(row['ci95'][1], 2)}",
                number(row["p_best"], 2),
            ]
            for c, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(r, c, item)
        if group is None:
            self.decision.setText(tr("No ratings yet: rate answers or compare them."))
            return
        d = group["decision"]
        if d["switch"]:
            verdict = tr("New default for this group: {s}.").format(s=d["strategy"])
            if not self.report.get("learning"):
                verdict = tr("{s} would become the default if switching were on.").format(s=d["strategy"])
        else:
            verdict = tr("The default stays {s}.").format(s=d["strategy"])
        self.decision.setText(f"<b>{verdict}</b> {localize(d['reason'])}")
