"""Numbered schema migrations for the app's database (conversations, ratings, generation runs), tracked in
``PRAGMA user_version``.

Version 0 is the schema of the first release (``BASELINE``). Each migration runs once, inside one transaction
together with the version bump, so a crash leaves the database at the old or the new version, never between.
A database from a newer release is refused rather than damaged. Every table of the file is made here: whoever
opens the database calls :func:`prepare` first. To change the schema, append a migration to ``MIGRATIONS``
and extend tests/unit/core/health/test_conversations_schema.py, which starts from older databases.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from desktop.core.errors import ZantaraError

BASELINE = """
-- version 0 (the first release); the migrations take it from there
CREATE TABLE IF NOT EXISTS conversations (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
    content TEXT NOT NULL DEFAULT '',
    mode TEXT,
    model TEXT,
    status TEXT NOT NULL DEFAULT 'complete' CHECK (status IN ('complete', 'partial', 'failed', 'pending')),
    strategy TEXT,
    trace_json TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS messages_by_conversation ON messages(conversation_id, id);
CREATE INDEX IF NOT EXISTS conversations_by_update ON conversations(updated_at);
"""

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
    _run(db, MESSAGES_V1)


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
    """Ratings of answers and blind pairwise comparisons."""
    _run(db, FEEDBACK_V2)


#: ``IF NOT EXISTS``: releases before this migration created the table outside the migrations.
GENERATION_RUNS_V3 = """
CREATE TABLE IF NOT EXISTS generation_runs (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    model TEXT NOT NULL,
    model_sha256 TEXT NOT NULL,
    target INTEGER NOT NULL,
    max_attempts INTEGER NOT NULL,
    languages TEXT NOT NULL,
    categories TEXT NOT NULL,
    approve INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    accepted INTEGER NOT NULL DEFAULT 0,
    next_index INTEGER NOT NULL DEFAULT 0,
    accepted_ids TEXT NOT NULL DEFAULT '[]',
    counters TEXT NOT NULL DEFAULT '{}',
    elapsed_s REAL NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
)
"""


def _generation_runs(db: sqlite3.Connection) -> None:
    """Insight generation runs, resumable after a crash (:mod:`desktop.core.generation.runs`)."""
    _run(db, GENERATION_RUNS_V3)


def _run(db: sqlite3.Connection, script: str) -> None:
    """``executescript`` would commit the migration's transaction: run the statements one by one."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


MIGRATIONS: list[tuple[str, Callable[[sqlite3.Connection], None]]] = [
    ("writer pid and the 'interrupted' status", _writer_pid),
    ("ratings and blind comparisons", _feedback),
    ("generation runs", _generation_runs),
]
LATEST = len(MIGRATIONS)


def user_version(db: sqlite3.Connection) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def prepare(db: sqlite3.Connection) -> list[str]:
    """Make ``db`` (autocommit connection) the latest schema, from an empty file or any older version;
    returns the names of migrations run."""
    db.executescript(BASELINE)
    return migrate(db)


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
