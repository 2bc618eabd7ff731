"""Conversations and messages in SQLite (WAL) in the data folder.

The router writes the user's message before any network call and creates the answer row as ``pending`` before
the first token, then finalises it (mode, model, status, trace). A crash therefore leaves a pending or partial
row, never nothing. One connection shared by all threads behind a lock: the GUI's workers and its main thread
both use it, and SQLite writes are short.
"""

from __future__ import annotations

import builtins
import json
import os
import sqlite3
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop.core import paths
from desktop.core.chat.migrations import prepare
from desktop.core.chat.trace import Trace
from desktop.core.errors import StoreDamaged, ZantaraError
from desktop.core.llm.base import Message

STATUSES = ("complete", "partial", "failed", "pending", "interrupted")


#: The answers a blind comparison keeps out of the conversation (and out of the history the model sees): the
#: one not picked. Until the pick, and for "about the same", the original stays and the comparison's second
#: answer lives only in the comparison record (``comparisons``, feedback/ratings.py), which keeps both.
SET_ASIDE = """
SELECT CASE
    WHEN (CASE winner WHEN 'A' THEN a_id WHEN 'B' THEN b_id END) = a_id + b_id - original_id THEN original_id
    ELSE a_id + b_id - original_id
END FROM comparisons WHERE conversation_id = ?
"""


@dataclass(frozen=True)
class ConversationSummary:
    """One conversation as the list of conversations shows it."""

    id: str
    title: str
    created_at: str
    updated_at: str
    message_count: int

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> ConversationSummary:
        return cls(
            id=str(row["id"]),
            title=str(row.get("title") or ""),
            created_at=str(row.get("created_at") or ""),
            updated_at=str(row.get("updated_at") or ""),
            message_count=int(row.get("message_count") or 0),
        )


@dataclass(frozen=True)
class StoredMessage:
    """One stored message as the chat view shows it (``trace`` is the answer's trace, empty for user messages
    and for answers stored without one)."""

    id: int
    conversation_id: str
    role: str  # user | assistant
    content: str
    status: str  # one of STATUSES
    mode: str | None
    model: str | None
    strategy: str | None
    trace: Trace | None
    created_at: str

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> StoredMessage:
        trace = row.get("trace")
        return cls(
            id=int(row["id"]),
            conversation_id=str(row["conversation_id"]),
            role=str(row["role"]),
            content=str(row.get("content") or ""),
            status=str(row.get("status") or "complete"),
            mode=row.get("mode"),
            model=row.get("model"),
            strategy=row.get("strategy"),
            trace=Trace.from_json(trace) if isinstance(trace, dict) and trace else None,
            created_at=str(row.get("created_at") or ""),
        )


def _trace_json(trace: Trace | None) -> str | None:
    return json.dumps(trace.to_json(), ensure_ascii=False) if trace is not None else None


def is_corruption(exc: sqlite3.DatabaseError) -> bool:
    text = str(exc).casefold()
    return any(w in text for w in ("malformed", "not a database", "disk image", "corrupt", "encrypted"))


def damaged(exc: sqlite3.DatabaseError) -> ZantaraError:
    from desktop.core.health.disk import disk_full, is_disk_full

    if is_disk_full(exc):
        return disk_full(exc)
    if is_corruption(exc):
        return StoreDamaged("conversations database", [str(exc)])
    return ZantaraError(
        f"The conversations database failed ({exc}).", "Close other Zantara windows and retry."
    )


def pid_alive(pid: int | None) -> bool:
    if not pid:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    except OSError:
        return False
    return True


