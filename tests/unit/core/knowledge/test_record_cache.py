"""Records kept between searches (issue 15) are never stale: real local Chroma, writes from this process and
from another one."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np

from desktop.core import paths
from desktop.core.knowledge.insight import Insight
from desktop.core.knowledge.record_cache import RecordCache, file_stamp
from desktop.core.knowledge.store import KnowledgeStore

REPO = Path(__file__).resolve().parents[4]


def _statuses(store: KnowledgeStore, ids: list[str]) -> dict[str, str]:
    return {s.insight.id: s.insight.status for s, _v in store.hits([(i, 0.5) for i in ids])}


def test_a_second_read_comes_from_memory_and_equals_the_first(
    small_store: KnowledgeStore, samples: list[Insight]
) -> None:
    ids = [i.id for i in samples]
    assert small_store.records is not None
    first = small_store.hits([(i, 0.5) for i in ids])
    misses = small_store.records.misses
    second = small_store.hits([(i, 0.5) for i in ids])
    assert small_store.records.misses == misses  # nothing read from Chroma again
    assert small_store.records.hits >= len(ids)
    assert [s.insight.to_dict() for s, _v in first] == [s.insight.to_dict() for s, _v in second]
    for (_a, va), (_b, vb) in zip(first, second, strict=True):
        assert va is not None and vb is not None
        assert np.array_equal(va, vb)
        assert not vb.flags.writeable  # shared between searches: nobody may change it in place


def test_reads_leave_the_stamp_alone_and_a_write_changes_it(
    small_store: KnowledgeStore, samples: list[Insight]
) -> None:
    stamp = file_stamp(paths.chroma_dir() / "chroma.sqlite3")
    before = stamp()
    small_store.hits([(i.id, 0.5) for i in samples])
    small_store.nearest_ids(small_store.embedder.embed_query("malu"), 3)
    assert stamp() == before
    small_store.set_status(samples[0].id, "pending")
    assert stamp() != before


def test_a_status_changed_in_this_process_is_seen_at_once(
    small_store: KnowledgeStore, samples: list[Insight]
) -> None:
    ids = [i.id for i in samples]
    assert _statuses(small_store, ids)[ids[2]] == "approved"
    small_store.set_status(ids[2], "rejected")
    assert _statuses(small_store, ids)[ids[2]] == "rejected"


def test_a_status_changed_by_another_process_is_seen_at_once(
    small_store: KnowledgeStore, samples: list[Insight]
) -> None:
    """The CLI rejecting an insight while the app runs: the app's next search must not offer it."""
    ids = [i.id for i in samples]
    assert _statuses(small_store, ids)[ids[4]] == "approved"  # now cached
    code = textwrap.dedent(
        f"""
        from desktop.core.knowledge.store import KnowledgeStore
        from desktop.core.settings import Settings
        KnowledgeStore.open(Settings()).set_status({ids[4]!r}, "rejected")
        """
    )
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True, timeout=120)
    assert _statuses(small_store, ids)[ids[4]] == "rejected"


def test_a_deleted_insight_is_not_served_from_memory(
    small_store: KnowledgeStore, samples: list[Insight]
) -> None:
    ids = [i.id for i in samples]
    assert ids[1] in _statuses(small_store, ids)
    small_store.delete(ids[1])
    assert ids[1] not in _statuses(small_store, ids)


def test_records_read_across_a_change_are_not_kept() -> None:
    """Read under one stamp, added after the store changed: dropped, so the next lookup reads fresh."""
    state = {"n": 1}
    cache = RecordCache(lambda: (state["n"],))
    _found, missing, stamp = cache.lookup(["a"])
    assert missing == ["a"]
    state["n"] = 2  # a write lands while "a" is being read
    cache.add({"a": ("old", {}, None)}, stamp)
    found, missing, _ = cache.lookup(["a"])
    assert found == {} and missing == ["a"]


def test_the_cache_is_bounded() -> None:
    cache = RecordCache(lambda: (1,), size=3)
    _f, _m, stamp = cache.lookup([])
    cache.add({str(n): (str(n), {}, None) for n in range(5)}, stamp)
    assert len(cache) == 3
    found, missing, _ = cache.lookup(["0", "4"])
    assert list(found) == ["4"] and missing == ["0"]  # the oldest went first


def test_batched_searches_equal_single_ones(small_store: KnowledgeStore) -> None:
    vectors = [small_store.embedder.embed_query(t) for t in ("aku malu", "Nyepi airport", "jam karet")]
    batched = small_store.nearest_ids_many(vectors, 4)
    assert batched == [small_store.nearest_ids(v, 4) for v in vectors]
    assert small_store.nearest_ids_many([], 4) == []


def test_a_small_store_is_read_into_memory_at_start_up(
    small_store: KnowledgeStore, samples: list[Insight]
) -> None:
    """prepare_session (the app's warm-up) reads a small store's records once: a topic's first search then
    reads nothing by id; a write still drops them."""
    from desktop.core.knowledge.retrieval import prepare_session

    assert small_store.records is not None
    assert prepare_session(small_store) == small_store.count() == len(samples)
    misses = small_store.records.misses
    found = small_store.hits([(i.id, 0.5) for i in samples])
    assert len(found) == len(samples) and small_store.records.misses == misses
    small_store.set_status(samples[0].id, "pending")
    assert _statuses(small_store, [samples[0].id]) == {samples[0].id: "pending"}


def test_a_store_above_the_limit_is_not_read_whole(small_store: KnowledgeStore) -> None:
    assert small_store.preload_records(limit=small_store.count() - 1) == 0
    assert small_store.records is not None and len(small_store.records) == 0
