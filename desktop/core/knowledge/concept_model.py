"""Which cultural concepts a message is about, from its e5 vector: a nudge for retrieval.

Nearest-neighbour search over insight texts misses messages that describe a situation in other words ("every
morning I find little baskets of flowers at the office door" is about canang sari). A softmax classifier over
the same vector, trained on the labelled messages of the *train* split (each with its concepts) and on the
curated insights (each tagged with concepts), knows the concepts' vocabulary in all three languages; retrieval
adds its probabilities to the insights tagged with those concepts. Weight and pool were chosen on the dev split.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from desktop.core.knowledge.classifiers import PerEmbedder
from desktop.core.knowledge.embedder import Embedder
from desktop.core.knowledge.insight import Insight

TRAIN_WEIGHT_MESSAGES = 2.0  # a labelled user message counts twice an insight text: it is what users write


@dataclass
class ConceptModel:
    concepts: list[str]
    mean: np.ndarray
    weights: np.ndarray  # (dim + 1, concepts)
    # Unit mean vector of the curated insights tagged with each concept (any position): retrieval steers one
    # unfiltered search towards a concept with it instead of a filtered search (Chroma scans every row's
    # metadata for a boolean flag: ~0.5 s at 100k insights).
    centroids: dict[str, np.ndarray] = field(default_factory=dict)

    def probabilities(self, vector: np.ndarray) -> dict[str, float]:
        from desktop.core.knowledge.classifiers import softmax_predict

        p = softmax_predict(self.weights, (np.asarray(vector, dtype=np.float32) - self.mean)[None, :])[0]
        return {c: float(v) for c, v in zip(self.concepts, p, strict=True)}


def build(embedder: Embedder, root: Path | None = None, *, embed_missing: bool = True) -> ConceptModel | None:
    from desktop.core.knowledge.classifiers import cached_arrays, train_softmax
    from desktop.core.knowledge.need_model import FOLDER, load_corpus
    from desktop.core.knowledge.pack import cached_vectors, pack_files, read_pack

    messages = [e for e in load_corpus(root, "train") if e.cultural and e.concepts]
    insights, _errors = read_pack(pack_files(root))
    insights = [i for i in insights if i.concepts]
    if not insights:
        return None
    texts = [i.text for i in insights]
    insight_vectors = cached_vectors(texts, embedder, root=root, missing_ok=not embed_missing)
    message_vectors = cached_vectors(
        [m.text for m in messages],
        embedder,
        folder=FOLDER,
        query=True,
        root=root,
        missing_ok=not embed_missing,
    )
    if insight_vectors is None or message_vectors is None:
        return None
    firsts = [m.concepts[0] for m in messages] + [i.concepts[0] for i in insights]
    concepts = sorted(set(firsts))
    index = {c: n for n, c in enumerate(concepts)}
    digest = hashlib.sha256(embedder.name.encode())
    for text, concept in zip([m.text for m in messages] + texts, firsts, strict=True):
        digest.update(f"{concept}\x00{text}\x00".encode())

    def train() -> dict[str, np.ndarray]:
        x = np.vstack([message_vectors, insight_vectors]).astype(np.float64)
        mean = x.mean(axis=0)
        labels = np.array([index[c] for c in firsts])
        weight = np.r_[np.full(len(messages), TRAIN_WEIGHT_MESSAGES), np.ones(len(insights))]
        return {
            "mean": mean.astype(np.float32),
            "weights": train_softmax(x - mean, labels, len(concepts), weight),
        }

    arrays = cached_arrays("concept-model", digest.hexdigest()[:16], train)
    return ConceptModel(
        concepts, arrays["mean"], arrays["weights"], concept_centroids(insights, insight_vectors)
    )


def concept_centroids(insights: list[Insight], vectors: np.ndarray) -> dict[str, np.ndarray]:
    """Unit mean vector per concept tag over ``insights`` (rows of ``vectors``)."""
    rows: dict[str, list[int]] = {}
    for n, insight in enumerate(insights):
        for concept in insight.concepts:
            rows.setdefault(concept, []).append(n)
    out: dict[str, np.ndarray] = {}
    for concept, index in rows.items():
        mean = np.asarray(vectors[index], dtype=np.float32).mean(axis=0)
        norm = float(np.linalg.norm(mean))
        if norm > 0:
            out[concept] = (mean / norm).astype(np.float32)
    return out


_models: PerEmbedder[ConceptModel] = PerEmbedder(build)


def get_model(embedder: Embedder) -> ConceptModel | None:
    """The process-wide model for this embedder (None until `zantara knowledge prepare` embedded its data)."""
    return _models.get(embedder)
