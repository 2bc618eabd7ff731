"""The answer memory's source of truth is the conversations database: every complete Claude answer is there
with its question, so a rebuilt knowledge store gets its memory back from it."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.core.health.salvage import open_damaged, table_rows

MEMORY_MODEL = "answer-memory"  # an answer the memory itself gave: not Claude's, never re-indexed


@dataclass(frozen=True)
class StoredAnswer:
    question: str
    answer: str
    conversation_id: str
    conversation_title: str
    language: str
    strategy: str
    date: str


def stored_answers(database: Path) -> list[StoredAnswer]:
    """Every complete Claude answer in ``database`` with the question before it (a damaged file: what is
    readable)."""
    if not database.exists() or not database.stat().st_size:
        return []
    try:
        with open_damaged(database) as db:
            titles = {str(c["id"]): str(c.get("title") or "") for c in table_rows(db, "conversations")}
            messages = table_rows(db, "messages")
    except (sqlite3.DatabaseError, OSError):
        return []
    return _pairs(
        sorted(messages, key=lambda m: (str(m.get("conversation_id")), int(m.get("id") or 0))), titles
    )


def _pairs(messages: list[dict[str, Any]], titles: dict[str, str]) -> list[StoredAnswer]:
    out: list[StoredAnswer] = []
    question: dict[str, Any] | None = None
    for m in messages:
        if m.get("role") == "user":
            question = m
            continue
        if question is None or question.get("conversation_id") != m.get("conversation_id"):
            continue
        if not _is_claudes(m):
            continue
        trace = _trace(m)
        conv = str(m.get("conversation_id") or "")
        out.append(
            StoredAnswer(
                question=str(question.get("content") or ""),
                answer=str(m.get("content") or ""),
                conversation_id=conv,
                conversation_title=titles.get(conv, ""),
                language=str(trace.get("language") or ""),
                strategy=str(m.get("strategy") or trace.get("strategy") or ""),
                date=str(m.get("created_at") or ""),
            )
        )
    return [a for a in out if a.question.strip() and a.answer.strip()]


def _is_claudes(m: dict[str, Any]) -> bool:
    """A complete answer written online (what the router indexes), not one the memory gave offline."""
    return m.get("status") == "complete" and m.get("mode") == "claude" and m.get("model") != MEMORY_MODEL


def _trace(m: dict[str, Any]) -> dict[str, Any]:
    try:
        trace = json.loads(str(m.get("trace_json") or "{}"))
    except ValueError:
        return {}
    return trace if isinstance(trace, dict) else {}


def reindex(memory: Any, answers: list[StoredAnswer], user: str = "") -> int:
    """Add each answer to ``memory`` (an :class:`~desktop.core.knowledge.memory.AnswerMemory`); returns how
    many distinct answers it now holds."""
    for a in answers:
        memory.add(
            a.question,
            a.answer,
            conversation_id=a.conversation_id,
            conversation_title=a.conversation_title,
            user_name=user,
            language=a.language,
            strategy=a.strategy,
            date=a.date or None,
        )
    return int(memory.count())
