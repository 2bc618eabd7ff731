"""Rolling backups of what cannot be rebuilt: the conversations and the user's own insights.

A backup is a folder ``backups/<YYYYmmdd-HHMMSS>`` holding ``zantara.sqlite3`` (SQLite's online backup API:
a consistent copy even while another process writes) and ``insights.jsonl`` (insights that are not curated
or that a person edited, read straight from Chroma's catalogue so a damaged index does not stop it). One is
made automatically at most once a day on start; the newest ``KEEP`` are kept.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import time
from pathlib import Path
from typing import Any

from desktop.core import paths
from desktop.core.errors import ZantaraError

KEEP = 7
DAY_S = 24 * 3600
DB_NAME = "zantara.sqlite3"
INSIGHTS = "insights.jsonl"


def backups_dir() -> Path:
    folder = paths.data_dir() / "backups"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def list_backups() -> list[dict[str, Any]]:
    """Newest first: name, created, sizes and counts from the manifest."""
    out = []
    for folder in sorted(backups_dir().iterdir(), reverse=True):
        manifest = folder / "manifest.json"
        if not folder.is_dir() or not manifest.exists():
            continue
        try:
            out.append({"name": folder.name, **json.loads(manifest.read_text())})
        except (OSError, ValueError):
            continue
    return out


def make_backup(keep: int = KEEP) -> dict[str, Any]:
    """Write a new backup now; returns its manifest."""
    name = time.strftime("%Y%m%d-%H%M%S")
    final = backups_dir() / name
    if final.exists():
        return {"name": name, **json.loads((final / "manifest.json").read_text())}
    work = backups_dir() / f".{name}.tmp"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(mode=0o700)
    manifest: dict[str, Any] = {"created": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
    manifest["messages"] = _backup_database(work / DB_NAME)
    manifest["insights"] = _backup_insights(work / INSIGHTS)
    (work / "manifest.json").write_text(json.dumps(manifest, indent=2))
    work.rename(final)
    prune(keep)
    return {"name": name, **manifest}


def _backup_database(target: Path) -> int | None:
    source = paths.database_path()
    if not source.exists():
        return None
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=10)
    dst = sqlite3.connect(str(target))
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, readable without writing
        return int(dst.execute("SELECT COUNT(*) FROM messages").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        raise ZantaraError(
            f"The conversations could not be backed up ({exc}).",
            "Run `zantara doctor` to check the database.",
        ) from exc
    finally:
        dst.close()
        src.close()


def _backup_insights(target: Path) -> int | None:
    from desktop.core.health.repair import read_chroma_insights
    from desktop.core.knowledge.provenance import is_users_own, shipped_ids

    catalogue = paths.chroma_dir() / "chroma.sqlite3"
    if not catalogue.exists():
        return None
    try:
        insights, _deleted = read_chroma_insights(catalogue)
    except sqlite3.DatabaseError:
        return None
    shipped = shipped_ids()
    own = sorted((i for i in insights if is_users_own(i, shipped)), key=lambda i: i.id)
    target.write_text("".join(json.dumps(i.to_dict(), ensure_ascii=False) + "\n" for i in own))
    return len(own)


def prune(keep: int = KEEP) -> None:
    for old in [b["name"] for b in list_backups()][keep:]:
        shutil.rmtree(backups_dir() / old, ignore_errors=True)


def backup_if_due(keep: int = KEEP) -> dict[str, Any] | None:
    """The automatic daily backup (on start); errors never stop the app, they only skip the backup."""
    if not paths.database_path().exists() and not (paths.chroma_dir() / "chroma.sqlite3").exists():
        return None
    newest = list_backups()[:1]
    if newest and time.time() - (backups_dir() / newest[0]["name"]).stat().st_mtime < DAY_S:
        return None
    try:
        from desktop.core.health.loss import find_loss

        if find_loss():
            return None  # an emptied store must not push the backups that hold the user's data out
        return make_backup(keep)
    except (ZantaraError, OSError, sqlite3.Error):
        return None


def find_backup(name: str | None = None) -> Path:
    names = [b["name"] for b in list_backups()]
    if not names:
        raise ZantaraError("There is no backup yet.", "Make one with `zantara backup`.")
    if name is None:
        return backups_dir() / names[0]
    if name not in names:
        raise ZantaraError(f"No backup named '{name}'.", "Run `zantara restore` to list the backups.")
    return backups_dir() / name


def verify_backup(folder: Path) -> list[str]:
    """Problems that make a backup unfit to restore (empty when it is whole): a damaged or truncated
    database, fewer messages than its manifest says, an unreadable insights line."""
    from desktop.core.health import CONVERSATION_TABLES
    from desktop.core.health.sqlite_file import check_sqlite
    from desktop.core.knowledge.jsonl import parse_jsonl

    problems: list[str] = []
    db = folder / DB_NAME
    manifest = json.loads((folder / "manifest.json").read_text())
    if db.exists():
        problems += [f"{DB_NAME} {p}" for p in check_sqlite(db, CONVERSATION_TABLES)]
        if not problems:
            try:
                con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
                try:
                    found = int(con.execute("SELECT COUNT(*) FROM messages").fetchone()[0])
                finally:
                    con.close()
                if manifest.get("messages") is not None and found < int(manifest["messages"]):
                    problems.append(f"{DB_NAME} holds {found} of its {manifest['messages']} messages")
            except sqlite3.DatabaseError as exc:
                problems.append(f"{DB_NAME} cannot be read ({exc})")
    elif manifest.get("messages"):
        problems.append(f"{DB_NAME} is missing")
    jsonl = folder / INSIGHTS
    if jsonl.exists():
        bad = [f"line {n}: {r}" for n, i, r in parse_jsonl(jsonl) if i is None]
        problems += [f"{INSIGHTS} {b}" for b in bad[:3]]
    elif manifest.get("insights"):
        problems.append(f"{INSIGHTS} is missing")
    return problems


def restore_backup(name: str) -> dict[str, Any]:
    """Put a backup's conversations back and re-add its insights, as one transaction (:mod:`.staging`).

    The backup is checked first; the restored database and a knowledge store holding the current and the
    backup's insights (and the answer memory of both databases) are built beside the live ones and swapped in
    only when whole. What they replace is kept in ``before-restore-<timestamp>``. Any failure changes
    nothing and says where everything is."""
    from desktop.core.errors import BackupDamaged
    from desktop.core.health.disk import disk_full, no_room, require_space, size_of
    from desktop.core.health.repair import gather_parts, unchanged
    from desktop.core.health.staging import (
        Swap,
        build_knowledge,
        building,
        live_chroma,
        live_database,
        release_chroma,
        sweep,
    )
    from desktop.core.knowledge.memory import user_name
    from desktop.core.settings import Settings

    folder = find_backup(name)
    problems = verify_backup(folder)
    if problems and no_room():  # SQLite cannot even open a file read-only on a full disk
        raise disk_full()
    if problems:
        raise BackupDamaged(
            f"Backup {folder.name} is damaged ({'; '.join(problems)[:300]}); nothing was restored or changed.",
            "Choose another backup (`zantara restore` lists them).",
        )
    sweep()
    database, chroma = live_database(), live_chroma()
    db = folder / DB_NAME
    need = size_of(db) * 2 + size_of(chroma) + size_of(database)
    require_space(need, paths.data_dir(), f"restore backup {folder.name}")
    result: dict[str, Any] = {"name": folder.name}
    swap = Swap(paths.data_dir() / f"before-restore-{time.strftime('%Y%m%d-%H%M%S')}")
    try:
        with building("conversations") as staged_db, building("chroma") as staged_chroma:
            if db.exists():
                result["messages"] = _staged_copy(db, staged_db)
            parts = gather_parts(chroma / "chroma.sqlite3", None)
            restored = _backup_insights_of(folder)
            keys = {i.id for i in restored}
            parts.own = [i for i in parts.own if i.id not in keys] + restored
            parts.answers_from = [p for p in (staged_db, database) if p.exists()]
            parts.own_from = f"backup {folder.name}"
            built = build_knowledge(staged_chroma, parts, user_name(Settings.load().user_name))
            result["insights"] = built["own_insights"]
            result["answers"] = built["answers"]
            release_chroma()
            if db.exists():
                swap.replace_database(staged_db, database)
            swap.replace_folder(staged_chroma, chroma)
    except BaseException as exc:
        swap.undo()
        raise unchanged(exc, f"restoring backup {folder.name}") from exc
    result["previous_kept_in"] = str(swap.aside)
    return result


def _backup_insights_of(folder: Path) -> list[Any]:
    from desktop.core.knowledge.jsonl import parse_jsonl

    jsonl = folder / INSIGHTS
    return [i for _n, i, _r in parse_jsonl(jsonl) if i is not None] if jsonl.exists() else []


def _staged_copy(db: Path, staged: Path) -> int:
    from desktop.core.health.staging import copy_database

    return copy_database(db, staged)
