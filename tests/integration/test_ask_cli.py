"""`zantara ask/history/status/key` as a user runs them, in subprocesses, against the Messages API stand-in.

The real SDK (ANTHROPIC_BASE_URL / ANTHROPIC_API_KEY), the real curated store, the bundled local model.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import pytest
from support.knowledge import curated_store, curated_store_dir  # noqa: F401
from support.messages_api import MessagesAPIStandIn, closed_port_url

from desktop.core.knowledge.store import KnowledgeStore
from desktop.core.settings import Settings

pytestmark = pytest.mark.slow

MALU = "aku malu bertanya tentang visa"


@pytest.fixture
def standin() -> Iterator[MessagesAPIStandIn]:
    with MessagesAPIStandIn() as api:
        yield api


@pytest.fixture
def home(curated_store: KnowledgeStore) -> None:  # noqa: F811
    """This test's ZANTARA_HOME holds a private copy of the embedded curated pack, and a settings file with a
    breaker backoff long enough that a slow offline answer on a busy machine does not reach the probe time."""
    Settings(breaker_probe_initial_s=600, breaker_probe_max_s=1200).save()


def zantara(
    *args: str, env: dict[str, str] | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        input=stdin,
        env=full,
        timeout=600,
        check=False,
    )


def ask_json(*args: str, env: dict[str, str]) -> tuple[dict[str, Any], float]:
    started = time.monotonic()
    out = zantara("ask", *args, "--json", env=env)
    elapsed = time.monotonic() - started
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout), elapsed


def test_claude_then_offline_then_breaker_open_then_history(home: None, standin: MessagesAPIStandIn) -> None:
    env = {"ANTHROPIC_BASE_URL": standin.base_url, "ANTHROPIC_API_KEY": standin.api_key}
    online, _ = ask_json(MALU, env=env)
    assert online["mode"] == "claude" and online["reason"] == ""
    assert online["answer"] == standin.reply
    assert online["language"] == "id" and online["insights"]
    assert set(online["timings_ms"]) == {"retrieval", "first_token", "total"}
    assert online["strategy"] == "combo"  # the default
    system = standin.message_requests()[-1].system_text
    malu = [i for i in online["insights"] if "malu" in i["concepts"]]
    assert malu and all(i["text"][:50].replace("'", "&#x27;") in system for i in malu)

    nothing = {**env, "ANTHROPIC_BASE_URL": closed_port_url()}
    offline, offline_s = ask_json(MALU, "--conversation", online["conversation_id"], env=nothing)
    assert offline["mode"] == "offline" and offline["reason"] == "connection"
    # The bundled model answers, or its Indonesian fails the readability guard and the earlier answer shows.
    assert offline["model"] == "answer-memory" or offline["model"].lower().startswith("smollm2")
    assert len(offline["answer"].strip()) > 5 and offline["memory"][0]["question"] == MALU
    assert offline["insights"], "same cultural context offline"
    local_stage = next(s for s in offline["trace"]["stages"] if s["name"] == "answer:local")
    print(
        f"\nrefused: first token {offline['timings_ms']['first_token']} ms, retrieval "
        f"{offline['timings_ms']['retrieval']} ms, local stage {local_stage['ms']} ms, "
        f"process {offline_s:.1f} s"
    )

    again, again_s = ask_json("dan KITAS?", "--conversation", online["conversation_id"], env=env)
    assert again["mode"] == "offline" and again["reason"] == "breaker_open"
    print(f"breaker open: first token {again['timings_ms']['first_token']} ms, process {again_s:.1f} s")
    assert len(standin.message_requests()) == 1  # the open breaker skipped the stand-in entirely

    status = zantara("status", "--json", env=env)
    assert status.returncode == 0, status.stderr
    data = json.loads(status.stdout)
    assert data["breaker"]["state"] == "open" and data["breaker"]["reason"] == "connection"
    assert data["key"] == {
        "set": True,
        "source": "env",
        "backend": data["key"]["backend"],
        "keyring_usable": False,
    }

    hist = zantara("history", "--json", env=env)
    assert hist.returncode == 0, hist.stderr
    rows = json.loads(hist.stdout)["messages"]
    answers = [(r["mode"], r["reason"], r["status"]) for r in rows if r["role"] == "assistant"]
    assert answers == [
        ("claude", "", "complete"),
        ("offline", "connection", "complete"),
        ("offline", "breaker_open", "complete"),
    ]
    assert [r["content"] for r in rows if r["role"] == "user"] == [MALU, MALU, "dan KITAS?"]
    assert standin.api_key not in hist.stdout + status.stdout
    human = zantara("history", env=env)
    assert "zantara (offline" in human.stdout and "you: " + MALU in human.stdout


def test_human_ask_streams_and_says_why_offline(home: None) -> None:
    out = zantara("ask", "halo, apa kabar?", "--offline")
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip()
    assert "offline_requested" in out.stderr


def test_errors_are_one_line(home: None) -> None:
    out = zantara("ask", "halo", "--strategy", "nonsense", "--offline")
    assert out.returncode == 1
    assert out.stderr.startswith("zantara: ") and "rag" in out.stderr and "Traceback" not in out.stderr
    out = zantara("ask", "halo", "--conversation", "missing", "--offline")
    assert out.returncode == 1 and "zantara history" in out.stderr


def test_key_commands_without_a_keyring() -> None:
    out = zantara("key", "set", stdin="sk-ant-should-not-be-stored\n")
    assert out.returncode == 1
    assert "key set --file" in out.stderr and len(out.stderr.strip().splitlines()) == 1
    out = zantara("key", "set", "--file", stdin="sk-ant-in-the-encrypted-file-0123\n")
    assert out.returncode == 0 and "encrypted file" in out.stdout, out.stderr
    data = json.loads(zantara("key", "status", "--json").stdout)
    assert data["set"] and data["source"] == "file"
    assert json.loads(zantara("key", "delete", "--json").stdout) == {"deleted": True}
    out = zantara("key", "status", "--json", env={"ANTHROPIC_API_KEY": "sk-ant-env-123456789"})
    data = json.loads(out.stdout)
    assert data["set"] and data["source"] == "env" and "sk-ant" not in out.stdout


@pytest.mark.parametrize(
    "message",
    [
        "Posso rimproverare lo staff durante la riunione o è meglio parlarne a quattr'occhi?",
        "Is it ok to touch a child's head in Bali?",
    ],
)
def test_ask_sends_claude_exactly_what_knowledge_query_shows(
    home: None, standin: MessagesAPIStandIn, message: str
) -> None:
    env = {"ANTHROPIC_BASE_URL": standin.base_url, "ANTHROPIC_API_KEY": standin.api_key}
    query = zantara("knowledge", "query", message, "--json", env=env)
    assert query.returncode == 0, query.stderr
    shown = json.loads(query.stdout)
    assert shown["needs_context"] is True and len(shown["insights"]) == 3
    answer, _ = ask_json(message, "--strategy", "rag", env=env)
    assert [i["id"] for i in answer["insights"]] == [i["id"] for i in shown["insights"]]
    system = standin.message_requests()[-1].system_text
    assert system.count("<insight ") == 3
    assert all(f'id="{i["id"]}"' in system for i in shown["insights"])
