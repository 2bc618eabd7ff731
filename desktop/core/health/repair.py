"""`zantara doctor --repair`: rebuild what can be rebuilt, keeping a copy of everything damaged.

The knowledge store is rebuilt from the curated packs plus the user's own insights (:mod:`..provenance`),
read straight out of Chroma's catalogue when it is readable (re-embedded, so a damaged index does not matter)
and from the newest backup (what the catalogue no longer holds and the user did not delete), with the answer
memory re-indexed from the conversations. Conversations are salvaged row by row into a fresh database.

It is one transaction (:mod:`.staging`): free space is checked first, every new store is built beside the
live one and swapped in only when whole; damaged files are then moved into ``damaged-<timestamp>``, never
deleted. Any failure leaves every file where it was and says so.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.core import paths
from desktop.core.errors import ZantaraError
from desktop.core.health import CONVERSATIONS, KNOWLEDGE
from desktop.core.health.disk import disk_full, is_disk_full, no_room, require_space, size_of
from desktop.core.health.salvage import open_damaged, table_rows
from desktop.core.health.staging import (
    KnowledgeParts,
    Swap,
    build_knowledge,
    building,
    live_chroma,
    live_database,
    release_chroma,
    sweep,
)
from desktop.core.knowledge.insight import Insight
from desktop.core.knowledge.provenance import is_users_own, shipped_ids
from desktop.core.messages import say

DOCUMENT_KEY = "chroma:document"


def damaged_folder() -> Path:
    """Where the damaged files go (created only when something is moved there)."""
    return paths.data_dir() / f"damaged-{time.strftime('%Y%m%d-%H%M%S')}"


# -- knowledge ----------------------------------------------------------------------------------------------
def read_chroma_insights(catalogue: Path) -> tuple[list[Insight], set[str]]:
    """Insights (documents + metadata) and tombstoned ids readable from a Chroma catalogue, without Chroma."""
    from desktop.core.knowledge.store import COLLECTION, TOMBSTONES, from_record

    with open_damaged(catalogue) as db:
        segments = _metadata_segments(db)
        insights: list[Insight] = []
        deleted: set[str] = set()
        seg = segments.get(COLLECTION)
        if seg:
            records = _records(db, seg)
            for _key, meta in records.items():
                doc = meta.pop(DOCUMENT_KEY, None)
                if isinstance(doc, str) and doc:
                    insight = from_record(doc, meta)
                    try:
                        insight.validate()
                    except ValueError:
                        continue
                    insights.append(insight)
        tomb = segments.get(TOMBSTONES)
        if tomb:
            deleted = {
                str(r["embedding_id"]) for r in table_rows(db, "embeddings", "segment_id = ?", (tomb,))
            }
        return insights, deleted


def _metadata_segments(db: sqlite3.Connection) -> dict[str, str]:
    names = {r["id"]: r["name"] for r in table_rows(db, "collections")}
    return {
        names[r["collection"]]: r["id"]
        for r in table_rows(db, "segments")
        if r.get("scope") == "METADATA" and r.get("collection") in names
    }


def _records(db: sqlite3.Connection, segment: str) -> dict[str, dict[str, Any]]:
    rows = table_rows(db, "embeddings", "segment_id = ?", (segment,))
    by_row = {r["id"]: str(r["embedding_id"]) for r in rows}
    out: dict[str, dict[str, Any]] = {key: {} for key in by_row.values()}
    for m in table_rows(db, "embedding_metadata"):
        key = by_row.get(m["id"])
        if key is None:
            continue
        value = next(
            (m[c] for c in ("string_value", "int_value", "float_value") if m.get(c) is not None),
            None,
        )
        if m.get("bool_value") is not None:
            value = bool(m["bool_value"])
        out[key][str(m["key"])] = value
    return out


def gather_parts(catalogue: Path, backup_jsonl: Path | None) -> KnowledgeParts:
    """The user's own insights and deleted ids: from the catalogue as far as it is readable, plus what the
    newest backup holds that the catalogue lost (and the user did not delete)."""
    from desktop.core.knowledge.jsonl import parse_jsonl

    shipped = shipped_ids()
    parts = KnowledgeParts()
    found: set[str] = set()
    origins = []
    try:
        insights, parts.deleted = read_chroma_insights(catalogue)
        found = {i.id for i in insights}
        parts.own = [i for i in insights if is_users_own(i, shipped)]
        origins.append("damaged store")
    except (sqlite3.DatabaseError, OSError):
        pass
    if backup_jsonl is not None and backup_jsonl.exists():
        extra = [
            i
            for _n, i, _r in parse_jsonl(backup_jsonl)
            if i is not None and i.id not in found and i.id not in parts.deleted
        ]
        if extra or not origins:
            parts.own += extra
            origins.append(f"backup {backup_jsonl.parent.name}")
    parts.own_from = " and ".join(origins) or "none"
    return parts


def repair_stores(
    stores: set[str], backup_jsonl: Path | None, user: str = "", say_: Callable[[str], None] | None = None
) -> dict[str, Any]:
    """Rebuild the damaged ``stores`` as one transaction; returns what each now holds and where the damaged
    files went. Raises (with nothing changed) when it cannot be done whole."""
    tell = say_ or (lambda _text: None)
    sweep()
    database, chroma = live_database(), live_chroma()
    need = size_of(database) * (3 if CONVERSATIONS in stores else 1) + size_of(chroma)
    require_space(need, paths.data_dir(), "repair the data")
    aside = damaged_folder()
    swap = Swap(aside)
    result: dict[str, Any] = {}
    try:
        with building("conversations") as staged_db, building("chroma") as staged_chroma:
            answers_db = database
            if CONVERSATIONS in stores:
                tell("Salvaging the readable conversations into a fresh database…")
                result["conversations"] = salvage_conversations(database, staged_db)
                answers_db = staged_db
            if KNOWLEDGE in stores:
                tell("Rebuilding the knowledge store from the packs, your own insights and your answers…")
                parts = gather_parts(chroma / "chroma.sqlite3", backup_jsonl)
                parts.answers_from = [answers_db]
                result["knowledge"] = build_knowledge(staged_chroma, parts, user)
            release_chroma()
            if CONVERSATIONS in stores:
                swap.replace_database(staged_db, database)
            if KNOWLEDGE in stores:
                swap.replace_folder(staged_chroma, chroma)
    except BaseException as exc:
        swap.undo()
        raise unchanged(exc, "the repair") from exc
    result["damaged_copy"] = str(aside)
    return result


def unchanged(exc: BaseException, what: str) -> ZantaraError:
    """The error for a repair or restore that stopped: nothing changed, and where the data is."""
    where = say("doctor.kept_where", database=live_database(), store=live_chroma())
    if is_disk_full(exc) or no_room():
        full = disk_full(exc)
        return type(full)(f"{full.message} {say('doctor.nothing_changed', reason=what + ' stopped.')}", where)
    if isinstance(exc, ZantaraError) and not isinstance(exc, KeyboardInterrupt):
        return type(exc)(f"{exc.message} {say('doctor.nothing_changed', reason=what + ' stopped.')}", where)
    reason = f"{what} failed ({type(exc).__name__}: {str(exc)[:200]})."
    return ZantaraError(say("doctor.nothing_changed", reason=reason), where)


# -- conversations ------------------------------------------------------------------------------------------
def salvage_conversations(damaged: Path, staged: Path) -> dict[str, Any]:
    """Copy every readable row of the (damaged) database into a fresh database at ``staged``."""
    from desktop.core.chat.conversations import Conversations

    convs: list[dict[str, Any]] = []
    msgs: list[dict[str, Any]] = []
    extra: dict[str, list[dict[str, Any]]] = {}
    if damaged.exists():
        try:
            with open_damaged(damaged) as db:
                convs = table_rows(db, "conversations")
                msgs = table_rows(db, "messages")
                for table in ("ratings", "comparisons"):
                    try:
                        extra[table] = table_rows(db, table)
                    except sqlite3.DatabaseError:
                        extra[table] = []
        except (sqlite3.DatabaseError, OSError) as exc:
            if is_disk_full(exc):
                raise
    fresh = Conversations(staged)
    try:
        with fresh.raw() as raw:
            known, kept = _copy_rows(raw, convs, msgs, set(fresh.message_columns()))
            for table, rows in extra.items():
                _copy_table(raw, table, rows)
    finally:
        fresh.close()
    return {"conversations": len(known), "messages": kept}


def _copy_rows(
    raw: sqlite3.Connection, convs: list[dict[str, Any]], msgs: list[dict[str, Any]], columns: set[str]
) -> tuple[set[str], int]:
    from desktop.core.chat.conversations import now_iso

    known = {c["id"] for c in convs if c.get("id")}
    for c in convs:
        if c.get("id"):
            raw.execute(
                "INSERT OR IGNORE INTO conversations (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)",
                (
                    c["id"],
                    c.get("title") or "",
                    c.get("created_at") or now_iso(),
                    c.get("updated_at") or now_iso(),
                ),
            )
    kept = 0
    for m in msgs:
        conv = m.get("conversation_id")
        if not conv or m.get("role") not in ("user", "assistant"):
            continue
        if conv not in known:
            when = m.get("created_at") or now_iso()
            raw.execute(
                "INSERT OR IGNORE INTO conversations (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)",
                (conv, "(recovered)", when, when),
            )
            known.add(conv)
        row = {k: v for k, v in m.items() if k in columns}
        if row.get("status") == "pending":
            row["status"] = "interrupted"
        raw.execute(
            f"INSERT OR IGNORE INTO messages ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
            tuple(row.values()),
        )
        kept += 1
    return known, kept


def _copy_table(raw: sqlite3.Connection, table: str, rows: list[dict[str, Any]]) -> None:
    """Ratings and comparisons: the rows whose messages survived (the rest fail their foreign key)."""
    columns = {r[1] for r in raw.execute(f"PRAGMA table_info({table})")}
    for r in rows:
        row = {k: v for k, v in r.items() if k in columns}
        if not row:
            continue
        try:
            raw.execute(
                f"INSERT OR IGNORE INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                tuple(row.values()),
            )
        except sqlite3.IntegrityError:
            continue
