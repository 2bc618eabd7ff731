"""A long message costs a bounded amount of embedding and language detection; a letter run is not text."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from desktop.core.knowledge.embedder import Embedder
from desktop.core.knowledge.language import detect_language, detect_language_in_context
from desktop.core.knowledge.need import cultural_need
from desktop.core.knowledge.text_budget import EMBED_CHARS, excerpt, has_words


class CountingEmbedder(Embedder):
    """A real Embedder that records what it was asked to embed."""

    name = "counting"
    dim = 4

    def __init__(self) -> None:
        self.seen: list[str] = []

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        self.seen += list(texts)
        return np.ones((len(texts), self.dim), dtype=np.float32) / 2

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self.embed_queries(texts)


LONG = " ".join(f"paragraph {n} about the sponsor letter and the KITAS renewal" for n in range(4000))


def test_a_long_message_is_read_as_its_opening_middle_and_end() -> None:
    part = excerpt(LONG)
    assert len(part) <= EMBED_CHARS + 10
    numbers = [int(n) for n in re.findall(r"paragraph (\d+)", part)]
    assert part.startswith("paragraph 0 ") and "paragraph 3999" in part
    assert any(1800 < n < 2200 for n in numbers), numbers  # a slice of the middle
    assert excerpt("short message") == "short message"


def test_a_long_message_is_embedded_within_the_budget_and_once() -> None:
    embedder = CountingEmbedder()
    embedder.embed_query(LONG)
    embedder.embed_query(LONG)
    embedder.embed_passage(LONG)
    embedder.embed_passage(LONG)
    assert len(embedder.seen) == 2  # one query form, one passage form: each remembered
    assert all(len(text) <= EMBED_CHARS + 10 for text in embedder.seen)


def test_a_run_of_one_letter_is_not_a_language_and_needs_no_insights() -> None:
    run = "a" * 20_000
    assert not has_words(run)
    assert detect_language(run) == "en"  # the default: nothing to guess from
    assert detect_language_in_context(run, ["Buongiorno, vorrei sapere come rinnovare il permesso"]) == "it"
    assert not cultural_need(run).needs
    assert has_words("aku malu bertanya") and detect_language("aku malu bertanya tentang visa") == "id"
