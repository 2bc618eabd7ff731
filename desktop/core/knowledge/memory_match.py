"""Is an earlier answer an answer to *this* question? The answer memory's decision before it shows one.

e5 similarities of questions in one domain are all high: an unrelated earlier question ("dress code at the
immigration office" against "visa fees") reaches 0.81-0.89, as high as a reworded same question, so no
similarity threshold separates them. Four signals together do better, in a small logistic model:

- ``similarity``: the memory's three-cosine score of the best earlier question;
- ``margin``: how far it is ahead of the best earlier answer to *another* question in the same language as it
  (a stored question that is a near copy of it, the same question asked twice, is not a rival; e5 rates
  same-language pairs higher, so an Italian earlier answer is only compared with Italian ones). A paraphrase
  stands out from its neighbours; a question with no earlier answer has several unrelated ones at about the
  same level;
- ``concepts``: whether the concept model (``concept_model.py``) reads both questions as being about the same
  thing (cosine of their concept probabilities);
- ``asks``: whether both ask the same thing of it (``asks_model.py``: its cost, how long, which documents,
  whether it is allowed...). e5 rates the topic: "how much is an investor KITAS" and "which documents for an
  investor KITAS" have an e5 similarity of 0.95, and the answer to the one does not answer the other.

And one veto: two questions that name different visa or permit codes (B211 vs C312) are not the same question.

Two tiers come out of the one probability: at ``THRESHOLD`` an earlier answer is shown as the answer; between
``RELATED_THRESHOLD`` and it, the best one may be shown as an earlier answer to a related question, with its
question, never as the answer (``AnswerMemory.lookup``).

Fitted on the train split of ``tests/data/memory-match`` (see its README) in two kinds of memory (one language
of 35 answers, and three languages of 105), threshold chosen on dev as the lowest that shows an unrelated
earlier answer to at most 5% of dev questions without one: ``tests/bench/fit_memory_match.py``; figures in
docs/benchmarks.md. Signals that did not help on dev (a z-score against a fixed background set, word overlap
weighted by wordfreq, a glossary of visa terms across languages, similarities centred on each language's mean
vector, a hubness correction of the similarity (CSLS), a logistic model over the vectors' products, a pairwise
classifier on |u-v| and u*v trained on 80,000 train question pairs, more labelled asks) are left out. Missing the right earlier answer is the price: see docs/benchmarks.md.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

# Logistic model in raw units: p = sigmoid(SIMILARITY*s + MARGIN*m + CONCEPTS*c + ASKS*a + BIAS), fitted on train.
SIMILARITY = 9.591
MARGIN = 43.282
CONCEPTS = 4.662
ASKS = 5.456
BIAS = -18.425
THRESHOLD = 0.70  # chosen on dev (both kinds of memory): shown as the answer at p >= 0.70
# Below THRESHOLD the best candidate may still be shown, never as the answer: labelled as an earlier answer to
# a *related* question, with that question. Chosen on dev as the lowest threshold at which at least half of
# the related answers shown are to the same question after all (mean of the two kinds of memory); the rest
# are to a neighbouring question, which the label and the question shown say.
RELATED_THRESHOLD = 0.20
NEUTRAL_CONCEPTS = 0.48  # mean agreement over train candidates: used when the concept model is not ready
NEUTRAL_ASKS = 0.31  # the same for the asks model
# The rival every question has, even in a memory of one answer: an unrelated earlier question at the score
# unrelated questions of this domain typically reach. Chosen on train with memories of 1-5 answers (1 answer:
# recall 90%, unrelated shown 2%; without it a lone answer has no rival at all); no effect on larger memories,
# whose real rivals are higher.
VIRTUAL_RIVAL = 0.83
TWIN = 0.94  # two stored questions this close (query-form cosine) are one question asked twice, not rivals

# A visa/permit/form code: letters and digits together (B211, C312, E33G, KBLI 2-digit codes are plain numbers).
_CODE = re.compile(r"\b(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z0-9]{2,}\b")


@dataclass(frozen=True)
class Verdict:
    """Whether an earlier answer answers the new question, with the signals that said so."""

    same: bool
    probability: float
    similarity: float
    margin: float
    concepts: float
    asks: float = NEUTRAL_ASKS
    vetoed_by_codes: bool = False

    @property
    def related(self) -> bool:
        """Not the same question, but close enough to show its answer labelled as a related question's."""
        return not self.same and not self.vetoed_by_codes and self.probability >= RELATED_THRESHOLD


def codes(text: str) -> set[str]:
    """Visa/permit codes in ``text`` (upper-cased): the things two questions must agree on."""
    return {c.upper() for c in _CODE.findall(text or "")}


def codes_conflict(query: str, question: str) -> bool:
    """Both name codes and none agree: about another visa or permit."""
    a, b = codes(query), codes(question)
    return bool(a) and bool(b) and not (a & b)


def concept_agreement(p: np.ndarray | None, q: np.ndarray | None, neutral: float = NEUTRAL_CONCEPTS) -> float:
    """Cosine of two probability vectors (concepts, or asks), ``neutral`` when either is missing."""
    if p is None or q is None:
        return neutral
    norm = float(np.linalg.norm(p) * np.linalg.norm(q))
    return float(p @ q) / norm if norm > 0 else neutral


def decide(
    similarity: float,
    margin: float,
    concepts: float,
    query: str = "",
    question: str = "",
    asks: float = NEUTRAL_ASKS,
) -> Verdict:
    """The verdict for one earlier question; ``margin`` is its lead over the best rival (see ``margins``)."""
    z = SIMILARITY * similarity + MARGIN * margin + CONCEPTS * concepts + ASKS * asks + BIAS
    probability = 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))
    vetoed = codes_conflict(query, question)
    return Verdict(
        same=probability >= THRESHOLD and not vetoed,
        probability=probability,
        similarity=similarity,
        margin=margin,
        concepts=concepts,
        asks=asks,
        vetoed_by_codes=vetoed,
    )


def margins(
    similarities: list[float], question_vectors: np.ndarray, languages: list[str] | None = None
) -> list[float]:
    """Each candidate's lead over the best candidate in its language that is not its twin, or over
    VIRTUAL_RIVAL if higher.

    ``question_vectors`` are the stored questions' unit query-form vectors, one row per candidate;
    ``languages`` their stored languages ("" = unknown: compared with every candidate)."""
    n = len(similarities)
    if n == 0:
        return []
    langs = languages or [""] * n
    twins = np.asarray(question_vectors, dtype=np.float32) @ np.asarray(question_vectors, dtype=np.float32).T
    out = []
    for i in range(n):
        rivals = [
            similarities[j]
            for j in range(n)
            if j != i and twins[i, j] < TWIN and _same_language(langs[i], langs[j])
        ]
        out.append(similarities[i] - max([VIRTUAL_RIVAL, *rivals]))
    return out


def _same_language(a: str, b: str) -> bool:
    return not a or not b or a == b
