"""Hybrid passage search: e5 vectors (meaning, across languages) and FTS5 bm25 (exact terms), fused by RRF.

The vectors find "how long does the investor permit take" in an Indonesian procedure; the words find
"E28A", "C312", "IDR 12.500.000" or "Pasal 5" that e5 blurs into their neighbours. Reciprocal rank fusion
(Cormack et al. 2009) adds ``weight / (rrf_k + rank)`` from each list, so neither index's score scale matters.
A third list is the words index asked with the question's concepts in the other two languages (``glossary``):
alone, FTS5 reads only the question's language. Each of the best passages is then given with its section
neighbours (``window``): small passages match sharply, the answer gets the lines around them.
The weights and candidate depth were chosen on the train and dev questions of tests/data/documents; the test
split is scored by tests/bench/bench_documents.py (docs/benchmarks.md).
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from desktop.core.documents import glossary

if TYPE_CHECKING:
    from desktop.core.documents.index import DocumentIndex

FoundBy = Literal["vector", "words", "both"]

# Chosen on train+dev (hit@3, tests/bench/bench_documents.py --tune: RRF_K 5/10/20/60, the words' weight
# 0.3-1.0, the centring 0.5-0.9, 20/30/40 candidates, windows of 500/600/800 characters over 300-character
# passages): the words index at half the vectors' weight (alone it finds 0.60 against the vectors' 0.90 there:
# most questions ask across languages), RRF_K 5.
RRF_K = 5
VECTOR_WEIGHT = 1.0
WORDS_WEIGHT = 0.5
CANDIDATES = 30  # from each index before fusion
# e5 rates any passage in the question's language a little closer: each passage's cosine is lowered by this
# share of the question's cosine to the mean vector of the passages in that passage's language (the mean
# cosine to that language), so an Italian question reaches the Indonesian procedure. 0.9 on train+dev.
LANGUAGE_CENTRING = 0.9
# Small-to-big: a matched passage is given to the answer with its neighbours of the same section and page, up
# to this many characters; a passage already inside a better one's window is not given twice.
# The words of the question's concepts in the other languages (``glossary``) as a third list, at this weight.
ACROSS_WEIGHT = 0.5
WINDOW_CHARS = 600
WINDOW_REACH = 4  # neighbours looked at on each side (passages are >= 1 line, windows 2-3 passages)
# A question whose best passage is less like it than this gets no passages (the documents do not answer it);
# chosen on train+dev: keeps every answerable question, refuses 14% of the unanswerable (e5 cosines bunch).
MIN_COSINE = 0.82

# A word this common in any of the three languages (wordfreq zipf) is left out of the words query: "berapa",
# "the", "di" match every passage; "E28A", "biometrics", "rinnovo" are what the words index is for.
STOP_ZIPF = 5.5

_TOKEN = re.compile(r"\w+(?:[.,/-]\w+)*", re.UNICODE)


@dataclass
class PassageHit:
    passage_id: int
    text: str
    document: str  # the document's title
    path: str
    section: str
    page: int | None
    language: str
    score: float  # the fused score
    found_by: FoundBy
    cosine: float | None = None
    bm25: float | None = None
    ranks: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["score"] = round(self.score, 5)
        out["cosine"] = None if self.cosine is None else round(self.cosine, 4)
        out["bm25"] = None if self.bm25 is None else round(self.bm25, 3)
        return out

    def where(self) -> str:
        """ "Fee Table 2026, p. 3" / "Fee Table 2026 › 2. Immigration services": for citations."""
        place = f"p. {self.page}" if self.page else self.section
        return f"{self.document}, {place}" if place and place != self.document else self.document


@dataclass
class SearchResult:
    hits: list[PassageHit]
    timings_ms: dict[str, float]
    best_cosine: float | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "passages": [h.to_dict() for h in self.hits],
            "timings_ms": {k: round(v, 2) for k, v in self.timings_ms.items()},
            "best_cosine": None if self.best_cosine is None else round(self.best_cosine, 4),
        }


def fts_query(text: str, stop_zipf: float = STOP_ZIPF) -> str:
    """The rarer words of ``text`` as an FTS5 OR query; "12.500.000" and "E-28A" become phrases of their
    parts."""
    terms = []
    for token in _TOKEN.findall(text.casefold()):
        parts = [p for p in re.split(r"[.,/-]", token) if p]
        if len(parts) == 1 and _common(parts[0], stop_zipf):
            continue
        if parts:
            terms.append('"' + " ".join(parts).replace('"', "") + '"')
    return " OR ".join(dict.fromkeys(terms))


@lru_cache(maxsize=4096)
def _common(word: str, stop_zipf: float) -> bool:
    from wordfreq import zipf_frequency

    return not word.isdigit() and max(zipf_frequency(word, lang) for lang in ("en", "id", "it")) >= stop_zipf


def search(
    index: DocumentIndex,
    query: str,
    k: int = 3,
    mode: Literal["hybrid", "vector", "words"] = "hybrid",
    candidates: int = CANDIDATES,
    vector: np.ndarray | None = None,
    weights: tuple[float, float] = (VECTOR_WEIGHT, WORDS_WEIGHT),
    stop_zipf: float = STOP_ZIPF,
    rrf_k: int = RRF_K,
    centring: float = LANGUAGE_CENTRING,
    across_weight: float = ACROSS_WEIGHT,
) -> SearchResult:
    """The ``k`` best passages for ``query``; ``vector`` is its query embedding when the caller has it.

    The words search starts first, on a thread of its own, and runs while the query is embedded and the
    vectors searched (``timings_ms["words"]`` is its own duration, ``"total"`` the whole search's)."""
    begun = time.perf_counter()
    timings: dict[str, float] = {}
    by_vector: list[tuple[int, float]] = []
    by_words: list[tuple[int, float]] = []
    by_across: list[tuple[int, float]] = []
    pending = index.words_soon(fts_query(query, stop_zipf), candidates) if mode != "vector" else None
    across = None
    if across_weight and mode == "hybrid":  # words alone: the question's own words
        across = index.words_soon(fts_query(" ".join(glossary.across(query)), stop_zipf), candidates)
    if mode in ("hybrid", "vector"):
        started = time.perf_counter()
        if vector is None:
            vector = index.embedder.embed_query(query)
        timings["embed"] = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        by_vector = _nearest(index, vector, candidates, centring)
        timings["vector"] = (time.perf_counter() - started) * 1000
    if pending is not None:
        by_words, timings["words"] = pending.result()
    if across is not None:
        by_across, timings["across"] = across.result()
    started = time.perf_counter()
    lists = [("vector", by_vector, weights[0]), ("words", by_words, weights[1])]
    lists.append(("across", by_across, across_weight))
    hits = _fuse(index, lists, k, rrf_k)
    timings["fuse"] = (time.perf_counter() - started) * 1000
    timings["total"] = (time.perf_counter() - begun) * 1000
    best = max((c for _p, c in by_vector), default=None)
    return SearchResult(hits, timings, best)


def _nearest(
    index: DocumentIndex, vector: np.ndarray, k: int, centring: float = LANGUAGE_CENTRING
) -> list[tuple[int, float]]:
    """(passage id, cosine), best first after the language centring. Chroma returns fewer than ``k`` from a
    smaller collection (none from an empty one), so it is not counted first (7 ms at 40,000 vectors)."""
    res = index.collection.query(
        query_embeddings=np.asarray([vector], dtype=np.float32), n_results=k, include=["distances"]
    )
    ids = [str(i) for i in res["ids"][0]]
    known = index.vector_passages(ids)  # a vector of a write that failed half-way is not a passage
    found = [
        (known[i][0], 1.0 - float(d)) for i, d in zip(ids, res["distances"][0], strict=True) if i in known
    ]
    if not centring or not found:
        return found
    languages = {pid: language for pid, language in known.values()}
    centroids = index.language_centroids()
    base = {lang: float(np.dot(vector, c)) for lang, c in centroids.items()}
    adjusted = [(pid, cos - centring * base.get(languages.get(pid, ""), 0.0), cos) for pid, cos in found]
    adjusted.sort(key=lambda t: -t[1])
    return [(pid, cos) for pid, _a, cos in adjusted]


def _fuse(
    index: DocumentIndex,
    lists: Sequence[tuple[str, Sequence[tuple[int, float]], float]],
    k: int,
    rrf_k: int = RRF_K,
    window_chars: int = WINDOW_CHARS,
) -> list[PassageHit]:
    """RRF over the ranked lists (name, [(passage id, score)], weight), the best ``k`` widened to windows."""
    scores: dict[int, float] = {}
    ranks: dict[int, dict[str, int]] = {}
    for name, ranked, weight in lists:
        for rank, (pid, _s) in enumerate(ranked, 1):
            scores[pid] = scores.get(pid, 0.0) + weight / (rrf_k + rank)
            ranks.setdefault(pid, {})[name] = rank
    ordered = sorted(scores, key=lambda pid: -scores[pid])[: 3 * k]
    rows = index.passages_by_id(ordered)
    cosines, bm25s = dict(lists[0][1]), dict(lists[1][1])
    hits: list[PassageHit] = []
    covered: set[int] = set()
    for pid in ordered:
        row = rows.get(pid)
        if row is None or pid in covered:
            continue
        ids, text = window(index, row, window_chars, covered)
        covered |= set(ids)
        by_vector = "vector" in ranks[pid]
        found: FoundBy = ("both" if len(ranks[pid]) > 1 else "vector") if by_vector else "words"
        hits.append(
            PassageHit(
                passage_id=pid,
                text=text,
                document=row["title"],
                path=row["path"],
                section=row["section"],
                page=row["page"],
                language=row["language"],
                score=scores[pid],
                found_by=found,
                cosine=cosines.get(pid),
                bm25=bm25s.get(pid),
                ranks=ranks[pid],
            )
        )
        if len(hits) == k:
            break
    return hits


def window(
    index: DocumentIndex, row: dict[str, Any], max_chars: int = WINDOW_CHARS, taken: set[int] | None = None
) -> tuple[list[int], str]:
    """The passage widened with its neighbours of the same section and page (the next one first, none already
    ``taken`` by a better window), while the whole stays within ``max_chars``: (the passage ids it holds, its
    text; a table's repeated header once)."""
    if max_chars <= len(row["text"]):
        return [int(row["id"])], row["text"]
    near = {o: p for o, p in index.around(row, WINDOW_REACH).items() if p[0] not in (taken or set())}
    low = high = int(row["ordinal"])
    size = len(row["text"])
    grown = True
    while grown:
        grown = False
        for ordinal in (high + 1, low - 1):
            if ordinal in near and size + len(near[ordinal][1]) <= max_chars:
                size += len(near[ordinal][1])
                low, high, grown = min(low, ordinal), max(high, ordinal), True
                break
    parts = [near[o][1] if o in near else row["text"] for o in range(low, high + 1)]
    head = parts[0].split("\n", 1)[0]
    text = "\n".join([parts[0]] + [_without_line(p, head) for p in parts[1:]])
    return [near[o][0] if o in near else int(row["id"]) for o in range(low, high + 1)], text


def _without_line(text: str, head: str) -> str:
    """``text`` without a first line equal to ``head`` (the table header every passage of a table repeats)."""
    first, _, rest = text.partition("\n")
    return rest if first == head and rest else text
