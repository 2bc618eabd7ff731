"""Conversations in SQLite: CRUD, statuses, history, export, thread safety."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from desktop.core import paths
from desktop.core.chat.conversations import ConversationNotFound, Conversations
from desktop.core.chat.trace import Trace


@pytest.fixture
def convs() -> Conversations:
    return Conversations.open()


def test_wal_and_schema(convs: Conversations) -> None:
    db = sqlite3.connect(paths.database_path())
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    cols = {r[1] for r in db.execute("PRAGMA table_info(messages)")}
    assert {"conversation_id", "role", "content", "mode", "model", "status", "strategy", "trace_json"} <= cols


def test_create_list_rename_search_delete(convs: Conversations) -> None:
    a = convs.create("Visa KITAS")
    b = convs.create()
    convs.add_message(b["id"], "user", "Berapa biaya PT PMA?")
    assert [c["id"] for c in convs.list()][:2] == [b["id"], a["id"]]
    assert [c["id"] for c in convs.list(search="pt pma")] == [b["id"]]
    assert [c["id"] for c in convs.list(search="kitas")] == [a["id"]]
    convs.rename(b["id"], "Company")
    assert convs.get(b["id"])["title"] == "Company"
    assert convs.delete(b["id"]) is True
    assert convs.get(b["id"]) is None
    assert convs.history(10) == []  # messages went with it
    with pytest.raises(ConversationNotFound, match="zantara history"):
        convs.rename("nope", "x")


def test_pending_answer_is_finalised_with_trace(convs: Conversations) -> None:
    conv = convs.create("t")
    user_id = convs.add_message(conv["id"], "user", "halo")
    answer_id = convs.add_message(conv["id"], "assistant", "", status="pending", strategy="rag")
    assert convs.get_message(answer_id)["status"] == "pending"
    convs.update_message(
        answer_id,
        content="Halo!",
        status="partial",
        mode="offline",
        model="m",
        trace=Trace(mode="offline", reason="stream_cut"),
    )
    row = convs.get_message(answer_id)
    assert (row["content"], row["status"], row["mode"], row["trace"]["reason"]) == (
        "Halo!",
        "partial",
        "offline",
        "stream_cut",
    )
    [stored] = [m for m in convs.stored_messages(conv["id"]) if m.id == answer_id]
    assert stored.trace == Trace(mode="offline", reason="stream_cut")
    assert user_id < answer_id
    with pytest.raises(ValueError):
        convs.update_message(answer_id, status="bogus")


def test_context_messages_skip_pending_and_failed(convs: Conversations) -> None:
    conv = convs.create()["id"]
    convs.add_message(conv, "user", "one")
    convs.add_message(conv, "assistant", "answer one")
    convs.add_message(conv, "user", "two")
    convs.add_message(conv, "assistant", "", status="failed")
    last = convs.add_message(conv, "user", "three")
    got = convs.context_messages(conv, before_id=last)
    assert [(m.role, m.content) for m in got] == [
        ("user", "one"),
        ("assistant", "answer one"),
        ("user", "two"),
    ]


def test_exports(convs: Conversations) -> None:
    conv = convs.create("Malu")["id"]
    convs.add_message(conv, "user", "aku malu")
    convs.add_message(conv, "assistant", "Tidak apa-apa.", mode="claude", model="claude-haiku-4-5")
    md = convs.export_markdown(conv)
    assert md.startswith("# Malu") and "aku malu" in md and "(Claude, claude-haiku-4-5)" in md
    data = convs.export_json(conv)
    assert [m["role"] for m in data["messages"]] == ["user", "assistant"]


def test_concurrent_writers(convs: Conversations) -> None:
    conv = convs.create()["id"]
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            for i in range(25):
                convs.add_message(conv, "user", f"{n}-{i}")
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(convs.messages(conv)) == 100
