"""Offline answers, measured: how readable each installed local model is, and how well the answer memory finds
an earlier answer again.

1. Readability, per installed local model and language: each held-out message (tests/data/readability/
   messages.jsonl, split ``heldout``: used neither to calibrate the guard nor by its tests) is answered with
   the app's offline prompt; the answer is judged by the same check the guard uses. Prints the share of
   readable answers, the median first-token time and tokens/s.
2. Answer-memory recall: one answer is indexed per question of tests/data/paraphrases/*.jsonl, then every
   paraphrase (the same language reworded, and the two other languages) is asked; a hit is the earlier
   answer coming back first. Prints recall per paraphrase language, at any similarity and above the
   memory's MIN_SIMILARITY, and where the similarities of right and wrong first hits lie.

    PYTHONPATH=. .venv/bin/python tests/bench/bench_offline.py [--per-language 8] [--only memory|local]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchutil import REPO, bench_home

DATA = REPO / "tests" / "data"


def heldout_messages(per_language: int) -> list[dict[str, str]]:
    rows = [json.loads(line) for line in (DATA / "readability" / "messages.jsonl").read_text().splitlines()]
    out: list[dict[str, str]] = []
    for language in ("id", "it", "en"):
        out += [r for r in rows if r["split"] == "heldout" and r["language"] == language][:per_language]
    return out


def bench_local(per_language: int) -> None:
    from desktop.core.chat import prompts, readability
    from desktop.core.chat.strategies.rag import LOCAL_MAX_TOKENS
    from desktop.core.llm.base import Message
    from desktop.core.llm.local import LocalModel
    from desktop.core.models.registry import ModelRegistry

    messages = heldout_messages(per_language)
    print(f"\nReadability of local answers ({per_language} held-out messages per language, guard's check)")
    print(
        f"{'model':38s} {'lang':4s} {'readable':>9s} {'first token ms':>15s} {'tokens/s':>9s}  main reasons"
    )
    for entry in ModelRegistry().list(with_metadata=False):
        if entry.status != "ok" or not entry.path.exists():
            print(f"{entry.name:38s} skipped ({entry.status})")
            continue
        model = LocalModel(entry.path, n_ctx=2048, n_threads=2)
        model.load()
        by_language: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in messages:
            language = row["language"]
            system = prompts.local_system_prompt(language)
            text = model.complete(
                [Message("user", row["message"])], system=system, max_tokens=LOCAL_MAX_TOKENS
            )
            verdict = readability.check(text, language, extra_known=readability.WORD.findall(row["message"]))
            by_language[language].append({"ok": verdict.ok, "reason": verdict.reason, **model.last_stats})
        for language, results in by_language.items():
            readable = sum(r["ok"] for r in results) / len(results)
            first = statistics.median(r["first_token_ms"] for r in results)
            rate = statistics.median(r["tokens_per_s"] for r in results)
            reasons = defaultdict(int)
            for r in results:
                if r["reason"]:
                    reasons[r["reason"].split(":")[0]] += 1
            top = "; ".join(f"{n}× {k}" for k, n in sorted(reasons.items(), key=lambda kv: -kv[1])[:2])
            print(
                f"{entry.name:38s} {language:4s} {readable:9.0%} {first:15.0f} {rate:9.1f}  {top}",
                flush=True,
            )


def bench_memory() -> None:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    from desktop.core import paths
    from desktop.core.knowledge.embedder import default_embedder
    from desktop.core.knowledge.memory import MIN_SIMILARITY, AnswerMemory

    items: list[dict[str, Any]] = []
    for path in sorted((DATA / "paraphrases").glob("paraphrase-*.jsonl")):
        language = path.stem.split("-")[-1]
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                items.append({**json.loads(line), "language": language})
    with bench_home(with_store=False):
        client = chromadb.PersistentClient(
            path=str(paths.chroma_dir()), settings=ChromaSettings(anonymized_telemetry=False)
        )
        memory = AnswerMemory.open(client, default_embedder())
        started = time.perf_counter()
        ids = []
        for n, item in enumerate(items):
            # Stand-in answers (no real Claude answers are stored with the data): recall is question matching.
            answer = f"Earlier answer number {n} from the consultancy, written for this question."
            ids.append(
                memory.add(item["question"], answer, conversation_id=f"c{n}", language=item["language"])
            )
        index_ms = (time.perf_counter() - started) * 1000 / len(items)
        file_of = {answer_id: item["language"] for answer_id, item in zip(ids, items, strict=True)}
        hits: dict[str, list[int]] = defaultdict(list)
        above: dict[str, list[int]] = defaultdict(list)
        pooled: list[int] = []
        right_sims, wrong_sims = [], []
        search_ms = []
        for answer_id, item in zip(ids, items, strict=True):
            for para in item["paraphrases"]:
                kind = "same language" if para["language"] == item["language"] else "other language"
                key = f"{item['language']}→{para['language']} ({kind})"
                began = time.perf_counter()
                ranked = memory.search(para["text"], k=len(items), min_similarity=0.0)
                search_ms.append((time.perf_counter() - began) * 1000)
                pooled.append(int(bool(ranked) and ranked[0].id == answer_id))
                # The three files hold overlapping topics in different languages: a file's questions are
                # judged against that file's answers (as if each file were one team's memory).
                own = [h for h in ranked if file_of[h.id] == item["language"]]
                top = own[0] if own else None
                ok = top is not None and top.id == answer_id
                for bucket in (key, kind, "all"):
                    hits[bucket].append(int(ok))
                    above[bucket].append(int(ok and top is not None and top.similarity >= MIN_SIMILARITY))
                if top is not None:
                    (right_sims if ok else wrong_sims).append(top.similarity)
    print(f"\nAnswer-memory paraphrase recall ({len(items)} questions indexed, {index_ms:.0f} ms each)")
    print(
        f"{'questions → paraphrases':34s} {'n':>4s} {'top-1 recall':>13s} {'and ≥ ' + str(MIN_SIMILARITY):>10s}"
    )
    for bucket in sorted(hits, key=lambda b: (b in ("all", "same language", "other language"), b)):
        n = len(hits[bucket])
        print(f"{bucket:34s} {n:4d} {sum(hits[bucket]) / n:13.1%} {sum(above[bucket]) / n:10.1%}")
    print(
        f"all three files in one memory: {sum(pooled) / len(pooled):.1%} top-1 (a translated twin question "
        "from another file counts as a miss here)"
    )
    if right_sims:
        print(
            f"similarity of right first hits: median {statistics.median(right_sims):.3f}, "
            f"min {min(right_sims):.3f}; wrong first hits: "
            + (
                f"median {statistics.median(wrong_sims):.3f}, max {max(wrong_sims):.3f}"
                if wrong_sims
                else "none"
            )
        )
    print(f"search: median {statistics.median(search_ms):.0f} ms per question")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-language", type=int, default=8, help="held-out messages per language (max 16)")
    parser.add_argument("--only", choices=("local", "memory"), help="run one part")
    args = parser.parse_args()
    if args.only != "local":
        bench_memory()
    if args.only != "memory":
        with bench_home(with_store=False):
            bench_local(args.per_language)


if __name__ == "__main__":
    main()
