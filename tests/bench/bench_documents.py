"""The team's documents: passage hit@3 (vector alone, words alone, hybrid), citation precision, indexing
throughput and query latency at 10, 1,000 and 10,000 documents.

Data: the example documents in knowledge/samples/documents and the labelled questions in tests/data/documents
(train/dev/test, split by the data writer before any tuning; README.md there). A question is answered at rank
k when one of the first k passages (as given to the answer: the matched passage widened to its window)
comes from its labelled document and contains its ``answer_quote``.
Questions with no document (nothing in the samples answers them) are left out of hit@3 and scored by whether
the documents step gives Claude passages at all (``hybrid.MIN_COSINE``).

Tuning (``--tune``) looks at train and dev only; ``run()`` (`make bench`) reports the test split.

Citation precision = of the citations SHOWN to the user, the share whose passage holds the statement citing
it. No Claude here: ``scripted_citations`` has the Messages API stand-in write, from what the app sent, answers
citing the right passage, a wrong one, an invented number and a statement no passage makes; the app's check
keeps or removes each. ``offline_citations``: the quotes the offline answer shows with a source, right when
the passage holds the labelled answer.

Latency corpora: 1,000 and 10,000 synthetic documents, each made of 4 sample passages with their figures
changed; their vectors are the sample passages' real e5 vectors with a
little noise, so the HNSW graph holds 40,000 distinct points (the samples are embedded once per run, ~15 s). Queries are embedded for real every time
(onnxruntime, as the app's long-lived processes do) and the time includes both indexes and the fusion.

    PYTHONPATH=. .venv/bin/python tests/bench/bench_documents.py [--splits train dev] [--quality] [--tune]
    PYTHONPATH=. .venv/bin/python tests/bench/bench_documents.py --latency   # or --run: every `make bench` row
    PYTHONPATH=. .venv/bin/python tests/bench/bench_documents.py --speed [--pages 1000]   # ~3 min

``--speed`` prints only the speed rows (indexing 1,000 PDF pages, query p50/p95 at 10, 1,000 and 10,000
documents with the stages of each) with the load average before and after: what the lead re-measures on an
idle machine. ``tests/bench/run_all.py --only documents_speed`` runs the same in its own process.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: the Messages API stand-in
from benchutil import REPO

SAMPLES = REPO / "knowledge" / "samples" / "documents"
DATA = REPO / "tests" / "data" / "documents"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
PAGE_CHARS = 550  # synthetic PDF pages are sample passages up to at least this many characters  # Debian's fonts-dejavu-core


def load(split: str) -> list[dict[str, Any]]:
    lines = (DATA / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def is_hit(hit: Any, item: dict[str, Any]) -> bool:
    return Path(hit.path).name == item["document"] and norm(item["answer_quote"]) in norm(hit.text)


@contextmanager
def sample_index(max_chars: int | None = None) -> Iterator[Any]:
    """The example documents indexed in a temporary home (real parsers, real embedder, fast engine)."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    from desktop.core.documents import chunk
    from desktop.core.documents.index import DocumentIndex
    from desktop.core.knowledge.embedder import default_embedder

    old = chunk.MAX_CHARS
    if max_chars:
        chunk.MAX_CHARS = max_chars
        chunk.chunk.__defaults__ = (max_chars,)
    with tempfile.TemporaryDirectory(prefix="zantara-docs-") as home:
        client = chromadb.PersistentClient(path=home, settings=ChromaSettings(anonymized_telemetry=False))
        index = DocumentIndex.open(client, default_embedder(), Path(home) / "documents.sqlite3")
        index.add([SAMPLES])
        try:
            yield index
        finally:
            index.close()
            chunk.MAX_CHARS = old
            chunk.chunk.__defaults__ = (old,)


