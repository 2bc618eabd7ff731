"""The seed a regenerate draws reaches llama.cpp and changes what the real bundled model writes (issue 16).

Before, every local answer sampled from llama.cpp's own seed chain, which restarts at the same value with the
app, so a regenerate could repeat an earlier answer word for word. The router's part (a new seed per
regenerate, in the trace) is tests/unit/core/chat/test_regenerate_seed.py; this is the model's part, through the
same ``stream(..., seed=)`` call ``stream_answer`` makes."""

from __future__ import annotations

import pytest

from desktop.core.chat.router import new_seed
from desktop.core.llm.base import Message
from desktop.core.llm.local import LocalModel

pytestmark = pytest.mark.slow
TRIES = 3
QUESTION = [Message("user", "Give me one tip for a first visit to a Balinese family.")]


def write(model: LocalModel, seed: int) -> str:
    text = "".join(model.stream(QUESTION, system="You are a warm assistant.", max_tokens=40, seed=seed))
    assert model.load()._seed == seed  # llama.cpp sampled with the seed the request carried
    return text


def test_new_seeds_reach_llama_and_change_the_text(local_model: LocalModel) -> None:
    seeds = [new_seed() for _ in range(TRIES)]
    assert len(set(seeds)) == TRIES
    texts = [write(local_model, seed) for seed in seeds]
    assert all(t.strip() for t in texts)
    assert len(set(texts)) > 1, texts  # different seeds write different text at least once
    assert write(local_model, seeds[0]) == texts[0]  # and the seed alone decides it: the same seed repeats
