"""`zantara ask --offline --json` with the bundled model: its Indonesian never reaches the user; the earlier
Claude answer (answer memory) and the cultural insights do, and the JSON says exactly what was shown."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from support.knowledge import curated_store, curated_store_dir  # noqa: F401
from support.messages_api import MessagesAPIStandIn

from desktop.core.chat import memory_answer
from desktop.core.knowledge.store import KnowledgeStore
from desktop.core.settings import Settings

pytestmark = pytest.mark.slow

QUESTION = "Saya malu bertanya, dokumen apa saja yang dibutuhkan untuk KITAS investor?"
PARAPHRASE = "aku malu nanya nih, berkas buat ITAS investor apa aja ya?"
REPLY = (
    "Untuk KITAS investor biasanya dibutuhkan paspor, akta pendirian PT PMA dan NIB. Jangan malu bertanya!"
)


@pytest.fixture
def standin() -> Iterator[MessagesAPIStandIn]:
    with MessagesAPIStandIn(reply=REPLY) as api:
        yield api


def ask(*args: str, env: dict[str, str]) -> dict[str, Any]:
    full = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring", **env}
    out = subprocess.run(
        [sys.executable, "-m", "desktop", "ask", *args, "--json"],
        capture_output=True,
        text=True,
        env=full,
        timeout=600,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    data: dict[str, Any] = json.loads(out.stdout)
    return data


def test_offline_json_shows_memory_and_insights_instead_of_bundled_indonesian(
    curated_store: KnowledgeStore,  # noqa: F811
    standin: MessagesAPIStandIn,
) -> None:
    Settings(user_name="Made", strategy="rag").save()
    env = {"ANTHROPIC_BASE_URL": standin.base_url, "ANTHROPIC_API_KEY": standin.api_key}
    online = ask(QUESTION, env=env)
    assert online["mode"] == "claude" and online["memory"] == []

    offline = ask(PARAPHRASE, "--offline", env=env)
    assert offline["mode"] == "offline" and offline["reason"] == "offline_requested"
    verdict = offline["trace"]["readability"]
    assert not verdict["ok"] and verdict["skipped"] and "too small to write answers" in verdict["reason"], (
        verdict
    )
    assert offline["model"] == "answer-memory"
    [hit, *_] = offline["memory"]
    assert (hit["question"], hit["answer"], hit["user_name"]) == (QUESTION, REPLY, "Made")
    assert hit["conversation_id"] == online["conversation_id"] and hit["similarity"] >= 0.8
    t = memory_answer.TEMPLATES["id"]
    assert offline["answer"].startswith(f"{t['why_offline_requested']} {t['intro']}")
    assert REPLY in offline["answer"] and t["insights"] in offline["answer"]

    history = subprocess.run(
        [sys.executable, "-m", "desktop", "history", "--json", "--conversation", offline["conversation_id"]],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    rows = json.loads(history.stdout)["messages"]
    assert rows[-1]["content"] == offline["answer"]  # the stored answer is what was shown
