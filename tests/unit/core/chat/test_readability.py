"""The readability guard on real text: the curated pack's odd lines (fluent; calibration used the even ones)
and the bundled model's answers to the ``test`` messages (calibration used other messages' answers)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.chat import readability
from desktop.core.chat.readability import StreamGuard, UnreadableAnswer

REPO = Path(__file__).resolve().parents[4]
DATA = REPO / "tests" / "data" / "readability"


def fluent_test_texts(language: str) -> list[str]:
    lines = (
        (REPO / "knowledge" / "packs" / f"curated-{language}.jsonl").read_text(encoding="utf-8").splitlines()
    )
    return [json.loads(line)["text"] for i, line in enumerate(lines) if line.strip() and i % 2 == 1]


def bundled_test_answers(language: str) -> list[str]:
    rows = [
        json.loads(line) for line in (DATA / "bundled-test.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    return [r["answer"] for r in rows if r["language"] == language and r["answer"].strip()]


@pytest.mark.parametrize("language", ["id", "it", "en"])
def test_fluent_text_passes(language: str) -> None:
    texts = fluent_test_texts(language)
    failed = [(t[:60], v.reason) for t in texts if not (v := readability.check(t, language)).ok]
    assert len(texts) > 100
    assert len(failed) <= 0.02 * len(texts), failed


@pytest.mark.parametrize("language", ["id", "it"])
def test_the_bundled_models_answers_are_rejected(language: str) -> None:
    answers = bundled_test_answers(language)
    verdicts = [readability.check(a, language) for a in answers]
    rejected = [v for v in verdicts if not v.ok]
    assert len(answers) >= 8
    assert len(rejected) >= 0.9 * len(answers), [
        (a[:80], v.known_share) for a, v in zip(answers, verdicts, strict=True)
    ]


def test_indonesian_answer_to_an_italian_question_is_the_wrong_language() -> None:
    text = fluent_test_texts("id")[3]
    verdict = readability.check(text, "it")
    assert not verdict.ok and "Italian" in verdict.reason


def test_a_loop_is_rejected() -> None:
    sentence = fluent_test_texts("en")[5].split(".")[0] + ". "
    verdict = readability.check(sentence * 4, "en")
    assert not verdict.ok and "repeats itself" in verdict.reason


def test_a_copy_of_the_previous_answer_is_rejected() -> None:
    previous = fluent_test_texts("it")[7]
    assert readability.check(previous, "it").ok
    verdict = readability.check(previous, "it", previous=previous)
    assert not verdict.ok and "copied the previous answer" in verdict.reason


def test_the_users_own_words_and_acronyms_count_as_known() -> None:
    text = "Per il KITAS del signor Wayan serve il modulo zorbalinda, te lo mando oggi stesso volentieri."
    assert readability.known_share(text, "it")[0] < readability.known_share(text, "it", ["zorbalinda"])[0]
    assert "kitas" not in readability.known_share(text, "it")[2]


def stream(guard: StreamGuard, text: str) -> list[str]:
    shown: list[str] = []
    for word in text.split(" "):
        shown += guard.feed(word + " ")
    return shown + guard.finish()


def test_stream_guard_holds_back_then_releases_fluent_text() -> None:
    text = fluent_test_texts("id")[10]
    guard = StreamGuard("id")
    shown: list[str] = []
    for n, word in enumerate(text.split(" "), 1):
        out = guard.feed(word + " ")
        if n < readability.HOLD_WORDS:
            assert out == []
        shown += out
    shown += guard.finish()
    assert "".join(shown) == text + " " and guard.checks >= 2


def test_stream_guard_stops_gibberish_before_the_end() -> None:
    answer = max(bundled_test_answers("id"), key=len)
    guard = StreamGuard("id")
    words = answer.split(" ")
    fed = 0
    with pytest.raises(UnreadableAnswer) as err:
        for word in words:
            fed += 1
            guard.feed(word + " ")
        guard.finish()
    assert "too small for Indonesian" in str(err.value) or "answered in" in str(err.value)
    assert fed < len(words)
