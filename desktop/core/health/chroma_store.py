"""Integrity of the local Chroma folder: its SQLite catalogue and every persisted HNSW segment.

A vector segment is *persisted* once Chroma has flushed it (it then has a row in ``max_seq_id``); before that
its vectors live in the write-ahead log inside ``chroma.sqlite3`` and the folder may be absent or empty.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from desktop.core.health.hnsw import check_segment
from desktop.core.health.sqlite_file import check_sqlite, connect_readonly

CATALOGUE = "chroma.sqlite3"
TABLES = ("collections", "segments", "embeddings", "embedding_metadata", "embeddings_queue", "max_seq_id")


def check_chroma(folder: Path, unchanged: Callable[[Path], bool] | None = None) -> list[str]:
    """Problems in the Chroma folder (empty when sound or not created yet). ``unchanged(segment folder)``
    says a persisted index segment passed before and has not changed since: it is not read again."""
    catalogue = folder / CATALOGUE
    if not catalogue.exists():
        return [] if not any(folder.glob("*-*-*-*-*")) else [f"{CATALOGUE} is missing"]
    problems = [f"{CATALOGUE} {p}" for p in check_sqlite(catalogue, TABLES)]
    if problems:
        return problems
    try:
        segments = _vector_segments(catalogue)
    except sqlite3.DatabaseError as exc:
        return [f"{CATALOGUE} cannot be read ({exc})"]
    for seg_id, dim, cosine, persisted in segments:
        seg = folder / seg_id
        if not seg.is_dir():
            if persisted:
                problems.append(f"index folder {seg_id} is missing")
            continue
        if not persisted and not (seg / "header.bin").exists():
            continue
        if unchanged is not None and unchanged(seg):
            continue
        problems += [f"index {seg_id[:8]}: {p}" for p in check_segment(seg, dim, cosine)]
    return problems


def _vector_segments(catalogue: Path) -> list[tuple[str, int | None, bool, bool]]:
    """(segment id, dimension, cosine space, persisted) of every vector segment."""
    db = connect_readonly(catalogue)
    try:
        rows = db.execute(
            "SELECT s.id, c.dimension, COALESCE(c.config_json_str, '') || COALESCE(c.schema_str, ''),"
            " EXISTS (SELECT 1 FROM max_seq_id m WHERE m.segment_id = s.id)"
            " FROM segments s JOIN collections c ON c.id = s.collection WHERE s.scope = 'VECTOR'"
        ).fetchall()
    finally:
        db.close()
    return [(str(i), int(d) if d else None, _is_cosine(str(cfg)), bool(p)) for i, d, cfg, p in rows]


def _is_cosine(config: str) -> bool:
    compact = config.replace(" ", "")
    return '"space":"cosine"' in compact and '"space":"l2"' not in compact and '"space":"ip"' not in compact
