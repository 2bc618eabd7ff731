"""Repair and restore as transactions: each new store is built whole beside the live one, checked, and only
then swapped in by renames (which need no free space); any failure before or during the swap leaves every
live file where it was and removes what was half built.

A knowledge store is built from its parts, never copied: the shipped packs, the user's own insights (with the
ids they deleted), and the answer memory re-indexed from the conversations database.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core import paths
from desktop.core.knowledge.insight import Insight

BUILDING = ".building-"  # prefix of a half-built store: removed on failure, and by the next repair


@dataclass
class KnowledgeParts:
    """What a rebuilt knowledge store holds besides the packs."""

    own: list[Insight] = field(default_factory=list)
    deleted: set[str] = field(default_factory=set)
    own_from: str = "none"
    answers_from: list[Path] = field(default_factory=list)  # conversations databases (memory)


def live_chroma() -> Path:
    return paths.data_dir() / "chroma"  # not paths.chroma_dir(): that would create it again mid-swap


def live_database() -> Path:
    return paths.database_path()


def staging_path(kind: str) -> Path:
    return paths.data_dir() / f"{BUILDING}{kind}-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}"


def sweep() -> None:
    """Remove what an interrupted repair or restore left half built."""
    for left in paths.data_dir().glob(f"{BUILDING}*"):
        if left.is_dir():
            shutil.rmtree(left, ignore_errors=True)
        else:
            left.unlink(missing_ok=True)


@contextlib.contextmanager
def building(kind: str) -> Iterator[Path]:
    """A fresh staging path, removed again unless the caller swapped it in."""
    path = staging_path(kind)
    try:
        yield path
    finally:
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        for part in _db_parts(path):
            part.unlink(missing_ok=True)


def release_chroma() -> None:
    """Let go of every Chroma client this process holds (they keep files open and cache the folder)."""
    from chromadb.api.client import SharedSystemClient

    SharedSystemClient.clear_system_cache()


def build_knowledge(target: Path, parts: KnowledgeParts, user: str = "") -> dict[str, Any]:
    """A complete knowledge store in ``target``: packs, the user's insights, tombstones, answer memory."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    from desktop.core.health.answers import reindex, stored_answers
    from desktop.core.health.chroma_store import check_chroma
    from desktop.core.knowledge.embedder import default_embedder
    from desktop.core.knowledge.memory import AnswerMemory
    from desktop.core.knowledge.store import COLLECTION, TOMBSTONES, KnowledgeStore

    embedder = default_embedder()
    client = chromadb.PersistentClient(path=str(target), settings=ChromaSettings(anonymized_telemetry=False))
    store = KnowledgeStore(
        client,
        KnowledgeStore._collection(client, COLLECTION, embedder.name, embedder.dim),
        KnowledgeStore._collection(client, TOMBSTONES, "none", 1),
        embedder,
    )
    deleted = sorted(parts.deleted - {i.id for i in parts.own})
    if deleted:
        store.tombstones.upsert(
            ids=deleted, embeddings=[[1.0]] * len(deleted), metadatas=[{"deleted": True}] * len(deleted)
        )
    curated = store.ensure_curated_pack()
    own = {i.id: i for i in parts.own}
    if own:
        store.add(list(own.values()))
    answers = [a for db in parts.answers_from for a in stored_answers(db)]
    remembered = reindex(AnswerMemory.open(client, embedder), answers, user)
    total = store.count()
    missing = set(own) - set(store.existing_ids(list(own)))
    del store, client
    release_chroma()
    problems = check_chroma(target)
    if missing or problems:
        raise sqlite3.DatabaseError(f"the rebuilt store is incomplete ({len(missing)} missing; {problems})")
    return {
        "curated": curated,
        "own_insights": len(own),
        "own_from": parts.own_from,
        "answers": remembered,
        "total": total,
    }


def _db_parts(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("", "-wal", "-shm")]


class Swap:
    """Renames that put staged stores in place, undone in reverse order when a later one fails."""

    def __init__(self, aside: Path) -> None:
        self.aside = aside  # where the replaced live files go
        self.done: list[tuple[Path, Path]] = []

    def move(self, source: Path, target: Path) -> None:
        os.rename(source, target)
        self.done.append((source, target))

    def replace_database(self, staged: Path, live: Path) -> None:
        self.aside.mkdir(mode=0o700, parents=True, exist_ok=True)
        for part in _db_parts(live):
            if part.exists():
                self.move(part, self.aside / part.name)
        for part, into in zip(_db_parts(staged), _db_parts(live), strict=True):
            if part.exists():
                self.move(part, into)

    def replace_folder(self, staged: Path, live: Path) -> None:
        self.aside.mkdir(mode=0o700, parents=True, exist_ok=True)
        if live.exists():
            self.move(live, self.aside / live.name)
        self.move(staged, live)

    def undo(self) -> None:
        for source, target in reversed(self.done):
            with contextlib.suppress(OSError):
                os.rename(target, source)
        self.done.clear()
        with contextlib.suppress(OSError):
            self.aside.rmdir()  # only when empty: it then held nothing


def copy_database(source: Path, target: Path) -> int:
    """A consistent copy of ``source`` (SQLite's backup API) migrated to the current schema and checked;
    returns its message count."""
    from desktop.core.chat.conversations import Conversations
    from desktop.core.health import CONVERSATION_TABLES
    from desktop.core.health.sqlite_file import check_sqlite

    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=10)
    dst = sqlite3.connect(str(target))
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    convs = Conversations(target)  # migrates an older backup's schema
    try:
        with convs.raw() as raw:
            count = int(raw.execute("SELECT COUNT(*) FROM messages").fetchone()[0])
    finally:
        convs.close()
    problems = check_sqlite(target, CONVERSATION_TABLES)
    if problems:
        raise sqlite3.DatabaseError(f"the copy is damaged: {'; '.join(problems)}")
    return count
