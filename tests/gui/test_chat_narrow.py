"""Real-window check at the 820 px minimum: the chat column was squeezed below what an answer's buttons and
rating bar need, so the bubbles overflowed it and their text was cut off at the right edge, mid-word (found in
an Xvfb screenshot in Indonesian with the context panel open)."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import WAIT_MS, make_services

from desktop.core.knowledge.store import KnowledgeStore
from desktop.core.settings import Settings

pytestmark = pytest.mark.gui
MALU = "aku malu bertanya tentang visa"


@pytest.mark.parametrize("lang", ["en", "it", "id"])
def test_answers_fit_the_chat_column_at_the_smallest_window(
    lang: str, qtbot: Any, window_factory: Any, claude_online: Any, curated_store: KnowledgeStore,
    local_scripted: Any,
) -> None:  # fmt: skip
    claude_online()
    window = window_factory(
        make_services(
            Settings(ui_language=lang, strategy="rag"), store=curated_store, local_model=local_scripted
        )
    )
    with qtbot.waitSignal(window.answer_finished, timeout=WAIT_MS) as blocker:
        window.send(MALU)
    bubble = blocker.args[0]
    window.context.show_trace(bubble.trace)  # the context panel open, as after "Context"
    window.resize(window.minimumSize())
    chat = window.chat
    qtbot.waitUntil(lambda: window.width() == window.minimumWidth(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: chat.widget().width() <= chat.viewport().width(), timeout=2000)
    for shown in chat.bubbles:
        right = shown.mapTo(chat.viewport(), shown.rect().topRight()).x()
        assert right <= chat.viewport().width(), (
            f"a bubble ends at {right} px, the column at {chat.viewport().width()}"
        )
    assert bubble.context_button.isVisible() and bubble.feedback_bar is not None
