"""Insight records read by id, kept between searches while the local store's file is unchanged.

Why: after the nearest-neighbour searches, retrieval reads its ~90 candidate records (text,
metadata, vector) by id. That read costs 8-11 ms at any store size, more than the searches themselves, and the
same records come back for every message on a familiar topic.

A record may only come from memory while nobody changed the store. Every write to a local Chroma store, from
any process (the CLI importing while the app runs, a generation job), goes through its SQLite file, so the
file decides: SQLite's own change counter (bytes 24-27 of the header, bumped by every committed transaction),
plus the mtime and size of the file and its journals (a WAL-mode commit only touches the -wal file; file
timestamps alone can be as coarse as a few ms). When any of it changed, everything cached is dropped. A team store on a Chroma server is
never cached: another laptop may change it at any moment, and nothing cheap tells us.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

Record = tuple[str, dict[str, Any], Any]  # (document, metadata, vector)
Stamp = tuple[int, ...]
SIZE = 20_000  # records kept (~2 KB each with a 384-float vector: ~40 MB at most)


def file_stamp(sqlite_file: Path) -> Callable[[], Stamp]:
    """A stamp function for a local Chroma store: SQLite's change counter, and (mtime_ns, size) of the file
    and its journals."""
    names = [sqlite_file, Path(f"{sqlite_file}-wal"), Path(f"{sqlite_file}-journal")]

    def stamp() -> Stamp:
        out: list[int] = [_change_counter(sqlite_file)]
        for name in names:
            try:
                st = os.stat(name)
            except OSError:
                out += [0, -1]
                continue
            out += [st.st_mtime_ns, st.st_size]
        return tuple(out)

    return stamp


def _change_counter(sqlite_file: Path) -> int:
    try:
        with open(sqlite_file, "rb") as f:
            f.seek(24)
            return int.from_bytes(f.read(4), "big")
    except OSError:
        return -1


class RecordCache:
    """A thread-safe LRU of records by id, valid for one stamp of the store."""

    def __init__(self, stamp: Callable[[], Stamp], size: int = SIZE) -> None:
        self._stamp_fn = stamp
        self.size = size
        self._items: OrderedDict[str, Record] = OrderedDict()
        self._stamp: Stamp | None = None
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def lookup(self, ids: Iterable[str]) -> tuple[dict[str, Record], list[str], Stamp]:
        """(records found, ids missing, the stamp they are valid for). Drops everything if the store changed.

        Take the stamp *before* reading the missing ids from the store, and give it back to :meth:`add`: a
        write that lands in between changes the stamp, so the next lookup drops what was added."""
        now = self._stamp_fn()
        found: dict[str, Record] = {}
        missing: list[str] = []
        with self._lock:
            if now != self._stamp:
                self._items.clear()
                self._stamp = now
            for insight_id in ids:
                record = self._items.get(insight_id)
                if record is None:
                    missing.append(insight_id)
                else:
                    self._items.move_to_end(insight_id)
                    found[insight_id] = record
            self.hits += len(found)
            self.misses += len(missing)
        return found, missing, now

    def add(self, records: dict[str, Record], stamp: Stamp) -> None:
        with self._lock:
            if stamp != self._stamp:
                return  # the store changed since these were read
            self._items.update(records)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._stamp = None

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)
