"""Nothing the user made is lost: imported insights, conversations and earlier answers survive backup, repair
and restore, also when the disk fills up or the backup is damaged, and a vanished store is said as loss.

Real stores and the real `zantara` command in child processes; a full disk is ``support/diskfull.c``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support.damage import (
    REPO,
    cli,
    flushed_store,  # noqa: F401  (pytest fixture)
    flushed_store_dir,  # noqa: F401  (pytest fixture)
    garble,
    segment,
    truncate,
)
from support.diskfull import cli_on_full_disk, diskfull_lib  # noqa: F401  (pytest fixture)
from support.knowledge import curated_store_dir  # noqa: F401  (pytest fixture)

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("flushed_store")]

IMPORTED = (
    "Imported team note: a sponsor letter from a Balinese banjar head helps a KITAS renewal in Gianyar."
)
ADDED = "Team note: a client from Singaraja prefers a phone call over chat for visa news, always."
QUESTION = "How long does a KITAS renewal take at the Denpasar immigration office?"
ANSWER = "Usually five to ten working days once the sponsor letter and the passport scan are complete."

SEED = """
import sys
from desktop.core.chat import offline
from desktop.core.chat.conversations import Conversations
from desktop.core.chat.trace import Trace
from desktop.core.knowledge.memory import AnswerMemory
from desktop.core.knowledge.store import KnowledgeStore
question, answer = sys.argv[1], sys.argv[2]
store = KnowledgeStore.open()
memory = AnswerMemory.open(store.client, store.embedder)
convs = Conversations.open()
conv = convs.create("Renewal")
convs.add_message(conv["id"], "user", question)
trace = Trace(mode="claude", language="en", strategy="rag")
convs.add_message(conv["id"], "assistant", answer, mode="claude", model="claude-haiku-4-5", strategy="rag",
                  trace=trace)
for k in range(20):
    other = convs.create(f"Client {k}")
    convs.add_message(other["id"], "user", f"Question {k}: " + "visa KITAS sponsor " * 20)
    convs.add_message(other["id"], "assistant", f"Answer {k}: " + "bring your passport " * 20, mode="offline")
offline.remember(memory, question, answer, conversation=convs.get(conv["id"]), user="ana", language="en",
                 strategy="rag")
convs._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
print(memory.count())
"""

CHECK = """
import json
from desktop.core.chat.conversations import Conversations
from desktop.core.knowledge.memory import AnswerMemory
from desktop.core.knowledge.store import KnowledgeStore
store = KnowledgeStore.open()
memory = AnswerMemory.open(store.client, store.embedder)
texts = {i.text for i in store.iter_all()}
hits = memory.search(__import__("sys").argv[1], decide=False)
print(json.dumps({"texts": sorted(texts), "memory": [h.answer for h in hits],
                  "messages": len(Conversations.open().history(10**6))}))
"""


def py(home: Path, script: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ZANTARA_HOME": str(home), "PYTHONPATH": str(REPO)}
    env.pop("ZANTARA_CHROMA_URL", None)
    return subprocess.run(
        [sys.executable, "-c", script, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def seed(home: Path) -> None:
    """The user's work: an imported line without `source`, an added insight, conversations, an answer."""
    lines = home / "team.jsonl"
    lines.write_text(json.dumps({"text": IMPORTED, "language": "en", "category": "bureaucracy"}) + "\n")
    done = cli(home, "knowledge", "import", str(lines))
    assert done.returncode == 0, done.stderr
    done = cli(home, "knowledge", "add", "--text", ADDED, "--language", "en", "--category", "business")
    assert done.returncode == 0, done.stderr
    done = py(home, SEED, QUESTION, ANSWER)
    assert done.returncode == 0, done.stderr


