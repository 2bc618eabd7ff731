"""Writes the bundled model's own answers used to calibrate and test the readability guard.

Not a benchmark: run once (``python tests/bench/make_readability_samples.py``) to refresh the samples in
tests/data/readability/. Messages come from disjoint slices of the held-out need corpus, so the answers the
thresholds were calibrated on (``calibration``) are never the ones the tests check (``test``).
Each line: the user message, its language, the model's answer and the model's name.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from desktop.core.chat import prompts  # noqa: E402
from desktop.core.llm.base import Message  # noqa: E402
from desktop.core.llm.local import LocalModel  # noqa: E402

MESSAGES = REPO / "tests" / "data" / "readability" / "messages.jsonl"
OUT = REPO / "tests" / "data" / "readability"
MODEL = REPO / "models" / "SmolLM2-135M-Instruct.Q4_1.gguf"


def main(splits: list[str]) -> None:
    model = LocalModel(MODEL, n_ctx=2048, n_threads=1)
    rows = [json.loads(line) for line in MESSAGES.read_text(encoding="utf-8").splitlines() if line.strip()]
    for split in splits:
        out = OUT / f"bundled-{split}.jsonl.part"
        with out.open("w", encoding="utf-8") as fh:
            for row in (r for r in rows if r["split"] == split):
                system = prompts.local_system_prompt(row["language"])
                text = model.complete([Message("user", row["message"])], system=system, max_tokens=256)
                record = {**row, "answer": text.strip(), "model": model.name}
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
                fh.flush()
                print(split, row["language"], text[:80].replace("\n", " "), flush=True)
        out.replace(out.with_suffix(""))


if __name__ == "__main__":
    main(sys.argv[1:] or ["calibration", "test"])
