"""Time to the first token through the real router: offline fallback, and combo vs rag against the stand-in.

Everything goes through ``Services().router.ask`` exactly as `zantara ask` does: SQLite, retrieval from the
curated Chroma store, the real anthropic SDK, the bundled GGUF. Time to first token = from calling ``ask`` to
the first ``chunk`` event.

Fallback (`run`): the local model's own first token (``--offline``) is the baseline; then Claude *refused*
(nothing listening on ANTHROPIC_BASE_URL), *hung* (the stand-in accepts the request and never answers: the
first-token deadline decides), and the *breaker open* right after a failure (must cost nothing). Strategy rag,
so the only local-model work is the answer itself. Timed as in a running app: Chroma open, model loaded, SDK
client built (a cold CLI adds the start-up and load times shown by bench_startup and bench_local), and an
unrelated message before each timed one so no answer is timed on llama.cpp's prompt cache.

combo vs rag (`combo_vs_rag`): the stand-in answers after a fixed 200 ms; variants interleaved per message so
background load hits both alike; the ratio of medians is what the seed promises to keep at ~1.

    .venv/bin/python tests/bench/bench_fallback.py
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchutil import CHAT_MESSAGES, MALU, bench_home, median

API_KEY = "sk-ant-bench-0123456789"


@contextlib.contextmanager
def claude_env(base_url: str, api_key: str = API_KEY) -> Iterator[None]:
    """Point the SDK at ``base_url`` with a dummy key; the keyring is bypassed (no D-Bus waits)."""
    saved = {
        k: os.environ.get(k) for k in ("ANTHROPIC_BASE_URL", "ANTHROPIC_API_KEY", "PYTHON_KEYRING_BACKEND")
    }
    os.environ.update(
        ANTHROPIC_BASE_URL=base_url,
        ANTHROPIC_API_KEY=api_key,
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def timed_ask(services: Any, text: str, strategy: str, offline: bool = False) -> dict[str, Any]:
    """One ask, stopped right after its first chunk (the Stop button's path): the figure is time to first
    token, and a slow machine need not generate whole answers. Returns ttft_ms, mode, reason, enrich."""
    from desktop.core.cancel import CancelToken

    first: list[float] = []
    cancel = CancelToken()

    def on_event(event: Any) -> None:
        # the first visible text: a chunk, or a whole offline answer (earlier answers + notes) at once
        if event.kind in ("chunk", "replace") and event.text and not first:
            first.append(time.perf_counter())
            cancel.cancel()

    started = time.perf_counter()
    answer = services.router.ask(text, strategy=strategy, offline=offline, cancel=cancel, on_event=on_event)
    services.router.wait_idle()  # a late note finishing into the cache must not slow the next timed ask
    wrap = {}
    for stage in answer.trace.stages:
        if stage.name == "opening:local":
            wrap = {"used": stage.ok, "reason": stage.detail}
    return {
        "ttft_ms": (first[0] - started) * 1000 if first else float("nan"),
        "mode": answer.trace.mode,
        "reason": answer.trace.reason,
        "enrich": answer.trace.enrich.to_json() if answer.trace.enrich else {},
        "wrap": wrap,
        "hedge": answer.trace.hedge.to_json() if answer.trace.hedge else {},
    }


def fresh_services() -> Any:
    from desktop.core.services import Services

    services = Services()
    # The bundled model is declared unfit for cultural notes, so the app sends none from it; the benchmarks
    # time the note machinery (a larger model writes notes) with the only local model here.
    services.settings.unfit_notes = "use"
    # A running app has opened Chroma, loaded the language detector and the model, and made its first
    # llama.cpp call: one offline answer (which never touches the breaker) does all of that before timing.
    timed_ask(services, "warm up", "rag", offline=True)
    if os.environ.get("ANTHROPIC_BASE_URL"):
        services.router.claude()  # the SDK client exists once the app has run (GUI probe, earlier message)
    return services


def reset_prompt_cache(services: Any) -> None:
    """llama.cpp reuses the KV cache of an identical prompt prefix: asking the same message twice would time
    a cache hit. An unrelated offline message in between makes every timed ask evaluate its prompt."""
    timed_ask(services, "warm up", "rag", offline=True)


def run(repeats: int = 3) -> list[dict[str, str]]:
    from support.messages_api import MessagesAPIStandIn, closed_port_url

    rows: list[dict[str, str]] = []
    with bench_home():
        services = fresh_services()
        local = []
        for _ in range(repeats):
            reset_prompt_cache(services)
            local.append(timed_ask(services, MALU, "rag", offline=True)["ttft_ms"])
    base = median(local)
    rows.append(
        {
            "metric": "first offline token, local model alone (--offline)",
            "value": f"{base:,.0f} ms",
            "detail": f"strategy rag, model loaded, median of {repeats}",
        }
    )

    refused, opened = [], []
    for _ in range(repeats):
        with bench_home(), claude_env(closed_port_url()):
            services = fresh_services()
            r = timed_ask(services, MALU, "rag")
            refused.append(r)
            reset_prompt_cache(services)
            opened.append(timed_ask(services, MALU, "rag"))  # the breaker opened on the failure above
    rows.append(_fallback_row("Claude refused (nothing listening)", refused, base))
    rows.append(_fallback_row("breaker open (right after a failure)", opened, base))

    hung = []
    with MessagesAPIStandIn() as api:
        api.fail("hang")
        for _ in range(max(1, repeats - 1)):
            with bench_home(), claude_env(api.base_url, api.api_key):
                services = fresh_services()
                hung.append(timed_ask(services, MALU, "rag"))
        api.recover()
    deadline = services.settings.first_token_deadline_s
    hedge = services.settings.hedge_after_s
    rows.append(
        _fallback_row(
            f"Claude hung (first visible token; hedge {hedge:g} s, deadline {deadline:g} s)", hung, base
        )
    )
    return rows


def _fallback_row(label: str, results: list[dict[str, Any]], base: float) -> dict[str, str]:
    ttft = median([r["ttft_ms"] for r in results])
    modes = sorted({f"{r['mode']}/{r['reason']}" for r in results})
    hedged = [r["hedge"] for r in results if r.get("hedge", {}).get("started")]
    if hedged:
        modes.append(
            f"hedge started at {median([h['started_ms'] for h in hedged]):,.0f} ms, "
            f"won by {'/'.join(sorted({str(h.get('winner', '?')) for h in hedged}))}"
        )
    return {
        "metric": f"first offline token, {label}",
        "value": f"{ttft:,.0f} ms",
        "detail": f"+{ttft - base:,.0f} ms over local alone; {', '.join(modes)}; median of {len(results)}",
    }


def combo_vs_rag(
    rounds: int = 2, delay_s: float = 0.2, strategies: tuple[str, ...] = ("combo",)
) -> list[dict[str, str]]:
    """TTFT of combo (insights + live note) and other strategies vs rag (insights only) through the router,
    as `zantara ask` runs them (no typing time: the note starts when the message arrives), stand-in at
    ``delay_s``. Rounds repeat the messages, so from round 2 the note cache can answer."""
    from support.messages_api import MessagesAPIStandIn

    results: dict[str, list[float]] = {"rag": [], **{s: [] for s in strategies}}
    notes: dict[str, dict[str, int]] = {s: {} for s in strategies}
    with (
        MessagesAPIStandIn(initial_delay_s=delay_s) as api,
        bench_home(),
        claude_env(api.base_url, api.api_key),
    ):
        services = fresh_services()
        for strategy in results:  # warm-up: the SDK's connection, the note's first llama.cpp call
            timed_ask(services, "warm up", strategy)
        for _ in range(rounds):
            for message in CHAT_MESSAGES:
                for strategy in results:
                    r = timed_ask(services, message, strategy)
                    if r["mode"] != "claude":
                        raise RuntimeError(f"{strategy} fell back to {r['mode']} ({r['reason']})")
                    results[strategy].append(r["ttft_ms"])
                    if strategy == "rag":
                        continue
                    if strategy == "wrap":
                        key = "opening shown" if r["wrap"].get("used") else "opening skipped"
                    else:
                        e = r["enrich"]
                        key = "note used" if e.get("used") else f"note skipped ({e.get('reason', '?')})"
                        key += " (cache)" if e.get("cache") == "hit" and e.get("used") else ""
                    notes[strategy][key] = notes[strategy].get(key, 0) + 1
    rag = median(results["rag"])
    n = len(results["rag"])
    ms = f"{delay_s * 1000:.0f} ms"
    rows = [
        {
            "metric": f"CLI TTFT rag (no enrichment), stand-in {ms}",
            "value": f"{rag:,.0f} ms",
            "detail": f"p50 of {n}",
        }
    ]
    for strategy in strategies:
        value = median(results[strategy])
        outcome = ", ".join(f"{k}: {v}" for k, v in sorted(notes[strategy].items()))
        rows.append(
            {"metric": f"CLI TTFT {strategy}, stand-in {ms}", "value": f"{value:,.0f} ms", "detail": outcome}
        )
        rows.append(
            {
                "metric": f"CLI {strategy} / rag TTFT ratio",
                "value": f"{value / rag:.2f}",
                "detail": "through Services().router.ask (adaptive note deadline), "
                f"{rounds} rounds x {len(CHAT_MESSAGES)} messages",
            }
        )
    return rows


if __name__ == "__main__":
    for row in run() + combo_vs_rag():
        print(json.dumps(row, ensure_ascii=False))
