"""How each kind of synced record is read from and written to this laptop's stores.

A record is one or more Chroma rows under one key: an insight is one row (its id), an earlier answer three
(its question as query and as passage, question + answer), a shared rating one. Writes made here come from
the team server and are not noted in the journal (they are not local changes to push back).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from desktop.core.knowledge.embedder import Embedder
from desktop.core.knowledge.memory import answer_text, rows_of
from desktop.core.knowledge.text_budget import excerpt
from desktop.core.sync.journal import INSIGHTS_KIND, MEMORY_KIND, RATINGS_KIND

MEMORY_ROWS = (":q", ":p", ":qa")
WRITE_BATCH = 5000  # below Chroma's local maximum batch (5461)
ORIGIN = "origin"  # provenance / metadata key naming the laptop and person a pulled version came from


@dataclass
class Row:
    id: str
    document: str
    metadata: dict[str, Any]
    vector: np.ndarray | None = None  # None: to be embedded here


@dataclass
class Record:
    """One record's version as it travels: its rows, or none for a deletion."""

    key: str
    rows: list[Row] = field(default_factory=list)
    deleted: bool = False

    def content(self) -> dict[str, Any]:
        """What history keeps and conflicts compare: the rows' documents and metadata, not the vectors."""
        return {
            "deleted": self.deleted,
            "rows": [{"id": r.id, "document": r.document, "metadata": _plain(r.metadata)} for r in self.rows],
        }


def _plain(meta: dict[str, Any]) -> dict[str, Any]:
    """Metadata without where-it-came-from marks (two laptops holding the same version compare equal)."""
    out = {k: v for k, v in meta.items() if k not in ("origin_device", "origin_name", "origin_at")}
    if "provenance" in out:
        try:
            prov = json.loads(str(out["provenance"]))
            prov.pop(ORIGIN, None)
            out["provenance"] = json.dumps(prov, ensure_ascii=False, sort_keys=True)
        except ValueError:
            pass
    return out


class Kind:
    """One kind's local collection(s)."""

    name = ""
    vectors = True  # False: a dummy vector, nothing to embed

    def __init__(self, collection: Any, embedder: Embedder) -> None:
        self.collection = collection
        self.embedder = embedder

    def row_ids(self, key: str) -> list[str]:
        return [key]

    def key_of(self, row_id: str) -> str:
        return row_id

    def read(self, keys: Sequence[str]) -> dict[str, Record]:
        """The local version of each key (a deletion when it has no rows here)."""
        ids = [i for k in keys for i in self.row_ids(k)]
        got: dict[str, Row] = {}
        for start in range(0, len(ids), 1000):
            res = self.collection.get(
                ids=ids[start : start + 1000], include=["documents", "metadatas", "embeddings"]
            )
            for rid, doc, meta, vec in zip(
                res["ids"], res["documents"], res["metadatas"], res["embeddings"], strict=True
            ):
                got[rid] = Row(rid, doc or "", dict(meta or {}), np.asarray(vec, dtype=np.float32))
        out: dict[str, Record] = {}
        for key in keys:
            rows = [got[i] for i in self.row_ids(key) if i in got]
            out[key] = Record(key, rows, deleted=not rows)
        return out

    def shareable(self, record: Record) -> bool:
        """Whether this laptop pushes the record at all."""
        return True

    def write(self, records: Sequence[Record]) -> None:
        """Make the local copy hold these versions (vectors missing from a row are embedded here)."""
        gone = [i for r in records if r.deleted for i in self.row_ids(r.key)]
        rows = [row for r in records if not r.deleted for row in r.rows]
        if gone:
            self.collection.delete(ids=gone)
            self._deleted([r.key for r in records if r.deleted])
        if rows:
            self._embed_missing(rows)
            present = self._present([r.id for r in rows])
            for start in range(0, len(rows), WRITE_BATCH):  # large batches: Chroma's cost per call is high
                chunk = rows[start : start + WRITE_BATCH]
                # `add` writes new ids ~25% faster than `upsert` (no lookup per row); a first sync is all new
                for write, part in (
                    (self.collection.add, [r for r in chunk if r.id not in present]),
                    (self.collection.upsert, [r for r in chunk if r.id in present]),
                ):
                    if part:
                        write(
                            ids=[r.id for r in part],
                            documents=[r.document or None for r in part],  # none: no full-text entry
                            metadatas=[r.metadata for r in part],
                            embeddings=np.asarray([r.vector for r in part], dtype=np.float32),
                        )
            self._restored([r.key for r in records if not r.deleted])

    def _present(self, ids: list[str]) -> set[str]:
        found: set[str] = set()
        for start in range(0, len(ids), WRITE_BATCH):
            found |= set(self.collection.get(ids=ids[start : start + WRITE_BATCH], include=[])["ids"])
        return found

    def _deleted(self, keys: list[str]) -> None:
        """Hook: a deletion arrived (insights keep a tombstone so the pack does not bring them back)."""

    def _restored(self, keys: list[str]) -> None:
        """Hook: these keys exist again."""

    def _embed_missing(self, rows: list[Row]) -> None:
        missing = [r for r in rows if r.vector is None]
        if not self.vectors:
            for r in missing:
                r.vector = np.ones(1, dtype=np.float32)
        elif missing:
            vecs = self.embedder.embed_passages([r.document for r in missing])
            for r, v in zip(missing, vecs, strict=True):
                r.vector = np.asarray(v, dtype=np.float32)

    def keys(self) -> list[str]:
        """Every key held here (a first sync with a server pushes the ones not yet synced)."""
        out: list[str] = []
        offset = 0
        while True:
            got = self.collection.get(include=[], limit=10_000, offset=offset)
            out += [self.key_of(i) for i in got["ids"]]
            if len(got["ids"]) < 10_000:
                return list(dict.fromkeys(out))
            offset += 10_000

    def seed_keys(self) -> list[str]:
        return self.keys()

    def count(self) -> int:
        return int(self.collection.count()) // len(self.row_ids("x"))

    def mark_origin(self, record: Record, device: str, name: str, at: str) -> None:
        for row in record.rows:
            row.metadata.update(origin_device=device, origin_name=name, origin_at=at)


