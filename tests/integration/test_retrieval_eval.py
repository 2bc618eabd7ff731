"""Evaluation on the labelled sets: concept hit@3 on retrieval_eval.jsonl, detector precision/recall on
cultural_need.jsonl. The per-language tables are printed even without `-s` (capsys.disabled)."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from support.knowledge import curated_store, curated_store_dir  # noqa: F401  (pytest fixtures)

from desktop.core.knowledge.language import detect_language
from desktop.core.knowledge.need import cultural_need
from desktop.core.knowledge.retrieval import retrieve
from desktop.core.knowledge.store import KnowledgeStore

DATA = Path(__file__).resolve().parents[1] / "data"


def load(name: str) -> list[dict[str, Any]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_eval_sets_are_big_and_balanced() -> None:
    rows = load("retrieval_eval.jsonl")
    assert len(rows) >= 60
    per_lang = defaultdict(int)
    for row in rows:
        per_lang[row["language"]] += 1
    assert min(per_lang.values()) >= len(rows) // 4, per_lang
    assert sum(not r["mentions_term"] for r in rows) >= len(rows) // 3


def test_concept_hit_at_3(request: pytest.FixtureRequest, capsys: pytest.CaptureFixture[str]) -> None:
    store: KnowledgeStore = request.getfixturevalue("curated_store")
    rows = load("retrieval_eval.jsonl")
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    lang_ok = 0
    misses = []
    for row in rows:
        result = retrieve(store, row["message"], k=3, force=True)
        got = {c for s in result.insights for c in s.insight.concepts}
        hit = bool(got & set(row["expected_concepts"]))
        lang_ok += detect_language(row["message"]) == row["language"]
        for key in (row["language"], "term named" if row["mentions_term"] else "term not named", "all"):
            table[key][0] += hit
            table[key][1] += 1
        if not hit:
            misses.append(
                f"  [{row['language']}] {row['message'][:70]} -> expected {row['expected_concepts']}"
            )
    lines = ["", "concept hit@3 on tests/data/retrieval_eval.jsonl"]
    for key in ("id", "it", "en", "term named", "term not named", "all"):
        hits, n = table[key]
        lines.append(f"  {key:<15} {hits:>3}/{n:<3} {hits / n:6.1%}")
    lines.append(f"  language detected correctly: {lang_ok}/{len(rows)}")
    report = "\n".join([*lines, "misses:", *misses])
    with capsys.disabled():
        print(report)
    hits, n = table["all"]
    assert hits / n >= 0.90, report
    assert lang_ok / len(rows) >= 0.95, report


def test_need_detector_precision_recall(capsys: pytest.CaptureFixture[str]) -> None:
    rows = load("cultural_need.jsonl")
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0, "tn": 0})
    wrong = []
    for row in rows:
        decision = cultural_need(row["message"], row["language"])
        truth = bool(row["needs_context"])
        cell = ("tp" if truth else "fp") if decision.needs else ("fn" if truth else "tn")
        for key in (row["language"], "all"):
            counts[key][cell] += 1
        if decision.needs != truth:
            wrong.append(f"  [{row['kind']}] {row['message'][:70]} -> {decision.reason}")

    def pr(c: dict[str, int]) -> tuple[float, float]:
        return c["tp"] / max(1, c["tp"] + c["fp"]), c["tp"] / max(1, c["tp"] + c["fn"])

    lines = ["", "cultural-need detector on tests/data/cultural_need.jsonl", "  lang  precision  recall   n"]
    for key in ("id", "it", "en", "all"):
        p, r = pr(counts[key])
        lines.append(f"  {key:<4}  {p:9.1%}  {r:6.1%}  {sum(counts[key].values()):3}")
    report = "\n".join([*lines, "wrong:", *wrong])
    with capsys.disabled():
        print(report)
    precision, recall = pr(counts["all"])
    assert precision >= 0.85 and recall >= 0.85, report
