"""Bad files: each gets a clear message of its own, the good files beside it are indexed, nothing is half-written.

Every file is made here with the real libraries (fpdf2, pypdf, python-docx, zipfile) and indexed into a real
SQLite + Chroma index with the real e5 embedder.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from support.documents import (
    open_index,
    write_docx,
    write_docx_bomb,
    write_encrypted_pdf,
    write_pdf,
    write_scanned_pdf,
)

from desktop.core.documents import hybrid
from desktop.core.documents.index import DocumentIndex
from desktop.core.knowledge.embedder import Embedder, default_embedder

GOOD = "Investor KITAS E28A\n\nThe government fee for the E28A is IDR 4.250.000 for one year."


def good_file(folder: Path) -> Path:
    path = folder / "fees.md"
    path.write_text("# Fees\n\n" + GOOD + "\n", encoding="utf-8")
    return path


def intact(index: DocumentIndex, passages: int) -> None:
    """Both indexes hold exactly the passages SQLite lists: no vector or row of a refused file."""
    _docs, stored = index.count()
    assert stored == passages
    assert index.collection.count() == passages
    assert index.prune_vectors() == 0


def result_for(report: object, name: str) -> object:
    return next(f for f in report.files if Path(f.path).name == name)  # type: ignore[attr-defined]


def test_corrupt_pdf_is_named_and_the_rest_indexed(tmp_path: Path, doc_index: DocumentIndex) -> None:
    good = good_file(tmp_path)
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n" + b"\x13\x37" * 300)
    real = write_pdf(tmp_path / "real.pdf", ["Form C312 is the family KITAS index."])
    (tmp_path / "truncated.pdf").write_bytes(real.read_bytes()[: len(real.read_bytes()) // 3])
    real.unlink()
    report = doc_index.add([tmp_path])
    for name in ("broken.pdf", "truncated.pdf"):
        failed = result_for(report, name)
        assert failed.status == "error" and failed.code == "corrupt"
        assert name in failed.message and "damaged" in failed.message
    assert result_for(report, good.name).status == "indexed"
    intact(doc_index, 1)


def test_password_protected_pdf(tmp_path: Path, doc_index: DocumentIndex) -> None:
    source = write_pdf(tmp_path / "plain.pdf", ["Confidential fee table: E28A costs IDR 12.500.000."])
    write_encrypted_pdf(tmp_path / "locked.pdf", source)
    source.unlink()
    report = doc_index.add([tmp_path])
    locked = result_for(report, "locked.pdf")
    assert locked.code == "encrypted"
    assert "locked.pdf is protected by a password" in locked.message
    assert "without the password" in locked.message
    intact(doc_index, 0)
    assert [d.error_code for d in doc_index.documents()] == ["encrypted"]


def test_scanned_pdf_is_reported_as_a_scan_not_indexed_empty(
    tmp_path: Path, doc_index: DocumentIndex
) -> None:
    good_file(tmp_path)
    write_scanned_pdf(tmp_path / "scan.pdf", pages=3)
    report = doc_index.add([tmp_path])
    scan = result_for(report, "scan.pdf")
    assert scan.code == "scanned"
    assert "scan.pdf is a scan: its 3 pages have no text layer" in scan.message and "OCR" in scan.message
    intact(doc_index, 1)


@pytest.mark.slow
def test_a_500_page_pdf_is_indexed_whole_with_its_pages(tmp_path: Path, doc_index: DocumentIndex) -> None:
    pages = [
        f"Case file {n}. The LKPM report number {1000 + n} was filed for quarter {n % 4 + 1}."
        for n in range(500)
    ]
    write_pdf(tmp_path / "long.pdf", pages, title="Case register")
    report = doc_index.add([tmp_path / "long.pdf"])
    long = result_for(report, "long.pdf")
    assert long.status == "indexed", long.message
    assert long.pages == 500 and long.passages == 500
    hit = hybrid.search(doc_index, "LKPM report number 1377", k=1).hits[0]
    assert hit.page == 378 and hit.document == "Case register"
    intact(doc_index, 500)


def test_docx_bomb_is_refused_before_it_is_unpacked(tmp_path: Path, doc_index: DocumentIndex) -> None:
    good = good_file(tmp_path)
    bomb = write_docx_bomb(tmp_path / "bomb.docx", megabytes=80)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    report = doc_index.add([tmp_path])
    refused = result_for(report, "bomb.docx")
    assert refused.code == "bomb"
    assert "bomb.docx unpacks to 80 MB" in refused.message and "zip bomb" in refused.message
    assert result_for(report, good.name).status == "indexed"
    intact(doc_index, 1)


def test_binary_file_named_txt(tmp_path: Path, doc_index: DocumentIndex) -> None:
    good_file(tmp_path)
    (tmp_path / "notes.txt").write_bytes(bytes(range(256)) * 64)
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + np.random.default_rng(1).bytes(4000))
    report = doc_index.add([tmp_path])
    for name in ("notes.txt", "photo.txt"):
        failed = result_for(report, name)
        assert failed.code == "binary" and f"{name} is not a text file" in failed.message
    intact(doc_index, 1)


def test_file_vanishing_while_indexing(tmp_path: Path, doc_index: DocumentIndex) -> None:
    first = good_file(tmp_path)
    second = write_docx(
        tmp_path / "z_procedure.docx", "Procedure", {"Steps": ["- Sponsor letter", "- Passport copy"]}
    )

    def progress(done: int, total: int, path: Path) -> None:
        if path == first.absolute():
            second.unlink()  # gone between the folder listing and its turn

    report = doc_index.add([tmp_path], progress=progress)
    gone = result_for(report, second.name)
    assert gone.code == "vanished"
    assert "z_procedure.docx disappeared while it was being indexed" in gone.message
    assert "Nothing of it was added" in gone.message
    intact(doc_index, 1)


class FailingEmbedder(Embedder):
    """The real embedder until ``fail`` is set: then embedding a passage fails (a disk full, a killed worker)."""

    def __init__(self) -> None:
        self.real = default_embedder()
        self.name, self.dim = self.real.name, self.real.dim
        self.fail = False

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self.real.embed_queries(texts)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        if self.fail:
            raise OSError("No space left on device")
        return self.real.embed_passages(texts)


def test_a_failed_write_leaves_the_previous_version_whole(tmp_path: Path) -> None:
    embedder = FailingEmbedder()
    index = open_index(tmp_path / "index", embedder)
    docs = tmp_path / "docs"
    docs.mkdir()
    path = good_file(docs)
    assert index.add([path]).files[0].status == "indexed"
    path.write_text("# Fees\n\nThe E28A now costs IDR 9.999.999.\n", encoding="utf-8")
    embedder.fail = True
    failed = index.add([path]).files[0]
    assert failed.status == "error" and failed.code == "failed"
    assert "fees.md could not be indexed (OSError: No space left on device)" in failed.message
    intact(index, 1)
    hit = hybrid.search(index, "E28A government fee", k=1).hits[0]
    assert "4.250.000" in hit.text  # the version indexed before, not half of the new one
    embedder.fail = False
    assert index.add([path]).files[0].status == "indexed"
    assert "9.999.999" in hybrid.search(index, "E28A fee", k=1).hits[0].text
    intact(index, 1)
    index.close()
