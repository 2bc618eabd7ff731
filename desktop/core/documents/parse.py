"""Files into structured blocks (headings, paragraphs, list items, table rows with their header), by library.

PDF through pypdf (one block per paragraph, with its page), DOCX through python-docx (its heading styles, list
paragraphs and tables), HTML through BeautifulSoup, Markdown rendered to HTML by markdown-it-py and then read
like HTML, plain text by its blank lines and underlined headings. Every refusal is a :class:`DocumentError`
whose ``code`` says what kind (the CLI and the Documents page show its message per file): a corrupt or
password-protected PDF, a scan without a text layer, a zip bomb posing as DOCX, a binary file named .txt, a file
that vanished while it was read.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from desktop.core.errors import ZantaraError
from desktop.core.messages import say

BlockKind = Literal["heading", "text", "item", "row"]

SUFFIXES = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
}
MAX_FILE_BYTES = 200 * 1024 * 1024  # larger files are refused before anything reads them
MAX_TEXT_BYTES = 20 * 1024 * 1024  # text, Markdown and HTML files
MAX_PAGES = 3000
# A DOCX is a zip: its entries may claim at most this much once uncompressed, and compress at most this well
# (Word's XML compresses 5-20x; a zip bomb 1000x).
MAX_UNZIPPED_BYTES = 64 * 1024 * 1024
MAX_ZIP_RATIO = 200
MAX_ZIP_ENTRIES = 5000


class DocumentError(ZantaraError):
    """A file that cannot be indexed; ``code``: unsupported, missing, vanished, too_large, corrupt, encrypted,
    scanned, binary, bomb, empty."""

    def __init__(self, code: str, path: Path, **fields: object) -> None:
        super().__init__(say(f"doc.{code}", name=path.name, **fields), say(f"doc.{code}_hint", **fields))
        self.code = code
        self.path = path


@dataclass
class Block:
    kind: BlockKind
    text: str
    page: int | None = None  # 1-based, PDF only
    level: int = 0  # heading level
    header: str = ""  # a table row's header row, "Col | Col"


@dataclass
class ParsedDocument:
    path: Path
    kind: str  # pdf, docx, markdown, text, html
    title: str
    blocks: list[Block] = field(default_factory=list)
    pages: int = 1


def kind_of(path: Path) -> str | None:
    return SUFFIXES.get(path.suffix.lower())


def parse(path: Path) -> ParsedDocument:
    """The file's blocks; raises :class:`DocumentError` for anything that cannot be read as a document."""
    kind = kind_of(path)
    if kind is None:
        raise DocumentError("unsupported", path, suffix=path.suffix or "(none)")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES or (kind in ("text", "markdown", "html") and size > MAX_TEXT_BYTES):
            raise DocumentError("too_large", path, mb=size // (1024 * 1024))
        doc = _PARSERS[kind](path)
    except FileNotFoundError as exc:
        raise DocumentError("vanished", path) from exc
    except PermissionError as exc:
        raise DocumentError("unreadable", path, error=type(exc).__name__) from exc
    doc.blocks = [b for b in doc.blocks if b.text.strip()]
    if not any(b.kind != "heading" for b in doc.blocks) and kind != "pdf":
        raise DocumentError("empty", path)
    return doc


# ----------------------------------------------------------------------------------------------------- PDF
def _parse_pdf(path: Path) -> ParsedDocument:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):  # an owner password alone still opens
            raise DocumentError("encrypted", path)
        pages = len(reader.pages)
        if pages > MAX_PAGES:
            raise DocumentError("too_many_pages", path, pages=pages, limit=MAX_PAGES)
        metadata: Any = reader.metadata or {}
        title = str(metadata.get("/Title") or "").strip()
        blocks: list[Block] = []
        with_text = 0
        for number, page in enumerate(reader.pages, 1):
            text = page.extract_text() or ""
            if text.strip():
                with_text += 1
            blocks += [Block("text", " ".join(line.split()), page=number) for line in text.splitlines()]
    except DocumentError:
        raise
    except FileNotDecryptedError as exc:
        raise DocumentError("encrypted", path) from exc
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        raise DocumentError("corrupt", path, error=type(exc).__name__) from exc
    if pages and not with_text:
        raise DocumentError("scanned", path, pages=pages)
    return ParsedDocument(path, "pdf", title or _title_from(blocks, path), blocks, pages=max(pages, 1))


# ---------------------------------------------------------------------------------------------------- DOCX
def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except zipfile.BadZipFile as exc:
        raise DocumentError("corrupt", path, error="BadZipFile") from exc
    unzipped = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if len(infos) > MAX_ZIP_ENTRIES or unzipped > MAX_UNZIPPED_BYTES or unzipped / packed > MAX_ZIP_RATIO:
        raise DocumentError("bomb", path, mb=unzipped // (1024 * 1024), ratio=unzipped // packed)


def _parse_docx(path: Path) -> ParsedDocument:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    _check_zip(path)
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise DocumentError("corrupt", path, error=type(exc).__name__) from exc
    except Exception as exc:  # lxml's XMLSyntaxError and friends: a damaged package
        raise DocumentError("corrupt", path, error=type(exc).__name__) from exc
    blocks: list[Block] = []
    for item in document.iter_inner_content():
        if hasattr(item, "rows"):
            blocks += _table_rows([[c.text for c in row.cells] for row in item.rows])
            continue
        text = item.text.strip()
        style = (item.style.name if item.style is not None else "") or ""
        if style.lower().startswith("heading") or style == "Title":
            level = int(re.sub(r"\D", "", style) or 1)
            blocks.append(Block("heading", text, level=level))
        elif "list" in style.lower():
            blocks.append(Block("item", text))
        else:
            blocks.append(Block("text", text))
    title = (document.core_properties.title or "").strip()
    return ParsedDocument(path, "docx", title or _title_from(blocks, path), blocks)


# ---------------------------------------------------------------------------------------- HTML, Markdown
def _parse_html(path: Path) -> ParsedDocument:
    html = _read_text(path)
    blocks, title = _html_blocks(html)
    return ParsedDocument(path, "html", title or _title_from(blocks, path), blocks)


def _parse_markdown(path: Path) -> ParsedDocument:
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").enable("table").render(_read_text(path))
    blocks, _ = _html_blocks(html)
    return ParsedDocument(path, "markdown", _title_from(blocks, path), blocks)


_BLOCK_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "table", "pre", "blockquote", "dt", "dd")


