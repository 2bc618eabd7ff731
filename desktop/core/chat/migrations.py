"""Ordered schema migrations for the conversations database, tracked in ``PRAGMA user_version``.

Version 0 is the schema of the first release (``conversations.SCHEMA``). Each migration runs once, inside
one transaction together with the version bump, so a crash leaves the database at the old or the new
version, never between. A database from a newer release is refused rather than damaged.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from desktop.core.errors import ZantaraError

MESSAGES_V1 = """
CREATE TABLE messages_v1 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
    content TEXT NOT NULL DEFAULT '',
    mode TEXT,
    model TEXT,
    status TEXT NOT NULL DEFAULT 'complete'
        CHECK (status IN ('complete', 'partial', 'failed', 'pending', 'interrupted')),
    strategy TEXT,
    trace_json TEXT,
    created_at TEXT NOT NULL,
    writer_pid INTEGER
);
INSERT INTO messages_v1 (id, conversation_id, role, content, mode, model, status, strategy, trace_json,
    created_at)
    SELECT id, conversation_id, role, content, mode, model, status, strategy, trace_json, created_at
    FROM messages;
DROP TABLE messages;
ALTER TABLE messages_v1 RENAME TO messages;
CREATE INDEX IF NOT EXISTS messages_by_conversation ON messages(conversation_id, id);
"""


def _writer_pid(db: sqlite3.Connection) -> None:
    """Pending answers record the pid writing them, and a killed writer's answer can become 'interrupted'
    (SQLite cannot alter a CHECK constraint, so the table is rebuilt)."""
    for statement in MESSAGES_V1.split(";"):
        if statement.strip():
            db.execute(statement)


FEEDBACK_V2 = """
CREATE TABLE IF NOT EXISTS ratings (
    message_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
    verdict TEXT NOT NULL CHECK (verdict IN ('up', 'down')),
    reason TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    strategy TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT '',
    profile TEXT NOT NULL DEFAULT '',
    trace_json TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS comparisons (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    original_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
    a_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
    b_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
    a_strategy TEXT NOT NULL,
    b_strategy TEXT NOT NULL,
    language TEXT NOT NULL DEFAULT '',
    profile TEXT NOT NULL DEFAULT '',
    winner TEXT CHECK (winner IN ('A', 'B', 'tie')),
    created_at TEXT NOT NULL,
    picked_at TEXT
);
CREATE INDEX IF NOT EXISTS comparisons_by_original ON comparisons(original_id);
"""


def _feedback(db: sqlite3.Connection) -> None:
    """Ratings of answers and blind pairwise comparisons (issue 18)."""
    for statement in FEEDBACK_V2.split(";"):
        if statement.strip():
            db.execute(statement)


MIGRATIONS: list[tuple[str, Callable[[sqlite3.Connection], None]]] = [
    ("writer pid and the 'interrupted' status", _writer_pid),
    ("ratings and blind comparisons", _feedback),
]
LATEST = len(MIGRATIONS)


def user_version(db: sqlite3.Connection) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: sqlite3.Connection) -> list[str]:
    """Bring ``db`` (autocommit connection) to the latest version; returns the names of migrations run."""
    version = user_version(db)
    if version > LATEST:
        raise ZantaraError(
            f"The conversations database is from a newer Zantara (schema {version}, this one knows {LATEST}).",
            "Update Zantara, or restore an older backup with `zantara restore`.",
        )
    done = []
    for number in range(version + 1, LATEST + 1):
        name, step = MIGRATIONS[number - 1]
        db.execute("PRAGMA foreign_keys=OFF")  # a table rebuild must not cascade deletes
        db.execute("BEGIN IMMEDIATE")
        try:
            if user_version(db) < number:  # another process may have migrated meanwhile
                step(db)
                db.execute(f"PRAGMA user_version = {number}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        finally:
            db.execute("PRAGMA foreign_keys=ON")
        done.append(name)
    return done
