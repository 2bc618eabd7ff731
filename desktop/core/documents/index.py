"""The document index: which files are in, their passages, and the two indexes over those passages.

SQLite (``documents.sqlite3`` in the data folder) is the source of truth: documents (path, title, language,
modified time, content hash, status or error), passages (text, section, page) and an FTS5 table over them for
exact terms (bm25). The vectors live in a Chroma collection beside the insights, computed by the same embedder.

One file is written as one unit: its new vectors go to Chroma under ids of their own, then one SQLite
transaction swaps the document's passages, and only then are its old vectors deleted. A failure at any point
leaves the previous version whole (a vector SQLite does not know is never returned and ``reindex`` removes it).
An unchanged file (same size and time, else same sha256) is not read again; a changed one re-embeds only the
passages whose text changed.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import closing
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import Any

import numpy as np

from desktop.core import paths
from desktop.core.documents import chunk as chunking
from desktop.core.documents import parse
from desktop.core.errors import KnowledgeError
from desktop.core.knowledge.embedder import Embedder
from desktop.core.messages import say

COLLECTION = "team_documents"
SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT '',
    mtime REAL NOT NULL DEFAULT 0,
    size INTEGER NOT NULL DEFAULT 0,
    content_hash TEXT NOT NULL DEFAULT '',
    pages INTEGER NOT NULL DEFAULT 0,
    passages INTEGER NOT NULL DEFAULT 0,
    indexed_at TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'indexed',
    error_code TEXT NOT NULL DEFAULT '',
    error TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS passages (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    text TEXT NOT NULL,
    section TEXT NOT NULL DEFAULT '',
    page INTEGER,
    vector_id TEXT NOT NULL UNIQUE,
    text_hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS passages_document ON passages(document_id);
CREATE INDEX IF NOT EXISTS passages_text ON passages(text_hash);
CREATE VIRTUAL TABLE IF NOT EXISTS passages_fts USING fts5(search_text, tokenize='unicode61 remove_diacritics 2');
CREATE TABLE IF NOT EXISTS watched (path TEXT PRIMARY KEY);
"""
EMBED_BATCH = 64
CENTROID_SAMPLE = 3000
CENTROID_MIN = 40  # the example documents hold 45-60 passages per language
FAST_FROM = 4  # passages to embed at once that are worth loading the faster engine
READ_AHEAD = 2  # files parsed ahead of the one being embedded (their passages wait in memory)


@dataclass(frozen=True)
class _Prepared:
    """A file read, parsed and chunked, waiting for its vectors."""

    path: Path
    stat: Any
    digest: str
    doc: parse.ParsedDocument
    passages: list[chunking.Passage]
    language: str
    force: bool = False


@dataclass
class FileResult:
    path: str
    status: str  # indexed | unchanged | error | removed
    passages: int = 0
    pages: int = 0
    embedded: int = 0  # passages whose vectors were computed (the rest were reused)
    code: str = ""
    message: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class AddReport:
    files: list[FileResult] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def problems(self) -> list[FileResult]:
        return [f for f in self.files if f.status == "error"]

    @property
    def pages(self) -> int:
        return sum(f.pages for f in self.files if f.status == "indexed")

    def to_dict(self) -> dict[str, Any]:
        counts: dict[str, int] = {}
        for f in self.files:
            counts[f.status] = counts.get(f.status, 0) + 1
        return {
            "files": [f.to_dict() for f in self.files],
            "counts": counts,
            "seconds": round(self.seconds, 2),
        }


@dataclass(frozen=True)
class DocumentInfo:
    id: int
    path: str
    title: str
    kind: str
    language: str
    mtime: float
    content_hash: str
    pages: int
    passages: int
    indexed_at: str
    status: str
    error_code: str
    error: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


Progress = Callable[[int, int, Path], None]  # (done, total, the file about to be read)


