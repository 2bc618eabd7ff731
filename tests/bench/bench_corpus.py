"""Distinct, realistic insights for the retrieval benchmark at 10k and 100k, with real e5 vectors, cached.

Noisy copies of 1k vectors make a too-easy HNSW graph; a team store holds many different texts. Each synthetic
insight recombines sentences of the curated pack (and, as a situation, a sentence of the labelled messages) in
one language (id, it, en), so texts are distinct, multilingual and on the pack's topics. Insight ``n`` is a pure
function of ``n`` (seeded), so the first 10k of the 100k corpus are the 10k corpus.

Vectors are embedded once with the app's embedder and cached in chunks under ``.bench-cache/`` (gitignored;
``ZANTARA_BENCH_CACHE`` moves it), so an interrupted build resumes and reruns cost nothing. Embedding 100k
texts on two cores takes about an hour: build them once, under nice::

    nice .venv/bin/python tests/bench/bench_corpus.py --size 100000
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.core.knowledge.insight import Insight

REPO = Path(__file__).resolve().parents[2]
CHUNK = 2000
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'‘“(])")
CORPUS_VERSION = "1"


def cache_dir() -> Path:
    return Path(os.environ.get("ZANTARA_BENCH_CACHE") or REPO / ".bench-cache")


def _sources() -> tuple[list[Insight], dict[str, list[str]]]:
    from desktop.core.knowledge.pack import pack_files, read_pack

    pack, _errors = read_pack(pack_files())
    messages: dict[str, list[str]] = {"id": [], "it": [], "en": []}
    for path in sorted((REPO / "knowledge" / "messages").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                row = json.loads(line)
            except ValueError:
                continue
            if row.get("cultural") and row.get("language") in messages and len(row["text"].split()) >= 5:
                messages[row["language"]].append(row["text"])
    return pack, messages


def synthesise(n: int, seed: int = 15) -> list[Insight]:
    """``n`` distinct insights; the first ``m`` of ``synthesise(n)`` equal ``synthesise(m)``."""
    return [insight for insight, _sources in _generate(n, seed)]


def _generate(n: int, seed: int = 15) -> list[tuple[Insight, tuple[int, ...]]]:
    """The insights with the indices (in the curated pack) of the insights their sentences come from."""
    pack, messages = _sources()
    sentences = {i.id: [s for s in SENTENCE.split(i.text) if len(s.split()) >= 4] or [i.text] for i in pack}
    by_language: dict[str, list[int]] = {}
    for n_pack, insight in enumerate(pack):
        by_language.setdefault(insight.language, []).append(n_pack)
    out: list[tuple[Insight, tuple[int, ...]]] = []
    seen: set[str] = set()
    rng = random.Random(seed)
    while len(out) < n:
        first_index = rng.randrange(len(pack))
        main = pack[first_index]
        other_index = rng.choice(by_language[main.language])
        other = pack[other_index]
        first = sentences[main.id]
        start = rng.randrange(len(first))
        parts = first[start : start + rng.choice((1, 2))]
        roll = rng.random()
        sources: tuple[int, ...] = (first_index,)
        if roll < 0.5:
            parts.append(rng.choice(sentences[other.id]))
            sources = (first_index, other_index)
        elif roll < 0.8 and messages.get(main.language):
            parts.insert(0, rng.choice(messages[main.language]).rstrip(".?! ") + ".")
        text = " ".join(parts)
        if text in seen:
            continue
        seen.add(text)
        concepts = list(dict.fromkeys([*main.concepts, *(other.concepts[:1] if roll < 0.5 else [])]))
        status = "pending" if rng.random() < 0.1 else "approved"
        source = "curated" if status == "approved" and rng.random() < 0.5 else "llama:bench"
        insight = Insight(text, main.language, main.category, concepts, source=source, status=status)
        out.append((insight, sources))
    return out


def _fingerprint(texts: list[str], embedder_name: str) -> str:
    digest = hashlib.sha256(f"{CORPUS_VERSION}\x00{embedder_name}".encode())
    for text in texts:
        digest.update(text.encode() + b"\x00")
    return digest.hexdigest()[:12]


def vectors(n: int, *, embed_missing: bool = True, log: bool = True) -> tuple[list[Insight], np.ndarray, int]:
    """The first ``n`` insights, their passage vectors and how many of those were really embedded.

    Missing chunks are embedded and cached, or, with ``embed_missing`` false, *composed*: the normalised sum
    of the (embedded) pack vectors of the insights the text was built from, plus a little noise. The
    benchmark says how many vectors are composed; build the cache to make them all real."""
    from desktop.core.knowledge.embedder import default_embedder
    from desktop.core.knowledge.pack import cached_vectors, pack_files, read_pack

    embedder = default_embedder()
    generated = _generate(-(-n // CHUNK) * CHUNK)  # whole chunks: a smaller store reuses a bigger one's
    folder = cache_dir() / f"corpus-{embedder.name.replace('/', '_')}"
    folder.mkdir(parents=True, exist_ok=True)
    parts = []
    real = 0
    pack_vectors: np.ndarray | None = None
    rng = np.random.default_rng(15)
    for start in range(0, n, CHUNK):
        chunk = generated[start : start + CHUNK]
        texts = [i.text for i, _s in chunk]
        used = min(CHUNK, n - start)
        fingerprint = _fingerprint(texts, embedder.name)
        path = folder / f"{start:07d}-{fingerprint}.npy"
        earlier = folder / f"{start:07d}-{CHUNK}-{fingerprint}.npy"  # first version's name
        if path.exists() or earlier.exists():
            parts.append(np.load(path if path.exists() else earlier))
            real += used
            continue
        if embed_missing:
            t0 = time.perf_counter()
            vecs = embedder.embed_passages(texts)
            tmp = path.with_suffix(f".{os.getpid()}.tmp.npy")
            np.save(tmp, vecs)
            os.replace(tmp, path)
            parts.append(vecs)
            real += used
            if log:
                rate = len(texts) / (time.perf_counter() - t0)
                print(f"embedded {start + len(texts):,}/{n:,} ({rate:.1f}/s)", flush=True)
            continue
        if pack_vectors is None:
            pack, _errors = read_pack(pack_files())
            pack_vectors = cached_vectors([i.text for i in pack], embedder)
        assert pack_vectors is not None
        composed = np.stack([pack_vectors[list(src)].sum(axis=0) for _i, src in chunk])
        composed += rng.normal(0, 0.005, composed.shape).astype(np.float32)
        composed /= np.linalg.norm(composed, axis=1, keepdims=True)
        parts.append(composed.astype(np.float32))
    insights = [i for i, _s in generated[:n]]
    return insights, np.vstack(parts)[:n].astype(np.float32), real


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100000)
    args = parser.parse_args()
    insights, _vecs, real = vectors(args.size)
    print(f"{len(insights):,} insights, {real:,} vectors embedded, in {cache_dir()}")


if __name__ == "__main__":
    main()
