"""JSONL import and export of insights: the exchange format between teams, packs and backups.

Import validates every line and reports each bad one with its number and reason, keeps the good ones, and
never touches what is already stored (an id already present is counted as a duplicate, not overwritten).
Export writes through a temp file so an interrupted export never leaves half a file, and only into a folder
that exists (a typo must not silently create a new folder tree).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core.atomic import atomic_write_text
from desktop.core.errors import KnowledgeError
from desktop.core.knowledge.insight import Insight

if TYPE_CHECKING:
    from desktop.core.knowledge.store import KnowledgeStore


@dataclass
class ImportReport:
    added: int = 0
    duplicates: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)  # (line number, reason)

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "duplicates": self.duplicates,
            "errors": [{"line": n, "reason": r} for n, r in self.errors],
        }


def parse_jsonl(path: Path, default_source: str = "curated") -> Iterator[tuple[int, Insight | None, str]]:
    """Yield (line number, insight or None, error reason) for each non-blank line."""
    try:
        fh = path.open("rb")  # bytes, decoded line by line: one bad line must not spoil the rest
    except OSError as exc:
        raise KnowledgeError(f"Cannot read {path} ({exc.strerror or exc}).", "Check the path.") from exc
    with fh:
        for line_no, raw in enumerate(fh, 1):
            try:
                line = raw.decode("utf-8-sig" if line_no == 1 else "utf-8")
            except UnicodeDecodeError:
                yield line_no, None, "not UTF-8 text"
                continue
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                yield line_no, None, f"invalid JSON ({exc.msg} at column {exc.colno})"
                continue
            try:
                yield line_no, Insight.from_dict(data, default_source), ""
            except (ValueError, TypeError) as exc:
                yield line_no, None, str(exc)


def import_jsonl(store: KnowledgeStore, path: str | Path) -> ImportReport:
    """Add the file's new insights. Anything not from the shipped packs is the user's (:mod:`.provenance`):
    a line without 'source' is theirs, and every line is marked imported, so backups and repairs keep it."""
    from desktop.core.knowledge.provenance import is_shipped_file, mark_imported

    report = ImportReport()
    fresh: dict[str, Insight] = {}
    shipped = is_shipped_file(Path(path))
    for line_no, insight, reason in parse_jsonl(Path(path), "curated" if shipped else "user"):
        if insight is not None and not shipped:
            mark_imported(insight, Path(path))
        if insight is None:
            report.errors.append((line_no, reason))
        elif insight.id in fresh:
            report.duplicates += 1
        else:
            fresh[insight.id] = insight
    existing = set(store.existing_ids(list(fresh)))
    report.duplicates += len(existing)
    new = [i for key, i in fresh.items() if key not in existing]
    report.added = store.add(new) if new else 0
    return report


def export_jsonl(store: KnowledgeStore, path: str | Path, **filters: str | None) -> int:
    """Write the (filtered) insights, one JSON object a line, ordered by id for stable diffs."""
    folder = Path(path).parent
    if not folder.is_dir():
        raise KnowledgeError(
            f"Cannot write {path}: the folder {folder} does not exist.",
            "Create it first or choose another path.",
        )
    items = sorted(store.iter_all(**filters), key=lambda i: i.id)
    text = "".join(json.dumps(i.to_dict(), ensure_ascii=False) + "\n" for i in items)
    try:
        atomic_write_text(Path(path), text)
    except OSError as exc:
        reason = exc.strerror or exc
        raise KnowledgeError(f"Cannot write {path} ({reason}).", "Choose a writable folder.") from exc
    return len(items)
