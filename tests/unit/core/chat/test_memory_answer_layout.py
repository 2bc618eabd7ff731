"""How the offline answer reads (a QA walk-through found unrelated earlier answers first and their numbered
steps running on from the outer list): the fitting notes come first, each earlier answer under its own
question line, its own list intact."""

from __future__ import annotations

import markdown_it
import pytest

from desktop.core.chat import memory_answer
from desktop.core.knowledge.memory import MemoryHit

STEPS = (
    "Yang biasanya membantu:\n1. Balas hari ini juga.\n2. Beri satu kabar pasti.\n3. Janjikan waktu kabar."
)


def hit(n: int, question: str) -> MemoryHit:
    return MemoryHit(
        id=f"a{n}",
        question=question,
        answer=STEPS,
        date="2026-11-30T10:00:00+00:00",
        conversation_id=f"c{n}",
        conversation_title=question,
        user_name="Made",
        language="id",
        strategy="rag",
        similarity=0.84,
    )


@pytest.mark.parametrize("language", ["id", "it", "en"])
def test_notes_come_before_earlier_answers_and_each_answer_keeps_its_own_list(language: str) -> None:
    t = memory_answer.TEMPLATES[language]
    insights = [{"text": "Klien yang marah biasanya sedang cemas."}]
    text = memory_answer.compose(
        [hit(1, "Klien marah soal visa?"), hit(2, "Staf malu soal gaji?")], insights, language
    )
    assert text.index(t["insights"]) < text.index(t["memory"])
    tokens = markdown_it.MarkdownIt().parse(text)
    # Every ordered list in the answer is one earlier answer's own three steps, starting at 1.
    lists = [tok for tok in tokens if tok.type == "ordered_list_open"]
    assert len(lists) == 2 and all(int(tok.attrs.get("start", 1)) == 1 for tok in lists)
    items_per_list = []
    depth, count = 0, 0
    for tok in tokens:
        if tok.type == "ordered_list_open":
            depth, count = depth + 1, 0
        elif tok.type == "list_item_open" and depth:
            count += 1
        elif tok.type == "ordered_list_close":
            depth -= 1
            items_per_list.append(count)
    assert items_per_list == [3, 3]


@pytest.mark.parametrize("language", ["id", "it", "en"])
def test_an_earlier_answer_to_a_related_question_is_labelled_and_never_presented_as_the_answer(
    language: str,
) -> None:
    t = memory_answer.TEMPLATES[language]
    related = hit(1, "Berapa lama proses visa E33G?")
    insights = [{"text": "Klien yang marah biasanya sedang cemas."}]
    text = memory_answer.compose([], insights, language, related=related)
    # first that this question has no earlier answer, then the label, the related question and its answer
    label = t["related_hit"].split("{question}")[0]
    assert text.index(t["none"]) < text.index(t["related"]) < text.index(label + related.question)
    assert text.index(label + related.question) < text.index("1. Balas hari ini juga.")
    assert t["memory"] not in text  # the "answered this question before" header is for the same question only
    # with an earlier answer to the same question, a related one is not shown at all
    same = memory_answer.compose([hit(2, "Staf malu soal gaji?")], insights, language, related=related)
    assert t["memory"] in same and related.question not in same and t["related"] not in same


@pytest.mark.parametrize("language", ["id", "it", "en"])
def test_the_same_words_are_not_called_other_words(language: str) -> None:
    """An earlier answer asked in the same words (case and punctuation aside) is not "asked in other words";
    a reworded one still is."""
    t = memory_answer.TEMPLATES[language]
    same = memory_answer.compose(
        [hit(1, "Klien marah soal visa?")], [], language, question="klien marah soal VISA"
    )
    assert t["memory_same"] in same and t["memory"] not in same
    other = memory_answer.compose(
        [hit(1, "Klien marah soal visa?")], [], language, question="Klien kesal, visa?"
    )
    assert t["memory"] in other and t["memory_same"] not in other
