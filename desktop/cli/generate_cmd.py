"""`zantara knowledge generate`: the local model writes new cultural insights, gated, resumable.

A thin layer over :func:`desktop.core.generation.run_generation`: a rich progress bar (rate and ETA come from
the core, so the GUI dialog shows the same numbers), Ctrl-C turned into a clean cancel that saves progress,
and the report as tables or ``--json``.
"""

from __future__ import annotations

import signal
from typing import TYPE_CHECKING, Any

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from rich.table import Table

from desktop.cli.output import console, err_console, json_option, print_json

if TYPE_CHECKING:
    from desktop.core.generation import RunReport

LANGUAGE_CHOICES = ("id", "it", "en")


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _eta(seconds: float | None) -> str:
    if seconds is None:
        return "--:--"
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


@click.command("generate")
@click.option(
    "--target",
    default=30,
    show_default=True,
    type=click.IntRange(1, 100_000),
    help="How many accepted insights to add.",
)
@click.option("--languages", default="id,it,en", show_default=True, help="Comma-separated: id,it,en.")
@click.option("--categories", default="", help="Comma-separated categories (default: all).")
@click.option(
    "--model", default="", help="Local model name (see `zantara models list`); default: the setting."
)
@click.option("--resume", is_flag=True, help="Continue the last unfinished run with its own parameters.")
@click.option("--approve", is_flag=True, help="Store accepted insights as approved instead of pending.")
@click.option(
    "--max-attempts", type=click.IntRange(1), default=None, help="Attempt budget (default: target x 6)."
)
@json_option
def generate(
    target: int,
    languages: str,
    categories: str,
    model: str,
    resume: bool,
    approve: bool,
    max_attempts: int | None,
    as_json: bool,
) -> None:
    """Generate cultural insights with the local model; every one passes the quality gates first."""
    from desktop.core.cancel import CancelToken
    from desktop.core.generation import GenerationProgress, run_generation
    from desktop.core.generation.generator import GenerationError
    from desktop.core.knowledge.insight import CATEGORIES
    from desktop.core.services import Services

    langs = _csv(languages)
    cats = _csv(categories) or list(CATEGORIES)
    bad = [x for x in langs if x not in LANGUAGE_CHOICES] + [x for x in cats if x not in CATEGORIES]
    if bad or not langs:
        raise GenerationError(
            f"Unknown language or category: {', '.join(bad) or '(none given)'}.",
            f"Languages: {', '.join(LANGUAGE_CHOICES)}; categories: {', '.join(CATEGORIES)}.",
        )
    cancel = CancelToken()
    previous = signal.signal(signal.SIGINT, lambda *_: cancel.cancel())
    progress = Progress(
        SpinnerColumn(),
        TextColumn("[bold]generating"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("attempts {task.fields[attempts]}/{task.fields[budget]}"),
        TextColumn("{task.fields[rate]:.1f}/min"),
        TextColumn("ETA {task.fields[eta]}"),
        TextColumn("[dim]{task.fields[last]}"),
        console=err_console,
        transient=False,
    )
    task = progress.add_task("generate", total=target, attempts=0, budget=0, rate=0.0, eta="--:--", last="")

    def on_progress(p: GenerationProgress) -> None:
        progress.update(
            task,
            total=p.target,
            completed=p.done,
            attempts=p.attempts,
            budget=p.max_attempts,
            rate=p.rate_per_min,
            eta=_eta(p.eta_s),
            last=p.last_gate,
        )

    try:
        with progress:
            report = run_generation(
                Services(),
                target=target,
                languages=langs,
                categories=cats,
                model=model,
                on_progress=on_progress,
                cancel=cancel,
                resume=resume,
                approve=approve,
                max_attempts=max_attempts,
            )
    finally:
        signal.signal(signal.SIGINT, previous)
    if as_json:
        print_json(report)
    else:
        print_report(report)
    if report["status"] == "cancelled":
        raise SystemExit(130)


def _acceptance_table(title: str, rows: dict[str, dict[str, Any]]) -> Table:
    table = Table(title=title)
    for col in ("", "attempts", "accepted", "acceptance"):
        table.add_column(col, justify="right" if col else "left")
    for name, cell in rows.items():
        table.add_row(name, str(cell["attempts"]), str(cell["accepted"]), f"{cell['acceptance']:.0%}")
    return table


def print_report(report: RunReport) -> None:
    console.print(
        f"[bold]{report['stop_reason']}[/]: {report['accepted']} accepted ({report['insight_status']}) of "
        f"{report['attempts']} attempts ({report['acceptance']:.0%}), {report['accepted_per_min']:.2f}/min, "
        f"model {report['model']}, run {report['run_id']}"
    )
    gates = Table(title="gates")
    for col in ("gate", "passed", "failed", "rejected (first failure)"):
        gates.add_column(col, justify="left" if col == "gate" else "right")
    for gate, cell in report["by_gate"].items():
        gates.add_row(gate, str(cell["passed"]), str(cell["failed"]), str(cell["rejected_first"]))
    console.print(gates)
    console.print(_acceptance_table("per language", report["by_language"]))
    console.print(_acceptance_table("per category", report["by_category"]))
    if report["status"] == "cancelled":
        console.print("Progress saved: continue with `zantara knowledge generate --resume`.")
    elif report["status"] == "budget":
        console.print(
            "The model's output rarely passes the gates: a larger GGUF model writes better insights "
            "(see docs/generation.md)."
        )
    if report["accepted"] and report["insight_status"] == "pending":
        console.print(
            "Review them: `zantara knowledge export FILE --status pending`, then approve or reject."
        )


def register(group: click.Group) -> None:
    """Attach `generate` to the `knowledge` group (called by the knowledge CLI)."""
    group.add_command(generate)
