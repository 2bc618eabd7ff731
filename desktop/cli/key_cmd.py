"""`zantara key set|status|delete`: the Anthropic API key in the OS keyring.

The key is read with a hidden prompt (or from stdin when piped) and goes straight to the keyring; it is never
echoed, logged or written to the settings file.
"""

from __future__ import annotations

import sys

import click

from desktop.cli.output import json_option, print_json
from desktop.core.errors import ZantaraError


@click.group("key")
def key() -> None:
    """The Anthropic API key (stored in the OS keyring)."""


@key.command("set")
@click.option(
    "--file",
    "to_file",
    is_flag=True,
    help="Store it in Zantara's encrypted file (for systems without an OS keyring).",
)
def set_cmd(to_file: bool) -> None:
    """Store the key: hidden prompt, or read from stdin when piped (`echo $KEY | zantara key set`)."""
    if sys.stdin.isatty():
        value = click.prompt("Anthropic API key", hide_input=True, confirmation_prompt=False)
    else:
        value = sys.stdin.readline()
    from desktop.core import secrets  # the keyring loads only for the key commands (cold start)

    value = value.strip()
    if not value:
        raise ZantaraError(
            "No key given.", "Paste the key from console.anthropic.com (it starts with sk-ant-)."
        )
    if to_file:
        secrets.set_api_key(value, store=secrets.FILE)
        click.echo(f"Key stored in the encrypted file {secrets.file_store().file_path}.")
        return
    secrets.set_api_key(value)
    click.echo(f"Key stored in the OS keyring ({secrets.backend_name()}).")


@key.command("status")
@json_option
def status_cmd(as_json: bool) -> None:
    """Whether a key is set and where it comes from (never the key itself)."""
    from desktop.core import secrets

    data = secrets.api_key_status()
    if as_json:
        print_json(data)
        return
    if data["set"]:
        click.echo(f"Key set (from {data['source']}).")
    else:
        click.echo("No key set. Run `zantara key set` or export ANTHROPIC_API_KEY.")
    click.echo(f"Keyring backend: {data['backend']}" + ("" if data["keyring_usable"] else " (not usable)"))


@key.command("delete")
@json_option
def delete_cmd(as_json: bool) -> None:
    """Remove the stored key (OS keyring and encrypted file; ANTHROPIC_API_KEY, if exported, still applies)."""
    from desktop.core import secrets

    removed = secrets.delete_api_key()
    if as_json:
        print_json({"deleted": removed})
        return
    click.echo("Stored key removed." if removed else "No key was stored.")


def register(cli: click.Group) -> None:
    cli.add_command(key)
