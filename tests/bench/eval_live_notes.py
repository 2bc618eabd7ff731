"""How good are the bundled model's live cultural notes? Figures from human labels (a script, not a test).

    .venv/bin/python tests/bench/eval_live_notes.py

tests/data/live-notes/notes.jsonl holds the notes SmolLM2-135M wrote (tone.cultural_note, temperature 0.2) for
225 cultural messages sampled from the need corpus (train 30, dev 20, test 25 per language), with two prompts:
``base`` (the shipped few-shot prompt) and ``it`` (one more, Italian, example). Each note that passed the note's
checks was labelled by one of two reviewers (30 by both), blind to prompt and split, following LABELLING.md:
``apt`` (reads the message right and the advice fits), ``vague`` (generic, harmless), ``misleading`` (misreads
the feeling or situation, wrong advice or claims, nonsense). The notes were written on 2026-12-01 with the
first labels ever made; nothing was tuned on them. They are why the bundled model's manifest entry declares
``unfit_for: cultural_notes``.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[2] / "tests" / "data" / "live-notes" / "notes.jsonl"


def rows() -> list[dict[str, Any]]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


def first_label(row: dict[str, Any]) -> str:
    return str(row["labels"][0]["label"])


def tally(data: list[dict[str, Any]], variant: str, split: str) -> tuple[int, int, Counter[str]]:
    """(messages, notes that passed the checks, their labels) for one prompt and split ("all": every split)."""
    chosen = [r for r in data if r["variant"] == variant and split in (r["split"], "all")]
    passed = [r for r in chosen if r["note"]]
    return len(chosen), len(passed), Counter(first_label(r) for r in passed)


def run() -> list[dict[str, str]]:
    """Rows for run_all.py: the shipped prompt's notes on the test split, and on all splits."""
    data = rows()
    out = []
    for split in ("test", "all"):
        total, passed, labels = tally(data, "base", split)
        out.append(
            {
                "metric": f"bundled model's live notes, {split} split{'s' if split == 'all' else ''}: misleading",
                "value": f"{labels['misleading'] / max(1, passed):.0%}",
                "detail": f"of the {passed} notes that passed the checks ({total} messages); apt "
                f"{labels['apt']}, vague {labels['vague']}; human labels, tests/data/live-notes",
            }
        )
    return out


def main() -> None:
    data = rows()
    print(
        f"{len(data)} notes for {len({r['message'] for r in data})} messages, {DATA.relative_to(DATA.parents[3])}"
    )
    print(
        f"{'split':6} {'prompt':6} {'messages':>8} {'passed checks':>14} {'apt':>5} {'vague':>6} {'misleading':>11}"
    )
    for variant in ("base", "it"):
        for split in ("train", "dev", "test", "all"):
            total, passed, labels = tally(data, variant, split)
            share = {k: f"{labels[k] / max(1, passed):.0%}" for k in ("apt", "vague", "misleading")}
            print(
                f"{split:6} {variant:6} {total:8} {passed:8} ({passed / total:3.0%})"
                f" {share['apt']:>5} {share['vague']:>6} {share['misleading']:>11}"
            )
    both = [r for r in data if r.get("labels") and len(r["labels"]) == 2]
    agree = sum(r["labels"][0]["label"] == r["labels"][1]["label"] for r in both)
    misleading = sum(
        (r["labels"][0]["label"] == "misleading") == (r["labels"][1]["label"] == "misleading") for r in both
    )
    print(
        f"reviewers agree on {agree} of {len(both)} doubly labelled notes ({misleading} on misleading or not)"
    )


if __name__ == "__main__":
    main()
