"""The local prompt budget: oldest history first, then insights, then the message; room for the answer."""

from __future__ import annotations

import pytest

from desktop.core.errors import ZantaraError
from desktop.core.llm.base import Message
from desktop.core.llm.budget import MESSAGE_OVERHEAD, PROMPT_OVERHEAD, fit_prompt


def words(text: str) -> int:
    """A stand-in tokenizer: one token a word (the real one is tested with the bundled model)."""
    return len(text.split())


def turns(n: int, size: int) -> list[Message]:
    out = []
    for i in range(n):
        out += [Message("user", f"q{i} " + "w " * size), Message("assistant", f"a{i} " + "w " * size)]
    return out


def used(fitted) -> int:  # type: ignore[no-untyped-def]
    texts = [fitted.system, *(m.content for m in fitted.messages)]
    return sum(words(t) + MESSAGE_OVERHEAD for t in texts if t) + PROMPT_OVERHEAD


def test_a_small_prompt_is_untouched() -> None:
    messages = [*turns(2, 10), Message("user", "hello there")]
    fitted = fit_prompt(words, 2048, 256, ["system words"], messages)
    assert not fitted.changed and fitted.note() == ""
    assert fitted.messages == messages and fitted.system == "system words" and fitted.max_tokens == 256


def test_oldest_history_goes_first_in_whole_turns() -> None:
    messages = [*turns(6, 300), Message("user", "the new question")]
    fitted = fit_prompt(words, 2048, 256, ["sys"], messages)
    assert fitted.dropped_history and fitted.dropped_history % 2 == 0
    assert fitted.messages[-1].content == "the new question"
    assert fitted.messages[0].role == "user" and fitted.messages[0].content.startswith("q")
    assert fitted.messages[-3].content.startswith("q5")  # the newest turn is kept
    assert used(fitted) + fitted.max_tokens <= 2048
    assert "oldest history" in fitted.note()


def test_then_insights_then_the_message_is_cut() -> None:
    systems = ["sys " + "i " * 900, "sys " + "i " * 500, "sys"]  # richest first
    big = "x " * 5000
    fitted = fit_prompt(words, 2048, 256, systems, [*turns(1, 50), Message("user", big)])
    assert fitted.dropped_history == 2 and fitted.dropped_insights == 2 and fitted.system == "sys"
    assert fitted.message_chars is not None and fitted.message_chars[1] == len(big)
    assert fitted.messages[-1].content.endswith("[…]")
    assert used(fitted) + fitted.max_tokens <= 2048
    assert "cut the message" in fitted.note() and "2 insight" in fitted.note()


def test_a_huge_system_prompt_is_cut_too_and_the_answer_keeps_its_room() -> None:
    fitted = fit_prompt(words, 1024, 512, ["s " * 4000], [Message("user", "m " * 4000)])
    assert fitted.system_chars and fitted.message_chars
    assert fitted.max_tokens == 512
    assert used(fitted) + fitted.max_tokens <= 1024


def test_answer_budget_never_takes_more_than_half_the_window() -> None:
    fitted = fit_prompt(words, 512, 1000, ["sys"], [Message("user", "hi")])
    assert fitted.max_tokens == 256 and "answer budget" in fitted.note()


def test_a_window_too_small_for_anything_is_a_clear_error() -> None:
    with pytest.raises(ZantaraError, match="context_size"):
        fit_prompt(words, 64, 16, ["sys"], [Message("user", "hi")])