def quality(index: Any, items: list[dict[str, Any]], **search: Any) -> dict[str, Any]:
    """hit@1/hit@3 per mode over the answerable questions; how often unanswerable ones get passages."""
    from desktop.core.documents import hybrid

    answerable = [i for i in items if i["document"]]
    out: dict[str, Any] = {"n": len(answerable)}
    vectors = {i["id"]: index.embedder.embed_query(i["question"]) for i in items}
    for mode in ("vector", "words", "hybrid"):
        hits1 = hits3 = 0
        for item in answerable:
            res = hybrid.search(index, item["question"], k=3, mode=mode, vector=vectors[item["id"]], **search)
            ranks = [n for n, h in enumerate(res.hits) if is_hit(h, item)]
            hits1 += bool(ranks and ranks[0] == 0)
            hits3 += bool(ranks)
        out[mode] = {"hit@1": hits1 / len(answerable), "hit@3": hits3 / len(answerable)}
    cosines = {}
    for item in items:
        res = hybrid.search(index, item["question"], k=1, mode="vector", vector=vectors[item["id"]])
        cosines[item["id"]] = res.best_cosine or 0.0
    out["cosines"] = cosines
    return out


def gate(items: list[dict[str, Any]], cosines: dict[str, float], threshold: float) -> dict[str, float]:
    """With passages given only above ``threshold``: answerable kept, unanswerable refused."""
    yes = [cosines[i["id"]] >= threshold for i in items if i["document"]]
    no = [cosines[i["id"]] < threshold for i in items if not i["document"]]
    return {"answerable_kept": sum(yes) / max(1, len(yes)), "unanswerable_refused": sum(no) / max(1, len(no))}


def tune(splits: list[str]) -> None:
    """The grid the weights in ``hybrid`` were chosen from (train+dev only): passage size, candidates, language
    centring, RRF k, the words' and the glossary words' weights; then the "passages fit" cosine."""
    items = [i for s in splits for i in load(s)]
    for max_chars in (300, 600):
        with sample_index(max_chars) as index:
            grid = itertools.product((20, 30, 40), (0.7, 0.9), (5, 10), (0.3, 0.5), (0.0, 0.3, 0.5, 0.7))
            for candidates, centring, rrf_k, words, across in grid:
                q = quality(
                    index,
                    items,
                    weights=(1.0, words),
                    candidates=candidates,
                    centring=centring,
                    rrf_k=rrf_k,
                    across_weight=across,
                )
                setting = {"chars": max_chars, "cand": candidates, "centring": centring, "rrf": rrf_k}
                setting |= {"words": words, "across": across}
                print(
                    json.dumps(setting | {m: q[m]["hit@3"] for m in ("vector", "words", "hybrid")}),
                    flush=True,
                )
            for threshold in (0.78, 0.80, 0.82, 0.84, 0.86):
                print("gate", max_chars, threshold, gate(items, q["cosines"], threshold), flush=True)


def shown_offline(item: dict[str, Any], passages: list[Any]) -> tuple[int, int]:
    """(quotes the offline answer shows with a source, those whose passage holds the labelled answer)."""
    from desktop.core.chat import documents_step

    shown = documents_step.offline_order(item["language"], documents_step.offline_shown(passages))
    right = sum(bool(item["document"]) and holds(p, item) for p in shown)
    return len(shown), right


def holds(passage: Any, item: dict[str, Any]) -> bool:
    return Path(passage.path).name == item["document"] and norm(item["answer_quote"]) in norm(passage.text)


