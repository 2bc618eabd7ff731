"""Local insight generation with the bundled model: accepted insights per minute and acceptance per language.

Runs the real pipeline (`run_generation`: catalog, few-shot, llama.cpp JSON grammar, every gate, the curated
Chroma store) in a private ZANTARA_HOME, for a fixed attempt budget spread round-robin over id, it and en and
all categories, with an unreachable target so the budget decides how long it runs. Prints the per-language
and per-gate tables; `run()` returns the figures as a dict for a global benchmark command.

    .venv/bin/python tests/bench/bench_generation.py [ATTEMPTS [MODEL]]   (21 = one per language x category)
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchutil import bench_home, machine_info


def run(attempts: int = 21, model: str = "") -> dict[str, Any]:
    """Generate for ``attempts`` attempts with ``model`` (default: the bundled one) and return the figures."""
    with bench_home():
        from desktop.core.generation import run_generation
        from desktop.core.services import Services

        services = Services()
        t0 = time.perf_counter()
        _ = services.store  # open the copied store outside the timed part
        entry = services.registry.resolve(model)
        from desktop.core.llm.local import LocalModel

        LocalModel.shared(
            entry.path, n_ctx=services.settings.context_size, n_threads=services.settings.effective_threads()
        ).load()
        setup_s = time.perf_counter() - t0
        started = time.perf_counter()
        report = run_generation(services, target=10_000, model=model, max_attempts=attempts)
        wall = time.perf_counter() - started
    return {
        "model": report["model"],
        "attempts": report["attempts"],
        "accepted": report["accepted"],
        "acceptance": report["acceptance"],
        "accepted_per_min": round(report["accepted"] / (wall / 60), 2) if wall else 0.0,
        "seconds_per_attempt": round(wall / max(1, report["attempts"]), 2),
        "setup_s": round(setup_s, 1),
        "wall_s": round(wall, 1),
        "by_language": report["by_language"],
        "by_gate": report["by_gate"],
        "by_category": report["by_category"],
    }


def main() -> None:
    attempts = int(sys.argv[1]) if len(sys.argv) > 1 else 21
    model = sys.argv[2] if len(sys.argv) > 2 else ""
    info = machine_info()
    result = run(attempts, model)
    print(f"# Insight generation, {model or 'bundled model'}")
    for key, value in info.items():
        print(f"- {key}: {value}")
    print(
        f"\n{result['model']}: {result['accepted']} accepted of {result['attempts']} attempts "
        f"({result['acceptance']:.0%}), {result['accepted_per_min']:.2f} accepted/min, "
        f"{result['seconds_per_attempt']:.1f} s/attempt (setup {result['setup_s']} s)\n"
    )
    print("| language | attempts | accepted | acceptance |\n|---|---:|---:|---:|")
    for lang, cell in result["by_language"].items():
        print(f"| {lang} | {cell['attempts']} | {cell['accepted']} | {cell['acceptance']:.0%} |")
    print("\n| gate | passed | failed | rejected (first failure) |\n|---|---:|---:|---:|")
    for gate, cell in result["by_gate"].items():
        print(f"| {gate} | {cell['passed']} | {cell['failed']} | {cell['rejected_first']} |")
    print("\n" + json.dumps({k: result[k] for k in ("accepted_per_min", "acceptance", "by_language")}))


if __name__ == "__main__":
    main()
