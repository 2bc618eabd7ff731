"""Prints the readability figures the guard's thresholds were chosen from (calibration data only).

Fluent: the even lines of knowledge/packs/curated-{id,it,en}.jsonl. Gibberish: the bundled model's answers in
tests/data/readability/bundled-calibration.jsonl. The odd pack lines and bundled-test.jsonl are the tests'
data and are not read here. For each language: known-word share and language score, on the whole text and on
the first ``HOLD_WORDS`` words (what the first streaming check sees).

    PYTHONPATH=. python tests/bench/calibrate_readability.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from desktop.core.chat import readability  # noqa: E402


def prefix(text: str, n: int) -> str:
    words = text.split()
    return " ".join(words[:n])


def fluent(language: str, parity: int) -> list[str]:
    lines = (
        (REPO / "knowledge" / "packs" / f"curated-{language}.jsonl").read_text(encoding="utf-8").splitlines()
    )
    return [json.loads(line)["text"] for i, line in enumerate(lines) if line.strip() and i % 2 == parity]


def bundled(split: str, language: str) -> list[str]:
    path = REPO / "tests" / "data" / "readability" / f"bundled-{split}.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r["answer"] for r in rows if r["language"] == language and r["answer"].strip()]


def figures(texts: list[str], language: str) -> dict[str, np.ndarray]:
    cols: dict[str, list[float]] = {
        k: [] for k in ("known", "known-long", "known@hold", "lang", "rep", "rejected")
    }
    for text in texts:
        verdict = readability.check(text, language)
        cols["rejected"].append(0.0 if verdict.ok else 1.0)
        cols["known"].append(verdict.known_share)
        if verdict.known_long_share is not None:
            cols["known-long"].append(verdict.known_long_share)
        cols["lang"].append(verdict.language_score)
        cols["rep"].append(verdict.repetition)
        cols["known@hold"].append(
            readability.check(prefix(text, readability.HOLD_WORDS), language).known_share
        )
    return {k: np.array(v) for k, v in cols.items()}


def main() -> None:
    for language in ("id", "it", "en"):
        good = figures(fluent(language, 0), language)
        bad = figures(bundled("calibration", language), language)
        print(f"== {language}: {len(good['known'])} fluent, {len(bad['known'])} bundled")
        for key in good:
            if key == "rejected":
                print(
                    f"  rejected by the guard: fluent {good[key].mean():.1%}, bundled {bad[key].mean():.1%}"
                )
                continue
            g = np.percentile(good[key], [0, 1, 5, 50]).round(3) if len(good[key]) else []
            b = np.percentile(bad[key], [50, 90, 95, 100]).round(3) if len(bad[key]) else []
            print(f"  {key:10s} fluent min/p1/p5/p50 {g}   bundled p50/p90/p95/max {b}")


if __name__ == "__main__":
    main()
