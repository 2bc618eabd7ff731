"""What a question asks for (its cost, how long, which documents, whether it is allowed...), in any language.

Two questions about one thing can ask different things of it: "how much is an investor KITAS" and "which
documents does an investor KITAS need" have an e5 similarity of 0.95: e5 rates the topic, not the ask. The
answer memory must not show the one's answer for the other (``memory_match``), so it compares what each asks.

A softmax classifier over twelve kinds of ask, trained on the labelled questions of knowledge/questions
(the *train* split of tests/data/paraphrases with its paraphrases in three languages, and written train
queries; dev and test questions are never in it). Two views of a question, averaged: its e5 vector (meaning
across languages) and its character n-grams ("berapa", "quanto costa", "how long": the words that carry the
ask, which the e5 vector of a whole question dilutes). On the dev questions' paraphrases the first ask is
right 78% of the time with both views, 70% with the e5 vector alone.
"""

from __future__ import annotations

import hashlib
import json
import re
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from desktop.core import paths
from desktop.core.knowledge.classifiers import PerEmbedder
from desktop.core.knowledge.embedder import Embedder

FOLDER = "questions"  # knowledge/questions/asks.jsonl, vectors in knowledge/questions/.vectors
GRAMS = 1 << 13  # hashed character 3-5-gram buckets
ITERATIONS = 1500
GRAM_SHARE = 0.5  # weight of the n-gram view in the average (chosen on dev: 0.5 beat 0 and 1)


@dataclass
class AsksModel:
    asks: list[str]
    mean: np.ndarray
    vector_weights: np.ndarray  # (dim + 1, asks)
    gram_weights: np.ndarray  # (GRAMS + 1, asks)

    def probabilities(self, vector: np.ndarray, text: str) -> np.ndarray:
        """P(ask) for one question, in the order of ``asks``."""
        from desktop.core.knowledge.classifiers import softmax_predict

        by_vector = softmax_predict(
            self.vector_weights, (np.asarray(vector, np.float32) - self.mean)[None, :]
        )
        by_grams = softmax_predict(self.gram_weights, grams(text)[None, :])
        return np.asarray((1 - GRAM_SHARE) * by_vector[0] + GRAM_SHARE * by_grams[0], dtype=np.float32)


def grams(text: str) -> np.ndarray:
    """Unit vector of the hashed character 3-5-grams of ``text`` (lower-cased, spaces squeezed)."""
    padded = " " + re.sub(r"\s+", " ", (text or "").lower()).strip() + " "
    out = np.zeros(GRAMS, dtype=np.float32)
    for n in (3, 4, 5):
        for i in range(len(padded) - n + 1):
            out[zlib.crc32(padded[i : i + n].encode()) % GRAMS] = 1.0
    norm = float(np.linalg.norm(out))
    return out / norm if norm > 0 else out


def load_questions(root: Path | None = None) -> list[tuple[str, list[str]]]:
    """(text, asks) of every labelled question; unreadable lines are skipped."""
    path = (root or paths.knowledge_dir()) / FOLDER / "asks.jsonl"
    out: list[tuple[str, list[str]]] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    for line in lines:
        try:
            row = json.loads(line)
            text, asks = str(row["text"]), [str(a) for a in row["asks"]]
        except (ValueError, KeyError, TypeError):
            continue
        if text.strip() and asks:
            out.append((text, asks))
    return out


def build(embedder: Embedder, root: Path | None = None, *, embed_missing: bool = True) -> AsksModel | None:
    from desktop.core.knowledge.classifiers import cached_arrays, train_softmax, train_softmax_wide
    from desktop.core.knowledge.pack import cached_vectors

    questions = load_questions(root)
    if not questions:
        return None
    vectors = cached_vectors(
        [t for t, _a in questions],
        embedder,
        folder=FOLDER,
        query=True,
        root=root,
        missing_ok=not embed_missing,
    )
    if vectors is None:
        return None
    asks = sorted({a for _t, labels in questions for a in labels})
    index = {a: n for n, a in enumerate(asks)}
    # A question that asks two things is two rows of half weight.
    rows = [(n, index[a], 1.0 / len(labels)) for n, (_t, labels) in enumerate(questions) for a in labels]
    digest = hashlib.sha256(f"{embedder.name}\x00{GRAMS}\x00{ITERATIONS}".encode())
    for text, labels in questions:
        digest.update(f"{text}\x00{','.join(labels)}\x00".encode())

    def train() -> dict[str, np.ndarray]:
        take = np.array([r[0] for r in rows])
        labels = np.array([r[1] for r in rows])
        weight = np.array([r[2] for r in rows])
        x = np.asarray(vectors, dtype=np.float64)[take]
        mean = x.mean(axis=0)
        g = np.stack([grams(questions[n][0]) for n in take]).astype(np.float64)
        return {
            "mean": mean.astype(np.float32),
            "vector_weights": train_softmax(x - mean, labels, len(asks), weight, iterations=ITERATIONS),
            "gram_weights": train_softmax_wide(g, labels, len(asks), weight, iterations=ITERATIONS),
        }

    arrays = cached_arrays("asks-model", digest.hexdigest()[:16], train)
    return AsksModel(asks, arrays["mean"], arrays["vector_weights"], arrays["gram_weights"])


_models: PerEmbedder[AsksModel] = PerEmbedder(build)


def get_model(embedder: Embedder) -> AsksModel | None:
    """The process-wide model for this embedder (None until `zantara knowledge prepare` embedded its data)."""
    return _models.get(embedder)
