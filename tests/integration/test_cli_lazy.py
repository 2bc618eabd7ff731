"""The `zantara` group imports a command's module only when that command runs (cold start, issue 15)."""

from __future__ import annotations

import importlib

import click

from desktop.cli.main import COMMAND_MODULES, cli


def test_every_command_is_in_the_map_under_the_module_that_registers_it() -> None:
    with click.Context(cli) as ctx:
        assert set(cli.list_commands(ctx)) == set(COMMAND_MODULES)
    for name, module in COMMAND_MODULES.items():
        group = click.Group()
        importlib.import_module(f"desktop.cli.{module}").register(group)
        assert name in group.commands, (name, module)


def test_a_command_missing_from_the_map_is_still_found() -> None:
    @click.command("later")
    def later() -> None:
        """Registered by hand, as a module would be that is not in the map yet."""

    cli.add_command(later)
    try:
        with click.Context(cli) as ctx:
            assert cli.get_command(ctx, "later") is later
            assert cli.get_command(ctx, "no-such-command") is None
    finally:
        cli.commands.pop("later")
