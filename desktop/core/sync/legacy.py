"""The upgrade from a server-only store: a team server that still holds the old shared collections
(``cultural_insights``, ``answer_memory``, ``zantara_ratings``, from the days the laptop read the server
directly) is copied into this laptop's store once, and what was not here yet is noted as a local change so
the sync collections get it too. Nothing on either side is deleted.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from desktop.core.sync.kinds import Record, Row
from desktop.core.sync.remote import LEGACY

PAGE = 1000
TOMBSTONES = "cultural_insights_deleted"


def import_legacy(engine: Any) -> int:
    """Copy the old shared collections once per server epoch; returns how many records were new here."""
    epoch = engine.journal.get_meta("epoch")
    if engine.journal.get_meta("legacy_done") == epoch:
        return 0
    names = {c.name if hasattr(c, "name") else str(c) for c in engine.client.list_collections()}
    added = 0
    for kind_name, legacy in LEGACY.items():
        if legacy in names and kind_name in engine.kinds:
            added += _copy(engine, kind_name, engine.client.get_collection(legacy, embedding_function=None))
    if TOMBSTONES in names and "insight" in engine.kinds:
        gone = engine.client.get_collection(TOMBSTONES, embedding_function=None).get(include=[])["ids"]
        kind = engine.kinds["insight"]
        here = kind.read(list(gone))
        present = [k for k in gone if not here[k].deleted]
        if present:
            kind.write([Record(k, deleted=True) for k in present])
            engine.journal.note("insight", present, engine.user)
    engine.journal.set_meta(legacy_done=epoch)
    return added


def _copy(engine: Any, kind_name: str, collection: Any) -> int:
    kind = engine.kinds[kind_name]
    same = str((collection.metadata or {}).get("embedder", "")) == engine.embedder.name and kind.vectors
    added = 0
    offset = 0
    while True:
        got = collection.get(include=["documents", "metadatas", "embeddings"], limit=PAGE, offset=offset)
        records: dict[str, Record] = {}
        for rid, doc, meta, vec in zip(
            got["ids"], got["documents"], got["metadatas"], got["embeddings"], strict=True
        ):
            key = kind.key_of(rid)
            vector = np.asarray(vec, dtype=np.float32) if same else None
            records.setdefault(key, Record(key)).rows.append(Row(rid, doc or "", dict(meta or {}), vector))
        here = kind.read(list(records))
        new = [r for key, r in records.items() if here[key].deleted and kind.shareable(r)]
        if new:
            kind.write(new)
            engine.journal.note(kind_name, [r.key for r in new], engine.user)
            added += len(new)
        if len(got["ids"]) < PAGE:
            return added
        offset += PAGE
