"""`zantara doctor --repair`: rebuild what can be rebuilt, keeping a copy of everything damaged.

The knowledge store is rebuilt from the curated packs plus the user's own insights, read straight out of
Chroma's catalogue when it is readable (re-embedded, so a damaged index does not matter) or else from the
newest backup. Conversations are salvaged row by row into a fresh database. Damaged files are moved into
``damaged-<timestamp>`` in the data folder, never deleted.
"""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path
from typing import Any

from desktop.core import paths
from desktop.core.health.salvage import open_damaged, table_rows
from desktop.core.knowledge.insight import Insight

DOCUMENT_KEY = "chroma:document"


def damaged_folder() -> Path:
    folder = paths.data_dir() / f"damaged-{time.strftime('%Y%m%d-%H%M%S')}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


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


def is_users_own(insight: Insight) -> bool:
    """Insights a rebuild from the packs would not bring back: not curated, or edited by a person."""
    from desktop.core.knowledge.store import USER_EDITED

    return insight.source != "curated" or bool(insight.provenance.get(USER_EDITED))


def rebuild_knowledge(into: Path, backup_jsonl: Path | None = None) -> dict[str, Any]:
    """Move the Chroma folder into ``into`` and build a fresh store; returns what was restored."""
    from chromadb.api.client import SharedSystemClient

    from desktop.core.knowledge.jsonl import parse_jsonl
    from desktop.core.knowledge.store import KnowledgeStore
    from desktop.core.settings import Settings

    SharedSystemClient.clear_system_cache()  # this process may hold the old folder open
    source = paths.chroma_dir()
    kept = into / "chroma"
    shutil.move(str(source), str(kept))
    own: list[Insight] = []
    deleted: set[str] = set()
    origin = "none"
    try:
        found, deleted = read_chroma_insights(kept / "chroma.sqlite3")
        own = [i for i in found if is_users_own(i)]
        origin = "damaged store"
    except (sqlite3.DatabaseError, OSError):
        found = []
    if not found and backup_jsonl is not None and backup_jsonl.exists():
        own = [i for _n, i, _r in parse_jsonl(backup_jsonl) if i is not None]
        origin = f"backup {backup_jsonl.parent.name}"
    store = KnowledgeStore.open(Settings())
    if deleted:
        ids = sorted(deleted)
        store.tombstones.upsert(
            ids=ids, embeddings=[[1.0]] * len(ids), metadatas=[{"deleted": True}] * len(ids)
        )
    curated = store.ensure_curated_pack()
    if own:
        store.add(own)
    for key in deleted:
        store.delete(key)
    return {"curated": curated, "own_insights": len(own), "own_from": origin, "total": store.count()}


# -- conversations ------------------------------------------------------------------------------------------
def salvage_conversations(into: Path) -> dict[str, Any]:
    """Move the database (and its WAL) into ``into`` and copy every readable row into a fresh database."""
    from desktop.core.chat.conversations import Conversations, now_iso

    db_path = paths.database_path()
    for suffix in ("", "-wal", "-shm"):
        part = db_path.with_name(db_path.name + suffix)
        if part.exists():
            shutil.move(str(part), str(into / part.name))
    damaged = into / db_path.name
    convs: list[dict[str, Any]] = []
    msgs: list[dict[str, Any]] = []
    try:
        with open_damaged(damaged) as db:
            convs = table_rows(db, "conversations")
            msgs = table_rows(db, "messages")
    except (sqlite3.DatabaseError, OSError):
        pass
    fresh = Conversations(db_path)
    columns = set(fresh.message_columns())
    known = {c["id"] for c in convs if c.get("id")}
    with fresh.raw() as raw:
        for c in convs:
            if not c.get("id"):
                continue
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
                raw.execute(
                    "INSERT OR IGNORE INTO conversations (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)",
                    (conv, "(recovered)", m.get("created_at") or now_iso(), m.get("created_at") or now_iso()),
                )
                known.add(conv)
            row = {k: v for k, v in m.items() if k in columns}
            if row.get("status") == "pending":
                row["status"] = "interrupted"
            names = ", ".join(row)
            raw.execute(
                f"INSERT OR IGNORE INTO messages ({names}) VALUES ({', '.join('?' * len(row))})",
                tuple(row.values()),
            )
            kept += 1
    fresh.close()
    return {"conversations": len(known), "messages": kept}