class ConversationNotFound(ZantaraError):
    """No conversation with that id."""


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class Conversations:
    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        from desktop.core.health import require_conversations

        require_conversations(path)
        try:
            self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None, timeout=10)
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.execute("PRAGMA synchronous=NORMAL")
            prepare(self._db)
            self.interrupted_on_open = self.mark_interrupted()
        except sqlite3.DatabaseError as exc:
            raise damaged(exc) from exc

    @classmethod
    def open(cls, path: Path | None = None) -> Conversations:
        return cls(path or paths.database_path())

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def message_columns(self) -> builtins.list[str]:
        return [r["name"] for r in self._rows("PRAGMA table_info(messages)")]

    @contextmanager
    def raw(self) -> Iterator[sqlite3.Connection]:
        """The connection inside one transaction (bulk copies by the repair)."""
        with self._lock:
            self._db.execute("BEGIN")
            try:
                yield self._db
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def mark_interrupted(self) -> int:
        """Answers left ``pending`` by a process that is gone become ``interrupted`` (their text is kept);
        a pending answer whose writer is still alive is left alone."""
        rows = self._rows("SELECT id, writer_pid FROM messages WHERE status = 'pending'")
        dead = [r["id"] for r in rows if not pid_alive(r["writer_pid"])]
        for message_id in dead:
            self._exec(
                "UPDATE messages SET status = 'interrupted' WHERE id = ? AND status = 'pending'",
                (message_id,),
            )
        return len(dead)

    def _exec(self, sql: str, params: tuple[Any, ...] = ()) -> sqlite3.Cursor:
        with self._lock:
            try:
                return self._db.execute(sql, params)
            except sqlite3.IntegrityError:
                raise
            except sqlite3.DatabaseError as exc:
                raise damaged(exc) from exc

    def _rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
        with self._lock:
            try:
                return [dict(r) for r in self._db.execute(sql, params).fetchall()]
            except sqlite3.DatabaseError as exc:
                raise damaged(exc) from exc

    # -- conversations --------------------------------------------------------------------------------------
    def create(self, title: str | None = None) -> dict[str, Any]:
        conv_id = str(uuid.uuid4())
        now = now_iso()
        self._exec(
            "INSERT INTO conversations (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)",
            (conv_id, (title or "").strip()[:200], now, now),
        )
        return {"id": conv_id, "title": (title or "").strip()[:200], "created_at": now, "updated_at": now}

    def get(self, conversation_id: str) -> dict[str, Any] | None:
        rows = self._rows(
            "SELECT c.*, (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id) AS message_count "
            "FROM conversations c WHERE c.id = ?",
            (conversation_id,),
        )
        return rows[0] if rows else None

    def require(self, conversation_id: str) -> dict[str, Any]:
        conv = self.get(conversation_id)
        if conv is None:
            raise ConversationNotFound(
                f"No conversation with id '{conversation_id}'.",
                "Run `zantara history` to list conversations.",
            )
        return conv

    def list(self, search: str | None = None) -> builtins.list[dict[str, Any]]:
        """Newest first; ``search`` matches the title or any message text (case-insensitive)."""
        base = (
            "SELECT c.*, (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id) AS message_count "
            "FROM conversations c"
        )
        if search:
            like = f"%{search.strip()}%"
            return self._rows(
                base
                + " WHERE c.title LIKE ? OR EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id "
                "AND m.content LIKE ?) ORDER BY c.updated_at DESC",
                (like, like),
            )
        return self._rows(base + " ORDER BY c.updated_at DESC")

    def summaries(self, search: str | None = None) -> builtins.list[ConversationSummary]:
        """:meth:`list` as typed records (the GUI's conversation list)."""
        return [ConversationSummary.from_row(row) for row in self.list(search)]

    def rename(self, conversation_id: str, title: str) -> None:
        self.require(conversation_id)
        self._exec(
            "UPDATE conversations SET title = ?, updated_at = ? WHERE id = ?",
            (title.strip()[:200], now_iso(), conversation_id),
        )

    def delete(self, conversation_id: str) -> bool:
        return self._exec("DELETE FROM conversations WHERE id = ?", (conversation_id,)).rowcount > 0

    def _touch(self, conversation_id: str) -> None:
        self._exec("UPDATE conversations SET updated_at = ? WHERE id = ?", (now_iso(), conversation_id))

    # -- messages -------------------------------------------------------------------------------------------
    def add_message(
        self,
        conversation_id: str,
        role: str,
        content: str,
        *,
        status: str = "complete",
        mode: str | None = None,
        model: str | None = None,
        strategy: str | None = None,
        trace: Trace | None = None,
    ) -> int:
        self.require(conversation_id)
        with self._lock:
            cur = self._db.execute(
                "INSERT INTO messages (conversation_id, role, content, mode, model, status, strategy,"
                " trace_json, created_at, writer_pid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    conversation_id,
                    role,
                    content,
                    mode,
                    model,
                    status,
                    strategy,
                    _trace_json(trace),
                    now_iso(),
                    os.getpid(),
                ),
            )
            self._touch(conversation_id)
            return int(cur.lastrowid or 0)

    def update_message(self, message_id: int, **fields: Any) -> None:
        """Set any of content, mode, model, status, strategy, trace (a :class:`Trace`)."""
        allowed = {"content", "mode", "model", "status", "strategy", "trace"}
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"unknown message field(s): {', '.join(sorted(unknown))}")
        if "status" in fields and fields["status"] not in STATUSES:
            raise ValueError(f"bad status {fields['status']!r}")
        if "trace" in fields:
            trace = fields.pop("trace")
            fields["trace_json"] = _trace_json(trace)
        if not fields:
            return
        sets = ", ".join(f"{name} = ?" for name in fields)
        with self._lock:
            self._db.execute(f"UPDATE messages SET {sets} WHERE id = ?", (*fields.values(), message_id))
            row = self._db.execute(
                "SELECT conversation_id FROM messages WHERE id = ?", (message_id,)
            ).fetchone()
            if row:
                self._touch(row[0])

    @staticmethod
    def _decode(row: dict[str, Any]) -> dict[str, Any]:
        row.pop("writer_pid", None)
        raw = row.pop("trace_json", None)
        row["trace"] = json.loads(raw) if raw else None
        return row

    def get_message(self, message_id: int) -> dict[str, Any] | None:
        rows = self._rows("SELECT * FROM messages WHERE id = ?", (message_id,))
        return self._decode(rows[0]) if rows else None

    def messages(self, conversation_id: str) -> builtins.list[dict[str, Any]]:
        return [
            self._decode(r)
            for r in self._rows(
                "SELECT * FROM messages WHERE conversation_id = ? ORDER BY id", (conversation_id,)
            )
        ]

    def stored_messages(self, conversation_id: str) -> builtins.list[StoredMessage]:
        """The conversation as the chat view shows it: :meth:`messages` as typed records, without the answers
        a blind comparison set aside (:data:`SET_ASIDE`)."""
        rows = self._rows(
            f"SELECT * FROM messages WHERE conversation_id = ? AND id NOT IN ({SET_ASIDE}) ORDER BY id",
            (conversation_id, conversation_id),
        )
        return [StoredMessage.from_row(self._decode(row)) for row in rows]

    def context_messages(
        self, conversation_id: str, *, before_id: int | None = None, limit: int = 10
    ) -> builtins.list[Message]:
        """Earlier turns for the model: complete/partial rows only, oldest first, the last ``limit``."""
        sql = (
            "SELECT role, content FROM messages"
            " WHERE conversation_id = ? AND status IN ('complete', 'partial', 'interrupted')"
            f" AND id NOT IN ({SET_ASIDE})"
        )
        params: tuple[Any, ...] = (conversation_id, conversation_id)
        if before_id is not None:
            sql += " AND id < ?"
            params += (before_id,)
        rows = self._rows(sql + " AND content != '' ORDER BY id DESC LIMIT ?", (*params, limit))
        return [Message(r["role"], r["content"]) for r in reversed(rows)]

    def history(self, limit: int = 50, conversation_id: str | None = None) -> builtins.list[dict[str, Any]]:
        """The most recent messages (all conversations unless one is given), oldest first."""
        sql = (
            "SELECT m.*, c.title AS conversation_title"
            " FROM messages m JOIN conversations c ON c.id = m.conversation_id"
        )
        params: tuple[Any, ...] = ()
        if conversation_id:
            sql += " WHERE m.conversation_id = ?"
            params = (conversation_id,)
        rows = self._rows(sql + " ORDER BY m.id DESC LIMIT ?", (*params, limit))
        return [self._decode(r) for r in reversed(rows)]

    # -- export ---------------------------------------------------------------------------------------------
    def export_json(self, conversation_id: str) -> dict[str, Any]:
        from desktop.core.feedback.ratings import Feedback

        conv = self.require(conversation_id)
        return {
            **conv,
            "messages": self.messages(conversation_id),
            **Feedback(self).for_export(conversation_id),
        }

    def export_markdown(self, conversation_id: str) -> str:
        conv = self.require(conversation_id)
        from desktop.core.feedback.ratings import Feedback

        lines = [f"# {conv['title'] or 'Conversation'}", "", f"_{conv['created_at']}_", ""]
        rated = {r["message_id"]: r for r in Feedback(self).ratings(conversation_id)}
        for msg in self.messages(conversation_id):
            if msg["role"] == "user":
                who = "**You**"
            else:
                via = "Claude" if msg["mode"] == "claude" else "offline"
                who = f"**Zantara** ({via}, {msg['model'] or '?'}" + (
                    f", {msg['status']})" if msg["status"] != "complete" else ")"
                )
            lines += [f"{who}:", "", msg["content"] or "_(no text)_", ""]
            if msg["id"] in rated:
                r = rated[msg["id"]]
                extra = "".join(f" · {x}" for x in (r["reason"], r["note"]) if x)
                lines += [f"_Rated {'👍' if r['verdict'] == 'up' else '👎'}{extra}_", ""]
        return "\n".join(lines).rstrip() + "\n"
