"""Entry point of the `zantara` command: the GUI with no subcommand, otherwise a click group.

Errors from the core (:class:`~desktop.core.errors.ZantaraError`) become one line on stderr and exit code 1:
no Python traceback for the user.
"""

from __future__ import annotations

import click

from desktop import __version__
from desktop.cli import ask_cmd, doctor_cmd, key_cmd, knowledge_cmd, local_cmd, models_cmd
from desktop.core.errors import ZantaraError


class ZantaraGroup(click.Group):
    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except ZantaraError as exc:
            click.echo(f"zantara: {exc}", err=True)
            ctx.exit(1)
        except KeyboardInterrupt:
            click.echo("zantara: interrupted.", err=True)
            ctx.exit(130)
        except Exception as exc:
            store = damaged_store(exc)
            if store is None:
                raise
            click.echo(
                f"zantara: the {store} failed ({type(exc).__name__}: {str(exc)[:300]}). "
                "Run `zantara doctor` to check it and `zantara doctor --repair` to rebuild it.",
                err=True,
            )
            ctx.exit(1)


def damaged_store(exc: BaseException) -> str | None:
    """Which store an unexpected storage error came from (None: not a storage error, let it surface)."""
    import sqlite3

    if type(exc).__module__.startswith("chromadb"):
        return "knowledge store"
    if isinstance(exc, sqlite3.DatabaseError):
        return "conversations database"
    return None


@click.group(cls=ZantaraGroup, invoke_without_command=True)
@click.version_option(__version__, prog_name="zantara")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Zantara Desktop: Claude's brain, LLaMA's soul.

    Run with no command to open the desktop app.
    """
    from desktop.core import paths

    paths.make_private()
    if ctx.invoked_subcommand not in (None, "doctor", "backup", "restore"):
        from desktop.core.health.backup import backup_if_due

        backup_if_due()
    if ctx.invoked_subcommand is None:
        from desktop.cli.gui_cmd import launch_gui

        ctx.exit(launch_gui())


for module in (models_cmd, local_cmd, knowledge_cmd, ask_cmd, key_cmd, doctor_cmd):
    module.register(cli)


def main() -> None:
    cli(prog_name="zantara")


if __name__ == "__main__":
    main()
