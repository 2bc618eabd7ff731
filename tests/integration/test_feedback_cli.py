"""`zantara rate / compare / feedback report / usage` as a user runs them, in subprocesses, against the
Messages API stand-in (real SDK, real curated store, the bundled local model for combo's note)."""

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

from desktop.core.knowledge.store import KnowledgeStore
from desktop.core.settings import Settings

pytestmark = pytest.mark.slow

MALU = "aku malu bertanya tentang visa"


@pytest.fixture
def env(curated_store: KnowledgeStore) -> Iterator[dict[str, str]]:  # noqa: F811
    Settings(breaker_probe_initial_s=600, breaker_probe_max_s=1200).save()
    with MessagesAPIStandIn() as api:
        yield {"ANTHROPIC_BASE_URL": api.base_url, "ANTHROPIC_API_KEY": api.api_key}


def zantara(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring", **env}
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        env=full,
        timeout=600,
        check=False,
    )


def run_json(*args: str, env: dict[str, str]) -> Any:
    out = zantara(*args, "--json", env=env)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_rate_compare_report_and_usage(env: dict[str, str]) -> None:
    answer = run_json("ask", MALU, "--strategy", "rag", env=env)
    mid = str(answer["message_id"])
    assert answer["trace"]["usage"]["input_tokens"] > 0 and answer["trace"]["usage"]["output_tokens"] > 0

    rated = run_json("rate", mid, "up", "--reason", "warmer", "--note", "più caldo", env=env)
    assert rated["verdict"] == "up" and rated["reason"] == "warmer" and rated["strategy"] == "rag"
    assert rated["language"] == "id" and rated["trace"]["models"]["answer"]
    edited = run_json("rate", mid, "down", "--reason", "too-long", env=env)
    assert edited["verdict"] == "down" and edited["note"] == "più caldo"  # the note is kept
    human = zantara("rate", mid, "up", env=env)
    assert human.returncode == 0 and "rated 👍" in human.stdout
    bad = zantara("rate", mid, "up", "--reason", "nicer", env=env)
    assert bad.returncode == 1 and bad.stderr.startswith("zantara: ") and "warmer" in bad.stderr
    question = zantara("rate", str(answer["message_id"] - 1), "up", env=env)
    assert question.returncode == 1 and "not an answer" in question.stderr

    blind = run_json("compare", mid, "--strategy", "combo", env=env)
    assert blind["A"]["text"] and blind["B"]["text"] and blind["winner"] is None
    assert "strategy" not in blind["A"] and "strategy" not in blind["B"]  # unlabeled until the pick
    assert {blind["A"]["message_id"], blind["B"]["message_id"]} >= {answer["message_id"]}
    picked = run_json("compare", mid, "--pick", "A", env=env)
    assert picked["winner"] == "A" and {picked["A"]["strategy"], picked["B"]["strategy"]} == {"rag", "combo"}
    again = zantara("compare", mid, "--pick", "B", env=env)
    assert again.returncode == 1 and "no open comparison" in again.stderr

    report = run_json("feedback", "report", env=env)
    assert report["ratings"] == 1 and report["comparisons"] == 1
    (group,) = report["groups"]
    assert group["language"] == "id" and group["profile"] == "team"
    by = {s["strategy"]: s for s in group["strategies"]}
    winner = picked["A"]["strategy"]
    assert by[winner]["wins"] == 1 and by["rag"]["up"] == 1
    assert group["decision"]["switch"] is False and "too little evidence" in group["decision"]["reason"]
    assert report["reasons"] == {"too-long": 1}  # `rate ID up` with no --reason kept the earlier one
    listed = run_json("feedback", "list", env=env)
    assert [(r["verdict"], r["reason"]) for r in listed["ratings"]] == [("up", "too-long")]

    usage = run_json("usage", env=env)
    total = usage["total"]
    assert total["answers"] == 2 and total["calls"] >= 2
    assert total["cost_usd"] > 0 and 0 < total["insight_share"] < 1
    assert set(usage["by_strategy"]) == {"rag", "combo"}
    human_usage = zantara("usage", env=env)
    assert human_usage.returncode == 0 and "of the cost" in human_usage.stdout

    exported = zantara("feedback", "report", env=env)
    assert exported.returncode == 0 and "id / team" in exported.stdout
