"""Export file names come from the conversation's title, safe on Windows, macOS and Linux (issue 16)."""

from __future__ import annotations

import pytest

from desktop.core.chat.export_names import MAX_STEM, export_filename, safe_stem


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Visa Pak Made", "Visa Pak Made.md"),
        ("KITAS: perpanjangan / biaya?", "KITAS perpanjangan biaya.md"),
        ('  "Perché" <il> visto | PT PMA*  ', "Perché il visto PT PMA.md"),
        ("Selamat pagi\n\tBali", "Selamat pagi Bali.md"),
        ("Ngurah Rai ...", "Ngurah Rai.md"),
        ("Visa B211A v2.0", "Visa B211A v2.0.md"),
        ("ビザの更新", "ビザの更新.md"),
    ],
)
def test_title_becomes_a_safe_file_name(title: str, expected: str) -> None:
    assert export_filename(title, "2026-11-30T09:15:00+00:00", "md") == expected


@pytest.mark.parametrize("title", ["", "   ", "???", "...", "CON", "nul.txt", "com3"])
def test_unusable_title_falls_back_to_the_date(title: str) -> None:
    assert export_filename(title, "2026-11-30T09:15:00+00:00", "json") == "conversation-2026-11-30.json"
    assert export_filename(title, "2026-11-30", "md", fallback="percakapan") == "percakapan-2026-11-30.md"


def test_long_title_is_cut_at_a_word() -> None:
    title = "Come rinnovare il KITAS " * 10
    stem = safe_stem(title)
    assert len(stem) <= MAX_STEM and title.startswith(stem) and not stem.endswith(" ")
    assert export_filename(title, "", "md") == stem + ".md"


def test_missing_date_uses_today() -> None:
    from datetime import date

    assert export_filename("", "", "md") == f"conversation-{date.today().isoformat()}.md"
