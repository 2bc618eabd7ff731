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
import re
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


def bench_local(per_language: int) -> list[dict[str, Any]]:
    from desktop.core.chat import prompts, readability
    from desktop.core.chat.strategies.rag import LOCAL_MAX_TOKENS
    from desktop.core.llm.base import Message
    from desktop.core.llm.local import LocalModel
    from desktop.core.models.registry import ModelRegistry

    messages = heldout_messages(per_language)
    rows: list[dict[str, Any]] = []
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
            rows.append(
                {
                    "metric": f"{entry.name}: readable raw answers, {language}",
                    "value": f"{readable:.0%} of {len(results)}",
                    "detail": f"before the guard; first token {first:.0f} ms, {rate:.1f} tokens/s (median); {top}",
                }
            )
    return rows


def bench_memory(folder: str = "paraphrases-heldout") -> list[dict[str, Any]]:
    """Recall on one paraphrase set. ``paraphrases`` is the set the ranking was chosen on (dev);
    ``paraphrases-heldout`` was written afterwards by someone who had not seen it, and scored once."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    from desktop.core import paths
    from desktop.core.chat.offline import MEMORY_K
    from desktop.core.knowledge.embedder import default_embedder
    from desktop.core.knowledge.memory import MIN_SIMILARITY, AnswerMemory

    items: list[dict[str, Any]] = []
    for path in sorted((DATA / folder).glob("paraphrase-*.jsonl")):
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
            # The held-out set carries the earlier answer; the dev set only questions (a stand-in answer).
            answer = (
                item.get("answer")
                or f"Earlier answer number {n} from the consultancy, written for this question."
            )
            ids.append(
                memory.add(item["question"], answer, conversation_id=f"c{n}", language=item["language"])
            )
        index_ms = (time.perf_counter() - started) * 1000 / len(items)
        file_of = {answer_id: item["language"] for answer_id, item in zip(ids, items, strict=True)}
        hits: dict[str, list[int]] = defaultdict(list)
        above: dict[str, list[int]] = defaultdict(list)
        shown: dict[str, list[int]] = defaultdict(list)
        pooled: list[int] = []
        right_sims, wrong_sims = [], []
        search_ms = []
        for answer_id, item in zip(ids, items, strict=True):
            for para in item["paraphrases"]:
                kind = "same language" if para["language"] == item["language"] else "other language"
                key = f"{item['language']}→{para['language']} ({kind})"
                began = time.perf_counter()
                ranked = memory.search(para["text"], k=len(items), min_similarity=0.0, decide=False)
                search_ms.append((time.perf_counter() - began) * 1000)
                pooled.append(int(bool(ranked) and ranked[0].id == answer_id))
                # The three files hold overlapping topics in different languages: a file's questions are
                # judged against that file's answers (as if each file were one team's memory).
                own = [h for h in ranked if file_of[h.id] == item["language"]]
                top = own[0] if own else None
                ok = top is not None and top.id == answer_id
                # What the offline answer lists: the first MEMORY_K hits at or above MIN_SIMILARITY.
                listed = [h.id for h in own[:MEMORY_K] if h.similarity >= MIN_SIMILARITY]
                for bucket in (key, kind, "all"):
                    hits[bucket].append(int(ok))
                    above[bucket].append(int(ok and top is not None and top.similarity >= MIN_SIMILARITY))
                    shown[bucket].append(int(answer_id in listed))
                if top is not None:
                    (right_sims if ok else wrong_sims).append(top.similarity)
    print(
        f"\nAnswer-memory paraphrase recall on tests/data/{folder} "
        f"({len(items)} questions indexed, {index_ms:.0f} ms each)"
    )
    print(
        f"{'questions → paraphrases':34s} {'n':>4s} {'top-1 recall':>13s} {'and ≥ ' + str(MIN_SIMILARITY):>10s}"
        f" {'listed (top ' + str(MEMORY_K) + ')':>15s}"
    )
    rows: list[dict[str, Any]] = []
    for bucket in sorted(hits, key=lambda b: (b in ("all", "same language", "other language"), b)):
        n = len(hits[bucket])
        top1, top1_above, listed_share = (sum(v[bucket]) / n for v in (hits, above, shown))
        print(f"{bucket:34s} {n:4d} {top1:13.1%} {top1_above:10.1%} {listed_share:15.1%}")
        rows.append({"set": folder, "bucket": bucket, "n": n, "top1": top1, "top1_above": top1_above,
                     "listed": listed_share})  # fmt: skip
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
    return rows


def independent_known_share(text: str, languages: tuple[str, ...]) -> float:
    """Share of words wordfreq lists in any of ``languages`` (no stemming, no allowances): a plain check,
    apart from the guard's, of whether a reader meets real words."""
    from wordfreq import zipf_frequency

    words = [w.casefold() for w in re.findall(r"[^\W\d_]{2,}", text)]
    if not words:
        return 1.0
    return sum(any(zipf_frequency(w, lang) > 0 for lang in languages) for w in words) / len(words)