class DocumentIndex:
    """Add, remove and list documents (thread-safe: one SQLite connection behind a lock for writes and
    lookups; the words search runs on read-only connections of its own, beside the vector search)."""

    def __init__(self, db_path: Path, collection: Any, embedder: Embedder) -> None:
        self.db_path = db_path
        self.collection = collection
        self.embedder = embedder
        self._lock = threading.RLock()
        self._centroids: dict[str, np.ndarray] | None = None
        self.db = sqlite3.connect(str(db_path), check_same_thread=False, isolation_level=None)
        self.db.execute("PRAGMA foreign_keys = ON")
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.executescript(SCHEMA)
        self._readers: list[sqlite3.Connection] = []
        self._local = threading.local()
        self._words_pool: ThreadPoolExecutor | None = None

    @classmethod
    def open(cls, client: Any, embedder: Embedder, db_path: Path | None = None) -> DocumentIndex:
        """The index beside the insights: ``client`` is the knowledge store's Chroma client."""
        from desktop.core.knowledge.store import KnowledgeStore

        try:
            collection = KnowledgeStore._collection(client, COLLECTION, embedder.name, embedder.dim)
        except KnowledgeError:
            raise
        except Exception as exc:
            raise KnowledgeError(
                f"The document index could not be opened ({exc}).",
                "Run `zantara doctor --repair`, then `zantara docs reindex`.",
            ) from exc
        return cls(db_path or paths.data_dir() / "documents.sqlite3", collection, embedder)

    def close(self) -> None:
        with self._lock:
            pool, self._words_pool = self._words_pool, None
        if pool is not None:
            pool.shutdown(wait=True)
        for reader in self._readers:
            reader.close()
        self._readers.clear()
        self.db.close()

    # ----------------------------------------------------------------------------------------- reading
    def documents(self) -> list[DocumentInfo]:
        with self._lock:
            rows = self.db.execute(f"SELECT {_DOC_COLUMNS} FROM documents ORDER BY path").fetchall()
        return [DocumentInfo(*row) for row in rows]

    def passages_by_id(self, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
        """Passage rows (with their document's title, path and language) by passage id."""
        rows = self._rows_in(
            "SELECT p.id, p.text, p.section, p.page, p.ordinal, d.title, d.path, d.language, p.vector_id, "
            "p.document_id FROM passages p JOIN documents d ON d.id = p.document_id WHERE p.id IN ({marks})",
            ids,
        )
        keys = (
            "id",
            "text",
            "section",
            "page",
            "ordinal",
            "title",
            "path",
            "language",
            "vector_id",
            "document_id",
        )
        return {row[0]: dict(zip(keys, row, strict=True)) for row in rows}

    def around(self, passage: dict[str, Any], reach: int) -> dict[int, tuple[int, str]]:
        """{ordinal: (id, text)} of the passages within ``reach`` of ``passage`` (a ``passages_by_id`` row)
        in the same document, section and page: what a passage may be widened with."""
        sql = (
            "SELECT ordinal, id, text FROM passages WHERE document_id = ? AND section = ? AND page IS ? "
            "AND ordinal BETWEEN ? AND ?"
        )
        ordinal = int(passage["ordinal"])
        args = (passage["document_id"], passage["section"], passage["page"], ordinal - reach, ordinal + reach)
        with self._lock:
            rows = self.db.execute(sql, args).fetchall()
        return {int(o): (int(i), str(t)) for o, i, t in rows}

    def _rows_in(self, sql: str, values: Sequence[Any]) -> list[tuple[Any, ...]]:
        """Rows of ``sql`` whose ``IN ({marks})`` holds ``values`` (none for no values)."""
        if not values:
            return []
        with self._lock:
            return self.db.execute(sql.format(marks=",".join("?" * len(values))), list(values)).fetchall()

    def passage_ids_for_vectors(self, vector_ids: Sequence[str]) -> dict[str, int]:
        rows = self._rows_in("SELECT vector_id, id FROM passages WHERE vector_id IN ({marks})", vector_ids)
        return {str(v): int(i) for v, i in rows}

    def vector_passages(self, vector_ids: Sequence[str]) -> dict[str, tuple[int, str]]:
        """{vector id: (passage id, its document's language)} for the vectors SQLite knows, in one lookup."""
        rows = self._rows_in(
            "SELECT p.vector_id, p.id, d.language FROM passages p JOIN documents d ON d.id = p.document_id "
            "WHERE p.vector_id IN ({marks})",
            vector_ids,
        )
        return {str(v): (int(i), str(lang)) for v, i, lang in rows}

    def passage_languages(self, ids: Sequence[int]) -> dict[int, str]:
        rows = self._rows_in(
            "SELECT p.id, d.language FROM passages p JOIN documents d ON d.id = p.document_id "
            "WHERE p.id IN ({marks})",
            ids,
        )
        return {int(i): str(lang) for i, lang in rows}

    def language_centroids(self) -> dict[str, np.ndarray]:
        """The mean passage vector per document language (from up to ``CENTROID_SAMPLE`` vectors each), kept
        until the next write; none at all while a language has fewer than ``CENTROID_MIN`` passages."""
        with self._lock:
            if self._centroids is not None:
                return self._centroids
            languages = [str(r[0]) for r in self.db.execute("SELECT DISTINCT language FROM documents")]
        centroids: dict[str, np.ndarray] = {}
        for language in languages:
            if not language:
                continue
            got = self.collection.get(
                where={"language": language}, limit=CENTROID_SAMPLE, include=["embeddings"]
            )
            vectors = np.asarray(got["embeddings"], dtype=np.float32)
            if (
                len(vectors) < CENTROID_MIN
            ):  # a few passages' mean is their topic, not their language's baseline
                centroids = {}
                break
            centroids[language] = vectors.mean(axis=0)
        with self._lock:
            self._centroids = centroids
        return centroids

    def words(self, match: str, k: int) -> list[tuple[int, float]]:
        """(passage id, bm25) for an FTS5 query, best first (bm25 is lower for better matches).

        An OR query of a question's words matches thousands of passages at 10,000 documents and bm25 scores
        each one (5-25 ms), so it runs on this thread's own read-only connection: no lock, and beside the
        query embedding when started through :meth:`words_soon` (SQLite lets go of the GIL while it works)."""
        if not match:
            return []
        rows = (
            self._reader()
            .execute(
                "SELECT rowid, bm25(passages_fts) AS score FROM passages_fts WHERE passages_fts MATCH ? "
                "ORDER BY score LIMIT ?",
                (match, k),
            )
            .fetchall()
        )
        return [(int(r), float(s)) for r, s in rows]

    def words_soon(self, match: str, k: int) -> Future[tuple[list[tuple[int, float]], float]]:
        """:meth:`words` started on a worker thread: (its rows, the milliseconds it took)."""

        def timed() -> tuple[list[tuple[int, float]], float]:
            started = time.perf_counter()
            rows = self.words(match, k)
            return rows, (time.perf_counter() - started) * 1000

        with self._lock:
            if self._words_pool is None:
                self._words_pool = ThreadPoolExecutor(2, thread_name_prefix="docs-words")
            return self._words_pool.submit(timed)

    def _reader(self) -> sqlite3.Connection:
        """This thread's read-only connection (WAL: it sees every committed write, never waits for one)."""
        reader: sqlite3.Connection | None = getattr(self._local, "reader", None)
        if reader is None:
            uri = f"{self.db_path.absolute().as_uri()}?mode=ro"
            reader = sqlite3.connect(uri, uri=True, check_same_thread=False)
            reader.execute("PRAGMA query_only = ON")
            with self._lock:
                self._readers.append(reader)
            self._local.reader = reader
        return reader

    def count(self) -> tuple[int, int]:
        """(documents indexed, passages)."""
        with self._lock:
            docs = self.db.execute("SELECT COUNT(*) FROM documents WHERE status = 'indexed'").fetchone()[0]
            passages = self.db.execute("SELECT COUNT(*) FROM passages").fetchone()[0]
        return int(docs), int(passages)

    # ----------------------------------------------------------------------------------------- writing
    def add(
        self,
        targets: Iterable[Path],
        progress: Progress | None = None,
        force: bool = False,
        remember: bool = True,
    ) -> AddReport:
        """Index files and folders; a folder also drops what was indexed under it and is gone now, and is
        remembered as watched (``remember``): the app follows its changes while it runs."""
        started = time.perf_counter()
        report = AddReport()
        targets = [Path(t).expanduser().absolute() for t in targets]
        files: list[Path] = []
        for target in targets:
            if not target.exists():
                report.files.append(_error(target, parse.DocumentError("missing", target)))
            else:
                files += parse.walk([target])
        for target in targets:
            if target.is_dir():
                report.files += self._prune(target, set(files))
                if remember:
                    self.set_watched(target)
        for n, (path, prepared) in enumerate(zip(files, self._read_ahead(files, force), strict=True)):
            if progress is not None:
                progress(n, len(files), path)
            report.files.append(self._index(prepared))
        if progress is not None:
            progress(len(files), len(files), targets[-1] if targets else Path())
        report.seconds = time.perf_counter() - started
        return report

    def add_file(self, path: Path, force: bool = False) -> FileResult:
        """Index one file as one unit; a failure leaves its previous version (if any) as it was."""
        return self._index(self._prepare(path, force))

    def _read_ahead(self, files: list[Path], force: bool) -> Iterator[_Prepared | FileResult]:
        """Each file read, parsed and chunked, ``READ_AHEAD`` files ahead of the one being embedded: pypdf
        works on a second core (or in the embedding's waits) instead of between two files' embeddings."""
        if len(files) < 2:
            yield from (self._prepare(path, force) for path in files)
            return
        with ThreadPoolExecutor(1, thread_name_prefix="docs-read") as pool:
            queued = iter(files)
            ahead = deque(pool.submit(self._prepare, path, force) for path in islice(queued, READ_AHEAD))
            while ahead:
                done = ahead.popleft().result()
                following = next(queued, None)
                if following is not None:
                    ahead.append(pool.submit(self._prepare, following, force))
                yield done

    def _prepare(self, path: Path, force: bool) -> _Prepared | FileResult:
        """The file parsed and chunked, or its result already (unchanged, or why it cannot be read)."""
        from desktop.core.knowledge.language import detect_language

        path = path.absolute()
        try:
            stat = path.stat()
            known = self._known(path)
            same = known is not None and (known["mtime"], known["size"]) == (stat.st_mtime, stat.st_size)
            if not force and known and known["status"] == "indexed" and same:
                return FileResult(str(path), "unchanged", known["passages"], known["pages"])
            digest = _sha256(path)
            if not force and known and known["status"] == "indexed" and known["content_hash"] == digest:
                self._touch(known["id"], stat)
                return FileResult(str(path), "unchanged", known["passages"], known["pages"])
            doc = parse.parse(path)
            passages = chunking.chunk(doc)
            if not passages:
                raise parse.DocumentError("empty", path)
            language = detect_language(" ".join(p.text for p in passages)[:3000])
            return _Prepared(path, stat, digest, doc, passages, language, force)
        except Exception as exc:
            return self._failure(path, exc)

    def _index(self, prepared: _Prepared | FileResult) -> FileResult:
        """Embed and write a prepared file, as it is on disk at its turn (read ahead, it may have changed or
        gone since: then it is read again, or reported vanished)."""
        if isinstance(prepared, FileResult):
            return prepared
        try:
            now = prepared.path.stat()
            if (now.st_mtime, now.st_size) != (prepared.stat.st_mtime, prepared.stat.st_size):
                return self._index(self._prepare(prepared.path, prepared.force))
            return self._write(prepared)
        except Exception as exc:
            return self._failure(prepared.path, exc)

    def _failure(self, path: Path, exc: Exception) -> FileResult:
        """Never lose the other files for one: say which and why."""
        if isinstance(exc, FileNotFoundError):
            return self._failed(path, parse.DocumentError("vanished", path))
        if isinstance(exc, parse.DocumentError):
            return self._failed(path, exc)
        failure = parse.DocumentError("failed", path, error=f"{type(exc).__name__}: {exc}"[:200])
        return self._failed(path, failure)

    def remove(self, target: Path) -> list[FileResult]:
        """Drop a file, or everything under a folder, from both indexes (the files stay on disk)."""
        target = Path(target).expanduser().absolute()
        prefix = str(target).rstrip("/") + "/"
        with self._lock:
            rows = self.db.execute(
                "SELECT id, path FROM documents WHERE path = ? OR substr(path, 1, ?) = ?",
                (str(target), len(prefix), prefix),
            ).fetchall()
        return [self._drop(int(i), str(p)) for i, p in rows]

    def reindex(self, force: bool = False, progress: Progress | None = None) -> AddReport:
        """Check every known document again (changed: re-indexed; gone: removed) and drop stray vectors."""
        started = time.perf_counter()
        report = AddReport()
        docs = self.documents()
        for n, info in enumerate(docs):
            path = Path(info.path)
            if progress is not None:
                progress(n, len(docs), path)
            if not path.exists():
                report.files.append(self._drop(info.id, info.path))
            else:
                report.files.append(self.add_file(path, force=force))
        self.prune_vectors()
        report.seconds = time.perf_counter() - started
        return report

    def prune_vectors(self) -> int:
        """Delete vectors no passage refers to (left by a write that failed half-way)."""
        got = self.collection.get(include=[])
        ids = [str(i) for i in got["ids"]]
        known = set()
        for start in range(0, len(ids), 900):
            known |= set(self.passage_ids_for_vectors(ids[start : start + 900]))
        stray = [i for i in ids if i not in known]
        for start in range(0, len(stray), 5000):
            self.collection.delete(ids=stray[start : start + 5000])
        return len(stray)

    def watched(self) -> list[str]:
        with self._lock:
            return [str(r[0]) for r in self.db.execute("SELECT path FROM watched ORDER BY path")]

    def set_watched(self, folder: Path, on: bool = True) -> None:
        with self._lock:
            if on:
                self.db.execute("INSERT OR IGNORE INTO watched(path) VALUES (?)", (str(folder.absolute()),))
            else:
                self.db.execute("DELETE FROM watched WHERE path = ?", (str(folder.absolute()),))

    # ---------------------------------------------------------------------------------------- internals
    def _known(self, path: Path) -> dict[str, Any] | None:
        with self._lock:
            row = self.db.execute(
                "SELECT id, mtime, size, content_hash, status, passages, pages FROM documents WHERE path = ?",
                (str(path),),
            ).fetchone()
        if row is None:
            return None
        keys = ("id", "mtime", "size", "content_hash", "status", "passages", "pages")
        return dict(zip(keys, row, strict=True))

    def _touch(self, doc_id: int, stat: Any) -> None:
        with self._lock:
            self.db.execute(
                "UPDATE documents SET mtime = ?, size = ? WHERE id = ?", (stat.st_mtime, stat.st_size, doc_id)
            )

    def _vectors(self, passages: list[chunking.Passage]) -> tuple[np.ndarray, int]:
        """One vector per passage: a text any indexed passage already has (this file's earlier version, a
        copy of it elsewhere, a shared template) reuses that vector; the rest are embedded."""
        old = self._known_vectors({p.text_hash for p in passages})
        missing = list({p.text_hash: p for p in passages if p.text_hash not in old}.values())
        if len(missing) > FAST_FROM:
            self.embedder.load_fast_queries()  # ~0.4 s once per process, then 3-6x faster per passage
        fresh: dict[str, np.ndarray] = {}
        for start in range(0, len(missing), EMBED_BATCH):
            batch = missing[start : start + EMBED_BATCH]
            vectors = self.embedder.embed_passages_fast([p.search_text for p in batch])
            fresh.update({p.text_hash: v for p, v in zip(batch, vectors, strict=True)})
        rows = [old.get(p.text_hash, fresh.get(p.text_hash)) for p in passages]
        return np.vstack([np.asarray(r, dtype=np.float32) for r in rows]), len(missing)

    def _known_vectors(self, hashes: set[str]) -> dict[str, np.ndarray]:
        """{text hash: vector} for the hashes some indexed passage has (a vector deleted meanwhile is left
        out: that passage is embedded again)."""
        wanted = sorted(hashes)
        by_vector: dict[str, str] = {}
        for start in range(0, len(wanted), 900):
            part = wanted[start : start + 900]
            marks = ",".join("?" * len(part))
            with self._lock:
                rows = self.db.execute(
                    f"SELECT vector_id, text_hash FROM passages WHERE text_hash IN ({marks})", part
                ).fetchall()
            by_vector.update({str(v): str(h) for v, h in rows})
        if not by_vector:
            return {}
        got = self.collection.get(ids=list(by_vector), include=["embeddings"])
        return {
            by_vector[str(i)]: np.asarray(v, dtype=np.float32)
            for i, v in zip(got["ids"], got["embeddings"], strict=True)
        }

    def _write(self, prepared: _Prepared) -> FileResult:
        path, passages = prepared.path, prepared.passages
        vectors, embedded = self._vectors(passages)
        doc_id = self._reserve_id(path)
        new_ids = [f"d{doc_id}-{p.text_hash[:16]}-{p.ordinal}" for p in passages]
        old_ids = self._vector_ids(doc_id)
        metadatas: list[Any] = [
            {"document_id": doc_id, "text_hash": p.text_hash, "language": prepared.language} for p in passages
        ]
        added = [i for i in new_ids if i not in set(old_ids)]
        self.collection.upsert(ids=new_ids, embeddings=vectors, metadatas=metadatas)
        try:
            self._swap(doc_id, prepared, new_ids)
        except BaseException:
            if added:
                self.collection.delete(ids=added)
            raise
        stale = [i for i in old_ids if i not in set(new_ids)]
        if stale:
            self.collection.delete(ids=stale)
        return FileResult(str(path), "indexed", len(passages), prepared.doc.pages, embedded)

    def _reserve_id(self, path: Path) -> int:
        """The document's row id (an existing row keeps its id; a new path gets a placeholder row)."""
        with self._lock:
            row = self.db.execute("SELECT id FROM documents WHERE path = ?", (str(path),)).fetchone()
            if row is not None:
                return int(row[0])
            cur = self.db.execute(
                "INSERT INTO documents(path, status, error_code) VALUES (?, 'error', 'pending')", (str(path),)
            )
            return int(cur.lastrowid or 0)

    def _vector_ids(self, doc_id: int) -> list[str]:
        with self._lock:
            rows = self.db.execute("SELECT vector_id FROM passages WHERE document_id = ?", (doc_id,))
            return [str(r[0]) for r in rows]

    def _swap(self, doc_id: int, prepared: _Prepared, vector_ids: list[str]) -> None:
        """The document's row and passages, in one transaction."""
        doc, stat, passages = prepared.doc, prepared.stat, prepared.passages
        with self._lock:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                self._delete_passages(doc_id)
                self.db.execute(
                    "UPDATE documents SET title = ?, kind = ?, language = ?, mtime = ?, size = ?, "
                    "content_hash = ?, pages = ?, passages = ?, indexed_at = ?, status = 'indexed', "
                    "error_code = '', error = '' WHERE id = ?",
                    (
                        doc.title,
                        doc.kind,
                        prepared.language,
                        stat.st_mtime,
                        stat.st_size,
                        prepared.digest,
                        doc.pages,
                        len(passages),
                        _now(),
                        doc_id,
                    ),
                )
                for passage, vector_id in zip(passages, vector_ids, strict=True):
                    cur = self.db.execute(
                        "INSERT INTO passages(document_id, ordinal, text, section, page, vector_id, text_hash) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (
                            doc_id,
                            passage.ordinal,
                            passage.text,
                            passage.section,
                            passage.page,
                            vector_id,
                            passage.text_hash,
                        ),
                    )
                    self.db.execute(
                        "INSERT INTO passages_fts(rowid, search_text) VALUES (?, ?)",
                        (cur.lastrowid, passage.search_text),
                    )
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self._centroids = None

    def _delete_passages(self, doc_id: int) -> None:
        self.db.execute(
            "DELETE FROM passages_fts WHERE rowid IN (SELECT id FROM passages WHERE document_id = ?)",
            (doc_id,),
        )
        self.db.execute("DELETE FROM passages WHERE document_id = ?", (doc_id,))

    def _failed(self, path: Path, exc: parse.DocumentError) -> FileResult:
        """Record the error on a file not indexed before; an indexed earlier version stays searchable."""
        known = self._known(path)
        with self._lock:
            if known is None:
                self.db.execute(
                    "INSERT INTO documents(path, title, status, error_code, error, indexed_at) "
                    "VALUES (?, ?, 'error', ?, ?, ?)",
                    (str(path), path.name, exc.code, str(exc), _now()),
                )
            elif known["status"] != "indexed":
                self.db.execute(
                    "UPDATE documents SET error_code = ?, error = ? WHERE id = ?",
                    (exc.code, str(exc), known["id"]),
                )
        return _error(path, exc)

    def _drop(self, doc_id: int, path: str) -> FileResult:
        ids = self._vector_ids(doc_id)
        with self._lock:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                self._delete_passages(doc_id)
                self.db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self._centroids = None
        for start in range(0, len(ids), 5000):
            self.collection.delete(ids=ids[start : start + 5000])
        return FileResult(path, "removed")

    def _prune(self, folder: Path, present: set[Path]) -> list[FileResult]:
        """Documents indexed under ``folder`` whose files are gone leave the index."""
        prefix = str(folder).rstrip("/") + "/"
        with self._lock:
            rows = self.db.execute(
                "SELECT id, path FROM documents WHERE substr(path, 1, ?) = ?", (len(prefix), prefix)
            ).fetchall()
        return [
            self._drop(int(i), str(p)) for i, p in rows if Path(p) not in present and not Path(p).exists()
        ]


_DOC_COLUMNS = "id, path, title, kind, language, mtime, content_hash, pages, passages, indexed_at, status, error_code, error"


def _error(path: Path, exc: parse.DocumentError) -> FileResult:
    return FileResult(str(path), "error", code=exc.code, message=str(exc))


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with closing(path.open("rb")) as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def failure_text(result: FileResult) -> str:
    return result.message or say("doc.failed", name=Path(result.path).name, error=result.code)
