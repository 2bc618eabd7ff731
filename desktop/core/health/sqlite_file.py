"""Cheap integrity checks of an SQLite file, read-only, before anything else opens it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

MAGIC = b"SQLite format 3\x00"


def connect_readonly(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)


def check_sqlite(path: Path, tables: tuple[str, ...] = ()) -> list[str]:
    """Problems in the database file at ``path`` (empty when sound): header, `PRAGMA quick_check`, tables."""
    try:
        with path.open("rb") as fh:
            head = fh.read(100)
    except OSError as exc:
        return [f"cannot be read ({exc.strerror or exc})"]
    if len(head) == 0:
        return []  # an empty file is a database SQLite has not written yet
    if not head.startswith(MAGIC):
        return ["is not an SQLite database (its header is damaged)"]
    page_size = int.from_bytes(head[16:18], "big") or 65536
    pages = int.from_bytes(head[28:32], "big")
    size = path.stat().st_size
    wal = path.with_name(path.name + "-wal")
    if size < page_size * pages and not (wal.exists() and wal.stat().st_size):
        return [f"is truncated ({size} bytes of {page_size * pages})"]
    try:
        db = connect_readonly(path)
        try:
            rows = [r[0] for r in db.execute("PRAGMA quick_check(3)").fetchall()]
            if rows != ["ok"]:
                found_text = " ".join(" ".join(str(r).split()) for r in rows).replace(
                    "*** in database main *** ", ""
                )
                return ["is damaged: " + found_text[:200]]
            found = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        return [f"is damaged ({exc})"]
    lost = [t for t in tables if t not in found]
    return [f"has lost its table(s) {', '.join(lost)}"] if lost else []
