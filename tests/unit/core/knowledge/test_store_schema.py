"""The store's collection metadata has numbered migrations: stores from older releases are brought up to date,
a newer release's store is refused, a new store starts at the latest version."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.core.errors import KnowledgeError
from desktop.core.knowledge import store_schema
from desktop.core.knowledge.store import KnowledgeStore, _client
from desktop.core.settings import Settings

NAME = "test-embedder"


def client() -> Any:
    return _client(Settings())


def collection_with(meta: dict[str, Any]) -> None:
    client().create_collection("old-store", metadata=meta, embedding_function=None)


@pytest.mark.parametrize(
    "old",
    [
        {"embedder": NAME, "dim": 384},  # the first release
        {"embedder": NAME, "dim": 384, "pack_hash": "abc"},  # the first release, after a pack sync
        {"embedder": NAME},  # made outside the app: no vector size
    ],
)
def test_an_older_store_is_migrated_and_keeps_its_keys(old: dict[str, Any]) -> None:
    collection_with(old)
    collection = KnowledgeStore._collection(client(), "old-store", NAME, 384)
    expected = {**old, "dim": 384, "schema": store_schema.LATEST}
    assert collection.metadata == expected
    reopened = client().get_collection("old-store", embedding_function=None)  # written, not just in memory
    assert reopened.metadata == expected
    assert store_schema.migrate(reopened, 384) == []  # nothing left to do, nothing written


def test_a_new_store_starts_at_the_latest_version() -> None:
    collection = KnowledgeStore._collection(client(), "fresh", NAME, 8)
    assert collection.metadata == {"embedder": NAME, "dim": 8, "schema": store_schema.LATEST}


def test_a_newer_releases_store_is_refused_and_left_alone() -> None:
    collection_with({"embedder": NAME, "dim": 384, "schema": store_schema.LATEST + 1})
    with pytest.raises(KnowledgeError, match="newer Zantara"):
        KnowledgeStore._collection(client(), "old-store", NAME, 384)
    assert client().get_collection("old-store").metadata["schema"] == store_schema.LATEST + 1


def test_upgrade_names_each_migration_once() -> None:
    meta, done = store_schema.upgrade({"embedder": NAME}, 16)
    assert done == [name for name, _ in store_schema.MIGRATIONS] and meta["dim"] == 16
    assert store_schema.upgrade(meta, 16) == (meta, [])
