"""The upgrade from a server-only store: a laptop that had `chroma_url` pointing at a plain `chroma run`
server (the insights, answer memory and shared ratings lived only there) gets a local copy at its first
sync, and nothing on either side is lost; answers then come from the laptop."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import chromadb
import pytest
from chromadb.config import Settings as ChromaSettings
from support.chroma_server import chroma_server  # noqa: F401  (pytest fixture)
from support.knowledge import curated_store_dir  # noqa: F401  (pytest fixture)
from support.laptops import Laptop

from desktop.core.knowledge.embedder import default_embedder
from desktop.core.knowledge.insight import Insight
from desktop.core.knowledge.memory import AnswerMemory
from desktop.core.knowledge.store import to_metadata

pytestmark = pytest.mark.slow

OLD_INSIGHT = Insight(
    "Nyepi closes Bali's airport for a day; warn clients before they book flights around it.",
    "en",
    "religion_ceremony",
    ["nyepi"],
    source="user",
)


def seed_old_server(url: str) -> str:
    """What an older Zantara wrote straight to the server: an insight, one remembered answer, a rating."""
    parsed = urlparse(url)
    client = chromadb.HttpClient(
        host=parsed.hostname or "",
        port=parsed.port or 8000,
        settings=ChromaSettings(anonymized_telemetry=False),
    )
    embedder = default_embedder()
    meta = {"embedder": embedder.name, "dim": embedder.dim}
    insights = client.get_or_create_collection(
        "cultural_insights",
        metadata=meta,
        configuration={"hnsw": {"space": "cosine"}},
        embedding_function=None,
    )
    insights.upsert(
        ids=[OLD_INSIGHT.id],
        documents=[OLD_INSIGHT.text],
        metadatas=[to_metadata(OLD_INSIGHT)],
        embeddings=embedder.embed_passages([OLD_INSIGHT.text]),
    )
    memory = client.get_or_create_collection(
        "answer_memory", metadata=meta, configuration={"hnsw": {"space": "cosine"}}, embedding_function=None
    )
    answer = AnswerMemory(memory, embedder).add(
        "Apakah bandara tutup saat Nyepi?",
        "Ya, bandara Ngurah Rai tutup 24 jam saat Nyepi.",
        user_name="Ketut",
    )
    ratings = client.get_or_create_collection("zantara_ratings", metadata={"embedder": "none", "dim": 1})
    ratings.upsert(
        ids=["r:old:1"],
        documents=["ok"],
        embeddings=[[1.0]],
        metadatas=[{"kind": "rating", "installation": "old", "verdict": "up", "strategy": "rag"}],
    )
    return answer


def test_a_server_only_user_gets_a_local_copy_and_loses_nothing(
    chroma_server: str,  # noqa: F811
    curated_store_dir: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    answer_id = seed_old_server(chroma_server)
    laptop = Laptop.make(tmp_path, "Wayan", curated_store_dir, {})
    laptop.run(
        "settings", "set", "chroma_url", chroma_server
    )  # the old setting, a loopback plain-http server
    first = laptop.sync()
    assert first["ok"] and first["legacy_imported"] == 3
    again = laptop.sync()
    assert again["legacy_imported"] == 0 and again["pushed"] == 0, "the copy is made once"
    shown = laptop.json("knowledge", "show", OLD_INSIGHT.id)
    assert shown["insight"]["text"] == OLD_INSIGHT.text
    status = laptop.json("sync", "status")
    assert status["local_counts"]["answer"] == 1 and status["local_counts"]["rating"] == 1
    assert status["server_counts"] == {"insight": 1, "answer": 1, "rating": 1}
    # the old collections are still on the server, untouched
    parsed = urlparse(chroma_server)
    client = chromadb.HttpClient(host=parsed.hostname or "", port=parsed.port or 8000)
    assert client.get_collection("answer_memory").count() == 3
    assert client.get_collection("cultural_insights").get(ids=[OLD_INSIGHT.id])["ids"] == [OLD_INSIGHT.id]
    # and the laptop now answers from its own copy, the server gone
    offline = laptop.json(
        "ask", "Bandara tutup nggak waktu Nyepi?", "--offline", ZANTARA_CHROMA_URL="http://127.0.0.1:9"
    )
    assert [m["id"] for m in offline["memory"]] == [answer_id]