def offline_citations(index: Any, items: list[dict[str, Any]]) -> dict[str, Any]:
    """Citation precision of the offline answer: of the passages it quotes with a source, the share that hold
    the labelled answer (a question nothing answers makes every quote shown wrong); and how often its [1] does."""
    from desktop.core.chat import documents_step
    from desktop.core.chat.trace import Trace

    shown = right = lead = given = refused = answered = 0
    for item in items:
        passages = documents_step.find(index, item["question"], Trace())
        if not passages:
            refused += not item["document"]
            continue
        given += 1
        n, r = shown_offline(item, passages)
        shown, right, answered = shown + n, right + r, answered + bool(r)
        first = documents_step.offline_order(item["language"], documents_step.offline_shown(passages))[0]
        lead += bool(item["document"]) and holds(first, item)
    unanswerable = sum(1 for i in items if not i["document"])
    return {
        "precision": right / max(1, shown),
        "shown": shown,
        "lead": lead / max(1, given),
        "answered": answered / max(1, sum(1 for i in items if i["document"])),
        "given": given,
        "unanswerable_without_citation": refused / max(1, unanswerable),
    }


CLAIMS = ("holder", "reworded", "other", "invented", "unrelated")


def reworded(quote: str) -> str:
    """The quote as an answer might put it: its figures and codes kept, one word in three left out (a rough
    stand-in for Claude's own wording; no translation)."""
    words = quote.split()
    kept = [w for n, w in enumerate(words) if n % 3 != 1 or any(c.isdigit() for c in w)]
    return " ".join(kept)


def scripted_citations(index: Any, items: list[dict[str, Any]], seed: int = 7) -> dict[str, Any]:
    """Citation precision of answers written as Claude would cite (no Claude here): for every answerable
    question given passages, the Messages API stand-in's ``citing_reply`` writes one answer of five sentences
    from what the app sent: the labelled answer quote citing the passage that holds it, the same quote citing
    another sent passage (wrong passage), citing a number not sent (invented), and another question's quote
    citing a sent passage (a statement no sent passage makes). The app's check (``check_citations``) then
    keeps or removes each citation. A shown citation is right when its passage holds its statement verbatim.
    Precision = right shown / shown, before the check ("as written") and after; recall = right kept / right
    written."""
    from support.messages_api import Claim, citing_reply

    from desktop.core.chat import documents_step
    from desktop.core.chat.trace import Trace

    rng = random.Random(seed)
    answerable = [i for i in items if i["document"]]
    tally = {"written": 0, "written_right": 0, "shown": 0, "shown_right": 0}
    by_kind = {k: [0, 0] for k in CLAIMS}  # citations written, citations shown
    for item in answerable:
        passages = documents_step.find(index, item["question"], Trace())
        if not passages:
            continue
        other = rng.choice([i for i in answerable if i["document"] != item["document"]])
        claims = [
            Claim(item["answer_quote"], "holder"),
            Claim(reworded(item["answer_quote"]), "holder", source=item["answer_quote"]),
            Claim(item["answer_quote"], "other"),
            Claim(item["answer_quote"], "invented"),
            Claim(other["answer_quote"], "other"),
        ]
        body = {"system": documents_step.block(passages)}
        written = citing_reply(claims)(body)
        checked = documents_step.check_citations(written, passages, Trace(), item["language"])
        sent = {p.n: p.text for p in passages}
        at_written = at_checked = 0
        for kind, claim in zip(CLAIMS, claims, strict=True):
            before, at_written = cited_after(written, claim.statement, at_written)
            after, at_checked = cited_after(checked, claim.statement, at_checked)
            for cited, key in ((before, "written"), (after, "shown")):
                for n in cited:
                    right = norm(claim.source or claim.statement) in norm(sent.get(n, ""))
                    tally[key] += 1
                    tally[f"{key}_right"] += right
            by_kind[kind][0] += len(before)
            by_kind[kind][1] += len(after)
    return {
        "answers": sum(1 for _ in answerable),
        "as_written": tally["written_right"] / max(1, tally["written"]),
        "precision": tally["shown_right"] / max(1, tally["shown"]),
        "recall": tally["shown_right"] / max(1, tally["written_right"]),
        "shown": tally["shown"],
        "by_kind": by_kind,
    }


