"""The file name an exported conversation is offered under: its title, made safe on every desktop system.

"conversation.md" for every export meant overwriting the last one or renaming by hand. The title is kept as the
user wrote it (spaces, accents, any script), minus what Windows, macOS or Linux refuse in a file name; a title
that leaves nothing usable falls back to the conversation's date.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

MAX_STEM = 80  # characters; long titles are cut at a word boundary

_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')  # refused by Windows (and "/" everywhere)
_SPACES = re.compile(r"\s+")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"{p}{n}" for p in ("COM", "LPT") for n in range(1, 10)}


def safe_stem(title: str, max_len: int = MAX_STEM) -> str:
    """The title as a file name without extension, or "" when nothing usable is left."""
    stem = _SPACES.sub(" ", _UNSAFE.sub(" ", unicodedata.normalize("NFC", title or ""))).strip(" .")
    if len(stem) > max_len:
        cut = stem[:max_len]
        stem = (cut.rsplit(" ", 1)[0] if " " in cut else cut).strip(" .")
    if stem.split(".")[0].strip().upper() in _RESERVED:
        return ""
    return stem


def export_filename(title: str, created_at: str, ext: str, fallback: str = "conversation") -> str:
    """``"<title>.<ext>"``, or ``"<fallback>-<YYYY-MM-DD>.<ext>"`` (the conversation's date) when the title
    is empty or unusable."""
    stem = safe_stem(title)
    if not stem:
        found = _DATE.match(created_at or "")
        day = found.group(0) if found else date.today().isoformat()
        stem = f"{safe_stem(fallback) or 'conversation'}-{day}"
    return f"{stem}.{ext.lstrip('.')}"
