"""`zantara doctor`, `zantara backup`, `zantara restore`: check, repair and back up the local data."""

from __future__ import annotations

import click

from desktop.cli.output import json_option, print_json


@click.command("doctor")
@click.option("--repair", is_flag=True, help="Rebuild what is damaged (a copy of it is kept).")
@json_option
def doctor(repair: bool, as_json: bool) -> None:
    """Check the conversations database and the knowledge store; exit 1 while something is damaged."""
    from desktop.core.health import doctor as core

    report = core.run(repair=repair, say=None if as_json else lambda t: click.echo(t, err=True))
    if as_json:
        print_json(report)
    else:
        for line in core.describe(report):
            click.echo(line)
    if not report["ok"]:
        raise SystemExit(1)


@click.command("backup")
@json_option
def backup(as_json: bool) -> None:
    """Back up the conversations and your own insights now (the newest 7 backups are kept)."""
    from desktop.core.health import backup as core

    made = core.make_backup()
    if as_json:
        print_json(made)
    else:
        click.echo(
            f"Backup {made['name']}: {made.get('messages') or 0} messages, {made.get('insights') or 0} insights."
        )


@click.command("restore")
@click.argument("name", required=False)
@json_option
def restore(name: str | None, as_json: bool) -> None:
    """Restore backup NAME (conversations and your insights); with no NAME, list the backups."""
    from desktop.core.health import backup as core

    if name is None:
        found = core.list_backups()
        if as_json:
            print_json({"backups": found})
            return
        if not found:
            click.echo("No backup yet: `zantara backup` makes one (one is also made each day on start).")
        for b in found:
            click.echo(f"{b['name']}  {b.get('messages') or 0} messages  {b.get('insights') or 0} insights")
        return
    result = core.restore_backup(name)
    if as_json:
        print_json(result)
    else:
        click.echo(
            f"Restored {result['name']}: {result.get('messages', 0)} messages, "
            f"{result.get('insights', 0)} of your insights."
        )
        if result.get("previous_kept_in"):
            click.echo(f"The previous conversations database is kept in {result['previous_kept_in']}.")


def register(cli: click.Group) -> None:
    for command in (doctor, backup, restore):
        cli.add_command(command)
