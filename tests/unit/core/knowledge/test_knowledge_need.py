"""Cultural-need detection: explainable yes/no with a reason."""

from __future__ import annotations

import pytest

from desktop.core.knowledge.need import NeedDecision, cultural_need, needs_cultural_context


@pytest.mark.parametrize(
    ("text", "reason_part"),
    [
        ("aku malu bertanya tentang visa", "feeling"),
        ("I'm so worried my KITAS won't arrive in time", "feeling"),
        ("che cos'è il Nyepi?", "cultural term 'Nyepi'"),
        ("how do I explain gotong royong to my investors", "cultural term"),
        ("the officer said 'nanti' again", "quoted cultural word 'nanti'"),
        ("is it rude to point with my finger?", "etiquette"),
        ("come mi devo vestire per l'ufficio immigrazione?", "etiquette"),
    ],
)
def test_cultural_messages_need_context(text: str, reason_part: str) -> None:
    decision = cultural_need(text)
    assert decision == NeedDecision(True, decision.reason)
    assert reason_part.casefold() in decision.reason.casefold()


@pytest.mark.parametrize(
    ("text", "reason_part"),
    [
        ("berapa 25 persen dari 10 miliar", "arithmetic"),
        ("what's 49% of 10 billion rupiah?", "arithmetic"),
        ("convert 1500 EUR to IDR at 17,800", "conversion"),
        ("50 juta rupiah berapa euro ya?", "conversion"),
        ("regex per validare un NPWP", "code"),
        ("```python\nprint(1)\n```", "code"),
        ("ok grazie", "small talk"),
        ("list the documents for a KITAS extension", "no feeling"),
        ("", "empty"),
    ],
)
def test_neutral_messages_do_not(text: str, reason_part: str) -> None:
    decision = cultural_need(text)
    assert decision.needs is False
    assert reason_part in decision.reason


def test_weak_words_alone_do_not_trigger() -> None:
    # "tolong" and "Pak" are concept aliases, but asking politely for a calculation is not cultural.
    assert not needs_cultural_context("tolong hitung 10% dari 2 juta, Pak")
    assert not needs_cultural_context("please translate 'receipt' into Indonesian")


def test_feelings_win_over_arithmetic() -> None:
    assert needs_cultural_context("aku takut banget, denda overstay 1 juta per hari, 5 hari berapa?")
