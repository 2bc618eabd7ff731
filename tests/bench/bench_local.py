"""Local tokens/s through the app (LocalModel.stream) vs raw llama-cpp-python, same prompt, threads, sampling.

The app adds a lock, a cancel check per token and chat-message conversion around llama.cpp; this measures what
that costs. Both sides run greedy (temperature 0) with the same seed, so they generate the same tokens and the
ratio compares like with like. Runs alternate app/raw so background load hits both alike; the median is kept.

    .venv/bin/python tests/bench/bench_local.py
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchutil import BUNDLED_MODEL, median

SYSTEM = "You are a warm assistant for a Bali visa consultancy. Answer briefly."
PROMPT = "Explain in three sentences what a KITAS is and why people in Bali need one."
MAX_TOKENS = 96


def _raw_run(llama: Any, threads: int) -> tuple[int, float, float]:
    """(chunks, seconds, first-token seconds) straight from llama-cpp-python."""
    started = time.perf_counter()
    first = None
    tokens = 0
    stream = llama.create_chat_completion(
        messages=[{"role": "system", "content": SYSTEM}, {"role": "user", "content": PROMPT}],
        stream=True,
        max_tokens=MAX_TOKENS,
        temperature=0.0,
        repeat_penalty=1.15,
    )
    for chunk in stream:
        if chunk["choices"][0]["delta"].get("content"):
            tokens += 1
            if first is None:
                first = time.perf_counter() - started
    elapsed = time.perf_counter() - started
    return tokens, elapsed, first or elapsed


def _app_run(model: Any) -> tuple[int, float, float]:
    from desktop.core.llm.base import Message

    started = time.perf_counter()
    first = None
    tokens = 0
    for _text in model.stream(
        [Message("user", PROMPT)], system=SYSTEM, max_tokens=MAX_TOKENS, temperature=0.0
    ):
        tokens += 1
        if first is None:
            first = time.perf_counter() - started
    elapsed = time.perf_counter() - started
    return tokens, elapsed, first or elapsed


def run(threads: int = 2, repeats: int = 3, model_path: Path = BUNDLED_MODEL) -> list[dict[str, str]]:
    from llama_cpp import Llama

    from desktop.core.llm.local import LocalModel

    if not model_path.exists():
        raise FileNotFoundError(f"{model_path} missing: run `make setup`")
    app = LocalModel(model_path, n_ctx=2048, n_threads=threads)
    load_started = time.perf_counter()
    app.load()
    load_s = time.perf_counter() - load_started
    raw = Llama(
        model_path=str(model_path),
        n_ctx=2048,
        n_threads=threads,
        n_threads_batch=threads,
        seed=42,
        verbose=False,
    )
    _app_run(app)  # warm-up both (page cache, first-call allocations)
    _raw_run(raw, threads)
    app_rates, raw_rates, app_first, raw_first, counts = [], [], [], [], set()
    for _ in range(repeats):
        n, secs, first = _app_run(app)
        app_rates.append(n / secs)
        app_first.append(first * 1000)
        counts.add(n)
        n, secs, first = _raw_run(raw, threads)
        raw_rates.append(n / secs)
        raw_first.append(first * 1000)
        counts.add(n)
    app_tps, raw_tps = median(app_rates), median(raw_rates)
    same = "same token count" if len(counts) == 1 else f"token counts differ: {sorted(counts)}"
    detail = f"{model_path.stem}, {threads} threads, {MAX_TOKENS} max tokens, greedy, median of {repeats}"
    return [
        {
            "metric": "local tokens/s through the app (LocalModel.stream)",
            "value": f"{app_tps:.1f} tok/s",
            "detail": detail,
        },
        {"metric": "local tokens/s raw llama-cpp-python", "value": f"{raw_tps:.1f} tok/s", "detail": same},
        {
            "metric": "app / raw tokens/s ratio",
            "value": f"{app_tps / raw_tps:.3f}",
            "detail": "1.0 = no overhead",
        },
        {
            "metric": "local first token, app vs raw",
            "value": f"{median(app_first):.0f} / {median(raw_first):.0f} ms",
            "detail": "prompt eval included",
        },
        {
            "metric": "bundled model load time",
            "value": f"{load_s * 1000:.0f} ms",
            "detail": "LocalModel.load()",
        },
    ]


if __name__ == "__main__":
    for row in run():
        print(json.dumps(row, ensure_ascii=False))