class Insights(Kind):
    name = INSIGHTS_KIND

    def __init__(self, collection: Any, embedder: Embedder, tombstones: Any) -> None:
        super().__init__(collection, embedder)
        self.tombstones = tombstones

    def shareable(self, record: Record) -> bool:
        """Curated-pack insights nobody changed ship with every laptop: never uploaded."""
        if record.deleted:
            return True
        meta = record.rows[0].metadata
        if meta.get("source") != "curated":
            return True
        try:
            return bool(json.loads(str(meta.get("provenance") or "{}")).get("user_edited"))
        except ValueError:
            return True

    def _deleted(self, keys: list[str]) -> None:
        self.tombstones.upsert(
            ids=keys, embeddings=[[1.0]] * len(keys), metadatas=[{"deleted": True}] * len(keys)
        )

    def _restored(self, keys: list[str]) -> None:
        self.tombstones.delete(ids=keys)

    def mark_origin(self, record: Record, device: str, name: str, at: str) -> None:
        for row in record.rows:
            try:
                prov = json.loads(str(row.metadata.get("provenance") or "{}"))
            except ValueError:
                prov = {}
            prov[ORIGIN] = {"device": device, "name": name, "at": at}
            row.metadata["provenance"] = json.dumps(prov, ensure_ascii=False, sort_keys=True)

    def seed_keys(self) -> list[str]:
        """Held insights and the ones deleted here (their deletion is a change to share too)."""
        return super().seed_keys() + list(self.tombstones.get(include=[])["ids"])


class Answers(Kind):
    name = MEMORY_KIND

    def row_ids(self, key: str) -> list[str]:
        return [key + suffix for suffix in MEMORY_ROWS]

    def key_of(self, row_id: str) -> str:
        return row_id.rsplit(":", 1)[0]

    def write(self, records: Sequence[Record]) -> None:
        """Written in AnswerMemory's layout whatever the sender's (older laptops send three full rows)."""
        super().write([r if r.deleted else self._lean(r) for r in records])

    @staticmethod
    def _lean(record: Record) -> Record:
        full = next((r for r in record.rows if r.id.endswith(":qa")), None) or record.rows[0]
        meta = {k: v for k, v in full.metadata.items() if k != "kind"}
        vectors = {r.id: r.vector for r in record.rows}
        rows = [Row(rid, "", m, vectors.get(rid)) for rid, m in rows_of(record.key, meta)]
        return Record(record.key, rows)

    def mark_origin(self, record: Record, device: str, name: str, at: str) -> None:
        for row in record.rows:
            if row.id.endswith(":qa") or "question" in row.metadata:
                row.metadata.update(origin_device=device, origin_name=name, origin_at=at)

    def _embed_missing(self, rows: list[Row]) -> None:
        """Each row's own form: the question as a query, the question as a passage, question + answer."""
        fields = {self.key_of(r.id): r.metadata for r in rows if r.id.endswith(":qa")}
        for row in rows:
            if row.vector is not None:
                continue
            meta = fields.get(self.key_of(row.id), row.metadata)
            question = str(meta.get("question", ""))
            if row.id.endswith(":q"):
                row.vector = np.asarray(self.embedder.embed_query(question), dtype=np.float32)
            else:
                text = question if row.id.endswith(":p") else excerpt(answer_text(meta))
                row.vector = np.asarray(self.embedder.embed_passages([text])[0], dtype=np.float32)


class Ratings(Kind):
    name = RATINGS_KIND
    vectors = False


def local_kinds(store: Any, memory: Any, ratings: Any) -> dict[str, Kind]:
    """The three kinds over this laptop's store (a KnowledgeStore, its AnswerMemory, the ratings collection)."""
    return {
        INSIGHTS_KIND: Insights(store.collection, store.embedder, store.tombstones),
        MEMORY_KIND: Answers(memory.collection, store.embedder),
        RATINGS_KIND: Ratings(ratings, store.embedder),
    }
