"""Texts a daily user reads: counts with the right plural in en/it/id, the Feedback page's verdict and
profile translated, the status pill and the Usage headers whole, the chart's axis in whole steps."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import WAIT_MS, make_services
from PySide6.QtWidgets import QHeaderView, QMainWindow

from desktop.core.chat.trace import Trace
from desktop.core.feedback.ratings import Feedback
from desktop.gui import i18n
from desktop.gui.window import status_badge as sb

pytestmark = pytest.mark.gui


def one_rated_answer(services: Any) -> None:
    """One answer of Claude's with one rating and its usage: a single of everything."""
    convs = services.conversations
    conv = convs.create("uno")
    convs.add_message(conv["id"], "user", "Berapa lama visa turis?")
    trace = Trace(strategy="rag", language="id", profile="team", mode="claude")
    mid = convs.add_message(conv["id"], "assistant", "60 hari.", strategy="rag", mode="claude", trace=trace)
    Feedback(convs, "team").rate(mid, "up")


@pytest.mark.parametrize(
    ("lang", "one_rating", "not_english"),
    [
        ("en", "1 rating ", ""),
        ("it", "1 valutazione ", "too little evidence"),
        ("id", "1 penilaian", "too little"),
    ],
)
def test_the_feedback_page_counts_and_verdict_in_the_language(
    qtbot: Any, lang: str, one_rating: str, not_english: str
) -> None:
    from desktop.gui.tools.feedback_page import FeedbackPage

    services = make_services()
    one_rated_answer(services)
    i18n.set_language(lang)
    page = FeedbackPage(services)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        page.reload()
    assert page.summary.text().startswith(one_rating), page.summary.text()
    if not_english:
        assert not_english not in page.decision.text(), page.decision.text()
    if lang == "id":
        assert "team" not in page.group_combo.currentText(), page.group_combo.currentText()


@pytest.mark.parametrize(
    ("lang", "wanted"),
    [("en", ("1 Claude answer,", "1 call:")), ("it", ("1 risposta di Claude", "1 chiamata:"))],
)
def test_usage_counts_take_the_singular(qtbot: Any, lang: str, wanted: tuple[str, str]) -> None:
    from desktop.gui.tools.usage_page import UsagePage

    services = make_services()
    one_rated_answer(services)
    i18n.set_language(lang)
    page = UsagePage(services)
    qtbot.addWidget(page)
    page.period.setCurrentIndex(page.period.findData(0))
    page._loaded(
        {
            "total": {
                "answers": 1,
                "calls": 1,
                "input_tokens": 100,
                "output_tokens": 20,
                "cost_usd": 0.001,
                "insight_input_tokens": 10,
                "insight_share": 0.1,
            },
            "by_day": {},
            "by_model": {},
            "by_strategy": {},
            "prices": {"sources": []},
        }
    )
    for part in wanted:
        assert part in page.summary.text(), page.summary.text()


@pytest.mark.parametrize("lang", ["en", "it", "id"])
def test_one_model_available_is_singular(qtbot: Any, keyring_backend: Any, lang: str) -> None:
    from desktop.gui.tools.settings_dialog import SettingsDialog

    i18n.set_language(lang)
    dialog = SettingsDialog(make_services())
    qtbot.addWidget(dialog)
    dialog._claude_models([{"id": "claude-haiku-5-5", "display_name": "Claude Haiku 5.5"}])
    expected = {"en": "1 model available", "it": "1 modello disponibile", "id": "1 model tersedia"}[lang]
    assert dialog.models_state.text() == expected


@pytest.mark.parametrize("lang", ["en", "it", "id"])
def test_the_usage_headers_are_whole(qtbot: Any, lang: str) -> None:
    from desktop.gui.tools.usage_page import UsagePage

    i18n.set_language(lang)
    page = UsagePage(make_services())
    qtbot.addWidget(page)
    page.resize(820, 520)
    page.show()
    qtbot.waitExposed(page)
    table = page.tables["by_day"]
    header: QHeaderView = table.horizontalHeader()
    metrics = header.fontMetrics()
    cut = []
    for col in range(1, table.columnCount()):
        text = table.horizontalHeaderItem(col).text()
        needed = max(metrics.horizontalAdvance(line) for line in text.splitlines()) + 8
        if header.sectionSize(col) < needed:
            cut.append(f"{text!r}: {header.sectionSize(col)} of {needed} px")
        if header.height() < metrics.lineSpacing() * len(text.splitlines()):
            cut.append(f"{text!r}: header {header.height()} px high")
    assert not cut, cut


@pytest.mark.parametrize("lang", ["en", "it", "id"])
def test_the_status_pill_shows_no_cut_word(qtbot: Any, lang: str) -> None:
    i18n.set_language(lang)
    window = QMainWindow()
    qtbot.addWidget(window)
    badge = sb.StatusBadge()
    toolbar = window.addToolBar("t")
    toolbar.addWidget(badge)
    window.resize(1366, 700)
    window.show()
    for reason in ("first_token_timeout", "connect_timeout", "server_error", "breaker_open", "no_key"):
        badge.set_state(sb.OFFLINE, reason)
        qtbot.waitUntil(lambda: badge.width() > 0, timeout=5000)
        assert not badge.text().endswith("…"), badge.text()
        assert sb.reason_text(reason) in badge.toolTip() or sb.reason_text(reason) in badge.text()


def test_the_chart_axis_counts_in_whole_steps(qtbot: Any) -> None:
    from desktop.gui.tools.knowledge_chart import KnowledgeChart

    chart = KnowledgeChart()
    qtbot.addWidget(chart)
    chart.resize(640, 200)
    for top, wanted in ((3, [0, 1, 2, 3]), (1, [0, 1]), (7, [0, 2, 4, 6, 8]), (120, [0, 50, 100, 150])):
        chart.set_counts({"id/visa": top, "it/visa": 1})
        chart.grab()  # paints it
        assert chart.ticks == wanted
