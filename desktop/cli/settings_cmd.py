"""`zantara settings show|describe|set`: read and change the settings file from the command line.

Generated from the settings' declarations (:func:`desktop.core.settings.setting`): the names, what each accepts
and its description come from there, so a new field appears here without editing this module. ``set`` goes
through :meth:`Settings.update` like the Settings dialog: the value is validated against the
field's rule (type, range, choices) and the file is written atomically; a bad value changes nothing.
"""

from __future__ import annotations

import json
from typing import Any

import click

from desktop.cli.output import json_option, print_json
from desktop.core.errors import SettingsError


@click.group("settings")
def settings_group() -> None:
    """Show or change settings (e.g. `zantara settings set backend openai`)."""


@settings_group.command("show")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def show(as_json: bool) -> None:
    """Every setting and its current value."""
    from desktop.core.settings import RULES, Settings

    settings = Settings.load()
    values = {rule.name: getattr(settings, rule.name) for rule in RULES}
    if as_json:
        click.echo(json.dumps(values, indent=2, ensure_ascii=False))
        return
    for name, value in values.items():
        click.echo(f"{name} = {json.dumps(value, ensure_ascii=False)}")


@settings_group.command("describe")
@click.argument("name", required=False)
@json_option
def describe(name: str | None, as_json: bool) -> None:
    """What each setting (or NAME) means, accepts and defaults to, and its current value."""
    from desktop.core.settings import RULES, Settings, rule

    settings, defaults = Settings.load(), Settings()
    chosen = [rule(name)] if name else list(RULES)
    rows = [
        {
            "name": r.name,
            "value": getattr(settings, r.name),
            "default": getattr(defaults, r.name),
            "accepts": r.accepted(),
            "description": r.doc,
            "rebuilds": list(r.rebuilds),
        }
        for r in chosen
    ]
    if as_json:
        print_json(rows if name is None else rows[0])
        return
    for row in rows:
        click.echo(f"{row['name']} = {json.dumps(row['value'], ensure_ascii=False)}")
        click.echo(f"    {row['description']}")
        click.echo(f"    accepts {row['accepts']}; default {json.dumps(row['default'], ensure_ascii=False)}")


@settings_group.command("set")
@click.argument("name")
@click.argument("value")
def set_value(name: str, value: str) -> None:
    """Set NAME to VALUE (numbers are parsed; `zantara settings show` lists the names)."""
    from desktop.core.llm.framing import encodable
    from desktop.core.settings import Settings
    from desktop.core.settings import rule as rule_of

    for what, text in (("name", name), ("value", value)):
        if encodable(text) != text:
            raise SettingsError(
                f"The setting's {what} holds bytes that are not UTF-8; nothing was changed.",
                "Type it again as plain text (UTF-8).",
            )
    rule = rule_of(name)
    parsed: Any = value
    if rule.kind in (int, float):
        try:
            parsed = rule.kind(value)
        except ValueError:
            raise SettingsError(f"Setting '{name}' = {value!r} is invalid: use {rule.accepted()}.") from None
    settings = Settings.load()
    changed = settings.update(**{name: parsed})
    click.echo(
        f"{name} = {json.dumps(getattr(settings, name), ensure_ascii=False)}"
        + ("" if changed else " (unchanged)")
    )


def register(cli: click.Group) -> None:
    cli.add_command(settings_group)
