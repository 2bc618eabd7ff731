"""Answer memory: does the offline answer show an earlier answer only when it answers the same question?

Through the real ``AnswerMemory.search`` (Chroma, e5, concept model). Data and splits:
tests/data/memory-match/README.md. Every paraphrase is asked twice: with its earlier answer in the memory
(it should be shown) and with that answer taken out (nothing should be shown; what is left is all about other
questions). The extra queries of tests/data/memory-match/queries.jsonl are asked against the memory they name.

Before = what the offline answer listed until now (the top 3 at similarity >= MIN_SIMILARITY); after = the
same-question decision (``memory_match``), what is shown *as the answer*; related = the tier below it
(``AnswerMemory.lookup``): when nothing is shown as the answer, one earlier answer to a related question, shown
under that label with its question. Reported per split:
- recall: the earlier answer to the same question is shown;
- precision: of all earlier answers shown, the share that answer the same question;
- unrelated shown: the share of questions with no earlier answer in the memory that still get one shown.
- related tier: found as answer or related (the same question's earlier answer shown in either tier), related
  shown to questions without an earlier answer, and of the related answers shown, the share that are to the
  same question after all.

    PYTHONPATH=. .venv/bin/python tests/bench/bench_memory_match.py [--splits train dev] [--test]

The test split is scored only with --test, the fresh test2 queries only with --test2.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchutil import REPO, bench_home

DATA = REPO / "tests" / "data"
# Written queries: the hard cases written before the first tuning, and the train/dev near misses and rewordings
# written for the second decision (tests/data/memory-match/README.md).
WRITTEN = ("queries.jsonl", "written-train-dev.jsonl")


def _load(folder: str) -> list[dict[str, Any]]:
    out = []
    for path in sorted((DATA / folder).glob("paraphrase-*.jsonl")):
        language = path.stem.split("-")[-1]
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if line.strip():
                out.append({**json.loads(line), "language": language, "n": n})
    return out


def episodes(splits: set[str]) -> dict[str, list[dict[str, Any]]]:
    """Questions to ask per memory name: {memory: [{split, query, language, gold, kind}]}."""
    by_memory: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for item in _load("paraphrases"):
        split = "dev" if item["n"] % 3 == 2 else "train"
        for para in item["paraphrases"]:
            kind = "same language" if para["language"] == item["language"] else "other language"
            by_memory[f"paraphrases/{item['language']}"].append(
                {"split": split, "query": para["text"], "gold": item["question"], "kind": kind}
            )
    # The three train/dev files as one memory of three languages; an answer to a twin question counts as right.
    twins = _twins()
    for item in _load("paraphrases"):
        split = "dev" if item["n"] % 3 == 2 else "train"
        for para in item["paraphrases"]:
            kind = "same language" if para["language"] == item["language"] else "other language"
            by_memory["paraphrases-pooled"].append(
                {"split": split, "query": para["text"], "gold": item["question"], "kind": kind,
                 "golds": twins.get(item["question"], {item["question"]})}
            )  # fmt: skip
    for item in _load("paraphrases-heldout"):
        for para in item["paraphrases"]:
            kind = "same language" if para["language"] == item["language"] else "other language"
            by_memory["paraphrases-heldout"].append(
                {"split": "test", "query": para["text"], "gold": item["question"], "kind": kind}
            )
    for name in WRITTEN:
        for line in (DATA / "memory-match" / name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            gold = row["same_as"]
            golds = twins.get(gold, {gold}) if gold and row["memory"] == "paraphrases-pooled" else None
            by_memory[row["memory"]].append(
                {"split": row["split"], "query": row["query"], "gold": gold, "kind": "written query",
                 "golds": golds}
            )  # fmt: skip
    return {m: [e for e in eps if e["split"] in splits] for m, eps in by_memory.items()}


def _twins() -> dict[str, set[str]]:
    """Question -> the questions of its twin group (tests/data/memory-match/dev-twins.json)."""
    items = {f"{i['language']}{i['n']}": i["question"] for i in _load("paraphrases")}
    groups = json.loads((DATA / "memory-match" / "dev-twins.json").read_text(encoding="utf-8"))["groups"]
    out: dict[str, set[str]] = {}
    for group in groups:
        questions = {items[k] for k in group}
        for q in questions:
            out[q] = questions
    return out


def _memory_items(name: str) -> list[dict[str, Any]]:
    if name == "paraphrases-heldout":
        return _load("paraphrases-heldout")
    if name == "paraphrases-pooled":
        return _load("paraphrases")
    language = name.split("/")[1]
    return [i for i in _load("paraphrases") if i["language"] == language]


def run_split(splits: set[str], memories: set[str] | None = None) -> dict[str, dict[str, Any]]:
    """Counts per rule ("before", "after") over the episodes of ``splits`` (in ``memories``: all if None)."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    from desktop.core import paths
    from desktop.core.chat.offline import MEMORY_K
    from desktop.core.knowledge.embedder import default_embedder
    from desktop.core.knowledge.memory import COLLECTION, AnswerMemory

    stats: dict[str, dict[str, Any]] = {rule: defaultdict(int) for rule in ("before", "after", "related")}
    search_ms: list[float] = []
    with bench_home(with_store=False):
        client = chromadb.PersistentClient(
            path=str(paths.chroma_dir()), settings=ChromaSettings(anonymized_telemetry=False)
        )
        embedder = default_embedder()
        for name, eps in episodes(splits).items():
            if not eps or (memories is not None and name not in memories):
                continue
            with contextlib.suppress(Exception):  # the previous memory of this run
                client.delete_collection(COLLECTION)
            memory = AnswerMemory.open(client, embedder)
            id_of: dict[str, str] = {}
            for n, item in enumerate(_memory_items(name)):
                answer = item.get("answer") or f"Earlier answer number {n}, written for this question."
                id_of[item["question"]] = memory.add(
                    item["question"], answer, conversation_id=f"c{n}", language=item["language"]
                )
            for ep in eps:
                if ep["gold"] and ep["gold"] not in id_of:
                    raise SystemExit(f"same_as not in memory {name}: {ep['gold']}")
                gold_ids = {id_of[q] for q in ep.get("golds") or {ep["gold"]} if q} if ep["gold"] else set()
                # with the earlier answer (if any), then without it (and without its twins)
                conditions = [gold_ids, set()] if gold_ids else [set()]
                for present in conditions:
                    saved = None
                    if gold_ids and not present:
                        saved = memory.collection.get(
                            where={"answer_id": {"$in": sorted(gold_ids)}},
                            include=["embeddings", "metadatas", "documents"],
                        )
                        memory.collection.delete(ids=saved["ids"])
                    began = time.perf_counter()
                    found = memory.lookup(ep["query"], k=MEMORY_K)
                    shown = {
                        "before": [h.id for h in memory.search(ep["query"], k=MEMORY_K, decide=False)],
                        "after": [h.id for h in found.same],
                    }
                    related = [found.related.id] if found.related is not None else []
                    _count_related(stats["related"], present, shown["after"], related, ep["kind"])
                    search_ms.append((time.perf_counter() - began) * 1000 / 2)
                    if saved is not None:
                        memory.collection.upsert(
                            ids=saved["ids"],
                            embeddings=saved["embeddings"],
                            metadatas=saved["metadatas"],
                            documents=saved["documents"],
                        )
                    for rule, ids in shown.items():
                        s = stats[rule]
                        s["shown"] += len(ids)
                        if present:
                            s["present"] += 1
                            s[f"present {ep['kind']}"] += 1
                            hit = bool(present & set(ids))
                            s["right shown"] += int(hit)
                            s["right items shown"] += sum(i in present for i in ids)
                            s[f"hit {ep['kind']}"] += int(hit)
                            s["wrong beside right"] += int(any(i not in present for i in ids))
                        else:
                            s["absent"] += 1
                            s["absent with something shown"] += int(bool(ids))
    for s in stats.values():
        s["search_ms"] = sorted(search_ms)[len(search_ms) // 2] if search_ms else 0.0
    return stats


def _count_related(
    s: dict[str, Any], present: set[str], answers: list[str], related: list[str], kind: str
) -> None:
    """The related tier: an earlier answer to a related question, shown labelled as such when no answer is."""
    s["related shown"] += len(related)
    s["related same question"] += sum(i in present for i in related)
    if present:
        s["present"] += 1
        s["found as answer or related"] += int(bool(present & set(answers + related)))
        s["present with related shown"] += int(bool(related))
    else:
        s["absent"] += 1
        s["absent with related shown"] += int(bool(related))
        if kind == "written query":
            s["absent written"] += 1
            s["absent written with related shown"] += int(bool(related))


def summary_related(stats: dict[str, Any]) -> dict[str, float]:
    return {
        "found as answer or related": stats["found as answer or related"] / max(stats["present"], 1),
        "related shown, questions without an earlier answer": stats["absent with related shown"]
        / max(stats["absent"], 1),
        "related shown that is the same question": stats["related same question"]
        / max(stats["related shown"], 1),
        "related shown": stats["related shown"],
    }


def summary(stats: dict[str, Any]) -> dict[str, float]:
    out = {
        "recall": stats["right shown"] / max(stats["present"], 1),
        "precision": stats["right items shown"] / max(stats["shown"], 1),
        "unrelated shown": stats["absent with something shown"] / max(stats["absent"], 1),
        "questions with the answer": stats["present"],
        "questions without": stats["absent"],
    }
    for kind in ("same language", "other language", "written query"):
        if stats[f"present {kind}"]:
            out[f"recall, {kind}"] = stats[f"hit {kind}"] / stats[f"present {kind}"]
    return out


ONE_LANGUAGE = {"paraphrases/en", "paraphrases/it", "paraphrases/id"}


def report(splits: set[str], memories: set[str] | None = None, kind: str = "") -> list[dict[str, Any]]:
    stats = run_split(splits, memories)
    label = "+".join(sorted(splits)) + (f", {kind}" if kind else "")
    rows = []
    print(f"\nAnswer memory, same-question decision, split {label}")
    for rule, s in stats.items():
        figures = summary_related(s) if rule == "related" else summary(s)
        print(
            f"{rule:7s} "
            + "  ".join(f"{k} {v:.1%}" if isinstance(v, float) else f"{k} {v}" for k, v in figures.items())
        )
        rows.append({"split": label, "rule": rule, **figures})
    print(f"search: median {stats['after']['search_ms']:.0f} ms per question")
    return rows


def run() -> list[dict[str, Any]]:
    """For `make bench`: the held-out (test) split, before and after."""
    rows = report({"test"})
    out = [
        {
            "metric": f"answer memory {r['rule']}: recall / precision / unrelated shown (test split)",
            "value": f"{r['recall']:.1%} / {r['precision']:.1%} / {r['unrelated shown']:.1%}",
            "detail": "tests/data/paraphrases-heldout + memory-match/queries.jsonl (test)",
        }
        for r in rows
        if r["rule"] != "related"
    ]
    for r in rows:
        if r["rule"] == "related":
            out.append(
                {
                    "metric": "answer memory, related tier: found as answer or related / related shown "
                    "without an earlier answer / related that is the same question (test split)",
                    "value": f"{r['found as answer or related']:.1%} / "
                    f"{r['related shown, questions without an earlier answer']:.1%} / "
                    f"{r['related shown that is the same question']:.1%}",
                    "detail": "an earlier answer to a related question, labelled as such, when none is shown "
                    "as the answer",
                }
            )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", nargs="*", default=["train", "dev"], choices=("train", "dev"))
    parser.add_argument("--test", action="store_true", help="score the test split")
    parser.add_argument("--test2", action="store_true", help="score the fresh test2 queries")
    args = parser.parse_args()
    for split in args.splits:
        report({split}, ONE_LANGUAGE, "one-language memories of 35")
        report({split}, {"paraphrases-pooled"}, "one memory of 105 in three languages")
    if args.test:
        report({"test"})
    if args.test2:
        report({"test2"})


if __name__ == "__main__":
    main()
