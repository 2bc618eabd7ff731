"""Read what is still readable out of a damaged SQLite file: whole tables when possible, else row by row.

A damaged page makes a full scan fail at the first bad b-tree page, but lookups by rowid only touch the
pages on their path, so every row outside the damaged pages can still be read one at a time.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

GIVE_UP_AFTER = 2000  # consecutive missing rowids after which a table is taken to be exhausted


@contextmanager
def open_damaged(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection to a private working copy (removed afterwards); a truncated copy is padded
    back to its recorded size with zeros, since SQLite refuses every page of a file shorter than its header
    says."""
    folder = Path(tempfile.mkdtemp(prefix="zantara-salvage-"))
    try:
        db = _open_copy(path, folder / path.name)
        try:
            yield db
        finally:
            db.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _open_copy(path: Path, work: Path) -> sqlite3.Connection:
    shutil.copyfile(path, work)
    for suffix in ("-wal",):
        if path.with_name(path.name + suffix).exists():
            shutil.copyfile(path.with_name(path.name + suffix), work.with_name(work.name + suffix))
    head = work.read_bytes()[:100]
    if len(head) == 100:
        page_size = int.from_bytes(head[16:18], "big") or 65536
        recorded = page_size * int.from_bytes(head[28:32], "big")
        if work.stat().st_size < recorded:
            with work.open("r+b") as fh:
                fh.truncate(recorded)
    db = sqlite3.connect(f"file:{work}?mode=ro", uri=True)
    db.row_factory = sqlite3.Row
    return db


def table_rows(
    db: sqlite3.Connection, table: str, where: str = "", params: tuple[Any, ...] = ()
) -> list[dict[str, Any]]:
    """Every readable row of ``table`` (with its rowid as ``_rowid``)."""
    sql = f"SELECT rowid AS _rowid, * FROM {table}" + (f" WHERE {where}" if where else "")
    try:
        return [dict(r) for r in db.execute(sql, params).fetchall()]
    except sqlite3.DatabaseError:
        pass
    rows: list[dict[str, Any]] = []
    top = _max_rowid(db, table)
    missing, rowid = 0, 0
    while missing < GIVE_UP_AFTER or rowid < top:
        rowid += 1
        try:
            found = db.execute(
                f"SELECT rowid AS _rowid, * FROM {table} WHERE rowid = ?"
                + (f" AND ({where})" if where else ""),
                (rowid, *params),
            ).fetchone()
        except sqlite3.DatabaseError:
            found = None
        if found is None:
            missing += 1
            continue
        missing = 0
        rows.append(dict(found))
    return rows


def _max_rowid(db: sqlite3.Connection, table: str) -> int:
    for sql in (f"SELECT max(rowid) FROM {table}", "SELECT seq FROM sqlite_sequence WHERE name = ?"):
        try:
            row = db.execute(sql, (table,) if "?" in sql else ()).fetchone()
            if row and row[0]:
                return int(row[0])
        except sqlite3.DatabaseError:
            continue
    return 0