def everything_present(home: Path) -> dict[str, object]:
    done = py(home, CHECK, QUESTION)
    assert done.returncode == 0, done.stderr[-2000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert IMPORTED in found["texts"], "the imported insight is lost"
    assert ADDED in found["texts"], "the added insight is lost"
    assert found["messages"] == 42, f"{found['messages']} of 42 messages"
    assert ANSWER in found["memory"], "the earlier answer is gone from the answer memory"
    return found


def backup(home: Path) -> dict[str, object]:
    done = cli(home, "backup", "--json")
    assert done.returncode == 0, done.stderr
    return dict(json.loads(done.stdout))


def damage_index(home: Path) -> None:
    seg = segment(home / "data" / "chroma")
    garble(seg / "header.bin", 0, 64)


# -- 1. imported insights are the user's -----------------------------------------------------------------
@pytest.mark.parametrize("damage", ["garbled HNSW header", "deleted data_level0.bin"])
def test_imported_insight_is_backed_up_and_survives_every_repair(damage: str, zantara_home: Path) -> None:
    seed(zantara_home)
    made = backup(zantara_home)
    assert made["insights"] == 2, made  # the imported line and the added one
    saved = (zantara_home / "data" / "backups" / str(made["name"]) / "insights.jsonl").read_text()
    assert IMPORTED in saved
    seg = segment(zantara_home / "data" / "chroma")
    if damage == "garbled HNSW header":
        garble(seg / "header.bin", 0, 64)
    else:
        (seg / "data_level0.bin").unlink()
    repaired = cli(zantara_home, "doctor", "--repair")
    assert repaired.returncode == 0, repaired.stdout + repaired.stderr
    assert "2 of your own" in repaired.stdout
    everything_present(zantara_home)


# -- 2. a repair on a full disk changes nothing ----------------------------------------------------------
def test_repair_on_a_full_disk_leaves_the_store_as_it_was(
    zantara_home: Path,
    diskfull_lib: Path,  # noqa: F811
) -> None:
    seed(zantara_home)
    backup(zantara_home)
    damage_index(zantara_home)
    before = sorted(p.name for p in (zantara_home / "data").iterdir())
    full = cli_on_full_disk(diskfull_lib, zantara_home, 200_000, "doctor", "--repair")
    said = full.stdout + full.stderr
    assert full.returncode == 1
    assert "disk is full" in said and ("Nothing was changed" in said or "nothing is damaged" in said), said
    assert "Traceback" not in said
    assert sorted(p.name for p in (zantara_home / "data").iterdir()) == before, "left files behind"
    assert not list((zantara_home / "data").glob("damaged-*"))
    # after freeing space, the repair brings back every insight of the user's from the damaged store
    repaired = cli(zantara_home, "doctor", "--repair")
    assert repaired.returncode == 0, repaired.stdout + repaired.stderr
    assert "2 of your own, from the damaged store" in repaired.stdout
    everything_present(zantara_home)


def test_too_little_free_space_is_said_before_anything_changes(
    zantara_home: Path,
    diskfull_lib: Path,  # noqa: F811
) -> None:
    seed(zantara_home)
    damage_index(zantara_home)
    refused = cli_on_full_disk(diskfull_lib, zantara_home, None, "doctor", "--repair", free=10_000_000)
    assert refused.returncode == 1
    assert "Not enough free disk space to repair the data" in refused.stderr, refused.stderr
    assert "nothing was changed" in refused.stderr
    assert not list((zantara_home / "data").glob("damaged-*"))


@pytest.mark.parametrize("command", ["knowledge add", "doctor", "settings set", "ask"])
def test_a_full_disk_is_said_as_such_not_as_damage(
    command: str,
    zantara_home: Path,
    diskfull_lib: Path,  # noqa: F811
) -> None:
    args = {
        "knowledge add": ["knowledge", "add", "--text", ADDED, "--language", "en", "--category", "business"],
        "doctor": ["doctor"],
        "settings set": ["settings", "set", "retrieval_k", "4"],
        "ask": ["ask", "--offline", "--strategy", "rag", "hello"],
    }[command]
    done = cli_on_full_disk(diskfull_lib, zantara_home, 0, *args, free=1000)
    assert done.returncode == 1, done.stdout + done.stderr
    out = done.stdout + done.stderr
    assert "disk is full" in out.casefold(), out
    assert "nothing is damaged" in out.casefold(), out
    for wrong in ("--repair", "close other", "log folder", "Traceback"):
        assert wrong not in out, out


# -- 3. a damaged backup is refused before anything moves ------------------------------------------------
def test_restoring_a_damaged_backup_changes_nothing(zantara_home: Path) -> None:
    seed(zantara_home)
    name = str(backup(zantara_home)["name"])
    copy = zantara_home / "data" / "backups" / name / "zantara.sqlite3"
    truncate(copy, copy.stat().st_size // 2)
    done = cli(zantara_home, "restore", name)
    assert done.returncode == 1
    assert f"Backup {name} is damaged" in done.stderr and "nothing was restored" in done.stderr
    assert not list((zantara_home / "data").glob("before-restore-*"))
    everything_present(zantara_home)
    assert cli(zantara_home, "doctor").returncode == 0


# -- 4. a vanished or emptied store is loss, not a new install -------------------------------------------
@pytest.mark.parametrize("gone", ["chroma folder removed", "conversations emptied"])
def test_a_vanished_store_is_reported_as_loss_with_the_restore_command(gone: str, zantara_home: Path) -> None:
    seed(zantara_home)
    name = str(backup(zantara_home)["name"])
    if gone == "chroma folder removed":
        shutil.rmtree(zantara_home / "data" / "chroma")
        cli(zantara_home, "knowledge", "stats")  # the app starts again on an empty store
    else:
        truncate(zantara_home / "data" / "zantara.sqlite3", 0)
        cli(zantara_home, "history")
    report = cli(zantara_home, "doctor")
    assert report.returncode == 1, report.stdout
    assert "vanished or was emptied" in report.stdout
    assert f"zantara restore {name}" in report.stdout
    restored = cli(zantara_home, "restore", name)
    assert restored.returncode == 0, restored.stderr
    everything_present(zantara_home)
    assert cli(zantara_home, "doctor").returncode == 0


# -- 5. the answer memory comes back from the conversations ----------------------------------------------
def test_repair_rebuilds_the_answer_memory_from_the_conversations(zantara_home: Path) -> None:
    seed(zantara_home)
    damage_index(zantara_home)
    repaired = cli(zantara_home, "doctor", "--repair")
    assert repaired.returncode == 0, repaired.stdout + repaired.stderr
    assert "Answer memory rebuilt from the conversations: 1 earlier answers" in repaired.stdout
    everything_present(zantara_home)


# -- the disk filling at every step of a repair and of a restore -----------------------------------------
def _budgets(limit: int) -> list[int]:
    """0 bytes, then 4 KB growing fourfold: the disk fills up at a different step each time."""
    out, budget = [0], 4096
    while budget < limit:
        out.append(budget)
        budget *= 4
    return out


def _files(folder: Path) -> list[str]:
    """What is in the data folder, less the backups and SQLite's own -wal/-shm sidecars: a process that stops
    on a full disk may leave those beside a database it had open, and SQLite folds them back in on next open."""
    return sorted(
        str(p.relative_to(folder))
        for p in folder.rglob("*")
        if "backups" not in p.parts and not p.name.endswith(("-wal", "-shm"))
    )


@pytest.mark.parametrize("operation", ["repair", "restore"])
def test_the_disk_filling_at_every_step_never_loses_anything(
    operation: str,
    zantara_home: Path,
    diskfull_lib: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    seed(zantara_home)
    name = str(backup(zantara_home)["name"])
    if operation == "repair":
        damage_index(zantara_home)
    data, snapshot = zantara_home / "data", tmp_path / "snapshot"
    shutil.copytree(data, snapshot)
    args = ["doctor", "--repair"] if operation == "repair" else ["restore", name]
    for budget in _budgets(2_000_000_000):
        shutil.rmtree(data)
        shutil.copytree(snapshot, data)
        done = cli_on_full_disk(diskfull_lib, zantara_home, budget, *args)
        assert "Traceback" not in done.stderr + done.stdout
        if done.returncode == 0:
            break
        said = done.stdout + done.stderr  # the repair's refusal, or doctor's report of a full disk
        assert "disk is full" in said.casefold(), f"at {budget} bytes: {said}"
        assert "Nothing was changed" in said or "nothing is damaged" in said, f"at {budget} bytes: {said}"
        assert _files(data) == _files(snapshot), f"files moved or left behind at {budget} bytes"
        if operation == "repair":
            assert cli(zantara_home, "doctor", "--repair").returncode == 0  # with space again
        everything_present(zantara_home)
    else:
        pytest.fail("the operation never finished, even with 1 GB to write")
    everything_present(zantara_home)
