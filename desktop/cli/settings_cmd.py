"""`zantara settings show|set`: read and change the settings file from the command line.

``set`` goes through :meth:`Settings.update` like the Settings dialog: the value is validated against the
field's rule (type, range, choices) and the file is written atomically; a bad value changes nothing.
"""

from __future__ import annotations

import json
from typing import Any

import click

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


@settings_group.command("set")
@click.argument("name")
@click.argument("value")
def set_value(name: str, value: str) -> None:
    """Set NAME to VALUE (numbers are parsed; `zantara settings show` lists the names)."""
    from desktop.core.llm.framing import encodable
    from desktop.core.settings import RULES, Settings

    for what, text in (("name", name), ("value", value)):
        if encodable(text) != text:
            raise SettingsError(
                f"The setting's {what} holds bytes that are not UTF-8; nothing was changed.",
                "Type it again as plain text (UTF-8).",
            )
    rule = next((r for r in RULES if r.name == name), None)
    if rule is None:
        raise SettingsError(f"Unknown setting '{name}'.", "Run `zantara settings show` to see the names.")
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
