"""The curated insight pack shipped in ``knowledge/packs/*.jsonl``.

The store loads it on first run and again whenever the files change (a new app version with more
insights); the files' fingerprint is kept in the collection metadata so an unchanged pack costs nothing.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import numpy as np

from desktop.core import paths
from desktop.core.atomic import replacing
from desktop.core.knowledge.embedder import Embedder
from desktop.core.knowledge.insight import Insight
from desktop.core.knowledge.jsonl import parse_jsonl


def pack_files(root: Path | None = None) -> list[Path]:
    folder = (root or paths.knowledge_dir()) / "packs"
    return sorted(folder.glob("*.jsonl")) if folder.is_dir() else []


def pack_hash(files: list[Path]) -> str:
    digest = hashlib.sha256()
    for f in files:
        digest.update(f.name.encode())
        digest.update(f.read_bytes())
    return digest.hexdigest()[:16]


def read_pack(files: list[Path]) -> tuple[list[Insight], list[tuple[str, int, str]]]:
    """All valid insights (first occurrence of each id) and the (file, line, reason) of invalid lines."""
    insights: dict[str, Insight] = {}
    errors: list[tuple[str, int, str]] = []
    for path in files:
        for line_no, insight, reason in parse_jsonl(path):
            if insight is None:
                errors.append((path.name, line_no, reason))
            else:
                insights.setdefault(insight.id, insight)
    return list(insights.values()), errors


# -- precomputed passage vectors ---------------------------------------------------------------------------
# Embedding the whole pack takes from ~15 s to minutes on a laptop CPU. It is the same work for every user and
# every fresh data folder, so it is done once per installation (set-up runs `zantara knowledge prepare`; the
# packaged app ships the file) and every new store copies the vectors instead of embedding again.


def _vector_files(embedder_name: str, root: Path | None = None, folder: str = "packs") -> list[Path]:
    name = re.sub(r"[^A-Za-z0-9]+", "-", embedder_name).strip("-") + ".npz"
    shipped = (root or paths.knowledge_dir()) / folder / ".vectors" / name
    return [shipped, paths.cache_dir() / f"{folder}-vectors" / name]


def _text_key(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def load_pack_vectors(
    embedder_name: str, root: Path | None = None, folder: str = "packs"
) -> dict[str, np.ndarray]:
    """text key -> vector, from the first readable vector file of this embedder ({} when none)."""
    for path in _vector_files(embedder_name, root, folder):
        try:
            with np.load(path, allow_pickle=False) as data:
                return dict(zip((str(k) for k in data["keys"]), data["vectors"], strict=True))
        except (OSError, KeyError, ValueError):
            continue
    return {}


def save_pack_vectors(
    embedder_name: str, vectors: dict[str, np.ndarray], root: Path | None = None, folder: str = "packs"
) -> Path | None:
    """Write atomically to the shipped folder when writable (a source checkout), else the user cache."""
    keys = np.array(sorted(vectors))
    matrix = np.stack([vectors[k] for k in keys]).astype(np.float32) if len(keys) else np.zeros((0, 0))
    for path in _vector_files(embedder_name, root, folder):
        try:
            with replacing(path, suffix=".npz") as tmp:
                np.savez(tmp, keys=keys, vectors=matrix)
            return path
        except OSError:
            continue
    return None


def cached_vectors(
    texts: list[str],
    embedder: Embedder,
    *,
    folder: str = "packs",
    query: bool = False,
    root: Path | None = None,
    missing_ok: bool = False,
) -> np.ndarray | None:
    """Vectors for shipped texts (pack passages, or exemplar messages as queries), embedded once per
    installation and reused; the missing ones are embedded and saved. With ``missing_ok`` nothing is
    embedded: None is returned when any text has no stored vector (callers that must stay fast)."""
    known = load_pack_vectors(embedder.name, root, folder)
    missing = [t for t in dict.fromkeys(texts) if _text_key(t) not in known]
    if missing and missing_ok:
        return None
    if missing:
        embed = embedder.embed_queries if query else embedder.embed_passages
        for start in range(0, len(missing), 64):
            chunk = missing[start : start + 64]
            for text, vector in zip(chunk, embed(chunk), strict=True):
                known[_text_key(text)] = np.asarray(vector, dtype=np.float32)
        save_pack_vectors(embedder.name, known, root, folder)
    if not texts:
        return np.zeros((0, embedder.dim), dtype=np.float32)
    return np.stack([known[_text_key(t)] for t in texts])


def pack_vectors(insights: list[Insight], embedder: Embedder, root: Path | None = None) -> np.ndarray:
    """Passage vectors for ``insights``: reused from the vector file, the missing ones embedded and saved."""
    vectors = cached_vectors([i.text for i in insights], embedder, root=root)
    assert vectors is not None
    return vectors
