"""`zantara rate MESSAGE_ID up|down|clear [--reason R] [--note TEXT]`: the verdict on one answer.

Rating again edits the rating (a reason or note not given is kept); ``clear`` removes it."""

from __future__ import annotations

import click

from desktop.cli.output import json_option, print_json
from desktop.core.feedback.ratings import REASONS


@click.command("rate")
@click.argument("message_id", type=int)
@click.argument("verdict", type=click.Choice(["up", "down", "clear"]))
@click.option(
    "--reason",
    metavar="REASON",
    help=f"One of: {', '.join(REASONS)} ('' removes it).",
)
@click.option("--note", metavar="TEXT", help="A free note ('' removes it).")
@json_option
def rate(message_id: int, verdict: str, reason: str | None, note: str | None, as_json: bool) -> None:
    """Rate answer MESSAGE_ID (ids: `zantara history --json`) thumbs up or down."""
    from desktop.core.feedback import actions
    from desktop.core.services import Services

    services = Services()
    if verdict == "clear":
        result = actions.clear(services, message_id)
        if as_json:
            print_json(result)
        else:
            click.echo(
                f"Rating of answer {message_id} " + ("removed." if result["cleared"] else "was not set.")
            )
        return
    result = actions.rate(services, message_id, verdict, reason=reason, note=note)
    if as_json:
        print_json(result)
        return
    extra = "".join(f" · {x}" for x in (result["reason"], result["note"]) if x)
    click.echo(
        f"Answer {message_id} rated {'👍' if verdict == 'up' else '👎'}{extra} "
        f"({result['strategy'] or '?'}, {result['language'] or '?'}, {result['profile']})."
    )
    if result.get("share_error"):
        click.echo(f"zantara: not shared with the team: {result['share_error']}", err=True)


def register(cli: click.Group) -> None:
    cli.add_command(rate)
