"""Local tokens/s by thread count, idle and next to a CPU-bound process: what "automatic" threads should be.

llama.cpp's threads spin while they wait for each other, so one thread per core is fine on an idle machine but
collapses when another program (a browser tab, a video call, a build) takes a core. This runs the bundled model
through the app (LocalModel.stream, greedy, same prompt) for threads = 1, 2 and physical cores - 1, first idle
and then with one busy-looping competitor process, and prints a table with the load average seen before each
row (other programs count as competitors too). The competitor is ended by its pid.

    .venv/bin/python tests/bench/bench_threads.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchutil import BUNDLED_MODEL, median

PROMPT = "Explain in three sentences what a KITAS is and why people in Bali need one."
MAX_TOKENS = 48
REPEATS = 3
BUDGET_S = 45  # per measurement: on a loaded machine fewer repeats (at least one) keep the part bounded
BUSY_LOOP = "import time\nend = time.monotonic() + 600\nwhile time.monotonic() < end:\n    pass\n"


def thread_counts() -> list[int]:
    import psutil

    physical = psutil.cpu_count(logical=False) or os.cpu_count() or 2
    return sorted({1, 2, max(1, physical - 1)})


def tokens_per_s(threads: int) -> float:
    from desktop.core.llm.base import Message
    from desktop.core.llm.local import LocalModel

    model = LocalModel(BUNDLED_MODEL, n_ctx=2048, n_threads=threads)
    model.load()
    rates: list[float] = []
    budget_end = time.perf_counter() + BUDGET_S
    while len(rates) < REPEATS and (not rates or time.perf_counter() < budget_end):
        started = time.perf_counter()
        n = sum(1 for _ in model.stream([Message("user", PROMPT)], max_tokens=MAX_TOKENS, temperature=0.0))
        rates.append(n / (time.perf_counter() - started))
    return median(rates)


def run() -> list[dict[str, str]]:
    """Rows of (metric, value, detail), one per thread count, like the other parts of run_all.py."""
    import psutil

    rows = []
    for threads in thread_counts():
        load_before = os.getloadavg()[0]
        idle = tokens_per_s(threads)
        competitor = subprocess.Popen([sys.executable, "-c", BUSY_LOOP])
        try:
            time.sleep(0.5)
            busy = tokens_per_s(threads)
        finally:
            competitor.kill()
            competitor.wait(timeout=10)
        rows.append(
            {
                "metric": f"local tok/s, {threads} thread{'s' if threads > 1 else ''}: alone / next to 1 busy process",
                "value": f"{idle:.1f} / {busy:.1f}",
                "detail": f"kept {busy / idle:.0%}; load average before {load_before:.1f}; "
                f"{psutil.cpu_count(logical=False)} physical cores; {MAX_TOKENS} tokens, median of up to {REPEATS}",
            }
        )
    return rows


def main() -> None:
    for row in run():
        print(f"{row['metric']}: {row['value']} ({row['detail']})")


if __name__ == "__main__":
    main()
