"""Synthetic team data with precomputed vectors, written into one ZANTARA_HOME as local changes (noted in
the sync journal, as the app's own writes are), so sync tests and benchmarks spend no time embedding.

    ZANTARA_HOME=... python tests/support/team_data.py --insights 10000 --answers 10000 --tag alice
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

TEXT = (
    "{tag} note {n}: when a client raises their voice at the immigration office, stay calm, lower your tone "
    "and move the talk somewhere private; losing one's temper in public costs everyone face in Bali."
)
QUESTION = "{tag} question {n}: which documents does an investor KITAS need, and how long does it take?"
ANSWER = "{tag} answer {n}: a passport valid 18 months, the PT PMA deed and the NIB; about four weeks."


#: "e5": real e5 vectors of the curated pack (in the laptop's store) plus noise (sigma 0.03 per dimension,
#: cosine ~0.86 to their base), clustered as the vectors of one domain's texts are; "random": i.i.d. unit
#: vectors, which no embedder produces and which cost Chroma's HNSW index ~3x more per insert.
VECTORS = {"kind": "e5"}


def unit_vectors(count: int, dim: int, seed: int, bases: np.ndarray | None = None) -> np.ndarray:
    rng = np.random.default_rng(seed)
    if VECTORS["kind"] == "e5" and bases is not None and len(bases):
        picked = bases[rng.integers(0, len(bases), count)]
        vecs = (picked + rng.normal(0, 0.03, picked.shape)).astype(np.float32)
    else:
        vecs = rng.standard_normal((count, dim)).astype(np.float32)
    return vecs / np.linalg.norm(vecs, axis=1, keepdims=True)


def real_vectors(store: object) -> np.ndarray:
    """Up to 1,000 real e5 vectors from the store (the curated pack's), the bases of the synthetic ones."""
    got = store.collection.get(limit=1000, include=["embeddings"])  # type: ignore[attr-defined]
    return np.asarray(got["embeddings"], dtype=np.float32)


def seed_insights(tag: str, count: int, start: int = 0) -> list[str]:
    from desktop.core.knowledge.insight import Insight
    from desktop.core.knowledge.store import KnowledgeStore
    from desktop.core.settings import Settings

    store = KnowledgeStore.open(Settings())
    insights = [
        Insight(TEXT.format(tag=tag, n=n), "en", "emotion", ["marah"], source="user")
        for n in range(start, start + count)
    ]
    seed = int(hashlib.sha1(f"{tag}{start}".encode()).hexdigest()[:8], 16)
    bases = real_vectors(store)
    for first in range(0, count, 1000):
        chunk = insights[first : first + 1000]
        vectors = unit_vectors(len(chunk), store.embedder.dim, seed + first, bases)
        store.add_with_vectors(chunk, vectors)
    return [i.id for i in insights]


def seed_answers(tag: str, count: int, start: int = 0) -> list[str]:
    """Rows as AnswerMemory.add writes them (question as query and passage, question + answer)."""
    from desktop.core.knowledge.memory import AnswerMemory, _answer_id, rows_of
    from desktop.core.knowledge.store import KnowledgeStore
    from desktop.core.settings import Settings
    from desktop.core.sync.journal import MEMORY_KIND

    store = KnowledgeStore.open(Settings())
    memory = AnswerMemory.open(store.client, store.embedder)
    keys: list[str] = []
    seed = int(hashlib.sha1(f"{tag}{start}a".encode()).hexdigest()[:8], 16)
    bases = real_vectors(store)
    for first in range(start, start + count, 500):
        ns = range(first, min(first + 500, start + count))
        ids, metas = [], []
        for n in ns:
            question, answer = QUESTION.format(tag=tag, n=n), ANSWER.format(tag=tag, n=n)
            key = _answer_id(question, answer, f"conv-{tag}")
            meta = {
                "answer_id": key,
                "question": question,
                "answer": answer,
                "date": "2026-12-01T10:00:00+00:00",
                "conversation_id": f"conv-{tag}",
                "conversation_title": "bench",
                "user_name": tag,
                "language": "en",
                "strategy": "rag",
            }
            keys.append(key)
            for row_id, row_meta in rows_of(key, meta):
                ids.append(row_id)
                metas.append(row_meta)
        vectors = unit_vectors(len(ids), store.embedder.dim, seed + first, bases)
        memory.collection.upsert(ids=ids, metadatas=metas, embeddings=vectors)
        memory.journal.note(MEMORY_KIND, keys[-len(ns) :], tag)
    return keys


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--insights", type=int, default=0)
    parser.add_argument("--answers", type=int, default=0)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--tag", default="bench")
    parser.add_argument("--homes", nargs="*", default=[], help="seed each of these homes (tag: its name)")
    parser.add_argument("--vectors", choices=("e5", "random"), default="e5")
    args = parser.parse_args()
    VECTORS["kind"] = args.vectors
    if not args.homes:
        seed_insights(args.tag, args.insights, args.start)
        seed_answers(args.tag, args.answers, args.start)
        return
    import os

    for home in args.homes:  # one process for many laptops: each home has its own store and journal
        os.environ["ZANTARA_HOME"] = home
        seed_insights(Path(home).name, args.insights, args.start)
        seed_answers(Path(home).name, args.answers, args.start)


if __name__ == "__main__":
    main()
