"""Store health: cheap integrity checks of the conversations database and the knowledge store.

They run whenever a store is opened, so a damaged file becomes one clear :class:`StoreDamaged` sentence
pointing to ``zantara doctor --repair`` instead of a traceback or a crash inside Chroma's native code. The
knowledge check reads every HNSW file only when the folder changed since it last passed (a stamp of file
sizes and times is kept), so a healthy unchanged store costs a few ``stat`` calls. Chroma rewrites its SQLite
catalogue on every open, so each index segment also keeps a stamp of its own: a segment that did not change
is not read again (at 100k insights reading one costs seconds), while the catalogue is checked again.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from desktop.core import paths
from desktop.core.atomic import atomic_write_text
from desktop.core.errors import StoreDamaged
from desktop.core.health.sqlite_file import check_sqlite

KNOWLEDGE = "knowledge store"
CONVERSATIONS = "conversations database"
CONVERSATION_TABLES = ("conversations", "messages")


@dataclass
class Problem:
    store: str  # KNOWLEDGE or CONVERSATIONS
    message: str
    path: str
    kind: str = "damage"  # "damage" (repair rebuilds it), "loss" (a backup holds more), "disk" (disk full)
    fix: str = ""  # the command that fixes it, when it is not `doctor --repair`

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


def _stamp_file() -> Path:
    return paths.data_dir() / "health-stamp.json"


def folder_stamp(folder: Path) -> str:
    """Names, sizes and modification times of every file under ``folder``: changes whenever a file does."""
    parts = []
    for root, _dirs, files in os.walk(folder):
        for name in sorted(files):
            try:
                st = os.stat(os.path.join(root, name))
            except OSError:
                continue
            parts.append(f"{os.path.relpath(os.path.join(root, name), folder)}:{st.st_size}:{st.st_mtime_ns}")
    return "|".join(sorted(parts))


def _known_good(key: str, stamp: str) -> bool:
    try:
        return bool(json.loads(_stamp_file().read_text()).get(key) == stamp)
    except (OSError, ValueError, AttributeError):
        return False


def _remember_good(key: str, stamp: str, more: dict[str, str] | None = None) -> None:
    try:
        data = json.loads(_stamp_file().read_text())
        if not isinstance(data, dict):
            data = {}
    except (OSError, ValueError):
        data = {}
    data[key] = stamp
    data.update(more or {})
    with contextlib.suppress(OSError):  # only a cache: the next start checks again
        atomic_write_text(_stamp_file(), json.dumps(data))


def check_knowledge(folder: Path | None = None, *, use_stamp: bool = True) -> list[Problem]:
    folder = folder or paths.chroma_dir()
    stamp = folder_stamp(folder) if use_stamp else ""
    if use_stamp and _known_good(str(folder), stamp):
        return []
    segments: dict[Path, str] = {}

    def unchanged(segment: Path) -> bool:
        segments[segment] = folder_stamp(segment)
        return _known_good(str(segment), segments[segment])

    from desktop.core.health.chroma_store import check_chroma  # numpy: not for `backup_if_due` on every start

    found = check_chroma(folder, unchanged if use_stamp else None)
    problems = [Problem(KNOWLEDGE, p, str(folder)) for p in found]
    if not problems and use_stamp:
        _remember_good(str(folder), stamp, {str(seg): seg_stamp for seg, seg_stamp in segments.items()})
    return problems


def check_conversations(path: Path | None = None) -> list[Problem]:
    path = path or paths.database_path()
    if not path.exists():
        return []
    tables = CONVERSATION_TABLES if path.stat().st_size else ()
    return [Problem(CONVERSATIONS, f"{path.name} {p}", str(path)) for p in check_sqlite(path, tables)]


RECHECKS = 3  # another process may be mid-write (a segment flush, a database growing): look again first
RECHECK_WAIT_S = 0.5


def _confirmed(check: Callable[[], list[Problem]]) -> list[Problem]:
    """Problems that persist over a few looks: a file another process is writing at this very moment
    (sizes and headers out of step for a few milliseconds) is not damage. Only the damage path waits."""
    problems = check()
    for _ in range(RECHECKS):
        if not problems:
            break
        time.sleep(RECHECK_WAIT_S)
        problems = check()
    return problems


def require_knowledge(folder: Path | None = None) -> None:
    """Raise :class:`StoreDamaged` when the local knowledge store fails its check."""
    problems = _confirmed(lambda: check_knowledge(folder))
    if problems:
        raise StoreDamaged(KNOWLEDGE, [p.message for p in problems])


def require_conversations(path: Path | None = None) -> None:
    problems = _confirmed(lambda: check_conversations(path))
    if problems:
        raise StoreDamaged(CONVERSATIONS, [p.message for p in problems])


def check_all() -> list[Problem]:
    """Every problem in both stores, checked in full (doctor)."""
    return check_conversations() + check_knowledge(use_stamp=False)
