"""`zantara sync`, `zantara sync status`, `zantara sync token`: the team sync from the shell.

This laptop's store is always the one answers come from; a sync exchanges changes with the team server
(pull, then push). A failed sync changes nothing here and says why; the next one resumes.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from desktop.cli.output import console, err_console, json_option, print_json
from desktop.core.errors import TeamError, ZantaraError


def _services() -> Any:
    from desktop.core.services import Services

    return Services()


@click.group("sync", invoke_without_command=True)
@json_option
@click.pass_context
def sync(ctx: click.Context, as_json: bool) -> None:
    """Sync with the team server now: pull colleagues' changes, push this laptop's."""
    if ctx.invoked_subcommand is not None:
        return
    from desktop.core.sync.service import run_sync

    def progress(stage: str, done: int, total: int) -> None:
        if not as_json:
            err_console.print(f"{stage}: {done}/{total}", highlight=False)

    try:
        summary = run_sync(_services(), progress)
    except TeamError as exc:
        if not as_json:
            raise
        print_json({"ok": False, "pulled": 0, "pushed": 0, "conflicts": 0, "errors": [str(exc)]})
        ctx.exit(1)
        return
    data = {"ok": True} | summary.to_dict()
    if as_json:
        print_json(data)
        return
    console.print(
        f"Synced in {summary.seconds:.1f} s: pulled {summary.pulled}, pushed {summary.pushed}, "
        f"conflicts {summary.conflicts} (the losing versions are in each insight's history)"
        + (f", {summary.skipped} unchanged curated insights not uploaded" if summary.skipped else ""),
        highlight=False,
    )


@sync.command("status")
@click.option("--no-probe", is_flag=True, help="Do not contact the server (local figures only).")
@json_option
def status_cmd(no_probe: bool, as_json: bool) -> None:
    """Last success, changes waiting, whether the server answers, record counts."""
    from desktop.core.sync.service import status

    data = status(_services(), probe=not no_probe)
    if as_json:
        print_json(data)
        return
    if not data["team_url"]:
        console.print(
            "No team server set: this laptop works on its own (`zantara settings set team_url ...`)."
        )
        return
    reach = {True: "reachable", False: "unreachable", None: "not checked"}[data["reachable"]]
    console.print(f"Team server: {data['team_url']} ({reach}{'' if data['token_set'] else ', no token set'})")
    console.print(f"Last successful sync: {data['last_success'] or 'never'}")
    console.print(f"Changes waiting to be pushed: {data['pending']}")
    counts = ", ".join(f"{k} {v}" for k, v in data["local_counts"].items())
    console.print(f"Here: {counts}", highlight=False)
    if data["server_counts"]:
        counts = ", ".join(f"{k} {v}" for k, v in data["server_counts"].items())
        console.print(f"On the server: {counts}", highlight=False)
    if data.get("error") or data["last_error"]:
        console.print(f"Last problem: {data.get('error') or data['last_error']}", highlight=False)


@sync.command("token")
@click.option(
    "--file", "to_file", is_flag=True, help="Store it in Zantara's encrypted file, not the keyring."
)
@click.option("--clear", is_flag=True, help="Forget the stored token.")
def token_cmd(to_file: bool, clear: bool) -> None:
    """Store the team server's token: hidden prompt, or stdin when piped."""
    from desktop.core import secrets
    from desktop.core.sync.token import delete_team_token, set_team_token

    if clear:
        delete_team_token()
        click.echo("Team token forgotten.")
        return
    tty = sys.stdin.isatty()
    value = click.prompt("Team server token", hide_input=True) if tty else sys.stdin.readline()
    if not value.strip():
        raise ZantaraError("No token given.", "Ask whoever runs the team server for it.")
    where = set_team_token(value, store=secrets.FILE if to_file else secrets.KEYRING)
    click.echo(
        "Team token stored in the " + ("OS keyring." if where == secrets.KEYRING else "encrypted file.")
    )


def register(cli: click.Group) -> None:
    cli.add_command(sync)
