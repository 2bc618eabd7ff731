"""Words of the Generate dialog's progress line and report in the user's language: quality gate names, insight
statuses, per-language/category row names, and numbers in the locale's format (0,5 al minuto, 35%)."""

from __future__ import annotations

from desktop.gui.i18n import tr
from desktop.gui.texts.core_text import language_label, number, percent
from desktop.gui.tools.knowledge_chart import category_label


class LocalNumber:
    """A number that formats itself in the UI language, so translated templates keep their format specs
    ("{rate:.1f}", "{pct:.0%}") and their existing translations."""

    def __init__(self, value: object) -> None:
        self.value = float(str(value or 0))

    def __format__(self, spec: str) -> str:
        decimals = int(spec[1:-1]) if spec.startswith(".") and spec[1:-1].isdigit() else 0
        if spec.endswith("%"):
            return percent(self.value, decimals)
        if spec.endswith("f"):
            return number(self.value, decimals)
        return number(self.value, 0 if self.value.is_integer() else 1)

    def __str__(self) -> str:
        return format(self, "")


def gate_label(gate: str) -> str:
    """A quality gate (desktop/core/generation/gates.py GATES) in words."""
    return {
        "format": tr("format"),
        "length": tr("length"),
        "banned": tr("banned words"),
        "language": tr("language"),
        "fluency": tr("fluency"),
        "repetition": tr("repetition"),
        "echo": tr("echo of the request"),
        "on_topic": tr("on topic"),
        "duplicate": tr("duplicate"),
        "accepted": tr("accepted"),
    }.get(gate, gate)


def status_label(status: str) -> str:
    """The status new insights get ("pending" or "approved"), as in "new insights are …"."""
    return {"pending": tr("pending approval"), "approved": tr("approved at once")}.get(status, status)


def row_label(table: str, name: str) -> str:
    """A row of a per-language / per-category table; model names stay as they are."""
    if table == "by_language":
        return language_label(name)
    if table == "by_category":
        return category_label(name)
    return name
