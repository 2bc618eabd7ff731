"""The semantic half of the cultural-need decision: a small classifier over the query's e5 vector.

Word lists shaped on a few labelled messages reached 100% on those messages and 65% recall on new ones. The
message's multilingual-e5 vector (computed anyway for retrieval) generalises much better: a logistic regression
trained on the *train* split of the labelled corpus in ``knowledge/messages`` separates "needs cultural context"
from neutral messages (arithmetic, conversions, translations, formats, plain procedure questions) across the
three languages. Every decision also carries the nearest labelled exemplars, so a trace can show *why*.

The exemplar vectors are embedded once per installation (``zantara knowledge prepare``, like the pack vectors)
and the weights are trained from them in well under a second and cached; predicting is one dot product.
The decision threshold was chosen on the *dev* split; the *test* split is only ever scored
(``zantara knowledge eval``).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from desktop.core import paths
from desktop.core.knowledge.classifiers import PerEmbedder
from desktop.core.knowledge.embedder import Embedder

FOLDER = "messages"  # knowledge/messages/need-*.jsonl, vectors in knowledge/messages/.vectors
THRESHOLD = 0.45  # P(cultural) at or above which context is retrieved; chosen on the dev split
L2 = 1e-4
ITERATIONS = 3000
STEP = 2.0
NEIGHBOURS = 3


@dataclass(frozen=True)
class Exemplar:
    text: str
    language: str
    cultural: bool
    concepts: tuple[str, ...]
    kind: str
    split: str
    source: str

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> Exemplar:
        return cls(
            text=str(row["text"]),
            language=str(row.get("language", "")),
            cultural=bool(row["cultural"]),
            concepts=tuple(str(c) for c in row.get("concepts", [])),
            kind=str(row.get("kind", "")),
            split=str(row.get("split", "train")),
            source=str(row.get("source", "")),
        )


def corpus_files(root: Path | None = None) -> list[Path]:
    folder = (root or paths.knowledge_dir()) / FOLDER
    return sorted(folder.glob("need-*.jsonl")) if folder.is_dir() else []


def load_corpus(root: Path | None = None, split: str | None = None) -> list[Exemplar]:
    """Labelled messages of one split (all splits when None); unreadable lines are skipped."""
    out: list[Exemplar] = []
    for path in corpus_files(root):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            try:
                row = Exemplar.from_dict(json.loads(line))
            except (ValueError, KeyError, TypeError):
                continue
            if split is None or row.split == split:
                out.append(row)
    return out


@dataclass(frozen=True)
class Neighbour:
    text: str
    cultural: bool
    similarity: float

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "cultural": self.cultural, "similarity": round(self.similarity, 3)}


@dataclass(frozen=True)
class Prediction:
    probability: float  # P(the message needs cultural context)
    neighbours: tuple[Neighbour, ...]

    @property
    def needs(self) -> bool:
        return self.probability >= THRESHOLD


class NeedModel:
    """Logistic regression on centred e5 query vectors, plus the exemplars for nearest-neighbour reasons."""

    def __init__(
        self,
        mean: np.ndarray,
        weights: np.ndarray,
        bias: float,
        vectors: np.ndarray,
        exemplars: list[Exemplar],
    ) -> None:
        self.mean = mean.astype(np.float32)
        self.weights = weights.astype(np.float32)
        self.bias = float(bias)
        self.vectors = vectors.astype(np.float32)
        self.exemplars = exemplars

    @classmethod
    def train(cls, vectors: np.ndarray, exemplars: list[Exemplar]) -> NeedModel:
        from desktop.core.knowledge.classifiers import train_logistic

        labels = np.array([e.cultural for e in exemplars], dtype=np.float64)
        mean = vectors.mean(axis=0)
        weights, bias = train_logistic(vectors - mean, labels, l2=L2, iterations=ITERATIONS, step=STEP)
        return cls(mean, weights, bias, vectors, exemplars)

    def predict(self, vector: np.ndarray) -> Prediction:
        vector = np.asarray(vector, dtype=np.float32)
        logit = float((vector - self.mean) @ self.weights) + self.bias
        probability = 1.0 / (1.0 + float(np.exp(-np.clip(logit, -50, 50))))
        sims = self.vectors @ vector
        top = np.argsort(-sims)[:NEIGHBOURS]
        near = tuple(
            Neighbour(self.exemplars[i].text, self.exemplars[i].cultural, float(sims[i])) for i in top
        )
        return Prediction(probability, near)


def _fingerprint(exemplars: list[Exemplar], embedder_name: str) -> str:
    digest = hashlib.sha256(embedder_name.encode())
    for e in exemplars:
        digest.update(f"{e.cultural}\x00{e.text}\x00".encode())
    digest.update(f"{L2}/{ITERATIONS}/{STEP}".encode())
    return digest.hexdigest()[:16]


def build(embedder: Embedder, root: Path | None = None, *, embed_missing: bool = True) -> NeedModel | None:
    """The model for this embedder from the train split; None when the corpus or its vectors are missing
    and ``embed_missing`` is False (a query must not spend a minute embedding 600 exemplars)."""
    from desktop.core.knowledge.pack import cached_vectors

    exemplars = load_corpus(root, "train")
    if not exemplars or len({e.cultural for e in exemplars}) < 2:
        return None
    vectors = cached_vectors(
        [e.text for e in exemplars],
        embedder,
        folder=FOLDER,
        query=True,
        root=root,
        missing_ok=not embed_missing,
    )
    if vectors is None:
        return None
    from desktop.core.knowledge.classifiers import cached_arrays

    def train() -> dict[str, np.ndarray]:
        model = NeedModel.train(vectors, exemplars)
        return {"mean": model.mean, "weights": model.weights, "bias": np.array(model.bias)}

    arrays = cached_arrays("need-model", _fingerprint(exemplars, embedder.name), train)
    return NeedModel(arrays["mean"], arrays["weights"], float(arrays["bias"]), vectors, exemplars)


_models: PerEmbedder[NeedModel] = PerEmbedder(build)


def get_model(embedder: Embedder) -> NeedModel | None:
    """The process-wide model for this embedder (None until `zantara knowledge prepare` embedded its data)."""
    return _models.get(embedder)
