"""The cultural insight store: one ChromaDB collection with vectors we compute ourselves.

Always this laptop's own ``PersistentClient`` in the data folder, team or not: answers never wait for the
network. A team server is a sync peer (:mod:`desktop.core.sync`); every write here is noted in the sync
journal so the next sync pushes it. Chroma's own embedding
function is never used (it downloads a model): every add and query passes vectors from an :class:`Embedder`,
whose name is recorded in the collection metadata so two embedders' vectors are never mixed.
"""

from __future__ import annotations

import json
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from desktop.core import paths
from desktop.core.errors import EmbedderMismatch, KnowledgeError
from desktop.core.knowledge import store_schema
from desktop.core.knowledge.embedder import Embedder
from desktop.core.knowledge.insight import INSIGHT_TYPE, STATUSES, Insight
from desktop.core.knowledge.record_cache import Record, RecordCache, Stamp, file_stamp
from desktop.core.settings import Settings
from desktop.core.sync.history import origin_of
from desktop.core.sync.journal import INSIGHTS_KIND, Journal

COLLECTION = "cultural_insights"
TOMBSTONES = "cultural_insights_deleted"  # ids the user deleted: a pack reload must not resurrect them
BATCH = 256
PAGE = 10_000  # rows per read when listing the whole store
PRELOAD_LIMIT = (
    5_000  # records read at start-up into the record cache (~10 MB); larger stores fill it as they go
)
USER_EDITED = "user_edited"  # provenance flag: a person changed this insight, pack updates leave it alone


@dataclass
class ScoredInsight:
    insight: Insight
    score: float  # cosine similarity, 1.0 = same direction

    def to_dict(self) -> dict[str, Any]:
        i = self.insight
        return {
            "id": i.id,
            "text": i.text,
            "language": i.language,
            "category": i.category,
            "concepts": list(i.concepts),
            "source": i.source,
            "status": i.status,
            "score": round(float(self.score), 4),
            "from_colleague": origin_of(i),  # {"name", "at", "device"} when synced from a colleague
        }


Hits = list[tuple[ScoredInsight, np.ndarray | None]]  # search results with their vectors (if asked)
ScoredList = list[ScoredInsight]  # `KnowledgeStore.list` shadows the builtin inside the class
ScoredIds = list[tuple[str, float]]  # (insight id, cosine) from the index alone
ManyScoredIds = list[ScoredIds]  # one ScoredIds per query vector


def concept_key(concept: str) -> str:
    """Metadata key flagging one concept (``c_malu: True``) so a search can be limited to that concept."""
    return "c_" + re.sub(r"[^a-z0-9_]+", "_", concept.casefold()).strip("_")


def to_metadata(insight: Insight) -> dict[str, str | bool]:
    """Chroma metadata values must be scalars: concepts become a comma-joined string (plus one boolean flag
    per concept, for filtering), provenance JSON."""
    flags: dict[str, str | bool] = {concept_key(c): True for c in insight.concepts if concept_key(c) != "c_"}
    return flags | {
        "type": insight.type,
        "language": insight.language,
        "category": insight.category,
        "concepts": ",".join(c.strip() for c in insight.concepts),
        "source": insight.source,
        "model": insight.model,
        "status": insight.status,
        "created_at": insight.created_at,
        "provenance": json.dumps(insight.provenance, ensure_ascii=False, sort_keys=True),
    }


def _edited(provenance: dict[str, Any]) -> dict[str, Any]:
    """Provenance after a person here changed the insight: flagged, and no longer a colleague's version."""
    return {k: v for k, v in provenance.items() if k != "origin"} | {USER_EDITED: True}


def from_record(document: str, meta: dict[str, Any]) -> Insight:
    try:
        provenance = json.loads(str(meta.get("provenance") or "{}"))
    except ValueError:
        provenance = {}
    return Insight(
        text=document,
        language=str(meta.get("language", "")),
        category=str(meta.get("category", "")),
        concepts=[c for c in str(meta.get("concepts", "")).split(",") if c],
        source=str(meta.get("source", "curated")),
        model=str(meta.get("model", "")),
        status=str(meta.get("status", "approved")),
        created_at=str(meta.get("created_at", "")),
        type=str(meta.get("type", INSIGHT_TYPE)),
        provenance=provenance if isinstance(provenance, dict) else {},
    )


