"""Small helpers shared by the CLI modules: JSON printing and rich console."""

from __future__ import annotations

import json
import os
import sys
from typing import Any, TextIO

import click
from rich.console import Console

console = Console()
err_console = Console(stderr=True)


def print_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


json_option = click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON.")


def own_streams() -> tuple[TextIO, Console]:
    """Standard output and a stderr console on private copies of file descriptors 1 and 2.

    llama-cpp-python silences a model's loading by pointing descriptors 1 and 2 at /dev/null (and replacing
    ``sys.stdout``) for the whole process; a local model loading in a worker thread while the answer streams
    would swallow the answer. Copies made before that keep pointing at the terminal or pipe."""
    try:
        out = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8", errors="replace", closefd=True)
        err = os.fdopen(os.dup(sys.stderr.fileno()), "w", encoding="utf-8", errors="replace", closefd=True)
    except (OSError, ValueError, AttributeError):  # no real descriptors (tests capturing in memory)
        return sys.stdout, err_console
    return out, Console(file=err, stderr=True, force_terminal=err_console.is_terminal)
