"""Migrations, interrupted answers and private files of the conversations database."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

from desktop.core import paths
from desktop.core.chat.conversations import Conversations
from desktop.core.chat.migrations import LATEST
from desktop.core.generation.runs import RunState, RunStore

RELEASE_SCHEMA = """
CREATE TABLE conversations (id TEXT PRIMARY KEY, title TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL);
CREATE TABLE messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
    content TEXT NOT NULL DEFAULT '', mode TEXT, model TEXT,
    status TEXT NOT NULL DEFAULT 'complete' CHECK (status IN ('complete', 'partial', 'failed', 'pending')),
    strategy TEXT, trace_json TEXT, created_at TEXT NOT NULL);
CREATE INDEX messages_by_conversation ON messages(conversation_id, id);
CREATE INDEX conversations_by_update ON conversations(updated_at);
INSERT INTO conversations VALUES ('c1', 'Old chat', '2025-01-01', '2025-01-01');
INSERT INTO messages (conversation_id, role, content, status, created_at)
    VALUES ('c1', 'user', 'halo', 'complete', '2025-01-01'), ('c1', 'assistant', 'Sel', 'pending', '2025-01-01');
"""


def test_a_release_database_is_migrated_and_its_stale_pending_answer_interrupted(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as db:
        db.executescript(RELEASE_SCHEMA)
    convs = Conversations(path)
    assert convs._db.execute("PRAGMA user_version").fetchone()[0] == LATEST == 3
    assert "writer_pid" in convs.message_columns()
    tables = {r[0] for r in convs._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"ratings", "comparisons", "generation_runs"} <= tables
    msgs = convs.messages("c1")
    assert [m["content"] for m in msgs] == ["halo", "Sel"]
    assert msgs[1]["status"] == "interrupted"  # written by a release that recorded no writer
    assert convs.interrupted_on_open == 1
    convs.close()
    assert Conversations(path).messages("c1")[1]["status"] == "interrupted"  # idempotent reopen


def test_only_answers_of_dead_writers_become_interrupted(tmp_path: Path) -> None:
    path = tmp_path / "z.sqlite3"
    convs = Conversations(path)
    conv = convs.create("t")
    live = convs.add_message(conv["id"], "assistant", "still writing", status="pending")
    dead = convs.add_message(conv["id"], "assistant", "half an ans", status="pending")
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    convs._db.execute("UPDATE messages SET writer_pid = ? WHERE id = ?", (int(gone.stdout), dead))
    convs.close()
    again = Conversations(path)
    assert again.get_message(live)["status"] == "pending"  # this process is alive and writing it
    got = again.get_message(dead)
    assert got["status"] == "interrupted" and got["content"] == "half an ans"


def test_data_is_private_whatever_the_umask(zantara_home: Path) -> None:
    old = os.umask(0o022)
    try:
        paths.data_dir()
        loose = paths.data_dir() / "zantara.sqlite3"
        Conversations(loose).close()
        (paths.log_dir() / "zantara-gui.log").write_text("x")
        assert stat.S_IMODE(loose.stat().st_mode) == 0o644  # the permissive umask at work
        paths.make_private()
        for p in [zantara_home, *zantara_home.rglob("*")]:
            mode = stat.S_IMODE(p.stat().st_mode)
            assert mode == (0o700 if p.is_dir() else 0o600), (p, oct(mode))
        fresh = paths.data_dir() / "later.sqlite3"
        Conversations(fresh).close()
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o600
    finally:
        os.umask(old)


def test_a_file_mid_write_is_looked_at_again_before_it_is_called_damaged() -> None:
    """Ten asks at once: one process may read a segment another is flushing. Damage must persist."""
    from desktop.core import health

    looks: list[int] = []

    def flushing() -> list[health.Problem]:
        looks.append(1)
        return [health.Problem(health.KNOWLEDGE, "header.bin out of step", "x")] if len(looks) == 1 else []

    assert health._confirmed(flushing) == [] and len(looks) == 2

    def damaged() -> list[health.Problem]:
        return [health.Problem(health.KNOWLEDGE, "data_level0.bin truncated", "x")]

    assert [p.message for p in health._confirmed(damaged)] == ["data_level0.bin truncated"]


def test_a_version_2_database_whose_runs_table_was_made_outside_the_migrations_keeps_its_runs(
    tmp_path: Path,
) -> None:
    """Releases at schema 2 created ``generation_runs`` on their own when a run started: migration 3 adopts it."""
    path = tmp_path / "v2.sqlite3"
    convs = Conversations(path)
    convs._db.execute("PRAGMA user_version = 2")
    convs._db.execute("DROP TABLE generation_runs")
    convs.close()
    with sqlite3.connect(path) as db:
        db.executescript(MIGRATIONS_V3_TABLE)
        db.execute(
            "INSERT INTO generation_runs (id, status, model, model_sha256, target, max_attempts, languages,"
            " categories, approve, created_at, updated_at) VALUES ('r1', 'cancelled', 'm', 'h', 5, 20, '[\"id\"]',"
            " '[\"visa\"]', 0, '2026-01-01', '2026-01-01')"
        )
    runs = RunStore(path)
    assert runs.latest_unfinished() is not None and runs.latest_unfinished().id == "r1"  # type: ignore[union-attr]
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == LATEST


def test_the_runs_store_brings_a_release_database_to_the_latest_schema(tmp_path: Path) -> None:
    """Opening generation runs first (`zantara knowledge generate` before any chat) migrates the whole file."""
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as db:
        db.executescript(RELEASE_SCHEMA)
    runs = RunStore(path)
    runs.save(RunState("r2", "m", "h", 5, 20, ["id"], ["visa"]))
    assert [r.id for r in runs.all()] == ["r2"]
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == LATEST
    assert "writer_pid" in Conversations(path).message_columns()


MIGRATIONS_V3_TABLE = """
CREATE TABLE generation_runs (
    id TEXT PRIMARY KEY, status TEXT NOT NULL, model TEXT NOT NULL, model_sha256 TEXT NOT NULL,
    target INTEGER NOT NULL, max_attempts INTEGER NOT NULL, languages TEXT NOT NULL, categories TEXT NOT NULL,
    approve INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, accepted INTEGER NOT NULL DEFAULT 0,
    next_index INTEGER NOT NULL DEFAULT 0, accepted_ids TEXT NOT NULL DEFAULT '[]',
    counters TEXT NOT NULL DEFAULT '{}', elapsed_s REAL NOT NULL DEFAULT 0, created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL);
"""
