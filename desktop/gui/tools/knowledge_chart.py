"""Counts of insights per language × category as a painted grouped bar chart (QtCharts is not installed).

People would rather look than read: a glance shows which language or category is thin. Fed with the store's
``stats()["by_language_category"]`` ({"id/emotion": 31, ...}).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.core.knowledge.insight import CATEGORIES, LANGUAGES
from desktop.gui.i18n import tr

LANGUAGE_COLORS = {"id": QColor("#d9534f"), "it": QColor("#2e9d5b"), "en": QColor("#3d7be0")}


def category_label(category: str) -> str:
    return {
        "emotion": tr("emotion"),
        "business": tr("business"),
        "bali_culture": tr("Bali culture"),
        "communication": tr("communication"),
        "religion_ceremony": tr("religion & ceremony"),
        "bureaucracy": tr("bureaucracy"),
        "daily_life": tr("daily life"),
    }.get(category, category)


def count_ticks(top: int, most: int = 5) -> list[int]:
    """The y axis of a count: whole numbers from 0, evenly spaced (1, 2 or 5 times a power of ten), at most
    ``most`` of them, the last at or above ``top`` (four quarter ticks of 3 read 0, 1, 2, 2, 3)."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if -(-top // (step * factor)) + 1 <= most:
                size = step * factor
                return list(range(0, size * -(-top // size) + 1, size))
        step *= 10


class KnowledgeChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts: dict[tuple[str, str], int] = {}
        self.ticks: list[int] = []
        self.setMinimumHeight(170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(tr("Insights per language and category"))

    def sizeHint(self) -> QSize:
        return QSize(640, 200)

    def set_counts(self, by_language_category: dict[str, int]) -> None:
        counts: dict[tuple[str, str], int] = {}
        for key, n in by_language_category.items():
            lang, _, cat = key.partition("/")
            counts[(lang, cat)] = int(n)
        self.counts = counts
        summary = ", ".join(f"{lang}/{cat}: {n}" for (lang, cat), n in sorted(counts.items()))
        self.setToolTip(summary)
        self.setAccessibleDescription(summary)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text_color = pal.color(QPalette.ColorRole.WindowText)
        grid = pal.color(QPalette.ColorRole.Mid)
        rect = QRectF(self.rect()).adjusted(36, 24, -10, -34)
        categories = list(CATEGORIES) + sorted({c for _, c in self.counts} - set(CATEGORIES))
        ticks = count_ticks(max([*self.counts.values(), 1]))
        top = ticks[-1]
        self.ticks = ticks  # what the axis shows
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1.5))
        p.setFont(small)

        # Legend
        x = rect.left()
        for lang in LANGUAGES:
            p.setBrush(LANGUAGE_COLORS[lang])
            p.setPen(Qt.PenStyle.NoPen)
            p.drawRoundedRect(QRectF(x, 6, 10, 10), 2, 2)
            p.setPen(text_color)
            p.drawText(QRectF(x + 14, 2, 60, 18), Qt.AlignmentFlag.AlignVCenter, lang)
            x += 48
        if not self.counts:
            p.setPen(text_color)
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, tr("No insights yet"))
            return

        # Grid lines with values
        p.setPen(grid)
        for value in ticks:
            y = rect.bottom() - rect.height() * value / top
            p.drawLine(int(rect.left()), int(y), int(rect.right()), int(y))
            p.drawText(
                QRectF(0, y - 8, 32, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(value),
            )

        group_w = rect.width() / max(1, len(categories))
        bar_w = group_w * 0.8 / len(LANGUAGES)
        for gi, cat in enumerate(categories):
            gx = rect.left() + gi * group_w + group_w * 0.1
            for li, lang in enumerate(LANGUAGES):
                n = self.counts.get((lang, cat), 0)
                h = rect.height() * n / top
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(LANGUAGE_COLORS[lang])
                p.drawRoundedRect(QRectF(gx + li * bar_w + 1, rect.bottom() - h, bar_w - 2, h), 2, 2)
            p.setPen(text_color)
            label = p.fontMetrics().elidedText(category_label(cat), Qt.TextElideMode.ElideRight, int(group_w))
            p.drawText(
                QRectF(gx - group_w * 0.1, rect.bottom() + 4, group_w, 28),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                label,
            )
        p.end()
