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


def test_only_the_answer_row_carries_fields_and_an_older_laptops_full_rows_are_written_so(
    memory: AnswerMemory,
) -> None:
    """Chroma's local writes cost per metadata field and per full-text document: a first sync pulls
    thousands of answers, so the two question rows hold just their answer id and kind, and no row a text."""
    from desktop.core.sync.kinds import Answers, Record, Row

    rows = memory.collection.get(include=["metadatas", "documents"])
    assert rows["documents"] == [None] * len(rows["ids"])
    lean = {i: m for i, m in zip(rows["ids"], rows["metadatas"], strict=True) if not i.endswith(":qa")}
    assert lean and all(set(m) == {"answer_id", "kind"} for m in lean.values())

    # three full rows, as laptops before this layout stored and pushed them
    question = "Apakah kantor imigrasi buka saat Galungan?"
    fields = {"answer_id": "m_old", "question": question, "answer": "Tutup; datang sehari setelahnya."}
    fields |= {"date": "2026-11-01T08:00:00+00:00", "user_name": "Made", "language": "id"}
    old = Record(
        "m_old",
        [
            Row("m_old" + s, question, fields | {"kind": k})
            for s, k in ((":q", "question"), (":p", "x"), (":qa", "answer"))
        ],
    )
    kind = Answers(memory.collection, memory.embedder)
    kind.mark_origin(old, "laptop-of-made", "Made", "2026-11-01T08:00:00+00:00")
    kind.write([old])
    got = memory.collection.get(ids=["m_old:q", "m_old:p", "m_old:qa"], include=["metadatas", "documents"])
    by_id = dict(zip(got["ids"], got["metadatas"], strict=True))
    assert by_id["m_old:q"] == {"answer_id": "m_old", "kind": "question"}
    assert by_id["m_old:qa"]["origin_name"] == "Made" and got["documents"] == [None] * 3
    hits = memory.search("Is the immigration office open on Galungan?", decide=False)
    assert hits and hits[0].id == "m_old" and hits[0].answer == fields["answer"]
    assert hits[0].colleague == "Made" and memory.count() == 4
