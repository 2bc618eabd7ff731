"""The context panel opens the document passages an answer cites, with document, page or section, and says
how many citations were removed because they matched no passage sent or cited one that does not state the
sentence."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.core.chat.trace import Trace
from desktop.gui import i18n
from desktop.gui.chat.context_panel import ContextPanel

pytestmark = pytest.mark.gui

FEES = {
    "n": 1,
    "text": "Service | Service fee (Standard) | Government fee (estimate)\nInvestor KITAS E28A – 1 year | IDR 12.500.000 | IDR 4.250.000",
    "document": "Fee Table 2026",
    "section": "2. Immigration services",
    "page": None,
    "language": "en",
}
REGISTER = {
    "n": 2,
    "text": "Case 378: LKPM report filed.",
    "document": "Case register",
    "section": "",
    "page": 378,
    "language": "en",
}
TRACE_JSON: dict[str, Any] = {
    "mode": "claude",
    "strategy": "rag",
    "language": "en",
    "models": {"answer": "claude-x"},
    "passages": [FEES, REGISTER],
    "cited_passages": [FEES],
    "citations": {"sent": 2, "cited": 1, "dropped": 1, "unsupported": 2},
}
TRACE = Trace.from_json(TRACE_JSON)


def test_panel_shows_cited_passages_with_their_source(qtbot: Any) -> None:
    panel = ContextPanel()
    qtbot.addWidget(panel)
    panel.show_trace(TRACE)
    text = panel.browser.toPlainText()
    cited = text.index("Document passages cited (1)")
    assert text.index("[1] Fee Table 2026 · 2. Immigration services · en") > cited
    assert "Investor KITAS E28A – 1 year | IDR 12.500.000 | IDR 4.250.000" in text
    assert "1 citation(s) matched no passage sent and were removed." in text
    assert "2 citation(s) cited a passage that does not state the sentence and were removed." in text
    rest = text.index("Document passages sent, not cited (1)")
    assert text.index("[2] Case register · page 378") > rest


def test_panel_without_passages_says_nothing_about_documents(qtbot: Any) -> None:
    panel = ContextPanel()
    qtbot.addWidget(panel)
    panel.show_trace(Trace.from_json({**TRACE_JSON, "passages": [], "cited_passages": [], "citations": None}))
    assert "Document passages" not in panel.browser.toPlainText()


def test_panel_speaks_indonesian(qtbot: Any) -> None:
    panel = ContextPanel()
    qtbot.addWidget(panel)
    try:
        assert i18n.set_language("id")
        panel.show_trace(TRACE)
        text = panel.browser.toPlainText()
        assert "Bagian dokumen yang dikutip (1)" in text and "halaman 378" in text
        assert "2 kutipan menunjuk bagian yang tidak menyatakan kalimat tersebut" in text
    finally:
        i18n.set_language("en")


def test_an_offline_passage_keeps_its_lines_in_the_chat(qtbot: Any) -> None:
    """Table rows and list items of a quoted passage stay one a line in the bubble's Markdown (a plain newline
    inside a quote renders as a space)."""
    from PySide6.QtWidgets import QLabel

    from desktop.core.chat.documents_step import offline_section
    from desktop.core.chat.trace import DocumentPassage

    rows = ["Tier | Surcharge on service fee", "Standard | none", "Express | +40%, minimum IDR 2.000.000"]
    passage = DocumentPassage(
        n=1, text="\n".join(rows), document="Fee Table 2026", where="Fee Table 2026, 1. Service tiers"
    )
    label = QLabel()
    qtbot.addWidget(label)
    label.setTextFormat(Qt.TextFormat.MarkdownText)  # as the chat's bubbles
    label.setText(offline_section("How much is the express service?", "en", [passage]))
    shown = [line.strip() for line in _plain(label).splitlines()]
    for row in rows:
        assert row in shown, (row, shown)


def _plain(label: Any) -> str:
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setMarkdown(label.text())
    return doc.toPlainText().replace("\u2028", "\n")


def test_a_citation_in_the_answer_is_a_link_that_opens_its_passage(qtbot: Any) -> None:
    """[1] in a finished answer is a link (a number no passage has is not); clicking it shows the answer's
    context scrolled to that passage."""
    from desktop.gui.chat.chat_view import ChatView, cite_links

    assert cite_links("Fee IDR 4.250.000 [1][7]. Sources:\n- [1] Fee Table", {1}) == (
        "Fee IDR 4.250.000 [\\[1\\]](cite:1)[7]. Sources:\n- [\\[1\\]](cite:1) Fee Table"
    )
    chat = ChatView()
    panel = ContextPanel()
    qtbot.addWidget(chat)
    qtbot.addWidget(panel)
    chat.citation_requested.connect(lambda bubble, n: panel.show_passage(bubble.trace, n))
    bubble = chat.add_message("assistant")
    bubble.set_trace(TRACE)
    bubble.finish("The government fee is IDR 4.250.000 [1].", message_id=1)
    assert "cite:1" in bubble.body.text()
    from PySide6.QtGui import QTextDocument

    rendered = QTextDocument()
    rendered.setMarkdown(bubble.body.text())
    assert rendered.toPlainText() == "The government fee is IDR 4.250.000 [1]."  # reads as before, now a link
    long_trace = Trace.from_json({**TRACE_JSON, "notes": [f"note {i}" for i in range(80)]})
    bubble.set_trace(long_trace)  # enough above the passages that the panel must scroll to reach them
    panel.resize(300, 200)
    panel.show()
    with qtbot.waitSignal(chat.citation_requested, timeout=5_000) as signal:
        bubble.body.linkActivated.emit("cite:1")
    assert signal.args[1] == 1
    qtbot.waitUntil(lambda: panel.browser.verticalScrollBar().value() > 0, timeout=5_000)
    assert "Fee Table 2026" in panel.browser.toPlainText()
