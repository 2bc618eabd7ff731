"""Team mode: the store against a real `chroma run` server on 127.0.0.1, chosen by ZANTARA_CHROMA_URL."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.chroma_server import chroma_server  # noqa: F401  (pytest fixture)

from desktop.core.errors import EmbedderMismatch
from desktop.core.knowledge.embedder import Embedder, default_embedder
from desktop.core.knowledge.insight import Insight
from desktop.core.knowledge.retrieval import retrieve
from desktop.core.knowledge.store import KnowledgeStore
from desktop.core.settings import Settings

pytestmark = pytest.mark.slow


class RenamedEmbedder(Embedder):
    name = "other/embedder"

    def __init__(self) -> None:
        self.dim = default_embedder().dim

    def embed_queries(self, texts):  # type: ignore[no-untyped-def]
        return default_embedder().embed_queries(texts)

    def embed_passages(self, texts):  # type: ignore[no-untyped-def]
        return default_embedder().embed_passages(texts)


def test_store_over_http(chroma_server: str, monkeypatch: pytest.MonkeyPatch, zantara_home: Path) -> None:  # noqa: F811
    monkeypatch.setenv("ZANTARA_CHROMA_URL", chroma_server)
    store = KnowledgeStore.open(Settings(), default_embedder())
    assert store.is_remote and store.stats()["backend"] == "http"
    insights = [
        Insight(
            "Nyepi closes Bali's airport for a day; warn clients before they book flights.",
            "en",
            "religion_ceremony",
            ["nyepi"],
        ),
        Insight(
            "Quando un cliente dice di vergognarsi a chiedere, rispondi con calore e pazienza.",
            "it",
            "emotion",
            ["malu"],
        ),
    ]
    assert store.add(insights) == 2
    # A second client (a colleague's laptop) sees the same data.
    colleague = KnowledgeStore.open(Settings(), default_embedder())
    assert colleague.count() == 2
    result = retrieve(colleague, "il Nyepi chiude l'aeroporto?", k=1)
    assert result.insights[0].insight.concepts == ["nyepi"]
    assert colleague.delete(insights[0].id)
    assert store.count() == 1
    with pytest.raises(EmbedderMismatch):
        KnowledgeStore.open(Settings(), RenamedEmbedder())
    # The local folder was not used.
    assert not (zantara_home / "data" / "chroma" / "chroma.sqlite3").exists()
