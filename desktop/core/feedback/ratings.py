"""Ratings of answers and blind pairwise comparisons, in the conversations database (migration 2).

A rating keeps a snapshot of the answer's trace (strategy, models, language, profile, the insights used,
Claude's usage), so the verdict stays tied to how the answer was made even if the message is regenerated.
Rating an answer again edits the rating; ``clear`` removes it.
"""

from __future__ import annotations

import json
import random
from typing import Any

from desktop.core.chat.conversations import Conversations, now_iso
from desktop.core.errors import ZantaraError

VERDICTS = ("up", "down")
#: one-tap reasons, in the order the GUI shows them (1-5 on the keyboard)
REASONS = ("warmer", "colder", "wrong-facts", "wrong-language", "too-long")
NOTE_MAX = 2000


def normalise_reason(reason: str | None) -> str:
    if not reason:
        return ""
    value = reason.strip().casefold().replace("_", "-").replace(" ", "-")
    if value not in REASONS:
        raise ZantaraError(f"Unknown reason '{reason}'.", f"Use one of: {', '.join(REASONS)}.")
    return value


def trace_snapshot(trace: dict[str, Any] | None) -> dict[str, Any]:
    """What a rating keeps of the answer's trace."""
    t = trace or {}
    return {
        "strategy": t.get("strategy", ""),
        "mode": t.get("mode", ""),
        "models": t.get("models", {}),
        "language": t.get("language", ""),
        "profile": t.get("profile", ""),
        "insights": [i.get("id", "") for i in t.get("insights", []) if isinstance(i, dict)],
        "usage": {k: v for k, v in (t.get("usage") or {}).items() if k != "calls"},
    }


