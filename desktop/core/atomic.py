"""Atomic file writes: the one way the app replaces a file it owns.

A reader (another process, the next start after a crash or a full disk) sees either the old file or the new one,
never half of one: the new content goes to a temp file in the same folder (same file system, so the rename is
atomic), is flushed to disk, then renamed over the target. The temp file never stays behind, also on failure.
Temp names are unique per call, so concurrent writers of the same file do not clobber each other's temp file.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["atomic_write_bytes", "atomic_write_text", "replacing"]


def atomic_write_text(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8), creating its folder if needed."""
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data``, creating its folder if needed."""
    with replacing(path) as tmp, open(tmp, "wb") as fh:
        fh.write(data)


@contextmanager
def replacing(path: Path, *, suffix: str = ".tmp") -> Iterator[Path]:
    """A fresh temp path beside ``path`` for code that writes a file by name (``np.savez``, an extraction):
    when the block ends without error it is synced and renamed over ``path``; on any error it is removed.

    ``suffix`` lets writers that insist on an extension keep it (``np.savez`` appends ``.npz`` otherwise).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=suffix)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        _sync(tmp)
        os.replace(tmp, path)
    finally:  # after a successful replace the temp name no longer exists
        tmp.unlink(missing_ok=True)


def _sync(path: Path) -> None:
    """Flush the file's content to disk before the rename makes it visible."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
