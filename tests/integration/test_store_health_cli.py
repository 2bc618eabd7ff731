"""Damaged stores through the real `zantara` command: one clear line (never a traceback or a segfault),
then `zantara doctor --repair` brings the data back."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from support.damage import (
    assert_one_clear_line,
    cli,
    flushed_store,  # noqa: F401  (pytest fixture, used through `store` below)
    flushed_store_dir,  # noqa: F401  (pytest fixture)
    garble,
    truncate,
)
from support.knowledge import curated_store_dir  # noqa: F401  (pytest fixture)

from desktop.core.chat.conversations import Conversations

QUERY = "aku malu bertanya tentang visa"

pytestmark = pytest.mark.slow  # damages and repairs real stores through `zantara` subprocesses


def _curated_count() -> int:
    from desktop.core.knowledge.pack import pack_files, read_pack

    return len(read_pack(pack_files())[0])


CURATED = _curated_count()


@pytest.fixture
def store(request: pytest.FixtureRequest) -> Path:
    """The HNSW segment folder of a flushed curated store in this test's ZANTARA_HOME."""
    return Path(request.getfixturevalue("flushed_store"))


def _chroma(seg: Path) -> Path:
    return seg.parent / "chroma.sqlite3"


DAMAGE: dict[str, Callable[[Path], None]] = {
    # data_level0.bin partly overwritten: this used to SEGFAULT in hnswlib
    "garbled index": lambda seg: garble(seg / "data_level0.bin", 1000, 50_000),
    # used to silently return the wrong insights
    "truncated index": lambda seg: truncate(seg / "data_level0.bin", 600_000),
    "garbled index metadata": lambda seg: garble(seg / "index_metadata.pickle", 100, 500),
    "deleted index folder": lambda seg: [p.unlink() for p in seg.iterdir()] and seg.rmdir(),
    "truncated catalogue": lambda seg: truncate(_chroma(seg), 100_000),
    "garbled catalogue": lambda seg: garble(_chroma(seg), 4096 * 300, 4096 * 50),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_damaged_knowledge_store_gives_one_clear_line(damage: str, store: Path, zantara_home: Path) -> None:
    DAMAGE[damage](store)
    done = cli(zantara_home, "knowledge", "query", QUERY, "--json")
    assert_one_clear_line(done, "knowledge store is damaged", "zantara doctor --repair")
    assert done.stdout == ""


def test_prepare_refuses_a_garbled_index(store: Path, zantara_home: Path) -> None:
    DAMAGE["garbled index"](store)
    done = cli(zantara_home, "knowledge", "prepare")
    assert_one_clear_line(done, "zantara doctor --repair")
    assert "ready" not in done.stdout


def test_doctor_reports_and_repair_rebuilds_with_the_users_insights(store: Path, zantara_home: Path) -> None:
    own = "Team note: a client from Singaraja prefers a phone call over chat for visa news, always."
    added = cli(zantara_home, "knowledge", "add", "--text", own, "--language", "en", "--category", "business")
    assert added.returncode == 0, added.stderr
    from support.damage import segment

    DAMAGE["garbled index"](segment(store.parent))
    report = cli(zantara_home, "doctor", "--json")
    assert report.returncode == 1
    data = json.loads(report.stdout)
    assert not data["ok"] and any("data_level0.bin" in p["message"] for p in data["problems"])

    repaired = cli(zantara_home, "doctor", "--repair")
    assert repaired.returncode == 0, repaired.stdout + repaired.stderr
    assert f"rebuilt with {CURATED + 1} insights (1 of your own" in repaired.stdout
    kept = list((zantara_home / "data").glob("damaged-*/chroma/*/data_level0.bin"))
    assert kept, "the damaged files must be kept"

    stats = json.loads(cli(zantara_home, "knowledge", "stats", "--json").stdout)
    assert stats["total"] == CURATED + 1
    found = json.loads(cli(zantara_home, "knowledge", "query", QUERY, "--json").stdout)
    assert len(found["insights"]) == 3 and "malu" in found["insights"][0]["concepts"]
    assert cli(zantara_home, "doctor").returncode == 0


def _conversations(n: int) -> Path:
    convs = Conversations.open()
    for k in range(n):
        conv = convs.create(f"Client {k}")
        convs.add_message(conv["id"], "user", f"Question {k}: " + "visa KITAS sponsor " * 40)
        convs.add_message(conv["id"], "assistant", f"Answer {k}: " + "bring your passport " * 40)
    convs._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    convs.close()
    return convs.path


@pytest.mark.parametrize("damage", ["garbled middle pages", "truncated"])
def test_damaged_conversations_give_one_clear_line_then_are_salvaged(damage: str, zantara_home: Path) -> None:
    path = _conversations(150)
    size = path.stat().st_size
    if damage == "truncated":
        truncate(path, size // 2)
    else:
        garble(path, size // 2, 4096 * 4)
    assert_one_clear_line(cli(zantara_home, "history"), "conversations database", "doctor --repair")

    repaired = cli(zantara_home, "doctor", "--repair", "--json")
    assert repaired.returncode == 0, repaired.stdout + repaired.stderr
    salvaged = json.loads(repaired.stdout)["repaired"]["conversations"]
    assert 100 <= salvaged["messages"] < 300
    history = cli(zantara_home, "history", "--json", "--limit", "1000")
    assert history.returncode == 0, history.stderr
    assert len(json.loads(history.stdout)["messages"]) == salvaged["messages"]
    assert list((zantara_home / "data").glob("damaged-*/zantara.sqlite3"))


def test_restore_after_real_corruption(zantara_home: Path) -> None:
    path = _conversations(20)
    made = cli(zantara_home, "backup", "--json")
    assert made.returncode == 0, made.stderr
    name = json.loads(made.stdout)["name"]
    garble(path, 0, 4096)  # the header and the schema page: nothing readable left
    assert_one_clear_line(cli(zantara_home, "history"), "doctor --repair")
    listed = cli(zantara_home, "restore")
    assert name in listed.stdout
    restored = cli(zantara_home, "restore", name, "--json")
    assert restored.returncode == 0, restored.stderr
    assert json.loads(restored.stdout)["messages"] == 40
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT COUNT(*) FROM messages").fetchone()[0] == 40