UNREADABLE_SHARE = 0.85  # fluent text scores near 1.0; the bundled model's Indonesian 0.58-0.68


def bench_shown(per_language: int = 15) -> list[dict[str, Any]]:
    """What a user is SHOWN offline, through the whole app (router, guard, memory, insights), with the local
    model of the default settings (the bundled one), on the held-out offline messages: none may be unreadable.

    The memory holds the held-out paraphrase set's earlier answers (as a team's earlier Claude answers).
    Shown text is judged twice: the guard's own check in the user's language when the local model's words are
    shown, and :func:`independent_known_share` (words known in the team's languages, since an earlier answer
    may be in another team language) for everything shown."""
    from desktop.core.chat import readability
    from desktop.core.services import Services

    rows = [
        json.loads(line) for line in (DATA / "readability" / "offline-heldout.jsonl").read_text().splitlines()
    ]
    picked = [
        r for lang in ("id", "it", "en") for r in [x for x in rows if x["language"] == lang][:per_language]
    ]
    results: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with bench_home(with_store=True):
        services = Services()
        for path in sorted((DATA / "paraphrases-heldout").glob("paraphrase-*.jsonl")):
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
                item = json.loads(line)
                services.memory.add(
                    item["question"], item["answer"], conversation_id=f"{path.stem}-{n}",
                    conversation_title=item["question"][:40], user_name="Wayan", language=path.stem[-2:],
                )  # fmt: skip
        for row in picked:
            language, first = row["language"], []
            began = time.perf_counter()

            def on_event(event: Any, began: float = began, first: list[float] = first) -> None:
                if event.kind in ("chunk", "replace") and event.text and not first:
                    first.append((time.perf_counter() - began) * 1000)

            answer = services.router.ask(row["message"], offline=True, on_event=on_event)
            source = (
                "memory + insights" if answer.trace.models.get("answer") == "answer-memory" else "local model"
            )
            guard_ok = True
            if source == "local model":
                guard_ok = readability.check(
                    answer.text, language, extra_known=readability.WORD.findall(row["message"])
                ).ok
            team = ("id", "it", "en")
            share = independent_known_share(answer.text, (language,) if source == "local model" else team)
            results[language].append(
                {"source": source, "readable": guard_ok and share >= UNREADABLE_SHARE, "share": share,
                 "first_ms": first[0] if first else float("nan"), "status": answer.status}
            )  # fmt: skip
    print(f"\nShown offline answers, held-out offline set ({per_language} per language), default local model")
    print(f"{'lang':4s} {'n':>3s} {'unreadable shown':>17s} {'from memory':>12s} {'min known share':>16s} "
          f"{'first visible ms (median)':>26s}")  # fmt: skip
    out: list[dict[str, Any]] = []
    for language, res in results.items():
        unreadable = sum(not r["readable"] for r in res)
        memory_share = sum(r["source"] != "local model" for r in res) / len(res)
        low = min(r["share"] for r in res)
        first_ms = statistics.median(r["first_ms"] for r in res)
        print(
            f"{language:4s} {len(res):3d} {unreadable:17d} {memory_share:12.0%} {low:16.2f} {first_ms:26.0f}"
        )
        out.append({"metric": f"offline answers shown, {language}", "value": f"{unreadable} unreadable of {len(res)}",
                    "detail": f"{memory_share:.0%} from memory + insights; lowest known-word share {low:.2f}; "
                              f"first visible {first_ms:.0f} ms (median)"})  # fmt: skip
    return out


def run(per_language: int = 15) -> list[dict[str, Any]]:
    """For `make bench` (run_all): shown offline answers, each installed model's raw readability, then memory
    recall on the dev and held-out paraphrase sets."""
    rows = bench_shown(per_language)
    with bench_home(with_store=False):
        rows += bench_local(min(per_language, 5))
    for folder in ("paraphrases", "paraphrases-heldout"):
        for r in bench_memory(folder):
            if r["bucket"] in ("all", "same language", "other language"):
                rows.append({
                    "metric": f"memory recall, {'held-out' if 'heldout' in folder else 'dev'} set, {r['bucket']}",
                    "value": f"{r['top1']:.1%} top-1",
                    "detail": f"{r['n']} paraphrases; {r['listed']:.1%} listed in the offline answer's top "
                              f"3 (similarity >= threshold); tests/data/{folder}",
                })  # fmt: skip
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-language", type=int, default=8, help="held-out messages per language (max 16)")
    parser.add_argument("--only", choices=("local", "memory", "shown"), help="run one part")
    args = parser.parse_args()
    if args.only in (None, "shown"):
        bench_shown()
    if args.only in (None, "memory"):
        bench_memory("paraphrases")
        bench_memory("paraphrases-heldout")
    if args.only in (None, "local"):
        with bench_home(with_store=False):
            bench_local(args.per_language)


if __name__ == "__main__":
    main()
