"""Team mode: the store against a real `chroma run` server on 127.0.0.1, chosen by ZANTARA_CHROMA_URL."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.errors import EmbedderMismatch
from desktop.core.knowledge.embedder import Embedder, default_embedder
from desktop.core.knowledge.insight import Insight
from desktop.core.knowledge.retrieval import retrieve
from desktop.core.knowledge.store import KnowledgeStore
from desktop.core.settings import Settings

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    chroma = Path(sys.executable).with_name("chroma")
    assert chroma.exists(), f"the chroma CLI should ship with chromadb next to {sys.executable}"
    port = free_port()
    data = tmp_path_factory.mktemp("chroma-server")
    log = (data / "server.log").open("w")
    proc = subprocess.Popen(
        [str(chroma), "run", "--path", str(data / "db"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):  # wait for the heartbeat (up to ~60 s on a busy machine)
            if proc.poll() is not None:
                pytest.fail(f"chroma run exited: {(data / 'server.log').read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("chroma run did not answer its heartbeat")
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


class RenamedEmbedder(Embedder):
    name = "other/embedder"

    def __init__(self) -> None:
        self.dim = default_embedder().dim

    def embed_queries(self, texts):  # type: ignore[no-untyped-def]
        return default_embedder().embed_queries(texts)

    def embed_passages(self, texts):  # type: ignore[no-untyped-def]
        return default_embedder().embed_passages(texts)


def test_store_over_http(chroma_server: str, monkeypatch: pytest.MonkeyPatch, zantara_home: Path) -> None:
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
