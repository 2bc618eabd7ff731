"""The context panel opens the document passages an answer cites, with document, page or section, and says
how many citations were removed because they matched no passage sent or cited one that does not state the
sentence."""

from __future__ import annotations

from typing import Any

import pytest

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
