"""The sync journal: one SQLite file in the data folder beside the stores.

- ``outbox``: local changes not yet on the team server (kind, key, the revision they were made at). A row
  leaves only after the server took that very revision, so a kill -9 or a dead server mid-push just means it
  is pushed again (pushes are idempotent upserts by key).
- ``state``: the latest version of every synced record this laptop knows (revision, origin device and
  name), what a pulled version is compared with.
- ``history``: versions that were replaced by another laptop's, the losers of conflicts among them.
- ``meta``: this laptop's clock, the server's epoch, pull cursors per pushing device, the last success.

Every local write to the stores notes its keys here (``note``), whether or not a team server is set, so
work done before joining a team is pushed at the first sync.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar

from desktop.core import paths
from desktop.core.sync import hlc

INSIGHTS_KIND = "insight"
MEMORY_KIND = "answer"
RATINGS_KIND = "rating"
KINDS = (INSIGHTS_KIND, MEMORY_KIND, RATINGS_KIND)
FILE = "sync.sqlite3"

SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (kind TEXT, key TEXT, rev INTEGER, PRIMARY KEY (kind, key));
CREATE INDEX IF NOT EXISTS outbox_rev ON outbox (rev);
CREATE TABLE IF NOT EXISTS state (
    kind TEXT, key TEXT, rev INTEGER, origin TEXT, origin_name TEXT, PRIMARY KEY (kind, key));
CREATE TABLE IF NOT EXISTS history (
    kind TEXT, key TEXT, rev INTEGER, origin TEXT, origin_name TEXT, replaced_at TEXT, reason TEXT,
    record TEXT);
CREATE INDEX IF NOT EXISTS history_key ON history (kind, key);
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT);
"""


@dataclass(frozen=True)
class Version:
    """Who made a record's version and when (a hybrid-clock revision); ordered by (rev, origin)."""

    rev: int
    origin: str
    origin_name: str = ""

    def beats(self, other: Version) -> bool:
        """The deterministic rule: the higher revision wins, a tie goes to the larger device id."""
        return (self.rev, self.origin) > (other.rev, other.origin)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def device_id() -> str:
    """This laptop's (data folder's) random id, shared with the ratings it publishes."""
    from desktop.core.feedback.team import installation_id

    return installation_id()


