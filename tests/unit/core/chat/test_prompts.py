"""Prompts: language named, context kept as delimited data, compact local persona."""

from __future__ import annotations

from desktop.core.chat import prompts


def test_claude_prompt_has_language_context_and_note() -> None:
    block = '<cultural_insights>\n<insight n="1">malu means ...</insight>\n</cultural_insights>'
    text = prompts.system_prompt("id", block, "be gentle", profile="team")
    assert "Indonesian" in text and block in text and "be gentle" in text
    assert "Never invent fees" in text
    assert prompts.TEAM_NOTE in text
    assert "<live_cultural_note>" in text


def test_claude_prompt_without_context_has_no_empty_block() -> None:
    text = prompts.system_prompt("it")
    assert "Italian" in text and "cultural_insights" not in text and "live_cultural_note" not in text


def test_local_prompt_is_compact_and_bounded() -> None:
    insights = [{"text": "x " * 400}, {"text": "second tip"}]
    text = prompts.local_system_prompt("en", insights, max_chars=200)
    assert len(text) < 600
    assert "English" in text


def test_continuation_note_carries_the_tail() -> None:
    note = prompts.continuation_note("A" * 2000 + "THE END", max_chars=100)
    assert "THE END" in note and len(note) < 400
