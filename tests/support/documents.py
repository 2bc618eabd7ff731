"""Real files for the document tests, written by the test (fpdf2, pypdf, python-docx), and a real index.

``doc_index`` is a :class:`DocumentIndex` over a Chroma client in the test's own folder with the real e5
embedder; the helpers write PDFs with a text layer, scans (an image and no text), password-protected PDFs,
DOCX files with headings, lists and tables, and zip bombs posing as DOCX.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.documents.index import DocumentIndex
from desktop.core.knowledge.embedder import Embedder, default_embedder


def open_index(folder: Path, embedder: Embedder | None = None) -> DocumentIndex:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    client = chromadb.PersistentClient(
        path=str(folder / "chroma"), settings=ChromaSettings(anonymized_telemetry=False)
    )
    return DocumentIndex.open(client, embedder or default_embedder(), folder / "documents.sqlite3")


@pytest.fixture
def doc_index(tmp_path: Path) -> Iterator[DocumentIndex]:
    index = open_index(tmp_path)
    yield index
    index.close()


def write_pdf(path: Path, pages: list[str], title: str = "") -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    if title:
        pdf.set_title(title)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 6, text)
    pdf.output(str(path))
    return path


def write_scanned_pdf(path: Path, pages: int = 2) -> Path:
    """Pages holding only a picture, as a scanner makes them."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    pdf = FPDF()
    for n in range(pages):
        image = Image.new("RGB", (400, 200), "white")
        ImageDraw.Draw(image).text((10, 10), f"scanned page {n + 1}: fee IDR 1.000.000", fill="black")
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        pdf.add_page()
        pdf.image(buffer, x=10, y=10, w=180)
    pdf.output(str(path))
    return path


def write_encrypted_pdf(path: Path, source: Path, password: str = "s3cret") -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(str(source)).pages:
        writer.add_page(page)
    writer.encrypt(user_password=password, owner_password=password + "-owner")
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def write_docx(
    path: Path, title: str, sections: dict[str, list[str]], table: list[list[str]] | None = None
) -> Path:
    import docx

    document = docx.Document()
    document.add_heading(title, level=1)
    for heading, lines in sections.items():
        document.add_heading(heading, level=2)
        for line in lines:
            if line.startswith("- "):
                document.add_paragraph(line[2:], style="List Bullet")
            else:
                document.add_paragraph(line)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    document.save(str(path))
    return path


def write_docx_bomb(path: Path, megabytes: int = 80) -> Path:
    """A zip that looks like a DOCX and unpacks to ``megabytes`` of zeros (a few hundred KB on disk)."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with archive.open("word/document.xml", "w") as handle:
            block = b"\0" * (1 << 20)
            for _ in range(megabytes):
                handle.write(block)
    return path
