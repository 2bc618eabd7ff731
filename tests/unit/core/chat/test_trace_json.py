"""The typed trace from and to its stored JSON: traces written by earlier versions still load (from SQLite,
as the chat view reads them), and `zantara ask --json` keeps the keys scripts read."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from desktop.core.chat.conversations import Conversations
from desktop.core.chat.trace import (
    Answer,
    EnrichInfo,
    HedgeInfo,
    Insight,
    Part,
    RetrievalError,
    Stage,
    Trace,
    Usage,
    UsageCall,
)

TRACES = Path(__file__).resolve().parents[3] / "data" / "traces"


def stored(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((TRACES / name).read_text(encoding="utf-8"))
    return data


def store_raw(convs: Conversations, trace_json: str) -> tuple[str, int]:
    """An answer row whose trace_json is exactly what an earlier version wrote."""
    conv = convs.create("old")
    convs.add_message(conv["id"], "user", "aku malu bertanya tentang visa")
    answer_id = convs.add_message(conv["id"], "assistant", "Tenang saja.", mode="claude")
    convs._exec("UPDATE messages SET trace_json = ? WHERE id = ?", (trace_json, answer_id))
    return conv["id"], answer_id


def test_a_trace_stored_by_the_flat_dict_version_loads_typed_from_sqlite() -> None:
    convs = Conversations.open()
    raw = (TRACES / "flat-dicts.json").read_text(encoding="utf-8")
    cid, answer_id = store_raw(convs, raw)
    [answer] = [m for m in convs.stored_messages(cid) if m.id == answer_id]
    trace = answer.trace
    assert trace is not None
    assert (trace.strategy, trace.mode, trace.language, trace.profile) == ("combo", "claude", "id", "team")
    assert trace.insights[0] == Insight(
        id="malu-1",
        text="When an Indonesian says 'aku malu' they feel exposed.",
        language="en",
        category="emotion",
        concepts=["malu"],
        source="curated",
        status="approved",
        score=0.8731,
    )
    assert trace.stages[3] == Stage("memory:index", 12.0, True, "")  # an int in JSON is a float here
    assert trace.timings_ms.first_token == 412.9
    assert trace.enrich is not None and trace.enrich.used and trace.enrich.cache == "hit"
    assert trace.enrich.key == ["malu"] and trace.enrich.note and trace.enrich.source == "typing"
    assert trace.fact_guard is not None and trace.fact_guard.missing == ["IDR 10 billion"]
    assert trace.memory[0].question == "Berapa lama KITAS?" and trace.memory[0].match == 0.77
    assert trace.readability is not None and trace.readability.ok and trace.readability.checks == 3
    assert trace.usage.calls == [UsageCall("claude-haiku-5-5", 1200, 300, 0, 0, 240, True)]
    assert trace.usage.cost_usd == 0.0027
    assert trace.parts == [
        Part("note", "local", "SmolLM2-135M-Instruct.Q4_1"),
        Part("answer", "claude", "claude-haiku-5-5"),
    ]
    assert trace.hedge == HedgeInfo(2500, True, 2501.3, 3120.4, 2790.0, "claude", "Tenang saja...")
    assert trace.seed == 1234567 and trace.sent_insights == ["malu-1"]


def test_the_flat_dict_version_comes_back_as_the_same_json() -> None:
    """What scripts read from `zantara ask --json` (the "trace" object) keeps every key and value."""
    old = stored("flat-dicts.json")
    assert Trace.from_json(old).to_json() == old


def test_a_trace_from_before_parts_loads_with_defaults() -> None:
    old = stored("before-parts.json")
    trace = Trace.from_json(old)
    assert trace.parts == [] and trace.sent_insights is None and trace.hedge is None and trace.seed is None
    assert trace.embedding == "" and trace.usage == Usage()
    assert trace.retrieval_error == RetrievalError("KnowledgeError", "store is damaged", "")
    assert trace.readability is not None and trace.readability.ok is None and trace.readability.checks == 0
    assert trace.timings_ms.total == 951.0 and trace.timings_ms.first_token is None
    assert trace.insights[0].status is None  # left out of the JSON again, as it was
    back = trace.to_json()
    assert {k: v for k, v in back.items() if k in old} == old  # the keys it had are kept as they were


def test_a_damaged_field_takes_its_default_and_the_rest_still_loads() -> None:
    old = stored("flat-dicts.json")
    damaged = {**old, "enrich": "not a dict", "stages": [{"name": 3}], "mode": "sideways", "seed": "x"}
    trace = Trace.from_json(damaged)
    assert trace.enrich is None and trace.stages == [] and trace.mode == "claude" and trace.seed is None
    assert trace.hedge is not None and trace.hedge.winner == "claude"  # the good fields survive
    assert trace.insights[1].id == "sungkan-2"
    assert Trace.from_json(None) == Trace() and Trace.from_json([1, 2]) == Trace()


def test_ask_json_keeps_its_top_level_keys_and_leaves_unset_details_out() -> None:
    trace = Trace(strategy="enrich", language="it")
    trace.enrich = EnrichInfo(used=False, reason="offline", ms=0.0)
    trace.models["answer"] = "claude-haiku-5-5"
    data = Answer("Ciao", trace, conversation_id="c").to_dict()
    assert list(data) == [
        "answer",
        "mode",
        "reason",
        "strategy",
        "language",
        "insights",
        "model",
        "status",
        "timings_ms",
        "conversation_id",
        "memory",
        "trace",
    ]
    assert data["model"] == "claude-haiku-5-5"
    assert data["timings_ms"] == {"retrieval": None, "first_token": None, "total": None}
    assert data["trace"]["enrich"] == {"used": False, "reason": "offline", "ms": 0.0}
    assert data["trace"]["usage"] == {} and data["trace"]["hedge"] is None
    json.dumps(data)  # plain JSON all the way down
