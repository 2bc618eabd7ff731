"""Two tiny linear classifiers over e5 vectors, trained with numpy in a fraction of a second, and a cache for
their weights. Small on purpose: a few hundred labelled messages do not support more, and the message vector
is already computed for retrieval, so predicting costs one matrix product."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

import numpy as np

from desktop.core import paths
from desktop.core.atomic import replacing

if TYPE_CHECKING:
    from desktop.core.knowledge.embedder import Embedder

T = TypeVar("T")


def train_logistic(
    x: np.ndarray, y: np.ndarray, *, l2: float = 1e-4, iterations: int = 3000, step: float = 2.0
) -> tuple[np.ndarray, float]:
    """Binary logistic regression by gradient descent; returns (weights, bias). ``x`` should be centred."""
    xb = np.hstack([x, np.ones((len(x), 1))]).astype(np.float64)
    w = np.zeros(xb.shape[1])
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(xb @ w)))
        grad = xb.T @ (p - y) / len(y)
        grad[:-1] += l2 * w[:-1]
        w -= step * grad
    return w[:-1], float(w[-1])


def train_softmax(
    x: np.ndarray,
    labels: np.ndarray,
    classes: int,
    sample_weight: np.ndarray,
    *,
    iterations: int = 1500,
    step: float = 4.0,
) -> np.ndarray:
    """Multinomial logistic regression; returns weights of shape (dim + 1, classes), bias in the last row."""
    xb = np.hstack([x, np.ones((len(x), 1))]).astype(np.float64)
    target = np.eye(classes)[labels]
    sw = sample_weight[:, None] / sample_weight.sum()
    w = np.zeros((xb.shape[1], classes))
    for _ in range(iterations):
        z = xb @ w
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        w -= step * (xb.T @ ((p - target) * sw))
    return w


def train_softmax_wide(
    x: np.ndarray,
    labels: np.ndarray,
    classes: int,
    sample_weight: np.ndarray,
    *,
    iterations: int = 1500,
    step: float = 4.0,
) -> np.ndarray:
    """``train_softmax`` for more features than rows (hashed n-grams), the same weights at a fraction of the
    cost: gradient descent from zero keeps the weights in the span of the rows, w = xb.T @ a, so it runs on the
    rows' n x n Gram matrix instead of the n x dim data."""
    xb = np.hstack([x, np.ones((len(x), 1))]).astype(np.float64)
    gram = xb @ xb.T
    target = np.eye(classes)[labels]
    sw = sample_weight[:, None] / sample_weight.sum()
    a = np.zeros((len(x), classes))
    for _ in range(iterations):
        z = gram @ a
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        a -= step * ((p - target) * sw)
    return xb.T @ a


def softmax_predict(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    z = np.hstack([x, np.ones((len(x), 1))]) @ w
    z -= z.max(axis=1, keepdims=True)
    p = np.exp(z)
    return p / p.sum(axis=1, keepdims=True)


def _array_files(name: str, fingerprint: str) -> list[Path]:
    """Where trained arrays live: beside the shipped pack vectors first (filled once per installation by
    `zantara knowledge prepare`, so a fresh data folder never trains on its first question), then the cache."""
    return [
        paths.knowledge_dir() / "packs" / ".vectors" / "models" / f"{name}-{fingerprint}.npz",
        paths.cache_dir() / name / f"{fingerprint}.npz",
    ]


def cached_arrays(
    name: str, fingerprint: str, build: Callable[[], dict[str, np.ndarray]]
) -> dict[str, np.ndarray]:
    """Arrays for this fingerprint from the first readable place, or ``build()`` them and save them atomically
    to the first writable one."""
    places = _array_files(name, fingerprint)
    for path in places:
        try:
            with np.load(path, allow_pickle=False) as data:
                return {key: data[key] for key in data.files}
        except (OSError, KeyError, ValueError):
            continue
    arrays = build()
    for path in places:
        try:
            with replacing(path, suffix=".npz") as tmp:
                np.savez(tmp, **arrays)  # type: ignore[arg-type]
            break
        except OSError:
            continue  # a read-only place only costs the training again next time
    return arrays


class PerEmbedder(Generic[T]):
    """One lazily built model per embedder name, shared by the process (a query must never train or embed:
    ``build`` is called with ``embed_missing=False`` and may return None until `knowledge prepare` ran)."""

    def __init__(self, build: Callable[..., T | None]) -> None:
        self._build = build
        self._models: dict[str, T | None] = {}
        self._lock = threading.Lock()

    def get(self, embedder: Embedder) -> T | None:
        with self._lock:
            if embedder.name not in self._models:
                self._models[embedder.name] = self._build(embedder, embed_missing=False)
            return self._models[embedder.name]

    def forget(self) -> None:
        with self._lock:
            self._models.clear()
