"""After a blind comparison only the picked answer stays in the conversation and in the history Claude sees
next; the other is kept in the comparison record, and the rating shortcut rates the one kept."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from conftest import WAIT_MS, compare_by_keys, make_services
from PySide6.QtCore import Qt
from support.knowledge import curated_store, curated_store_dir  # noqa: F401

from desktop.core.feedback.ratings import Feedback
from desktop.core.knowledge.store import KnowledgeStore

pytestmark = [pytest.mark.gui, pytest.mark.slow]

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_the_picked_answer_replaces_the_other_in_chat_and_history(
    qtbot: Any,
    window_factory: Any,
    claude_online: Any,
    curated_store: KnowledgeStore,  # noqa: F811
    local_scripted: Any,
) -> None:
    count = itertools.count(1)
    api = claude_online(reply=lambda body: f"Jawaban nomor {next(count)}: visa turis sampai 60 hari.")
    services = make_services(store=curated_store, local_model=local_scripted)
    window = window_factory(services)
    with qtbot.waitSignal(window.feedback.rating_loaded, timeout=WAIT_MS) as first:
        window.send("Berapa lama visa turis?")
    original = first.args[0]
    dialog, view = compare_by_keys(qtbot, window)
    new_side = "A" if view["A"]["message_id"] != original.message_id else "B"
    kept_id, kept_text = view[new_side]["message_id"], view[new_side]["text"]
    with qtbot.waitSignal(dialog.picked, timeout=WAIT_MS):
        qtbot.keyClick(dialog, getattr(Qt.Key, f"Key_{new_side}"))

    def chat_answers() -> list[Any]:
        return [b for b in window.chat.bubbles if b.role == "assistant"]

    qtbot.waitUntil(lambda: [b.message_id for b in chat_answers()] == [kept_id], timeout=10_000)
    with qtbot.waitSignal(window.feedback.rating_saved, timeout=WAIT_MS) as rated:
        window.feedback.shortcuts["up"].activated.emit()  # Ctrl+Shift+Up (the dialog has the focus)
    assert rated.args[0][0].message_id == kept_id, "the shortcut rates the answer kept"
    fb = Feedback(services.conversations)
    assert fb.get(kept_id) is not None and fb.get(original.message_id) is None

    with qtbot.waitSignal(window.answer_finished, timeout=WAIT_MS):
        window.send("Dan KITAS?")
    sent = [m["content"] for m in api.message_requests()[-1].body["messages"]]
    assert kept_text in sent and original.text not in sent, "Claude sees only the answer picked"
    (record,) = fb.comparisons(picked_only=True)
    assert {record["a_id"], record["b_id"]} == {kept_id, original.message_id}
    stored = services.conversations.get_message(original.message_id)
    assert stored is not None and stored["content"] == original.text, "the record keeps the other answer"
