"""QA walk-through: a wrap answer's header ("Zantara · Zantara (frase fissa) (SmolLM2…): apertura, chiusura;
Claude (…): risposta") made the chat scroll sideways and cut the Compare button on every reply."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import make_services

from desktop.core.chat.trace import Trace
from desktop.gui import i18n
from desktop.gui.chat.answer_labels import header_text

pytestmark = pytest.mark.gui


def wrap_trace() -> Trace:
    trace = Trace(strategy="wrap", mode="claude", reason="")
    trace.add_part("opening", "local", "SmolLM2-135M-Instruct.Q4_1")
    trace.add_part("answer", "claude", "claude-haiku-5-5-20991231")
    trace.add_part("closing", "local", "SmolLM2-135M-Instruct.Q4_1")
    return trace


def test_a_wrap_answer_never_makes_the_chat_scroll_sideways(
    qtbot: Any, window_factory: Any, keyring_backend: Any
) -> None:
    i18n.set_language("it")
    window = window_factory(make_services())
    window.resize(1024, 700)
    chat = window.chat
    for i in range(2):
        chat.add_message("user", "aku malu bertanya tentang visa")
        bubble = chat.add_message("assistant", "")
        bubble.set_trace(wrap_trace())
        bubble.finish("Terima kasih sudah bertanya. Visa turis sampai 60 hari.", message_id=i + 1)
    qtbot.waitUntil(lambda: bubble.feedback_bar is not None and bubble.feedback_bar.isVisible(), timeout=5000)
    qtbot.wait(50)  # let the layouts settle (no signal marks the end of a relayout)
    full = header_text(wrap_trace())
    assert chat.horizontalScrollBar().maximum() == 0
    assert bubble.width() <= chat.viewport().width()
    header = bubble.header
    assert header.height() >= header.heightForWidth(header.width()), "the wrapped header is not clipped"
    compare = bubble.feedback_bar.compare_button
    right = compare.mapTo(chat.viewport(), compare.rect().topRight()).x()
    assert right <= chat.viewport().width(), "the Compare button is not cut"
    assert len(full) > 100 and bubble.header.toolTip() == full, "the whole header is in the tooltip"
