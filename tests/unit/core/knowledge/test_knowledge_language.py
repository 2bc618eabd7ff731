"""Language detection for short, colloquial and mixed messages."""

from __future__ import annotations

import pytest

from desktop.core.knowledge.language import detect_language, detect_languages


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("aku malu bertanya tentang visa", "id"),
        ("berapa 25 persen dari 10 miliar", "id"),
        ("gak bisa bgt, udah capek", "id"),
        ("udah", "id"),
        ("makasih mbak", "id"),
        ("Pak, saya mau tanya soal KITAS", "id"),
        ("ciao, come stai?", "it"),
        ("il mio socio dice sempre di sì ma poi non succede niente", "it"),
        ("grazie mille", "it"),
        ("ho paura che il visto scada", "it"),
        ("my partner says yes but nothing happens", "en"),
        ("what does malu mean?", "en"),
        ("thanks", "en"),
        ("how long does an e-VOA last?", "en"),
    ],
)
def test_detect_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_no_words_falls_back_to_default() -> None:
    assert detect_language("12 + 30 = ?") == "en"
    assert detect_language("", default="id") == "id"


def test_mixed_message_reports_both_languages() -> None:
    scores = detect_languages("scusa pak, saya takut visa saya ditolak, sono preoccupato")
    assert set(scores) == {"id", "it", "en"}
    assert abs(sum(scores.values()) - 1.0) < 0.01
    top_two = sorted(scores, key=scores.__getitem__, reverse=True)[:2]
    assert set(top_two) == {"id", "it"}


def test_detector_is_built_once_and_thread_safe() -> None:
    from concurrent.futures import ThreadPoolExecutor

    texts = ["aku malu", "ho paura", "I am afraid"] * 5
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(detect_language, texts))
    assert got == ["id", "it", "en"] * 5


def test_short_messages_take_the_conversation_language() -> None:
    from desktop.core.knowledge.language import detect_language_in_context

    earlier = ["Quanto costa rinnovare il KITAS investitore quest'anno?"]
    assert detect_language_in_context("ok 👍", earlier) == "it"
    assert detect_language_in_context("np", ["how long does the extension take?"]) == "en"
    # a clear message is judged on its own, whatever came before
    assert detect_language_in_context("Terima kasih banyak, saya tunggu kabarnya ya", earlier) == "id"
    assert detect_language_in_context("ok 👍", []) in {"id", "it", "en"}


def test_quoted_words_do_not_decide_the_answer_language() -> None:
    assert detect_language("what does 'sudah dibayar' mean on my invoice?") == "en"
    assert detect_language("cosa vuol dire 'mohon ditunggu' nel messaggio dell'agenzia?") == "it"