class Journal:
    """Thread-safe; one per data folder and process (:meth:`open`)."""

    _open: ClassVar[dict[Path, Journal]] = {}
    _open_lock = threading.Lock()

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.RLock()
        self._db = sqlite3.connect(str(path), timeout=60, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(SCHEMA)
        self.device = device_id()

    @classmethod
    def open(cls, path: Path | None = None) -> Journal:
        path = path or paths.data_dir() / FILE
        with cls._open_lock:
            journal = cls._open.get(path)
            if journal is None:
                journal = cls._open[path] = cls(path)
            return journal

    @classmethod
    def forget_all(cls) -> None:
        """Close every open journal (tests switch data folders within one process)."""
        with cls._open_lock:
            for journal in cls._open.values():
                journal._db.close()
            cls._open.clear()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One immediate transaction: other processes wait, so the clock never hands out a revision twice."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    # ------------------------------------------------------------------ meta and the clock
    def get_meta(self, name: str, default: str = "") -> str:
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        return str(row[0]) if row else default

    def set_meta(self, **values: str | int) -> None:
        with self._write() as db:
            db.executemany(
                "INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)",
                [(k, str(v)) for k, v in values.items()],
            )

    @staticmethod
    def _tick(db: sqlite3.Connection) -> int:
        row = db.execute("SELECT value FROM meta WHERE name = 'clock'").fetchone()
        rev = hlc.next_revision(int(row[0]) if row else 0)
        db.execute("INSERT OR REPLACE INTO meta (name, value) VALUES ('clock', ?)", (str(rev),))
        return rev

    def observe(self, revision: int) -> None:
        """Move the clock past a revision seen on the server."""
        with self._write() as db:
            row = db.execute("SELECT value FROM meta WHERE name = 'clock'").fetchone()
            value = hlc.observed(int(row[0]) if row else 0, revision)
            db.execute("INSERT OR REPLACE INTO meta (name, value) VALUES ('clock', ?)", (str(value),))

    def next_push_numbers(self, count: int) -> int:
        """Reserve ``count`` push sequence numbers for this device; returns the first. Kept in the file
        before the push, so a retry after a crash never reuses one."""
        with self._write() as db:
            row = db.execute("SELECT value FROM meta WHERE name = 'push_seq'").fetchone()
            first = (int(row[0]) if row else 0) + 1
            db.execute(
                "INSERT OR REPLACE INTO meta (name, value) VALUES ('push_seq', ?)", (str(first + count - 1),)
            )
        return first

    def cursor(self, device: str) -> int:
        """The highest push number of ``device`` already applied here."""
        return int(self.get_meta(f"cursor:{device}", "0"))

    def set_cursor(self, device: str, value: int) -> None:
        self.set_meta(**{f"cursor:{device}": value})

    def reset_cursors(self) -> None:
        with self._write() as db:
            db.execute("DELETE FROM meta WHERE name LIKE 'cursor:%'")

    # ------------------------------------------------------------------ local changes
    def note(self, kind: str, keys: Iterable[str], origin_name: str = "") -> int:
        """Local change(s): a new revision made here, queued for the next push. Returns the revision."""
        keys = list(dict.fromkeys(keys))
        if not keys:
            return 0
        with self._write() as db:
            rev = self._tick(db)
            db.executemany(
                "INSERT OR REPLACE INTO outbox (kind, key, rev) VALUES (?, ?, ?)",
                [(kind, k, rev) for k in keys],
            )
            db.executemany(
                "INSERT OR REPLACE INTO state (kind, key, rev, origin, origin_name) VALUES (?, ?, ?, ?, ?)",
                [(kind, k, rev, self.device, origin_name) for k in keys],
            )
        return rev

    def requeue(self, kind: str, keys: Iterable[str]) -> None:
        """Push these records again at their current version (the server lost or holds an older one)."""
        with self._write() as db:
            for key in keys:
                row = db.execute("SELECT rev FROM state WHERE kind = ? AND key = ?", (kind, key)).fetchone()
                if row is not None:
                    db.execute(
                        "INSERT OR IGNORE INTO outbox (kind, key, rev) VALUES (?, ?, ?)", (kind, key, row[0])
                    )

    def requeue_all(self) -> int:
        """Every record this laptop knows goes back in the outbox (a wiped or new server is re-seeded)."""
        with self._write() as db:
            db.execute("INSERT OR IGNORE INTO outbox (kind, key, rev) SELECT kind, key, rev FROM state")
            return int(db.execute("SELECT COUNT(*) FROM outbox").fetchone()[0])

    def pending(self, limit: int) -> list[tuple[str, str, int]]:
        with self._lock:
            rows = self._db.execute(
                "SELECT kind, key, rev FROM outbox ORDER BY rev, kind, key LIMIT ?", (limit,)
            ).fetchall()
        return [(str(k), str(key), int(rev)) for k, key, rev in rows]

    def pending_count(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM outbox").fetchone()[0])

    def pending_keys(self, kind: str, keys: Iterable[str]) -> set[str]:
        keys = list(keys)
        found: set[str] = set()
        with self._lock:
            for start in range(0, len(keys), 500):
                chunk = keys[start : start + 500]
                marks = ",".join("?" * len(chunk))
                found |= {
                    str(r[0])
                    for r in self._db.execute(
                        f"SELECT key FROM outbox WHERE kind = ? AND key IN ({marks})", (kind, *chunk)
                    )
                }
        return found

    def done(self, entries: Iterable[tuple[str, str, int]]) -> None:
        """The server took these revisions: drop them from the outbox (a newer local change stays)."""
        with self._write() as db:
            db.executemany("DELETE FROM outbox WHERE kind = ? AND key = ? AND rev = ?", list(entries))

    def drop(self, kind: str, keys: Iterable[str]) -> None:
        with self._write() as db:
            db.executemany("DELETE FROM outbox WHERE kind = ? AND key = ?", [(kind, k) for k in keys])

    # ------------------------------------------------------------------ versions
    def versions(self, kind: str, keys: Iterable[str]) -> dict[str, Version]:
        keys = list(keys)
        out: dict[str, Version] = {}
        with self._lock:
            for start in range(0, len(keys), 500):
                chunk = keys[start : start + 500]
                marks = ",".join("?" * len(chunk))
                for key, rev, origin, name in self._db.execute(
                    f"SELECT key, rev, origin, origin_name FROM state WHERE kind = ? AND key IN ({marks})",
                    (kind, *chunk),
                ):
                    out[str(key)] = Version(int(rev), str(origin), str(name or ""))
        return out

    def set_versions(self, kind: str, versions: dict[str, Version]) -> None:
        with self._write() as db:
            db.executemany(
                "INSERT OR REPLACE INTO state (kind, key, rev, origin, origin_name) VALUES (?, ?, ?, ?, ?)",
                [(kind, k, v.rev, v.origin, v.origin_name) for k, v in versions.items()],
            )

    def known_count(self) -> dict[str, int]:
        with self._lock:
            rows = self._db.execute("SELECT kind, COUNT(*) FROM state GROUP BY kind").fetchall()
        return {str(k): int(n) for k, n in rows}

    # ------------------------------------------------------------------ history
    def keep(self, kind: str, key: str, version: Version, record: dict[str, Any], reason: str) -> None:
        """Keep a replaced version (a conflict's loser, or a version a colleague's edit replaced)."""
        with self._write() as db:
            db.execute(
                "INSERT INTO history (kind, key, rev, origin, origin_name, replaced_at, reason, record) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    kind,
                    key,
                    version.rev,
                    version.origin,
                    version.origin_name,
                    now_iso(),
                    reason,
                    json.dumps(record, ensure_ascii=False, sort_keys=True),
                ),
            )

    def history(self, kind: str, key: str) -> list[dict[str, Any]]:
        """Earlier versions of one record, newest first."""
        with self._lock:
            rows = self._db.execute(
                "SELECT rev, origin, origin_name, replaced_at, reason, record FROM history "
                "WHERE kind = ? AND key = ? ORDER BY rowid DESC",
                (kind, key),
            ).fetchall()
        return [
            {
                "revision": int(rev),
                "edited_at": datetime.fromtimestamp(hlc.to_millis(int(rev)) / 1000, UTC).isoformat(
                    timespec="seconds"
                ),
                "origin": str(origin),
                "origin_name": str(name or ""),
                "replaced_at": str(at),
                "reason": str(reason),
                "record": json.loads(record),
            }
            for rev, origin, name, at, reason, record in rows
        ]
