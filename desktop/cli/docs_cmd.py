"""`zantara docs ...`: the team's own documents (add, list, remove, query, reindex).

``docs add`` exits 0 when every readable file is indexed and lists each file it could not index with the
reason: files it refuses (a scan, a password-protected PDF, a zip bomb) are problems of those files, listed,
exit 0; a path that does not exist or a readable file the index failed to write makes it exit 1.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.table import Table

from desktop.cli.output import console, err_console, json_option, print_json
from desktop.cli.textinput import clean_text

if TYPE_CHECKING:
    from desktop.core.documents.index import AddReport, DocumentIndex, FileResult


def _index() -> DocumentIndex:
    from desktop.core.services import Services

    return Services().documents


NOT_THE_FILES_FAULT = ("missing", "failed")


@click.group("docs")
def docs() -> None:
    """The team's documents: procedures, fee tables, templates (PDF, DOCX, Markdown, text, HTML)."""


@docs.command("add")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--watch",
    is_flag=True,
    help="Also watch the folders here until Ctrl+C (the app watches added folders whenever it runs).",
)
@click.option("--force", is_flag=True, help="Read and embed every file again, even unchanged ones.")
@json_option
def add_cmd(paths: tuple[Path, ...], watch: bool, force: bool, as_json: bool) -> None:
    """Index files and folders (folders recursively)."""
    index = _index()

    def progress(done: int, total: int, path: Path) -> None:
        if not as_json and done < total:
            err_console.print(f"[{done + 1}/{total}] {path.name}", markup=False, highlight=False)

    report = index.add(list(paths), progress=progress, force=force)
    _print_report(report, as_json)
    folders = [p for p in paths if p.is_dir()]
    if watch and folders:
        _watch(index, folders, as_json)
    if any(p.code in NOT_THE_FILES_FAULT for p in report.problems):
        raise SystemExit(1)


def _print_report(report: AddReport, as_json: bool) -> None:
    if as_json:
        print_json(report.to_dict())
        return
    counts = report.to_dict()["counts"]
    summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    console.print(f"{summary or 'nothing to index'} ({report.seconds:.1f} s)", markup=False)
    for problem in report.problems:
        console.print(f"  ✗ {problem.message}", markup=False, highlight=False)


def _watch(index: DocumentIndex, folders: list[Path], as_json: bool) -> None:
    from desktop.core.documents.watch import FolderWatcher

    def said(result: FileResult) -> None:
        if as_json:
            print_json(result.to_dict())
        else:
            console.print(f"{result.status}: {result.path} {result.message}".rstrip(), markup=False)

    for folder in folders:
        index.set_watched(folder)
    watcher = FolderWatcher(index, folders, said)
    watcher.start()
    console.print(f"watching {', '.join(str(f) for f in folders)} (Ctrl+C stops)", markup=False)
    try:
        while True:
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        watcher.stop()


@docs.command("list")
@json_option
def list_cmd(as_json: bool) -> None:
    """Every document: title, language, passages, status (and why it is not indexed)."""
    index = _index()
    infos, watched = index.documents(), index.watched()
    if as_json:
        print_json({"documents": [i.to_dict() for i in infos], "watched": watched})
        return
    table = Table()
    for col in ("id", "title", "lang", "pages", "passages", "status", "path"):
        table.add_column(col, overflow="fold")
    for i in infos:
        status = i.status if i.status == "indexed" else f"{i.status}: {i.error}"
        table.add_row(str(i.id), i.title, i.language, str(i.pages), str(i.passages), status, i.path)
    console.print(table)
    for folder in watched:
        console.print(f"watched while the app runs: {folder}", markup=False, highlight=False)


@docs.command("remove")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@json_option
def remove_cmd(paths: tuple[Path, ...], as_json: bool) -> None:
    """Take files (or everything under folders) out of the index; the files stay where they are."""
    index = _index()
    removed = [r for p in paths for r in index.remove(p)]
    for path in paths:
        index.set_watched(path, on=False)
    if as_json:
        print_json({"removed": [r.path for r in removed]})
    else:
        console.print(f"{len(removed)} removed", markup=False)
    if not removed:
        raise SystemExit(1)


@docs.command("query")
@click.argument("text")
@click.option("--k", "k", default=3, show_default=True, type=click.IntRange(1, 50), help="How many passages.")
@click.option(
    "--by",
    type=click.Choice(["hybrid", "vector", "words"]),
    default="hybrid",
    show_default=True,
    help="Both indexes fused, or one alone.",
)
@json_option
def query_cmd(text: str, k: int, by: str, as_json: bool) -> None:
    """The passages that answer TEXT, best first, and which index found each."""
    from desktop.core.documents import hybrid

    text = clean_text(text, "query")
    result = hybrid.search(_index(), text, k=k, mode=by)  # type: ignore[arg-type]
    if as_json:
        print_json(result.to_dict())
        return
    table = Table(show_lines=True)
    for col in ("score", "found by", "document", "page/section", "text"):
        table.add_column(col, overflow="fold")
    for hit in result.hits:
        place = f"p. {hit.page}" if hit.page else hit.section
        table.add_row(f"{hit.score:.4f}", hit.found_by, hit.document, place, hit.text)
    console.print(table)


@docs.command("reindex")
@click.option("--force", is_flag=True, help="Embed every passage again.")
@json_option
def reindex_cmd(force: bool, as_json: bool) -> None:
    """Check every document again: changed files are re-indexed, missing ones removed."""
    report = _index().reindex(force=force)
    _print_report(report, as_json)


def register(group: Any) -> None:
    group.add_command(docs)