def _html_blocks(html: str) -> tuple[list[Block], str]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "head"]):
        if tag.name == "head":
            continue
        tag.decompose()
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    if soup.head is not None:
        soup.head.decompose()
    blocks: list[Block] = []
    for tag in soup.find_all(_BLOCK_TAGS):
        if tag.find_parent(["table", "li", "blockquote"]) is not None and tag.name != "li":
            continue  # read with its container
        if tag.name == "li" and tag.find_parent("li") is not None:
            continue  # nested items stay inside their parent item's text
        text = " ".join(tag.get_text(" ", strip=True).split())
        if tag.name == "table":
            rows = [
                [c.get_text(" ", strip=True) for c in tr.find_all(["th", "td"])] for tr in tag.find_all("tr")
            ]
            blocks += _table_rows(rows)
        elif tag.name[0] == "h" and tag.name[1:].isdigit():
            blocks.append(Block("heading", text, level=int(tag.name[1:])))
        elif tag.name in ("li", "dd", "dt"):
            blocks.append(Block("item", text))
        else:
            blocks.append(Block("text", text))
    if not blocks and soup.get_text(strip=True):  # text without block tags
        blocks = [Block("text", " ".join(p.split())) for p in soup.get_text("\n").split("\n\n")]
    return blocks, title


def _table_rows(rows: list[list[str]]) -> list[Block]:
    rows = [[" ".join(c.split()) for c in row] for row in rows if any(c.strip() for c in row)]
    if not rows:
        return []
    header = " | ".join(rows[0])
    if len(rows) == 1:
        return [Block("text", header)]
    return [Block("row", " | ".join(row), header=header) for row in rows[1:]]


# ---------------------------------------------------------------------------------------------- plain text
_UNDERLINE = re.compile(r"^\s*(=+|-+)\s*$")
_ITEM = re.compile(r"^\s*(?:[-*•]\s+|\d+(?:\.\d+)*[.)]?\s+|[a-z][.)]\s+)")


def _parse_text(path: Path) -> ParsedDocument:
    lines = _read_text(path).splitlines()
    blocks: list[Block] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(Block("text", " ".join(" ".join(paragraph).split())))
            paragraph.clear()

    for n, line in enumerate(lines):
        following = lines[n + 1] if n + 1 < len(lines) else ""
        if _UNDERLINE.match(line):
            continue
        if line.strip() and _UNDERLINE.match(following) and len(following.strip()) >= 3:
            flush()
            blocks.append(Block("heading", line.strip(), level=1 if "=" in following else 2))
        elif not line.strip():
            flush()
        elif _is_caps_heading(line, following):
            flush()
            blocks.append(Block("heading", line.strip(), level=2))
        elif _ITEM.match(line):
            flush()
            blocks.append(Block("item", " ".join(line.split())))
        else:
            paragraph.append(line)
    flush()
    return ParsedDocument(path, "text", _title_from(blocks, path), blocks)


def _is_caps_heading(line: str, following: str) -> bool:
    text = line.strip()
    letters = [c for c in text if c.isalpha()]
    return (
        3 <= len(text) <= 80
        and bool(letters)
        and all(c.isupper() for c in letters)
        and not text.endswith(".")
    )


def _read_text(path: Path) -> str:
    """The file's text; a file with NUL bytes or one that is not UTF-8/UTF-16/Latin text is a binary file."""
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:65536]:
        raise DocumentError("binary", path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    controls = sum(1 for c in text[:65536] if ord(c) < 32 and c not in "\r\n\t\f") + text.count("\ufffd")
    if controls > len(text[:65536]) * 0.01:
        raise DocumentError("binary", path)
    return text


def _title_from(blocks: list[Block], path: Path) -> str:
    heading = next((b.text for b in blocks if b.kind == "heading" and b.level <= 1), "")
    heading = heading or next((b.text for b in blocks if b.kind == "heading"), "")
    return heading[:200] or path.stem.replace("_", " ")


def walk(paths: list[Path]) -> Iterator[Path]:
    """The supported files under each path (a file as given, a folder recursively, hidden ones left out)."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path).parts
                if child.is_file() and kind_of(child) and not any(p.startswith((".", "~$")) for p in rel):
                    yield child
        else:
            yield path


_PARSERS: dict[str, Any] = {
    "pdf": _parse_pdf,
    "docx": _parse_docx,
    "html": _parse_html,
    "markdown": _parse_markdown,
    "text": _parse_text,
}
