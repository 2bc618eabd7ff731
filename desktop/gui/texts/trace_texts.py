"""Stage details and notes of a trace in the user's language (the context panel's timing rows and notes).

The core writes bare codes as stage details ("late", "unknown_words") and exception class names
("ClaudeUnavailable"); they are shown here as translated phrases. The Claude failure note carries Claude's
English message: the GUI shows the translated reason code of the trace instead (the CLI keeps the message).
"""

from __future__ import annotations

import re

from desktop.core import messages
from desktop.core.chat.trace import Trace
from desktop.gui.i18n import tr
from desktop.gui.texts.core_text import localize, number
from desktop.gui.window.status_badge import reason_text

_BUDGET = re.compile(
    re.escape(messages.TEMPLATES["budget.note"])
    .replace(re.escape("{n}"), r"(?P<n>\d+)")
    .replace(re.escape("{parts}"), r"(?P<parts>.*)"),
    re.DOTALL,
)
_CLASS_NAME = re.compile(r"[A-Z][a-z]+(?:[A-Z][A-Za-z]*)+|[A-Z][a-z]+Error")


def error_label(name: str) -> str:
    """An exception class name as a short phrase: the app's own errors by name, anything else "error"."""
    labels = {
        "ClaudeUnavailable": tr("Claude unavailable"),
        "UnreadableAnswer": tr("answer not readable"),
        "Cancelled": tr("stopped"),
        "KnowledgeError": tr("knowledge store error"),
        "EmbedderMismatch": tr("knowledge store error"),
        "StoreDamaged": tr("damaged data"),
        "ModelFileError": tr("model file error"),
        "ModelNotFound": tr("model not found"),
        "TimeoutError": tr("timed out"),
    }
    return labels.get(name, tr("error"))


def stage_detail(detail: str) -> str:
    """A stage's detail: a reason code, a class name, or a core text (need reason, readability verdict)."""
    if f"reason.{detail}" in messages.TEMPLATES:
        return localize(messages.reason(detail))
    if detail in messages.TEMPLATES.values() or not _CLASS_NAME.fullmatch(detail):
        return localize(detail)
    return error_label(detail)


def note_text(note: str, trace: Trace) -> str:
    """A trace note; Claude's failure as the trace's reason code in words (its message is English)."""
    prefix = messages.TEMPLATES["note.claude_unavailable"].split("{", 1)[0]
    if note.startswith(prefix) and trace.reason:
        return tr("Claude: {reason}").format(reason=reason_text(trace.reason))
    budget = _BUDGET.fullmatch(note)
    if budget:  # its parts are joined with ", ": each is a template of its own
        parts = ", ".join(localize(part) for part in budget["parts"].split(", "))
        return tr(messages.TEMPLATES["budget.note"]).format(n=number(int(budget["n"])), parts=parts)
    return localize(note)