def _records(got: Any) -> dict[str, Record]:
    """Chroma's answer to a ``get`` with documents, metadatas and embeddings, as records by id."""
    return {
        i: (doc, dict(meta), _read_only(vec))
        for i, doc, meta, vec in zip(
            got["ids"], got["documents"], got["metadatas"], got["embeddings"], strict=True
        )
    }


def _read_only(vector: Any) -> np.ndarray:
    """A record's vector as float32, read-only: cached records are shared between searches."""
    out = np.array(vector, dtype=np.float32)
    out.setflags(write=False)
    return out


def build_where(**filters: str | None) -> dict[str, Any] | None:
    """Chroma `where` from equality filters; None values are ignored."""
    clauses = [{k: v} for k, v in filters.items() if v is not None and v != ""]
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def and_where(*parts: dict[str, Any] | None) -> dict[str, Any] | None:
    clauses = [p for p in parts if p]
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def _client(settings: Settings) -> Any:
    """The local Chroma client (``settings`` is kept for callers; the team server never serves reads)."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    del settings
    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    return chromadb.PersistentClient(path=str(paths.chroma_dir()), settings=chroma_settings)


class KnowledgeStore:
    """Insight CRUD, filters, stats and vector search over one Chroma collection."""

    page = PAGE

    def __init__(
        self,
        client: Any,
        collection: Any,
        tombstones: Any,
        embedder: Embedder,
        url: str = "",
        stamp: Callable[[], Stamp] | None = None,
        journal: Journal | None = None,
    ) -> None:
        """``stamp``: what tells that the store changed (a local store's SQLite file); with it, records read
        by id are kept between searches (:mod:`.record_cache`). None (a server store): always read fresh."""
        self.client = client
        self.url = url  # the Chroma server's address; empty for the local store
        self.collection = collection
        self.tombstones = tombstones
        self.embedder = embedder
        self.records = RecordCache(stamp) if stamp is not None else None
        self.journal = journal  # notes each local change for the team sync (None: not recorded)
        self._lock = threading.RLock()

    def _noted(self, ids: Iterable[str]) -> None:
        if self.journal is not None:
            self.journal.note(INSIGHTS_KIND, list(ids))

    # ----------------------------------------------------------------- opening
    @classmethod
    def open(cls, settings: Settings | None = None, embedder: Embedder | None = None) -> KnowledgeStore:
        from desktop.core.knowledge.embedder import default_embedder

        settings = settings if settings is not None else Settings.load()
        embedder = embedder or default_embedder()
        from desktop.core.health import require_knowledge

        require_knowledge()  # before Chroma's native code touches a damaged file
        client = _client(settings)
        try:
            collection = cls._collection(client, COLLECTION, embedder.name, embedder.dim)
            tombstones = cls._collection(client, TOMBSTONES, "none", 1)
        except KnowledgeError:  # says itself how to fix it (another embedder, a newer release's store)
            raise
        except Exception as exc:
            from desktop.core.health.disk import disk_full, is_disk_full

            if is_disk_full(exc):
                raise disk_full(exc) from exc
            raise KnowledgeError(
                f"The knowledge store could not be opened ({exc}).",
                "If the data folder is damaged, run `zantara doctor --repair` to rebuild it.",
            ) from exc
        stamp = file_stamp(paths.chroma_dir() / "chroma.sqlite3")
        return cls(client, collection, tombstones, embedder, "", stamp, Journal.open())

    @staticmethod
    def _collection(client: Any, name: str, embedder_name: str, dim: int) -> Any:
        from chromadb.errors import NotFoundError

        try:
            collection = client.get_collection(name, embedding_function=None)
        except NotFoundError:
            try:
                collection = client.create_collection(
                    name,
                    metadata=store_schema.new_metadata(embedder_name, dim),
                    configuration={"hnsw": {"space": "cosine"}},
                    embedding_function=None,
                )
            except Exception:  # another process created it first
                collection = client.get_collection(name, embedding_function=None)
        store_schema.migrate(collection, dim)
        found = (collection.metadata or {}).get("embedder")
        if found != embedder_name:
            raise EmbedderMismatch(
                f"The knowledge store '{name}' was built with embedder '{found}', not '{embedder_name}'.",
                "Use the same embedder, or export the insights (zantara knowledge export), delete the "
                "store's 'chroma' folder and import them again to re-embed.",
            )
        return collection

    # ----------------------------------------------------------------- writing
    def add(self, insights: Iterable[Insight]) -> int:
        """Upsert by id (embedding in batches); returns how many ids were new."""
        items: dict[str, Insight] = {}
        for insight in insights:
            insight.validate()
            items[insight.id] = insight
        if not items:
            return 0
        with self._lock:
            existing = set(self.existing_ids(list(items)))
            self._upsert(list(items.values()))
            self._untombstone(list(items))
            self._noted(items)
        return len(set(items) - existing)

    def _upsert(self, insights: list[Insight], vectors: np.ndarray | None = None) -> None:
        for start in range(0, len(insights), BATCH):
            chunk = insights[start : start + BATCH]
            vecs = (
                vectors[start : start + BATCH]
                if vectors is not None
                else self.embedder.embed_passages([i.text for i in chunk])
            )
            self.collection.upsert(
                ids=[i.id for i in chunk],
                embeddings=np.asarray(vecs, dtype=np.float32),
                metadatas=[to_metadata(i) for i in chunk],
                documents=[i.text for i in chunk],
            )

    def add_with_vectors(self, insights: list[Insight], vectors: np.ndarray) -> None:
        """Upsert precomputed passage vectors (benchmarks; copies between stores of the same embedder)."""
        with self._lock:
            self._upsert(insights, vectors)
            self._noted(i.id for i in insights)

    def update(self, insight: Insight, old_id: str | None = None) -> None:
        """Store an edited insight as a new version of the record ``old_id`` (it keeps that id, also when
        its text changed: a text edit is no new insight, and the team sync resolves concurrent edits)."""
        insight.validate()
        insight.provenance = _edited(insight.provenance)
        if old_id:
            insight.keep_id(old_id)
        with self._lock:
            current = self.get(insight.id)
            if current is not None and current.text == insight.text:
                self.collection.update(ids=[insight.id], metadatas=[to_metadata(insight)])
            else:
                self._upsert([insight])
            self._untombstone([insight.id])
            self._noted([insight.id])

    def set_status(self, insight_id: str, status: str) -> Insight:
        if status not in STATUSES:
            raise KnowledgeError(f"Unknown status '{status}'.", f"Use one of: {', '.join(STATUSES)}.")
        with self._lock:
            insight = self.get(insight_id)
            if insight is None:
                raise KnowledgeError(
                    f"No insight with id '{insight_id}'.", "List ids with `zantara knowledge export`."
                )
            insight.status = status
            insight.provenance = _edited(insight.provenance)
            self.collection.update(ids=[insight_id], metadatas=[to_metadata(insight)])
            self._noted([insight_id])
            return insight

    def delete(self, insight_id: str) -> bool:
        with self._lock:
            if not self.existing_ids([insight_id]):
                return False
            self.collection.delete(ids=[insight_id])
            self.tombstones.upsert(ids=[insight_id], embeddings=[[1.0]], metadatas=[{"deleted": True}])
            self._noted([insight_id])
            return True

    def existing_ids(self, ids: list[str]) -> list[str]:
        found: list[str] = []
        for start in range(0, len(ids), 1000):
            found += self.collection.get(ids=ids[start : start + 1000], include=[])["ids"]
        return found

    def _untombstone(self, ids: list[str]) -> None:
        for start in range(0, len(ids), 1000):
            self.tombstones.delete(ids=ids[start : start + 1000])

    def deleted_ids(self) -> set[str]:
        return set(self.tombstones.get(include=[])["ids"])

    # ----------------------------------------------------------------- reading
    def get(self, insight_id: str) -> Insight | None:
        got = self.collection.get(ids=[insight_id], include=["documents", "metadatas"])
        if not got["ids"]:
            return None
        return from_record(got["documents"][0], dict(got["metadatas"][0]))

    def all_ids(self) -> list[str]:
        return list(self.collection.get(include=[])["ids"])

    def count(self, **filters: str | None) -> int:
        where = build_where(**filters)
        if where is None:
            return int(self.collection.count())
        return len(self.collection.get(where=where, include=[])["ids"])

    def iter_all(self, **filters: str | None) -> Iterator[Insight]:
        """Every insight matching the equality filters, read a page at a time (Chroma's SQLite refuses a
        single read of more than ~32k rows: "too many SQL variables")."""
        where = build_where(**filters)
        offset = 0
        while True:
            got = self.collection.get(
                where=where, include=["documents", "metadatas"], limit=self.page, offset=offset
            )
            for doc, meta in zip(got["documents"], got["metadatas"], strict=True):
                yield from_record(doc, dict(meta))
            if len(got["ids"]) < self.page:
                return
            offset += self.page

    def list(
        self,
        language: str | None = None,
        category: str | None = None,
        source: str | None = None,
        status: str | None = None,
        text: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[Insight]:
        """A page of insights for the browser, oldest first; `text` is a case-insensitive substring filter."""
        items = list(self.iter_all(language=language, category=category, source=source, status=status))
        if text:
            needle = text.casefold()
            items = [i for i in items if needle in f"{i.text} {','.join(i.concepts)}".casefold()]
        items.sort(key=lambda i: (i.created_at, i.id))
        return items[offset : offset + limit]

    def stats(self) -> dict[str, Any]:
        metas: list[Any] = []
        offset = 0
        while True:  # a page at a time, as in iter_all
            got = self.collection.get(include=["metadatas"], limit=self.page, offset=offset)
            metas += got["metadatas"] or []
            if len(got["ids"]) < self.page:
                break
            offset += self.page
        by: dict[str, Counter[str]] = {k: Counter() for k in ("language", "category", "source", "status")}
        cross: Counter[str] = Counter()
        for meta in metas:
            for key, counter in by.items():
                counter[str(meta.get(key, ""))] += 1
            cross[f"{meta.get('language')}/{meta.get('category')}"] += 1
        return {
            "total": len(metas),
            "by_language": dict(sorted(by["language"].items())),
            "by_category": dict(sorted(by["category"].items())),
            "by_source": dict(sorted(by["source"].items())),
            "by_status": dict(sorted(by["status"].items())),
            "by_language_category": dict(sorted(cross.items())),
            "embedder": self.embedder.name,
            "backend": "http" if self.is_remote else "local",
        }

    @property
    def is_remote(self) -> bool:
        return bool(self.url)

    # ----------------------------------------------------------------- search
    def query(
        self,
        text: str,
        k: int = 3,
        language: str | None = None,
        where: dict[str, Any] | None = None,
        include_vectors: bool = False,
        vector: np.ndarray | None = None,
    ) -> ScoredList:
        """Nearest cultural insights to `text` (never rejected ones), best first."""
        if vector is None:
            vector = self.embedder.embed_query(text)
        full_where = and_where(
            {"type": INSIGHT_TYPE},
            {"status": {"$ne": "rejected"}},
            {"language": language} if language else None,
            where,
        )
        hits = self._search(vector, k, full_where, include_vectors)
        return [h[0] for h in hits]

    def search_vectors(self, vector: np.ndarray, k: int, where: dict[str, Any] | None) -> Hits:
        """Raw nearest-neighbour search with vectors returned (used by retrieval's duplicate removal)."""
        return self._search(vector, k, where, True)

    def nearest_ids(self, vector: np.ndarray, k: int, where: dict[str, Any] | None = None) -> ScoredIds:
        """(id, cosine) of the ``k`` nearest insights, best first: the index alone, no records.

        Asking Chroma's query for documents and metadata costs 5-10 times the search itself (it reads them
        row by row); the ids come free with the search, and :meth:`hits` then reads the few records needed
        by primary key."""
        return self.nearest_ids_many([vector], k, where)[0]

    def nearest_ids_many(
        self, vectors: Sequence[np.ndarray], k: int, where: dict[str, Any] | None = None
    ) -> ManyScoredIds:
        """:meth:`nearest_ids` for several vectors in one Chroma call: each call has a fixed cost (~2 ms on a
        local store) far above the search itself at 1k-100k insights."""
        if k <= 0 or not vectors:
            return [[] for _ in vectors]
        res = self.collection.query(
            query_embeddings=np.asarray(vectors, dtype=np.float32),
            n_results=k,
            where=where,
            include=["distances"],
        )
        return [
            [(str(i), 1.0 - float(d)) for i, d in zip(ids, distances, strict=True)]
            for ids, distances in zip(res["ids"], res["distances"], strict=True)
        ]

    def preload_records(self, limit: int = PRELOAD_LIMIT) -> int:
        """Read every record into the record cache when the store is small (the curated pack, a team's first
        thousands), so even a topic's first search reads nothing by id (~2-5 ms of a ~15 ms retrieval).
        Returns how many were read: 0 for a larger store or a server store (those fill the cache as they go)."""
        if self.records is None:
            return 0
        _found, _missing, stamp = self.records.lookup(())  # the stamp before reading, as hits() does
        if self.collection.count() > min(limit, self.records.size):
            return 0
        fresh = _records(self.collection.get(include=["documents", "metadatas", "embeddings"]))
        self.records.add(fresh, stamp)
        return len(fresh)

    def hits(self, scored: ScoredIds) -> Hits:
        """Records and vectors of (id, score) pairs from :meth:`nearest_ids`, in the same order; ids deleted in
        the meantime are left out. Never stale: a local store's records are kept only while its file is
        unchanged (:mod:`.record_cache`); a server store's are read every time."""
        if not scored:
            return []
        wanted = list(dict.fromkeys(i for i, _s in scored))
        records: dict[str, Record] = {}
        stamp: Stamp = ()
        if self.records is not None:
            records, wanted, stamp = self.records.lookup(wanted)
        if wanted:
            fresh = _records(
                self.collection.get(ids=wanted, include=["documents", "metadatas", "embeddings"])
            )
            if self.records is not None:
                self.records.add(fresh, stamp)
            records.update(fresh)
        out: Hits = []
        for insight_id, score in scored:
            if insight_id in records:
                doc, meta, vec = records[insight_id]
                insight = from_record(doc, dict(meta))
                out.append((ScoredInsight(insight, score), vec))
        return out

    def _search(
        self, vector: np.ndarray, k: int, where: dict[str, Any] | None, include_vectors: bool
    ) -> Hits:
        hits = self.hits(self.nearest_ids(vector, k, where))
        return hits if include_vectors else [(scored, None) for scored, _vec in hits]

    def nearest_passage_similarity(self, text: str) -> float:
        """Cosine of `text` (as a passage) to the closest stored insight; 0.0 when empty. Generation uses it
        to drop a new insight that merely restates one already stored."""
        vector = self.embedder.embed_passages([text])[0]
        hits = self._search(vector, 1, None, False)
        return hits[0][0].score if hits else 0.0

    # ----------------------------------------------------------------- curated pack
    def ensure_curated_pack(self, root: Path | None = None) -> int:
        """Sync knowledge/packs/*.jsonl into the store when the pack files changed; returns ids added.

        Runs on first start and after an update ships a new pack (the files' hash is kept in the collection
        metadata, so an unchanged pack costs one metadata read). The user's work always wins: an id the
        user deleted stays deleted, and a curated insight the user edited or re-statused is not touched.
        Untouched curated insights follow the pack: their tags are refreshed and those dropped from the
        pack are removed. Invalid pack lines are skipped here (`zantara knowledge import` reports them).
        """
        from desktop.core.knowledge.pack import pack_files, pack_hash, pack_vectors, read_pack
        from desktop.core.knowledge.provenance import is_users_own

        files = pack_files(root)
        if not files:
            return 0
        digest = pack_hash(files)
        meta = dict(self.collection.metadata or {})
        if meta.get("pack_hash") == digest:
            return 0
        with self._lock:
            insights, _errors = read_pack(files)
            pack = {i.id: i for i in insights}
            deleted = self.deleted_ids()
            stored = {i.id: i for i in self.iter_all(source="curated")}
            untouched = {key: i for key, i in stored.items() if not is_users_own(i)}
            new = [i for key, i in pack.items() if key not in stored and key not in deleted]
            retag = []
            for key, old in untouched.items():
                if key in pack:
                    pack[key].created_at = old.created_at
                    if to_metadata(old) != to_metadata(pack[key]):
                        retag.append(pack[key])
            dropped = [key for key in untouched if key not in pack]
            self._upsert(new, pack_vectors(new, self.embedder, root) if new else None)
            for start in range(0, len(retag), BATCH):
                chunk = retag[start : start + BATCH]
                self.collection.update(ids=[i.id for i in chunk], metadatas=[to_metadata(i) for i in chunk])
            for start in range(0, len(dropped), 1000):
                self.collection.delete(ids=dropped[start : start + 1000])
            meta["pack_hash"] = digest
            self.collection.modify(metadata=meta)
        return len(new)
