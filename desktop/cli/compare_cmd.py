"""`zantara compare MESSAGE_ID`: the same question answered with another strategy, shown as A and B without
saying which is which; `zantara compare MESSAGE_ID --pick A|B|tie` stores the preference and reveals them."""

from __future__ import annotations

from typing import Any

import click

from desktop.cli.output import json_option, print_json
from desktop.core.cancel import CancelToken


def _show(view: dict[str, Any]) -> None:
    if view.get("question"):
        click.echo(click.style(f"Question: {view['question']}", bold=True))
    for side in ("A", "B"):
        label = f"=== {side} ==="
        if view.get("winner"):
            label = f"=== {side}: {view[side].get('strategy', '?')} ==="
        click.echo(f"\n{click.style(label, bold=True)}\n{view[side]['text']}")


@click.command("compare")
@click.argument("message_id", type=int)
@click.option("--strategy", metavar="NAME", help="The other strategy (default: chosen by Thompson sampling).")
@click.option("--offline", is_flag=True, help="Make the second answer with the local model only.")
@click.option(
    "--pick",
    "winner",
    type=click.Choice(["A", "B", "tie"], case_sensitive=False),
    help="Store which answer of the open comparison was better.",
)
@json_option
def compare(message_id: int, strategy: str | None, offline: bool, winner: str | None, as_json: bool) -> None:
    """Blind comparison of answer MESSAGE_ID with another strategy's answer to the same question."""
    from desktop.core.feedback import actions
    from desktop.core.services import Services

    services = Services()
    if winner:
        comparison = actions.open_comparison(services, message_id)
        view = actions.pick(services, comparison["id"], winner)
        if as_json:
            print_json(view)
            return
        if view["winner"] == "tie":
            click.echo("Stored: about the same.")
        else:
            click.echo(f"Stored: {view['winner']} ({view[view['winner']]['strategy']}) is better.")
        click.echo(f"A was {view['A']['strategy']}, B was {view['B']['strategy']}.")
        return
    cancel = CancelToken()
    try:
        view = actions.compare(services, message_id, strategy=strategy, offline=offline, cancel=cancel)
    finally:
        cancel.cancel()
        services.router.wait_idle()
    if as_json:
        print_json(view)
        return
    _show(view)
    click.echo(f"\nWhich is better? zantara compare {message_id} --pick A|B|tie")


def register(cli: click.Group) -> None:
    cli.add_command(compare)
