"""Full disk, told apart from damage: an ENOSPC anywhere in an error's chain is "free space", never "repair".

SQLite says "database or disk is full", Chroma wraps SQLite's and hnswlib's errors in its own, Python raises
``OSError(ENOSPC)``; all of them mean the same to the user: nothing is damaged, space must be freed. Repair
and restore ask for the space they need before they change anything (:func:`require_space`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
from pathlib import Path

from desktop.core.errors import DiskFull
from desktop.core.messages import say

FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
FULL_WORDS = ("database or disk is full", "no space left on device", "disk quota exceeded", "file too large")
MARGIN = 32 * 1024 * 1024  # SQLite journals, Chroma's WAL and the HNSW files need room beyond the data itself


def is_disk_full(exc: BaseException | None) -> bool:
    """Whether ``exc`` (or any error it was raised from) says the disk is full."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, DiskFull):
            return True
        if isinstance(exc, OSError) and exc.errno in FULL_ERRNOS:
            return True
        if any(word in str(exc).casefold() for word in FULL_WORDS):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


PROBE_BYTES = 1024 * 1024


def no_room(folder: Path | None = None) -> bool:
    """Whether a write of 1 MB into ``folder`` fails for want of space right now. Chroma's native code
    sometimes reports a failed write as its own error ("Error in compaction"), losing the ENOSPC: after such
    a failure this asks the disk itself."""
    folder = folder or _data_dir()
    probe = folder / f".space-probe-{os.getpid()}"
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, b"\0" * PROBE_BYTES)
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        return exc.errno in FULL_ERRNOS
    finally:
        with contextlib.suppress(OSError):
            probe.unlink()
    return False


def disk_full(exc: BaseException | None = None, where: Path | None = None) -> DiskFull:
    """The one message for a full disk, with how much is free where the data lives."""
    folder = where or _data_dir()
    return DiskFull(
        say("disk.full", free=human(free_bytes(folder)), folder=str(folder)), say("disk.full_hint")
    )


def free_bytes(folder: Path) -> int:
    try:
        return int(shutil.disk_usage(folder).free)
    except OSError:
        return 0


def size_of(path: Path) -> int:
    """Bytes under ``path`` (a file or a folder; 0 when absent)."""
    if path.is_file():
        return path.stat().st_size
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            try:
                total += os.stat(os.path.join(root, name)).st_size
            except OSError:
                continue
    return total


def require_space(need: int, folder: Path, action: str) -> None:
    """Raise :class:`DiskFull` before ``action`` starts when ``folder``'s disk has less than ``need`` bytes."""
    free = free_bytes(folder)
    if free < need + MARGIN:
        raise DiskFull(
            say("disk.not_enough", action=action, need=human(need + MARGIN), free=human(free)),
            say("disk.not_enough_hint"),
        )


def human(size: int) -> str:
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"


def _data_dir() -> Path:
    from desktop.core import paths

    return paths.data_dir()
