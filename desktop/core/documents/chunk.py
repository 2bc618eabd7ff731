"""Passages that follow a document's structure.

A passage never crosses a heading or a PDF page, so each has one section and one page to cite. Paragraphs and
list items under one heading are packed together up to ``MAX_CHARS``; table rows are packed under their header
row, which every passage of that table repeats (a fee row without "Service | Fee | Government fee" above it
says nothing). What is embedded and searched is the passage with its document title and heading path in front
(``Passage.search_text``): "Refund policy › Express tier: ..." finds the passage a question about either asks.

Passages are small (``MAX_CHARS``) so that a question matches the lines that answer it, not a paragraph's
average; the answer is then given the passage with its neighbours of the same section (``hybrid.window``,
small-to-big), so "the right document, the passage next door" still holds the answer.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from desktop.core.documents.parse import ParsedDocument

MAX_CHARS = 300  # one passage as matched (train+dev hit@3: 300 with a 600 window 0.90, 600 alone 0.86)


@dataclass(frozen=True)
class Passage:
    ordinal: int
    text: str
    section: str  # the heading path, "Fee Table 2026 › 2. Immigration services" ("" before any heading)
    page: int | None
    title: str

    @property
    def search_text(self) -> str:
        """What both indexes read: where the passage sits, then the passage."""
        where = " › ".join(p for p in (self.title, self.section) if p)
        return f"{where}\n{self.text}" if where else self.text

    @property
    def text_hash(self) -> str:
        return hashlib.sha256(self.search_text.encode()).hexdigest()[:32]


def chunk(doc: ParsedDocument, max_chars: int = MAX_CHARS) -> list[Passage]:
    passages: list[Passage] = []
    headings: list[tuple[int, str]] = []
    lines: list[str] = []
    header = ""  # the table header the current lines are rows of
    page: int | None = None
    first_h1 = next((b.text for b in doc.blocks if b.kind == "heading" and b.level == 1), "")

    def flush() -> None:
        nonlocal header
        body = "\n".join(lines).strip()
        if body:
            # the document's own level-1 heading is its title, shown beside the section already
            path = [text for level, text in headings if not (level == 1 and text in (doc.title, first_h1))]
            section = " › ".join(path)
            text = f"{header}\n{body}" if header else body
            passages.append(Passage(len(passages), text, section, page, doc.title))
        lines.clear()
        header = ""

    for block in doc.blocks:
        if block.kind == "heading":
            flush()
            headings[:] = [(lvl, t) for lvl, t in headings if lvl < block.level] + [(block.level, block.text)]
            continue
        row_header = block.header if block.kind == "row" else ""
        size = sum(len(line) + 1 for line in lines) + len(header)
        if block.page != page or row_header != header or (lines and size + len(block.text) > max_chars):
            flush()
        page, header = block.page, row_header
        for piece in _split_long(block.text, max_chars):
            if lines and sum(len(line) + 1 for line in lines) + len(piece) > max_chars:
                flush()
                header = row_header
            lines.append(piece)
    flush()
    return passages


def _split_long(text: str, max_chars: int) -> list[str]:
    """A block longer than a passage is cut at sentence ends (else at spaces)."""
    if len(text) <= max_chars:
        return [text]
    import re

    pieces: list[str] = []
    current = ""
    for sentence in re.split(r"(?<=[.!?;:])\s+", text):
        while len(sentence) > max_chars:
            cut = sentence.rfind(" ", 0, max_chars)
            cut = cut if cut > 0 else max_chars
            pieces.append(sentence[:cut].strip())
            sentence = sentence[cut:].strip()
        if current and len(current) + len(sentence) + 1 > max_chars:
            pieces.append(current)
            current = ""
        current = f"{current} {sentence}".strip()
    if current:
        pieces.append(current)
    return pieces
