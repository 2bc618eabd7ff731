"""Benchmark: time to first token of `combo` (live note + insights) vs `rag` (no enrichment), in one run.

The seed promises that the live LLaMA note adds no latency. This measures it honestly: the real Claude client
(anthropic SDK) against the Messages API stand-in answering after a fixed 200 ms, the real bundled local model
for the note, and the real multilingual embedder for the retrieval the note can overlap with.

Three ways, each measured from the message's arrival to the first chunk on screen:
  rag            retrieval, then Claude (no local model at all)
  combo          retrieval, then the note (waited for up to the deadline), then Claude
  combo+prepare  the note started when the message arrives (router hook ``prepare``), overlapping retrieval

    .venv/bin/python tests/bench/bench_strategies.py [--runs 5] [--deadline-ms 600]

``run()`` (the `make bench` part) measures through the real router instead, as `zantara ask` runs (issue 15):
combo / rag and wrap / rag TTFT ratios with the stand-in at a realistic 500 ms, the adaptive note deadline,
the note cache filling from round 2 (bench_fallback.combo_vs_rag). The app with a typist: bench_typist.py.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests"))

from support.messages_api import MessagesAPIStandIn  # noqa: E402

from desktop.core.cancel import CancelToken  # noqa: E402
from desktop.core.chat import tone  # noqa: E402
from desktop.core.chat.strategies.base import AnswerContext, Early, Strategy  # noqa: E402
from desktop.core.chat.strategies.combo import ComboStrategy  # noqa: E402
from desktop.core.chat.strategies.rag import RagStrategy  # noqa: E402
from desktop.core.chat.trace import Event, Trace  # noqa: E402
from desktop.core.knowledge.embedder import default_embedder  # noqa: E402
from desktop.core.llm.claude import ClaudeModel  # noqa: E402
from desktop.core.llm.local import LocalModel  # noqa: E402
from desktop.core.settings import Settings  # noqa: E402

MESSAGES = [
    ("aku malu bertanya tentang visa", "id"),
    ("Ho paura che il mio visto venga rifiutato", "it"),
    ("My landlord invited me to an odalan ceremony, what should I wear?", "en"),
]
INSIGHT = {
    "id": "bench",
    "text": "When an Indonesian says 'aku malu' they feel exposed; answer with extra warmth and reassurance.",
    "language": "en",
    "category": "emotion",
}


def one_run(
    strategy: Strategy, claude: ClaudeModel, local: LocalModel, embedder: Any, message: str, language: str,
    settings: Settings, prepare: bool,
) -> dict[str, Any]:  # fmt: skip
    arrived = time.perf_counter()
    first: list[float] = []

    def emit(event: Event) -> None:
        if event.kind == "chunk" and not first:
            first.append(time.perf_counter())

    cancel = CancelToken()
    early = Early()
    if prepare:
        early = strategy.prepare(message, local, settings, cancel)
    embedder.embed_query(message)  # the retrieval's real cost (Chroma's lookup adds a few ms)
    ctx = AnswerContext(
        message=message, history=[], language=language, insights=[INSIGHT],
        context_block="<cultural_context>\n[1] " + INSIGHT["text"] + "\n</cultural_context>",
        main=claude, local=local, offline=False, settings=settings, trace=Trace(strategy=strategy.name),
        emit=emit, cancel=cancel, early=early,
    )  # fmt: skip
    strategy.run(ctx)
    enrich = ctx.trace.enrich.to_json() if ctx.trace.enrich else {}
    return {
        "ttft_ms": (first[0] - arrived) * 1000 if first else float("nan"),
        "used": bool(enrich.get("used")),
        "reason": enrich.get("reason", "-"),
        "note_ms": enrich.get("ms"),
    }


def run(rounds: int = 2, delay_s: float = 0.5) -> list[dict[str, str]]:
    """CLI ratios through Services().router.ask: combo / rag and wrap / rag, stand-in at ``delay_s``."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_fallback import combo_vs_rag

    return combo_vs_rag(rounds=rounds, delay_s=delay_s, strategies=("combo", "wrap"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per message and variant")
    parser.add_argument("--deadline-ms", type=int, default=600)
    args = parser.parse_args()

    settings = Settings(enrich_deadline_ms=args.deadline_ms, unfit_notes="use")  # time the bundled note
    local = LocalModel.shared(REPO / "models" / "SmolLM2-135M-Instruct.Q4_1.gguf", n_ctx=2048, n_threads=2)
    local.load()
    embedder = default_embedder()
    embedder.embed_query("warm up")
    tone.warm_up(background=False)
    tone.cultural_note(
        local, "warm up", "en"
    )  # first llama.cpp call allocates buffers: not part of the bench

    variants: list[tuple[str, Strategy, bool]] = [
        ("rag", RagStrategy(), False),
        ("combo", ComboStrategy(), False),
        ("combo+prepare", ComboStrategy(), True),
    ]
    results: dict[str, list[dict[str, Any]]] = {name: [] for name, _, _ in variants}
    with MessagesAPIStandIn(initial_delay_s=0.2) as api:
        claude = ClaudeModel(settings, api_key=api.api_key, base_url=api.base_url)
        one_run(RagStrategy(), claude, local, embedder, "warm up", "en", settings, False)
        for _ in range(args.runs):
            for message, language in MESSAGES:
                for name, strategy, prepare in variants:  # interleaved: load changes hit all variants alike
                    results[name].append(
                        one_run(strategy, claude, local, embedder, message, language, settings, prepare)
                    )

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"Stand-in answers after 200 ms; note deadline {args.deadline_ms} ms; "
        f"{os.cpu_count()} CPUs, load {load:.1f}"
    )
    print(
        f"{'variant':<15}{'runs':>5}{'TTFT p50 ms':>13}{'TTFT p90 ms':>13}{'note used':>11}"
        f"{'note p50 ms':>13}"
    )
    base = statistics.median(r["ttft_ms"] for r in results["rag"])
    for name, rows in results.items():
        ttfts = sorted(r["ttft_ms"] for r in rows)
        p90 = ttfts[min(len(ttfts) - 1, int(0.9 * len(ttfts)))]
        notes = [r["note_ms"] for r in rows if r["note_ms"] is not None]
        used = sum(r["used"] for r in rows)
        note_p50 = f"{statistics.median(notes):.0f}" if notes else "-"
        print(
            f"{name:<15}{len(rows):>5}{statistics.median(ttfts):>13.0f}{p90:>13.0f}{used:>6}/{len(rows):<4}{note_p50:>13}"
        )
    for name in ("combo", "combo+prepare"):
        ratio = statistics.median(r["ttft_ms"] for r in results[name]) / base
        print(f"ratio {name} / rag (TTFT p50): {ratio:.2f}")
    reasons: dict[str, int] = {}
    for rows in (results["combo"], results["combo+prepare"]):
        for r in rows:
            reasons[r["reason"]] = reasons.get(r["reason"], 0) + 1
    print("note outcomes (combo, both variants):", ", ".join(f"{k}={v}" for k, v in sorted(reasons.items())))


if __name__ == "__main__":
    main()
