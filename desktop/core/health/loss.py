"""A store that vanished or was emptied is loss, not a new install, when a backup holds more.

Opening a missing store creates an empty one, so after an ``rm -rf`` of the Chroma folder or an emptied
conversations file every check passes on an empty store. Compared with the newest backup that holds
something, it is said as loss, with the command that brings it back.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop.core import paths
from desktop.core.health import CONVERSATIONS, KNOWLEDGE, Problem
from desktop.core.messages import say


def find_loss() -> list[Problem]:
    from desktop.core.health.backup import list_backups

    backups = list_backups()
    problems: list[Problem] = []
    held = next((b for b in backups if (b.get("messages") or 0) > 0), None)
    if held is not None and _messages_now(paths.database_path()) == 0:
        problems.append(_loss(CONVERSATIONS, "0 messages", held["name"], f"{held['messages']} messages"))
    held = next((b for b in backups if (b.get("insights") or 0) > 0), None)
    if held is not None and _own_insights_now(paths.data_dir() / "chroma") == 0:
        problems.append(
            _loss(KNOWLEDGE, "none of your insights", held["name"], f"{held['insights']} of yours")
        )
    return problems


def _loss(store: str, now: str, backup: str, then: str) -> Problem:
    path = paths.database_path() if store == CONVERSATIONS else paths.data_dir() / "chroma"
    return Problem(
        store,
        say("doctor.loss", store=store, now=now, backup=backup, then=then),
        str(path),
        kind="loss",
        fix=say("doctor.loss_hint", backup=backup),
    )


def _messages_now(database: Path) -> int | None:
    """Messages in the live database: 0 when missing or empty; None when unreadable (that is damage)."""
    if not database.exists() or not database.stat().st_size:
        return 0
    try:
        db = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=10)
        try:
            return int(db.execute("SELECT COUNT(*) FROM messages").fetchone()[0])
        finally:
            db.close()
    except sqlite3.DatabaseError:
        return None


def _own_insights_now(chroma: Path) -> int | None:
    """The user's insights (and deleted ids) in the live store: 0 when it is gone or holds none of theirs
    and no deletion either; None when unreadable (damage)."""
    from desktop.core.health.repair import read_chroma_insights
    from desktop.core.knowledge.provenance import is_users_own, shipped_ids

    catalogue = chroma / "chroma.sqlite3"
    if not catalogue.exists() or not catalogue.stat().st_size:
        return 0
    if _has_marked_own(catalogue):
        return 1  # the common case, read in place: no copy of a large catalogue
    try:
        insights, deleted = read_chroma_insights(catalogue)
    except (sqlite3.DatabaseError, OSError):
        return None
    shipped = shipped_ids()
    return sum(1 for i in insights if is_users_own(i, shipped)) + len(deleted)


MARKED_OWN = """
SELECT 1 FROM embedding_metadata
 WHERE (key = 'source' AND string_value != 'curated')
    OR (key = 'provenance' AND (string_value LIKE '%user_edited%' OR string_value LIKE '%imported_from%'))
 LIMIT 1
"""


def _has_marked_own(catalogue: Path) -> bool:
    """Whether any insight is marked as the user's (read-only, in place; False when that cannot be told)."""
    try:
        db = sqlite3.connect(f"file:{catalogue}?mode=ro", uri=True, timeout=10)
        try:
            return db.execute(MARKED_OWN).fetchone() is not None
        finally:
            db.close()
    except sqlite3.DatabaseError:
        return False
