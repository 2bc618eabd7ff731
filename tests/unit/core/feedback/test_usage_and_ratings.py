"""Claude usage in the trace from the API's usage fields, ratings and blind comparisons stored with the
answer, the usage totals and the price table: the real SDK against the Messages API stand-in, the real
curated store and SQLite."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator

import pytest
from support.fake_models import ScriptedModel
from support.keyring_backend import MemoryKeyring, use_keyring
from support.knowledge import curated_store, curated_store_dir  # noqa: F401
from support.messages_api import MessagesAPIStandIn

from desktop.core import paths
from desktop.core.errors import ZantaraError
from desktop.core.feedback import usage
from desktop.core.feedback.prices import load_prices
from desktop.core.feedback.ratings import Feedback
from desktop.core.knowledge.store import KnowledgeStore
from desktop.core.services import Services
from desktop.core.settings import Settings

pytestmark = pytest.mark.slow

MALU = "aku malu bertanya tentang visa"


@pytest.fixture
def standin() -> Iterator[MessagesAPIStandIn]:
    with MessagesAPIStandIn() as api:
        yield api


@pytest.fixture
def services(
    standin: MessagesAPIStandIn,
    curated_store: KnowledgeStore,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Services]:
    monkeypatch.setenv("ANTHROPIC_BASE_URL", standin.base_url)
    monkeypatch.setenv("ANTHROPIC_API_KEY", standin.api_key)
    with use_keyring(MemoryKeyring()):
        s = Services(Settings(strategy="rag", first_token_deadline_s=3, connect_timeout_s=1.0))
        s.store = curated_store  # type: ignore[misc]
        s.local_model = ScriptedModel("Tenang saja.", name="local-scripted", kind="local")  # type: ignore[misc, assignment]
        yield s


def test_claude_usage_fields_land_in_the_trace_with_the_insight_share(
    services: Services, standin: MessagesAPIStandIn
) -> None:
    answer = services.router.ask(MALU)
    assert answer.mode == "claude" and answer.trace.insights
    request = standin.message_requests()[-1]
    expected = standin.usage_for(request.body or {}, answer.text)
    calls = answer.trace.usage.calls
    assert calls is not None and len(calls) == 1 and calls[0].model == services.settings.claude_chat_model
    assert calls[0].input_tokens == expected["input_tokens"]  # from message_start
    assert calls[0].output_tokens == expected["output_tokens"]  # from message_delta, not the start's 1
    assert calls[0].complete is True
    # the insight block is a real, but not the whole, part of what was sent
    assert 0 < calls[0].insight_input_tokens < calls[0].input_tokens
    price = load_prices().price(services.settings.claude_chat_model)
    assert answer.trace.usage.cost_usd == pytest.approx(
        price.cost(expected["input_tokens"], expected["output_tokens"]), abs=1e-6
    )
    stored = services.conversations.get_message(answer.message_id or 0)
    assert stored is not None and stored["trace"]["usage"]["input_tokens"] == expected["input_tokens"]


def test_offline_answers_cost_nothing_and_probes_are_not_attributed(services: Services) -> None:
    answer = services.router.ask("halo", offline=True)
    assert answer.mode == "offline" and answer.trace.usage.to_json() == {}
    assert services.router.probe_claude(force=True)
    assert usage.usage_report(services.conversations)["total"]["calls"] == 0


def test_usage_totals_per_day_model_and_strategy(services: Services, standin: MessagesAPIStandIn) -> None:
    a = services.router.ask(MALU)
    b = services.router.ask("What are PT PMA capital requirements?", strategy="rag")
    services.router.ask("halo", offline=True)
    report = usage.usage_report(services.conversations)
    total = report["total"]
    assert total["answers"] == 2 and total["calls"] == 2
    assert total["input_tokens"] == (a.trace.usage.input_tokens or 0) + (b.trace.usage.input_tokens or 0)
    assert total["output_tokens"] == (a.trace.usage.output_tokens or 0) + (b.trace.usage.output_tokens or 0)
    assert list(report["by_model"]) == [services.settings.claude_chat_model]
    assert list(report["by_strategy"]) == ["rag"]
    (day,) = report["by_day"]
    assert day == (a.trace and services.conversations.get_message(a.message_id or 0)["created_at"][:10])  # type: ignore[index]
    share = total["insight_share"]
    assert 0 < share < 1 and share == pytest.approx(total["insight_cost_usd"] / total["cost_usd"], abs=1e-3)


def test_a_user_price_file_overrides_the_shipped_one(services: Services) -> None:
    model = services.settings.claude_chat_model
    shipped = load_prices().price(model)
    (paths.data_dir() / "prices.json").write_text(
        json.dumps({"models": {model: {"input": 100.0, "output": 200.0}}}), encoding="utf-8"
    )
    table = load_prices()
    assert table.price(model).input == 100.0 and shipped.input != 100.0
    assert table.price("claude-opus-9") == table.families["claude-opus"]
    (paths.data_dir() / "prices.json").write_text('{"models": {"x": {"input": "cheap"}}}', encoding="utf-8")
    with pytest.raises(ZantaraError, match="needs numbers"):
        load_prices()


def test_rating_keeps_the_trace_is_editable_and_exported(services: Services) -> None:
    answer = services.router.ask(MALU)
    feedback = Feedback(services.conversations, "team")
    rating = feedback.rate(answer.message_id or 0, "up", reason="warmer", note="molto umano")
    assert rating["strategy"] == "rag" and rating["language"] == "id" and rating["profile"] == "team"
    snap = rating["trace"]
    assert snap["models"]["answer"] == services.settings.claude_chat_model
    assert snap["insights"] == [i.id for i in answer.trace.insights]
    assert snap["usage"]["input_tokens"] > 0
    edited = feedback.rate(answer.message_id or 0, "down", reason="too_long")
    assert edited["verdict"] == "down" and edited["reason"] == "too-long" and edited["note"] == "molto umano"
    assert edited["created_at"] == rating["created_at"] and len(feedback.ratings()) == 1
    exported = services.conversations.export_json(answer.conversation_id)
    assert exported["ratings"][0]["verdict"] == "down" and exported["ratings"][0]["note"] == "molto umano"
    assert "_Rated 👎 · too-long · molto umano_" in services.conversations.export_markdown(
        answer.conversation_id
    )
    with pytest.raises(ZantaraError, match="question"):
        feedback.rate(answer.message_id - 1 if answer.message_id else 0, "up")
    with pytest.raises(ZantaraError, match="reason"):
        feedback.rate(answer.message_id or 0, "up", reason="nicer")
    assert feedback.clear(answer.message_id or 0) and feedback.get(answer.message_id or 0) is None


def test_blind_comparison_is_stored_as_a_pairwise_preference(services: Services) -> None:
    first = services.router.ask(MALU, strategy="rag")
    second = services.router.regenerate(first.message_id or 0, strategy="combo")
    feedback = Feedback(services.conversations, "team")
    seen = set()
    for seed in range(8):  # which answer is A is random
        cmp = feedback.start_comparison(first.message_id or 0, second.message_id or 0, random.Random(seed))
        seen.add(cmp["a_strategy"])
    assert seen == {"rag", "combo"}
    assert cmp["language"] == "id" and cmp["winner"] is None
    assert feedback.latest_open_comparison(first.message_id or 0)["id"] == cmp["id"]  # type: ignore[index]
    picked = feedback.pick(cmp["id"], "b")
    assert picked["winner"] == "B" and picked["picked_at"]
    assert feedback.latest_open_comparison(first.message_id or 0)["id"] != cmp["id"]  # type: ignore[index]
    with pytest.raises(ZantaraError):
        feedback.pick(cmp["id"], "C")
    assert len(feedback.comparisons(picked_only=True)) == 1
