"""Opening a big store does not re-read index segments that passed and did not change (issue 15: Chroma
rewrites its catalogue on every open, so the folder stamp alone made every open read every HNSW file:
seconds at 100k insights). A segment that did change is checked again."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from support.damage import (
    flushed_store,  # noqa: F401  (pytest fixture, used through `segment` below)
    flushed_store_dir,  # noqa: F401  (pytest fixture)
    garble,
)
from support.knowledge import curated_store_dir  # noqa: F401  (pytest fixture)

from desktop.core import paths
from desktop.core.health import check_knowledge


@pytest.fixture
def segment(flushed_store: Path) -> Path:  # noqa: F811
    """The store's one HNSW segment folder."""
    return flushed_store


def _touch_catalogue() -> None:
    catalogue = paths.chroma_dir() / "chroma.sqlite3"
    st = catalogue.stat()
    os.utime(catalogue, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))  # what every Chroma open does


def test_a_changed_segment_is_checked_again(segment: Path) -> None:
    assert check_knowledge() == []
    _touch_catalogue()
    garble(segment / "data_level0.bin", 1000, 50_000)
    assert check_knowledge() != []


def test_an_unchanged_segment_is_not_read_again(segment: Path) -> None:
    assert check_knowledge() == []
    _touch_catalogue()
    data = segment / "data_level0.bin"
    st = data.stat()
    garble(data, 1000, 50_000)  # damage that keeps size and time: only reading the file would find it
    os.utime(data, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert check_knowledge() == []  # the segment's stamp matched: not read
    assert check_knowledge(use_stamp=False) != []  # `zantara doctor` still reads everything
