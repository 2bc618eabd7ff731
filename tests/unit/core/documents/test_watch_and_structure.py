"""Structure-following passages from real DOCX/HTML/Markdown/text files, unchanged files never re-embedded,
and a watched folder that follows changes and removals (real watchdog observer)."""

from __future__ import annotations

import threading
from pathlib import Path

from support.documents import write_docx, write_pdf

from desktop.core.documents import chunk, hybrid, parse
from desktop.core.documents.index import DocumentIndex, FileResult
from desktop.core.documents.watch import FolderWatcher


def test_docx_headings_lists_and_table_rows_with_their_header(tmp_path: Path) -> None:
    path = write_docx(
        tmp_path / "kitas.docx",
        "KITAS Keluarga",
        {"Persyaratan": ["- Paspor berlaku 18 bulan", "- Buku nikah"], "Biaya": ["Lihat tabel."]},
        table=[
            ["Layanan", "Biaya"],
            ["KITAS E31 1 tahun", "IDR 8.500.000"],
            ["Perpanjangan", "IDR 6.500.000"],
        ],
    )
    passages = chunk.chunk(parse.parse(path))
    assert passages[0].title == "KITAS Keluarga"
    items = next(p for p in passages if "Buku nikah" in p.text)
    assert items.section == "Persyaratan" and "Paspor berlaku 18 bulan" in items.text
    table = next(p for p in passages if "IDR 8.500.000" in p.text)
    assert table.text.splitlines()[0] == "Layanan | Biaya"  # the header travels with its rows
    assert "KITAS Keluarga" in table.search_text


def test_html_and_text_sections_and_pdf_pages(tmp_path: Path) -> None:
    html = tmp_path / "guida.html"
    html.write_text(
        "<html><head><title>Guida</title><script>var x=1;</script></head><body><h1>Guida</h1>"
        "<h2>Costi</h2><p>La commissione è IDR 2.000.000.</p><ul><li>Passaporto</li><li>Foto</li></ul></body></html>",
        encoding="utf-8",
    )
    passages = chunk.chunk(parse.parse(html))
    assert [(p.section, p.text) for p in passages] == [
        ("Costi", "La commissione è IDR 2.000.000.\nPassaporto\nFoto")
    ]
    text = tmp_path / "policy.txt"
    text.write_text(
        "REFUND POLICY\n=============\n\n1. RULES\n--------\n1.1 No refund after submission.\n",
        encoding="utf-8",
    )
    assert [(p.section, p.text) for p in chunk.chunk(parse.parse(text))] == [
        ("1. RULES", "1.1 No refund after submission.")
    ]
    pdf = write_pdf(tmp_path / "two.pdf", ["First page text.", "Second page: fee IDR 500.000."])
    assert [p.page for p in chunk.chunk(parse.parse(pdf))] == [1, 2]


def test_unchanged_file_is_not_embedded_again_and_a_change_embeds_only_new_passages(
    tmp_path: Path, doc_index: DocumentIndex
) -> None:
    path = tmp_path / "fees.md"
    path.write_text(
        "# Fees\n\n## A\n\nEPO costs IDR 1.750.000.\n\n## B\n\nERP costs IDR 1.250.000.\n", encoding="utf-8"
    )
    first = doc_index.add_file(path)
    assert (first.status, first.passages, first.embedded) == ("indexed", 2, 2)
    assert doc_index.add_file(path).status == "unchanged"
    path.touch()  # a new time, the same content: hashed, not embedded
    assert doc_index.add_file(path).status == "unchanged"
    path.write_text(
        "# Fees\n\n## A\n\nEPO costs IDR 1.750.000.\n\n## B\n\nERP costs IDR 1.300.000.\n", encoding="utf-8"
    )
    changed = doc_index.add_file(path)
    assert (changed.status, changed.passages, changed.embedded) == ("indexed", 2, 1)
    assert doc_index.collection.count() == 2


def test_watched_folder_follows_changes_and_removals(tmp_path: Path, doc_index: DocumentIndex) -> None:
    folder = tmp_path / "drive"
    folder.mkdir()
    seen: list[FileResult] = []
    arrived = threading.Event()

    def heard(result: FileResult) -> None:
        seen.append(result)
        arrived.set()

    watcher = FolderWatcher(doc_index, [folder], heard, debounce=0.3)
    watcher.start()
    try:
        (folder / "sop.md").write_text("# SOP\n\nBiometrics at Kantor Imigrasi Denpasar.\n", encoding="utf-8")
        assert arrived.wait(30)
        assert any(r.status == "indexed" and r.path.endswith("sop.md") for r in seen)
        assert hybrid.search(doc_index, "biometrics Denpasar", k=1).hits[0].path.endswith("sop.md")
        arrived.clear()
        (folder / "sop.md").unlink()
        assert arrived.wait(30)
        assert any(r.status == "removed" for r in seen)
        assert doc_index.count() == (0, 0) and doc_index.collection.count() == 0
    finally:
        watcher.stop()