def cited_after(text: str, statement: str, start: int) -> tuple[list[int], int]:
    """The citation numbers right after the first ``statement`` in ``text`` from ``start`` (none when they were
    removed), and where that sentence ends."""
    body = re.split(r"\n\n(?:Sources|Sumber|Fonti):\n", text)[0]
    found = re.compile(re.escape(statement.rstrip(" .")) + r"(?: ?\[([\d, ]+)\])?").search(body, start)
    if found is None:
        return [], start
    numbers = [int(n) for n in found.group(1).split(",")] if found.group(1) else []
    return numbers, found.end()


def synthetic_pages(folder: Path, pages: int, per_file: int = 25) -> int:
    """PDFs (fpdf2) whose pages are sample passages (``PAGE_CHARS`` or a little more) with every figure
    changed: new text, so new vectors."""
    from fpdf import FPDF

    from desktop.core.documents import chunk, parse

    texts = [p.text for f in sorted(SAMPLES.iterdir()) for p in chunk.chunk(parse.parse(f))]
    rng = random.Random(11)
    chars = 0
    for start in range(0, pages, per_file):
        pdf = FPDF()
        if FONT.exists():
            pdf.add_font("dejavu", fname=str(FONT))
            pdf.set_font("dejavu", size=10)
        else:  # the PDF core font writes Latin-1 only
            pdf.set_font("helvetica", size=10)
        for _ in range(min(per_file, pages - start)):
            parts = [renumber(rng.choice(texts), rng)]
            while sum(len(p) for p in parts) < PAGE_CHARS:  # a page of ~600 characters, as a dense A4 page
                parts.append(renumber(rng.choice(texts), rng))
            body = "\n\n".join(parts)
            if not FONT.exists():
                body = body.encode("latin-1", "replace").decode("latin-1")
            chars += len(body)
            pdf.add_page()
            pdf.multi_cell(0, 5, body)
        pdf.output(str(folder / f"register-{start // per_file:03d}.pdf"))
    return chars // max(1, pages)


def renumber(text: str, rng: random.Random) -> str:
    return re.sub(r"\d", lambda _m: str(rng.randint(0, 9)), text)


def throughput(pages: int = 1000) -> dict[str, Any]:
    """Pages per second through the whole path (parse, chunk, embed, both indexes), real embedding."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    from desktop.core.documents.index import DocumentIndex
    from desktop.core.knowledge.embedder import default_embedder

    with tempfile.TemporaryDirectory(prefix="zantara-docs-tp-") as home:
        folder = Path(home) / "docs"
        folder.mkdir()
        chars = synthetic_pages(folder, pages)
        client = chromadb.PersistentClient(path=home, settings=ChromaSettings(anonymized_telemetry=False))
        index = DocumentIndex.open(client, default_embedder(), Path(home) / "documents.sqlite3")
        started = time.perf_counter()
        report = index.add([folder])
        seconds = time.perf_counter() - started
        passages = index.count()[1]
        index.close()
    return {"pages": report.pages, "seconds": seconds, "passages": passages, "chars_per_page": chars}


def latency_rows(sizes: tuple[int, ...] = (10, 1000, 10000), per_doc: int = 4) -> list[dict[str, Any]]:
    """Query latency (embedding + both indexes + fusion) over synthetic corpora of ``sizes`` documents."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    from desktop.core.documents import hybrid
    from desktop.core.documents.index import DocumentIndex
    from desktop.core.knowledge.embedder import default_embedder

    embedder = default_embedder()
    embedder.load_fast_queries()
    questions = [i["question"] for i in load("test")]
    rows = []
    with sample_index() as samples:
        pool = sample_pool(samples)
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="zantara-docs-lat-") as home:
            client = chromadb.PersistentClient(path=home, settings=ChromaSettings(anonymized_telemetry=False))
            index = DocumentIndex.open(client, embedder, Path(home) / "documents.sqlite3")
            bulk_load(index, pool, size, per_doc)
            index.language_centroids()
            times = []
            stages: dict[str, list[float]] = {}
            for question in questions * 2:
                embedder.forget_queries()
                started = time.perf_counter()
                found = hybrid.search(index, question, k=3)
                times.append((time.perf_counter() - started) * 1000)
                for stage, ms in found.timings_ms.items():
                    stages.setdefault(stage, []).append(ms)
            index.close()
        rows.append(
            {
                "documents": size,
                "passages": size * per_doc,
                "p50_ms": statistics.median(times),
                "p95_ms": p95(times),
                "stages_p50_p95_ms": {k: (statistics.median(v), p95(v)) for k, v in stages.items()},
                "engine": embedder.engine,
            }
        )
    return rows


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[int(0.95 * (len(ordered) - 1))]


