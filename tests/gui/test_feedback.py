"""Feedback in the real window: rate an answer by mouse and keyboard, compare it blind with another
strategy, and the Feedback and Usage pages, with Claude through the real SDK against the stand-in."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import WAIT_MS, compare_by_keys, make_services, settings_file_text
from PySide6.QtCore import Qt
from support.knowledge import curated_store, curated_store_dir  # noqa: F401

from desktop.core.chat.trace import Trace
from desktop.core.feedback.ratings import Feedback
from desktop.core.knowledge.store import KnowledgeStore
from desktop.core.settings import Settings

pytestmark = [pytest.mark.gui, pytest.mark.slow]

MALU = "aku malu bertanya tentang visa"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def answered(qtbot: Any, window: Any, text: str = MALU) -> Any:
    with qtbot.waitSignal(window.feedback.rating_loaded, timeout=WAIT_MS) as blocker:
        window.send(text)
    return blocker.args[0]


def saved(qtbot: Any, window: Any, action: Any) -> Any:
    with qtbot.waitSignal(window.feedback.rating_saved, timeout=WAIT_MS) as blocker:
        action()
    return blocker.args[0][1]


def test_rate_by_mouse_and_keyboard_then_reopen(
    qtbot: Any,
    window_factory: Any,
    claude_online: Any,
    curated_store: KnowledgeStore,  # noqa: F811
    local_scripted: Any,
) -> None:
    claude_online(reply="Tidak perlu **malu**, kami bantu.")
    services = make_services(store=curated_store, local_model=local_scripted)
    window = window_factory(services)
    bubble = answered(qtbot, window)
    bar = bubble.feedback_bar
    assert not bar.isHidden() and bar.verdict == "" and bar.reasons.isHidden()
    assert all(
        b.focusPolicy() != Qt.FocusPolicy.NoFocus
        for b in (bar.up_button, bar.down_button, bar.compare_button)
    )
    fb = Feedback(services.conversations)

    rating = saved(qtbot, window, lambda: qtbot.mouseClick(bar.up_button, Qt.MouseButton.LeftButton))
    assert rating["verdict"] == "up" and rating["strategy"] == "rag" and rating["language"] == "id"
    assert not bar.reasons.isHidden()
    saved(qtbot, window, lambda: qtbot.mouseClick(bar.reason_buttons["warmer"], Qt.MouseButton.LeftButton))
    bar.edit_note()
    qtbot.keyClicks(bar.note_edit, "more human")
    rating = saved(qtbot, window, lambda: qtbot.keyClick(bar.note_edit, Qt.Key.Key_Return))
    assert (rating["verdict"], rating["reason"], rating["note"]) == ("up", "warmer", "more human")
    assert fb.get(bubble.message_id)["trace"]["models"]["answer"] == services.settings.claude_chat_model  # type: ignore[index]

    # keyboard: Ctrl+Shift+Down rates the latest answer down (reason and note kept), again removes it
    rating = saved(qtbot, window, lambda: qtbot.keyClick(window, Qt.Key.Key_Down, CTRL_SHIFT))
    assert (rating["verdict"], rating["reason"], rating["note"]) == ("down", "warmer", "more human")
    assert bar.down_button.isChecked() and not bar.up_button.isChecked()
    assert saved(qtbot, window, lambda: qtbot.keyClick(window, Qt.Key.Key_Down, CTRL_SHIFT)) is None
    assert fb.get(bubble.message_id) is None and bar.verdict == ""
    rating = saved(qtbot, window, lambda: qtbot.keyClick(window, Qt.Key.Key_Up, CTRL_SHIFT))
    assert rating["verdict"] == "up" and rating["reason"] == ""

    # the trace shows Claude's tokens
    assert "input tokens" in window.context.browser.toPlainText()

    # reopening the conversation shows the stored rating
    cid = window.conversation_id
    window.new_chat()
    with qtbot.waitSignal(window.feedback.rating_loaded, timeout=WAIT_MS) as blocker:
        window.session.open_conversation(cid)
    assert blocker.args[0].feedback_bar.up_button.isChecked()


def test_blind_compare_then_pick_reveals_the_strategies(
    qtbot: Any,
    window_factory: Any,
    claude_online: Any,
    curated_store: KnowledgeStore,  # noqa: F811
    local_scripted: Any,
) -> None:
    claude_online(reply="Tidak perlu malu, kami bantu langkah demi langkah.")
    services = make_services(store=curated_store, local_model=local_scripted)
    window = window_factory(services)
    bubble = answered(qtbot, window)
    dialog, view = compare_by_keys(qtbot, window)
    assert view["A"]["text"] and view["B"]["text"] and view["question"] == MALU
    titles = [dialog.boxes[s].title() for s in ("A", "B")]
    assert titles == ["Answer A", "Answer B"]  # unlabeled until the pick
    assert bubble.message_id in (view["A"]["message_id"], view["B"]["message_id"])
    with qtbot.waitSignal(dialog.picked, timeout=WAIT_MS) as picked:
        qtbot.keyClick(dialog, Qt.Key.Key_B)
    revealed = picked.args[0]
    assert revealed["winner"] == "B"
    strategies = {revealed["A"]["strategy"], revealed["B"]["strategy"]}
    assert "rag" in strategies and len(strategies) == 2
    assert dialog.boxes["B"].title() == f"Answer B: {revealed['B']['strategy']}"
    stored = Feedback(services.conversations).comparisons(picked_only=True)
    assert len(stored) == 1 and stored[0]["winner"] == "B"
    assert not dialog.a_button.isEnabled()  # one pick per comparison


def seed_ratings(services: Any) -> None:
    convs = services.conversations
    fb = Feedback(convs)
    conv = convs.create("seed")
    for i in range(24):
        strategy = "combo" if i % 2 else "rag"
        convs.add_message(conv["id"], "user", MALU)
        mid = convs.add_message(
            conv["id"],
            "assistant",
            "x",
            strategy=strategy,
            trace=Trace(strategy=strategy, language="id", profile="team"),
        )
        fb.rate(
            mid, "up" if strategy == "combo" or i % 4 == 0 else "down", reason="warmer" if i % 3 == 0 else ""
        )


def test_feedback_page_chart_and_opt_in(
    qtbot: Any,
    window_factory: Any,
    curated_store: KnowledgeStore,  # noqa: F811
) -> None:
    services = make_services(Settings(strategy="rag"), store=curated_store)
    seed_ratings(services)
    window = window_factory(services)
    with qtbot.waitSignal(window.feedback.feedback_action.triggered, timeout=WAIT_MS):
        qtbot.keyClick(window, Qt.Key.Key_F, CTRL_SHIFT)
    page = window.feedback._pages["feedback"]
    qtbot.waitUntil(lambda: bool(page.report), timeout=WAIT_MS)
    group = page.current_group()
    assert group is not None and group["leader"] == "combo" and group["ratings"] == 24
    assert [r["strategy"] for r in page.chart.rows] == ["combo", "rag"]
    assert page.table.rowCount() == 2 and page.table.item(0, 0).text() == "combo"
    assert "combo would become the default" in page.decision.text()
    assert "warmer 8" in page.reasons.text()
    assert not page.share_box.isEnabled()  # no team server set
    assert window.chosen_strategy() == "rag"
    page.learn_box.setChecked(True)
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        page.save_button.click()
    assert '"learn_strategy": "on"' in settings_file_text()
    assert "New default for this group: combo" in page.decision.text()
    assert services.router._strategy(None, MALU).name == "combo"
    assert window.chosen_strategy() is None  # the toolbar's default no longer pins the strategy
    image = page.chart.grab()
    assert image.width() > 100  # painted without errors


def test_usage_page_totals(
    qtbot: Any,
    window_factory: Any,
    claude_online: Any,
    curated_store: KnowledgeStore,  # noqa: F811
    local_scripted: Any,
) -> None:
    claude_online(reply="Tidak perlu malu, kami bantu.")
    services = make_services(store=curated_store, local_model=local_scripted)
    window = window_factory(services)
    bubble = answered(qtbot, window)
    page = window.feedback.open_usage_page()
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS) as blocker:
        page.reload()
    total = blocker.args[0]["total"]
    assert total["input_tokens"] == bubble.trace.usage.input_tokens and total["calls"] == 1
    assert f"{total['input_tokens']} input" in page.summary.text()
    table = page.tables["by_model"]
    assert table.rowCount() == 1 and table.item(0, 0).text() == services.settings.claude_chat_model
    assert "prices.json" in page.prices.text()


def test_new_chat_right_after_an_answer_is_no_crash(
    qtbot: Any,
    window_factory: Any,
    keyring_backend: Any,
    curated_store: KnowledgeStore,  # noqa: F811
) -> None:
    """Ctrl+N as soon as an answer ends: its rating arrives for a bubble already deleted, and used to raise
    (a crash dialog for a keyboard user who is simply quick)."""
    from support.fake_models import ScriptedModel

    from desktop.gui import crash
    from desktop.gui.workers import pending_tasks

    local = ScriptedModel("Siap.", name="local-scripted", kind="local")
    window = window_factory(make_services(store=curated_store, local_model=local))
    reporter = crash.reporter()
    assert reporter is not None
    before = reporter.dialogs_shown
    window.chat.bubble_finished.connect(lambda _b: window.new_chat())  # before the rating is loaded
    with qtbot.waitSignal(window.answer_finished, timeout=WAIT_MS):
        window.send("halo")
    # A task leaves pending_tasks() after its result was delivered, so the rating's callback has run.
    qtbot.waitUntil(lambda: pending_tasks() == 0 and not window.chat.bubbles, timeout=WAIT_MS)
    assert reporter.dialogs_shown == before