class Feedback:
    """Ratings and comparisons over an open :class:`Conversations` (shares its connection and lock)."""

    def __init__(self, conversations: Conversations, profile: str = "team") -> None:
        self.convs = conversations
        self.default_profile = profile

    # -- ratings --------------------------------------------------------------------------------------------
    def answer(self, message_id: int) -> dict[str, Any]:
        row = self.convs.get_message(message_id)
        if row is None:
            raise ZantaraError(
                f"No message with id {message_id}.", "Run `zantara history --json` to see ids."
            )
        if row["role"] != "assistant":
            raise ZantaraError(f"Message {message_id} is a question, not an answer.", "Rate an answer's id.")
        return row

    def rate(
        self, message_id: int, verdict: str, *, reason: str | None = None, note: str | None = None
    ) -> dict[str, Any]:
        """Store or edit the rating of answer ``message_id``. ``reason``/``note`` None keeps the earlier
        value when editing; "" clears it."""
        if verdict not in VERDICTS:
            raise ZantaraError(f"Unknown verdict '{verdict}'.", "Use up or down.")
        row = self.answer(message_id)
        old = self.get(message_id)
        reason_value = normalise_reason(reason) if reason is not None else (old or {}).get("reason", "")
        note_value = (note if note is not None else (old or {}).get("note", "")).strip()[:NOTE_MAX]
        snap = trace_snapshot(row.get("trace"))
        strategy = snap["strategy"] or row.get("strategy") or ""
        language = snap["language"] or ""
        profile = snap["profile"] or self.default_profile
        now = now_iso()
        self.convs._exec(
            "INSERT INTO ratings (message_id, verdict, reason, note, strategy, language, profile, trace_json,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(message_id) DO UPDATE SET verdict = excluded.verdict, reason = excluded.reason,"
            " note = excluded.note, updated_at = excluded.updated_at",
            (
                message_id,
                verdict,
                reason_value,
                note_value,
                strategy,
                language,
                profile,
                json.dumps(snap, ensure_ascii=False),
                now,
                now,
            ),
        )
        rating = self.get(message_id)
        assert rating is not None
        return rating

    def clear(self, message_id: int) -> bool:
        return self.convs._exec("DELETE FROM ratings WHERE message_id = ?", (message_id,)).rowcount > 0

    @staticmethod
    def _decode(row: dict[str, Any]) -> dict[str, Any]:
        raw = row.pop("trace_json", None)
        row["trace"] = json.loads(raw) if raw else {}
        return row

    def get(self, message_id: int) -> dict[str, Any] | None:
        rows = self.convs._rows("SELECT * FROM ratings WHERE message_id = ?", (message_id,))
        return self._decode(rows[0]) if rows else None

    def ratings(self, conversation_id: str | None = None) -> list[dict[str, Any]]:
        sql = "SELECT r.*, m.conversation_id FROM ratings r JOIN messages m ON m.id = r.message_id"
        params: tuple[Any, ...] = ()
        if conversation_id:
            sql += " WHERE m.conversation_id = ?"
            params = (conversation_id,)
        return [self._decode(r) for r in self.convs._rows(sql + " ORDER BY r.message_id", params)]

    # -- comparisons ----------------------------------------------------------------------------------------
    def start_comparison(
        self, original_id: int, other_id: int, rng: random.Random | None = None
    ) -> dict[str, Any]:
        """Record a blind comparison of answers ``original_id`` and ``other_id`` (same question, another
        strategy); which one is A is random, so position says nothing."""
        first, second = self.answer(original_id), self.answer(other_id)
        pair = [first, second]
        (rng or random.SystemRandom()).shuffle(pair)
        a, b = pair
        trace = first.get("trace") or {}
        cur = self.convs._exec(
            "INSERT INTO comparisons (conversation_id, original_id, a_id, b_id, a_strategy, b_strategy,"
            " language, profile, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                first["conversation_id"],
                original_id,
                a["id"],
                b["id"],
                a.get("strategy") or "",
                b.get("strategy") or "",
                trace.get("language", ""),
                trace.get("profile") or self.default_profile,
                now_iso(),
            ),
        )
        return self.comparison(int(cur.lastrowid or 0))

    def comparison(self, comparison_id: int) -> dict[str, Any]:
        rows = self.convs._rows("SELECT * FROM comparisons WHERE id = ?", (comparison_id,))
        if not rows:
            raise ZantaraError(f"No comparison with id {comparison_id}.")
        return rows[0]

    def latest_open_comparison(self, original_id: int) -> dict[str, Any] | None:
        rows = self.convs._rows(
            "SELECT * FROM comparisons WHERE original_id = ? AND winner IS NULL ORDER BY id DESC LIMIT 1",
            (original_id,),
        )
        return rows[0] if rows else None

    def pick(self, comparison_id: int, winner: str) -> dict[str, Any]:
        """Store the user's choice: ``A``, ``B`` or ``tie``. Picking again changes it."""
        value = winner.strip().upper() if winner.strip().lower() != "tie" else "tie"
        if value not in ("A", "B", "tie"):
            raise ZantaraError(f"Unknown choice '{winner}'.", "Pick A, B or tie.")
        self.comparison(comparison_id)
        self.convs._exec(
            "UPDATE comparisons SET winner = ?, picked_at = ? WHERE id = ?", (value, now_iso(), comparison_id)
        )
        return self.comparison(comparison_id)

    def comparisons(
        self, conversation_id: str | None = None, picked_only: bool = False
    ) -> list[dict[str, Any]]:
        sql = "SELECT * FROM comparisons WHERE 1 = 1"
        params: tuple[Any, ...] = ()
        if conversation_id:
            sql += " AND conversation_id = ?"
            params = (conversation_id,)
        if picked_only:
            sql += " AND winner IS NOT NULL"
        return self.convs._rows(sql + " ORDER BY id", params)

    # -- export ---------------------------------------------------------------------------------------------
    def for_export(self, conversation_id: str) -> dict[str, Any]:
        return {
            "ratings": self.ratings(conversation_id),
            "comparisons": self.comparisons(conversation_id),
        }
