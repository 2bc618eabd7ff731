"""Small helpers shared by the CLI modules: JSON printing and rich console."""

from __future__ import annotations

import json
from typing import Any

import click
from rich.console import Console

console = Console()
err_console = Console(stderr=True)


def print_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


json_option = click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON.")
