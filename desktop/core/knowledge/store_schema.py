"""Numbered migrations of the knowledge store's collection metadata (insights, tombstones, answer memory).

Chroma keeps a small metadata dict per collection; the app reads ``embedder`` (whose vectors these are),
``dim`` (their size) and ``pack_hash`` (the curated pack last synced). Its version is the ``schema`` key, like
``PRAGMA user_version`` for the SQLite database: version 0 is what the first release wrote (no ``schema``).
Each migration takes the metadata one version up and is written back with the version in one ``modify`` call,
so a crash leaves the old or the new version; a store from a newer release is refused, not damaged. Migrations
are idempotent: two processes opening the same old store (a team's server) may both run them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop.core.errors import KnowledgeError

SCHEMA_KEY = "schema"
#: Metadata -> the metadata one version up; ``dim`` is the embedder's vector size.
Migration = Callable[[dict[str, Any], int], dict[str, Any]]


def _vector_size(meta: dict[str, Any], dim: int) -> dict[str, Any]:
    """Record the vector size where a store made outside the app (a server's admin, an older tool) lacks it:
    the app compares it before searching."""
    return {**meta, "dim": int(meta.get("dim") or dim)}


MIGRATIONS: list[tuple[str, Migration]] = [
    ("record the vector size", _vector_size),
]
LATEST = len(MIGRATIONS)


def version(meta: dict[str, Any] | None) -> int:
    return int((meta or {}).get(SCHEMA_KEY, 0))


def new_metadata(embedder_name: str, dim: int) -> dict[str, Any]:
    """A new collection's metadata, at the latest version."""
    return {"embedder": embedder_name, "dim": dim, SCHEMA_KEY: LATEST}


def upgrade(meta: dict[str, Any] | None, dim: int) -> tuple[dict[str, Any], list[str]]:
    """``meta`` at the latest version, and the names of the migrations that ran (none: already latest)."""
    current = dict(meta or {})
    found = version(current)
    if found > LATEST:
        raise KnowledgeError(
            f"The knowledge store is from a newer Zantara (metadata schema {found}, this one knows {LATEST}).",
            "Update Zantara, or point it at another store (setting chroma_url).",
        )
    done = []
    for number in range(found + 1, LATEST + 1):
        name, step = MIGRATIONS[number - 1]
        current = step(current, dim)
        done.append(name)
    current[SCHEMA_KEY] = LATEST
    return current, done


def migrate(collection: Any, dim: int) -> list[str]:
    """Bring a Chroma collection's metadata to the latest version (one write, only when needed)."""
    meta, done = upgrade(collection.metadata, dim)
    if done:
        collection.modify(metadata=meta)
    return done