def load_average() -> str:
    import os

    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def speed(pages: int = 1000) -> list[dict[str, str]]:
    """The speed rows alone (`run_all.py --only documents_speed`, `--speed`): indexing and query latency."""
    before = load_average()
    tp = throughput(pages)
    rows = [
        {
            "metric": f"documents: indexing {tp['pages']} PDF pages",
            "value": f"{tp['seconds']:.1f} s ({tp['pages'] / tp['seconds']:.1f} pages/s)",
            "detail": f"{tp['passages']} passages, ~{tp['chars_per_page']} chars/page, real e5 (onnxruntime); "
            f"target < 120 s; load average {before} before, {load_average()} after",
        }
    ]
    for row in latency_rows():
        stages = ", ".join(f"{k} {a:.1f}/{b:.1f}" for k, (a, b) in row["stages_p50_p95_ms"].items())
        rows.append(
            {
                "metric": f"documents: query at {row['documents']:,} documents",
                "value": f"p50 {row['p50_ms']:.1f} ms, p95 {row['p95_ms']:.1f} ms",
                "detail": f"{row['passages']:,} passages, embedding ({row['engine']}) + vectors + words + "
                f"fusion; target p95 < 50 ms; stages p50/p95 ms: {stages}; load average {load_average()}",
            }
        )
    return rows


def sample_pool(index: Any) -> list[tuple[str, str, str, np.ndarray]]:
    """(text, section, language, vector) of every sample passage, vectors as the index stored them."""
    got = index.collection.get(include=["embeddings"])
    ids = index.passage_ids_for_vectors([str(i) for i in got["ids"]])
    rows = index.passages_by_id(list(ids.values()))
    out = []
    for vector_id, vector in zip(got["ids"], got["embeddings"], strict=True):
        row = rows[ids[str(vector_id)]]
        out.append((row["text"], row["section"], row["language"], np.asarray(vector, dtype=np.float32)))
    return out


def bulk_load(index: Any, pool: list[tuple[str, str, str, np.ndarray]], docs: int, per_doc: int) -> None:
    """``docs`` synthetic documents straight into both indexes (the cached sample vectors plus noise)."""
    from desktop.core.documents.chunk import Passage
    from desktop.core.documents.index import _Prepared
    from desktop.core.documents.parse import ParsedDocument

    rng = random.Random(docs)
    noise = np.random.default_rng(docs)
    pending_ids: list[str] = []
    pending_vectors: list[np.ndarray] = []
    pending_meta: list[dict[str, Any]] = []
    for d in range(docs):
        picks = [pool[rng.randrange(len(pool))] for _ in range(per_doc)]
        language = picks[0][2]
        passages = [
            Passage(n, renumber(t, rng), s, None, f"Case file {d}") for n, (t, s, _l, _v) in enumerate(picks)
        ]
        path = Path(f"/synthetic/case-{d:05d}.md")
        doc_id = index._reserve_id(path)
        ids = [f"d{doc_id}-{p.text_hash[:16]}-{p.ordinal}" for p in passages]
        stat = type("Stat", (), {"st_mtime": 0.0, "st_size": 0})()
        doc = ParsedDocument(path, "markdown", f"Case file {d}", [], 1)
        index._swap(doc_id, _Prepared(path, stat, f"h{d}", doc, passages, language), ids)
        for vector_id, (_t, _s, lang, vector) in zip(ids, picks, strict=True):
            moved = vector + noise.normal(0, 0.03, vector.shape).astype(np.float32)
            pending_ids.append(vector_id)
            pending_vectors.append(moved / np.linalg.norm(moved))
            pending_meta.append({"document_id": doc_id, "language": lang, "text_hash": ""})
        if len(pending_ids) >= 4000 or d == docs - 1:
            index.collection.upsert(
                ids=pending_ids, embeddings=np.vstack(pending_vectors), metadatas=pending_meta
            )
            pending_ids, pending_vectors, pending_meta = [], [], []


