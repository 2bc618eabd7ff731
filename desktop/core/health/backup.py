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
    from desktop.core.health.repair import is_users_own, read_chroma_insights

    catalogue = paths.chroma_dir() / "chroma.sqlite3"
    if not catalogue.exists():
        return None
    try:
        insights, _deleted = read_chroma_insights(catalogue)
    except sqlite3.DatabaseError:
        return None
    own = sorted((i for i in insights if is_users_own(i)), key=lambda i: i.id)
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


def restore_backup(name: str) -> dict[str, Any]:
    """Put a backup's conversations back (the current database is kept aside) and re-add its insights."""
    folder = find_backup(name)
    result: dict[str, Any] = {"name": folder.name}
    db = folder / DB_NAME
    if db.exists():
        aside = paths.data_dir() / f"before-restore-{time.strftime('%Y%m%d-%H%M%S')}"
        aside.mkdir(mode=0o700, parents=True, exist_ok=True)
        target = paths.database_path()
        for suffix in ("", "-wal", "-shm"):
            part = target.with_name(target.name + suffix)
            if part.exists():
                shutil.move(str(part), str(aside / part.name))
        src = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
        result["previous_kept_in"] = str(aside)
        from desktop.core.chat.conversations import Conversations

        convs = Conversations(target)  # migrates an older backup's schema
        result["messages"] = len(convs.history(10**9))
        convs.close()
    jsonl = folder / INSIGHTS
    if jsonl.exists() and jsonl.stat().st_size:
        from desktop.core.knowledge.jsonl import parse_jsonl
        from desktop.core.knowledge.store import KnowledgeStore

        own = [i for _n, i, _r in parse_jsonl(jsonl) if i is not None]
        store = KnowledgeStore.open()
        store.ensure_curated_pack()
        store.add(own)
        result["insights"] = len(own)
    return result
