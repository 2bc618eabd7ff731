"""Entry point of the `zantara` command: the GUI with no subcommand, otherwise a click group.

Errors from the core (:class:`~desktop.core.errors.ZantaraError`) become one line on stderr and exit code 1;
any other error is logged with its traceback (:mod:`desktop.cli.crash`) and one line says where: no Python
traceback for the user. Problems in the settings file are reported once, on stderr, before the command runs.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import os
import sys
from typing import Any

import click

from desktop import __version__
from desktop.cli import crash
from desktop.core.errors import ZantaraError

#: command -> the module whose ``register(group)`` adds it. A command imports only its own module (importing
#: them all cost a cold `knowledge query` ~40 ms); --help and unknown names load them all, so a command
#: registered elsewhere still works. tests/integration/test_cli_lazy.py checks this map.
COMMAND_MODULES = {
    "models": "models_cmd",
    "local": "local_cmd",
    "knowledge": "knowledge_cmd",
    "ask": "ask_cmd",
    "history": "ask_cmd",
    "status": "ask_cmd",
    "key": "key_cmd",
    "doctor": "doctor_cmd",
    "backup": "doctor_cmd",
    "restore": "doctor_cmd",
    "settings": "settings_cmd",
    "rate": "rate_cmd",  # rate, compare, feedback, usage: one module
    "compare": "compare_cmd",
    "usage": "usage_cmd",
    "feedback": "feedback_cmd",
    "sync": "sync_cmd",
    "docs": "docs_cmd",
}


class ZantaraGroup(click.Group):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._registered: set[str] = set()

    def _register(self, module: str) -> None:
        if module not in self._registered:
            self._registered.add(module)
            importlib.import_module(f"desktop.cli.{module}").register(self)

    def _register_all(self) -> None:
        for module in dict.fromkeys(COMMAND_MODULES.values()):
            self._register(module)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMAND_MODULES:
            self._register(COMMAND_MODULES[cmd_name])
        command = super().get_command(ctx, cmd_name)
        if command is None:
            self._register_all()
            command = super().get_command(ctx, cmd_name)
        return command

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._register_all()
        return super().list_commands(ctx)

    def invoke(self, ctx: click.Context) -> object:
        try:
            report_settings_problems()
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except ZantaraError as exc:
            click.echo(f"zantara: {full_disk_or(exc)}", err=True)
            ctx.exit(1)
        except KeyboardInterrupt:
            click.echo("zantara: interrupted.", err=True)
            ctx.exit(130)
        except Exception as exc:
            from desktop.core.health.disk import disk_full, is_disk_full, no_room

            store = damaged_store(exc)
            if is_disk_full(exc) or (store is not None and no_room()):
                click.echo(f"zantara: {disk_full(exc)}", err=True)
                ctx.exit(1)
            if store is not None:
                click.echo(
                    f"zantara: the {store} failed ({type(exc).__name__}: {str(exc)[:300]}). "
                    "Run `zantara doctor` to check it and `zantara doctor --repair` to rebuild it.",
                    err=True,
                )
                ctx.exit(1)
            click.echo(crash.one_line(exc, crash.write_report(exc, ctx.invoked_subcommand or "")), err=True)
            ctx.exit(1)
        return None


def full_disk_or(exc: ZantaraError) -> ZantaraError:
    """A core error caused by a full disk is said as a full disk (free space), never as damage."""
    from desktop.core.errors import DiskFull
    from desktop.core.health.disk import disk_full, is_disk_full

    return disk_full(exc) if is_disk_full(exc) and not isinstance(exc, DiskFull) else exc


def damaged_store(exc: BaseException) -> str | None:
    """Which store an unexpected storage error came from (None: not a storage error)."""
    import sqlite3

    if type(exc).__module__.startswith("chromadb"):
        return "knowledge store"
    if isinstance(exc, sqlite3.DatabaseError):
        return "conversations database"
    return None


def report_settings_problems() -> None:
    """Each bad field of the settings file, once (it falls back to its default for this command)."""
    from desktop.core.settings import Settings

    for problem in Settings.load().problems:
        click.echo(f"zantara: {problem}", err=True)


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


def main() -> None:
    """Run the command, then leave without tearing the interpreter down (see :func:`hard_exit`)."""
    code: int = 0
    try:
        cli(prog_name="zantara")
    except SystemExit as exc:
        if isinstance(exc.code, str):
            click.echo(exc.code, err=True)
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException as exc:  # outside any command (argument parsing, the group itself)
        click.echo(crash.one_line(exc, crash.write_report(exc)), err=True)
        code = 1
    hard_exit(code)


def hard_exit(code: int) -> None:
    """Flush and end the process at once, skipping interpreter finalisation.

    Finalisation frees native objects (the llama.cpp model and context, Chroma's Rust client) while their own
    threads (ggml's OpenMP workers, Chroma's tokio runtime) may still run: with several asks at once on a busy
    machine 2-6 of 10 processes died with a segfault (exit 139) after printing complete answers. Everything
    worth keeping is already written (SQLite commits each change, files are written atomically).
    """
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    main()