def quality_rows(items: list[dict[str, Any]], name: str) -> list[dict[str, str]]:
    """hit@3 per index, citation precision of scripted answers checked by the app and of the offline answer."""
    with sample_index() as index:
        q = quality(index, items)
        offline = offline_citations(index, items)
        scripted = scripted_citations(index, items)
    detail = f"{name}, {q['n']} answerable questions (en/it/id), 18 example documents"
    rows = [
        {"metric": f"documents: passage hit@3, {mode}", "value": f"{q[mode]['hit@3']:.3f}", "detail": detail}
        for mode in ("vector", "words", "hybrid")
    ]
    kinds = ", ".join(f"{k} {shown}/{made}" for k, (made, shown) in scripted["by_kind"].items())
    rows.append(
        {
            "metric": "documents: citation precision, scripted answers after the app's check",
            "value": f"{scripted['precision']:.3f}",
            "detail": f"{name}; {scripted['shown']} citations shown; as written {scripted['as_written']:.3f}; "
            f"right citations kept {scripted['recall']:.3f}; shown/written: {kinds}",
        }
    )
    rows.append(
        {
            "metric": "documents: citation precision, offline answer's quotes",
            "value": f"{offline['precision']:.3f}",
            "detail": f"{name}; {offline['shown']} quotes shown for {offline['given']} questions given passages; "
            f"its [1] answers {offline['lead']:.3f}; some quote answers {offline['answered']:.3f}; "
            f"unanswerable given none {offline['unanswerable_without_citation']:.0%}",
        }
    )
    return rows


def run() -> list[dict[str, str]]:
    """`make bench` part "documents": the test split's figures (part "documents_speed" is :func:`speed`)."""
    return quality_rows(load("test"), "test split")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--splits", nargs="+", default=["train", "dev"])
    parser.add_argument("--tune", action="store_true")
    parser.add_argument("--latency", action="store_true")
    parser.add_argument("--run", action="store_true", help="the `make bench` rows (test split)")
    parser.add_argument("--speed", action="store_true", help="indexing and query latency rows only")
    parser.add_argument("--pages", type=int, default=1000, help="PDF pages indexed by --speed")
    parser.add_argument("--quality", action="store_true", help="hit@3 and citation rows of --splits only")
    args = parser.parse_args()
    if args.speed:
        for row in speed(args.pages):
            print(f"{row['metric']}: {row['value']}\n    {row['detail']}", flush=True)
        return
    if args.tune:
        tune(args.splits)
        return
    if args.run:
        for row in run() + speed(args.pages):
            print(row)
        return
    if args.quality:
        for row in quality_rows([i for s in args.splits for i in load(s)], "+".join(args.splits)):
            print(json.dumps(row, ensure_ascii=False))
        return
    if args.latency:
        print(json.dumps(latency_rows(), indent=1))
        return
    with sample_index() as index:
        items = [i for s in args.splits for i in load(s)]
        q = quality(index, items)
        print(json.dumps({m: q[m] for m in ("n", "vector", "words", "hybrid")}, indent=1))


if __name__ == "__main__":
    main()
