"""The context panel lists the earlier Claude answers an offline answer showed, and the readability verdict."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.core.chat.trace import Trace
from desktop.gui import i18n
from desktop.gui.chat.context_panel import ContextPanel

pytestmark = pytest.mark.gui

TRACE: dict[str, Any] = {
    "mode": "offline",
    "reason": "offline_requested",
    "strategy": "rag",
    "language": "id",
    "models": {"answer": "answer-memory"},
    "readability": {"ok": False, "reason": "the local model is too small for Indonesian: 61% known words"},
    "memory": [
        {
            "question": "Dokumen apa saja untuk KITAS investor?",
            "answer": "Paspor, akta pendirian PT PMA dan NIB.",
            "date": "2026-11-30T10:00:00+00:00",
            "conversation_title": "KITAS investor",
            "user_name": "Ketut",
            "similarity": 0.912,
        }
    ],
}


def test_panel_lists_earlier_answers_and_why_the_local_text_was_not_shown(qtbot: Any) -> None:
    panel = ContextPanel()
    qtbot.addWidget(panel)
    panel.show_trace(Trace.from_json(TRACE))
    text = panel.browser.toPlainText()
    assert "Earlier Claude answers (1)" in text
    assert "Dokumen apa saja untuk KITAS investor?" in text and "Paspor, akta pendirian" in text
    assert "asked by Ketut on 30 Nov 2026 in “KITAS investor”" in text and "0.91" in text
    assert "Local answer not shown" in text and "61% known words" in text


def test_panel_speaks_the_ui_language(qtbot: Any) -> None:
    panel = ContextPanel()
    qtbot.addWidget(panel)
    try:
        assert i18n.set_language("it")
        panel.show_trace(Trace.from_json(TRACE))
        text = panel.browser.toPlainText()
        assert (
            "Risposte precedenti di Claude (1)" in text
            and "chiesto da Ketut il 30 nov 2026" in text
            and "0,91" in text
        )
    finally:
        i18n.set_language("en")


def test_an_earlier_answer_to_a_related_question_is_listed_under_its_own_label(qtbot: Any) -> None:
    panel = ContextPanel()
    qtbot.addWidget(panel)
    related = {**TRACE, "memory": [], "related_memory": TRACE["memory"]}
    try:
        panel.show_trace(Trace.from_json(related))
        text = panel.browser.toPlainText()
        assert "Earlier answer to another, possibly related question, not this one" in text
        assert "Earlier Claude answers" not in text and "Dokumen apa saja untuk KITAS investor?" in text
        assert i18n.set_language("id")
        panel.show_trace(Trace.from_json(related))
        assert (
            "Jawaban sebelumnya untuk pertanyaan lain yang mungkin berkaitan" in panel.browser.toPlainText()
        )
    finally:
        i18n.set_language("en")
