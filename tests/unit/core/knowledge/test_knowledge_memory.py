"""The answer memory on a real Chroma store with the real e5 embedder."""

from __future__ import annotations

import itertools

import pytest

from desktop.core.errors import KnowledgeError
from desktop.core.knowledge.embedder import default_embedder
from desktop.core.knowledge.memory import AnswerMemory, user_name
from desktop.core.knowledge.store import KnowledgeStore
from desktop.core.settings import Settings

QUESTIONS = {
    "voa": "Berapa kali VOA bisa diperpanjang?",
    "pma": "Berapa modal minimum untuk mendirikan PT PMA?",
    "nyepi": "Can I fly out of Bali during Nyepi?",
}


@pytest.fixture
def memory() -> AnswerMemory:
    store = KnowledgeStore.open(Settings(), default_embedder())
    memory = AnswerMemory.open(store.client, store.embedder)
    for key, question in QUESTIONS.items():
        memory.add(
            question, f"Answer about {key}.", conversation_id=f"c-{key}", user_name="Wayan", language="id"
        )
    return memory


def test_a_translated_paraphrase_finds_its_earlier_answer(memory: AnswerMemory) -> None:
    hits = memory.search("Quante volte si può prolungare il VOA?")
    assert hits and hits[0].question == QUESTIONS["voa"] and hits[0].answer == "Answer about voa."
    assert (hits[0].conversation_id, hits[0].user_name) == ("c-voa", "Wayan")
    assert all(a.similarity >= b.similarity for a, b in itertools.pairwise(hits))
    # Spelled out in Italian with no shared term, at e5 0.84, the same-question decision misses it (it leads
    # the virtual rival by only 0.015; probability 0.08 against 0.40): one of the cross-language rewordings it
    # loses (docs/benchmarks.md). The plain ranking still puts it first.
    ranked = memory.search("Quante volte si può prolungare il visto all'arrivo?", decide=False)
    assert ranked and ranked[0].question == QUESTIONS["voa"]


def test_the_same_answer_is_stored_once_and_unrelated_questions_find_nothing(memory: AnswerMemory) -> None:
    memory.add(QUESTIONS["voa"], "Answer about voa.", conversation_id="c-voa")
    assert memory.count() == 3
    assert memory.search("What is the recipe for nasi goreng with extra chili?", min_similarity=0.9) == []


def test_empty_answers_are_refused_and_the_user_name_falls_back_to_the_login(memory: AnswerMemory) -> None:
    with pytest.raises(KnowledgeError):
        memory.add("A question?", "  ")
    assert user_name("Ketut") == "Ketut" and user_name("") != "Ketut"
