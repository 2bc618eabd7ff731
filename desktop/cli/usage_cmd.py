"""`zantara usage`: Claude's tokens and their cost per day, model and strategy, and the cultural context's
share of the cost. Prices come from models/prices.json, overridden by <data folder>/prices.json."""

from __future__ import annotations

from typing import Any

import click

from desktop.cli.output import json_option, print_json


def _line(name: str, b: dict[str, Any]) -> str:
    return (
        f"  {name:<22} {b['calls']:>5} call(s) {b['input_tokens']:>9} in {b['output_tokens']:>8} out"
        f"  ${b['cost_usd']:.4f}  insights {b['insight_share']:.0%}"
    )


@click.command("usage")
@click.option("--days", type=click.IntRange(1, 3650), help="Only the last N days.")
@json_option
def usage(days: int | None, as_json: bool) -> None:
    """Claude token usage and cost, with the share the cultural insights add."""
    from desktop.core.feedback.usage import usage_report
    from desktop.core.services import Services

    data = usage_report(Services().conversations, days)
    if as_json:
        print_json(data)
        return
    t = data["total"]
    click.echo(
        f"{t['answers']} Claude answer(s), {t['calls']} call(s): {t['input_tokens']} input and "
        f"{t['output_tokens']} output tokens, ${t['cost_usd']:.4f}. The cultural insights added "
        f"{t['insight_input_tokens']} input tokens, {t['insight_share']:.1%} of the cost."
    )
    for title, key in (("Per day", "by_day"), ("Per model", "by_model"), ("Per strategy", "by_strategy")):
        if data[key]:
            click.echo(click.style(f"\n{title}", bold=True))
            for name, bucket in data[key].items():
                click.echo(_line(name, bucket))
    click.echo(f"\nPrices: {', '.join(data['prices']['sources']) or 'built-in defaults'}")


def register(cli: click.Group) -> None:
    cli.add_command(usage)
