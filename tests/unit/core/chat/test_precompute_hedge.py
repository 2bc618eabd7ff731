"""Issue 15 through the real router: the live note prepared before the message is sent, its cache, the adaptive
deadline, and the hedged offline answer, with the real SDK against the Messages API stand-in and the curated
store. The local model is a scripted ChatModel subclass (exact and fast); the ZANTARA_HOME is the test's own.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from support.fake_models import ScriptedModel
from support.keyring_backend import MemoryKeyring, use_keyring
from support.knowledge import curated_store, curated_store_dir  # noqa: F401
from support.messages_api import MessagesAPIStandIn

from desktop.core.chat import precompute as pre
from desktop.core.chat.trace import EnrichInfo, Event, HedgeInfo
from desktop.core.knowledge.store import KnowledgeStore
from desktop.core.llm.base import Message
from desktop.core.services import Services
from desktop.core.settings import Settings

pytestmark = pytest.mark.slow  # starts servers, opens the embedded store

MALU = "aku malu bertanya tentang visa"
NOTE = "Answer gently and patiently, and make clear that every question is welcome here."
OFFLINE = "Tenang saja, tim kami akan membantu Anda."


def local_reply(messages: list[Message], system: str) -> str:
    return NOTE if "customer-service assistant" in system else OFFLINE


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[None]:
    with use_keyring(MemoryKeyring()):
        yield


def make(
    api: MessagesAPIStandIn,
    store: KnowledgeStore,
    monkeypatch: pytest.MonkeyPatch,
    local: ScriptedModel,
    **settings: object,
) -> Services:
    monkeypatch.setenv("ANTHROPIC_BASE_URL", api.base_url)
    monkeypatch.setenv("ANTHROPIC_API_KEY", api.api_key)
    base: dict[str, object] = {"strategy": "combo", "first_token_deadline_s": 3.0, "connect_timeout_s": 1.0}
    s = Services(Settings(**{**base, **settings}))  # type: ignore[arg-type]
    s.store = store  # type: ignore[misc]
    s.local_model = local  # type: ignore[misc, assignment]
    return s


def note_calls(local: ScriptedModel) -> int:
    return sum("customer-service assistant" in c.system for c in local.calls)


def wait_done(prepared: pre.Prepared) -> None:
    """Wait on the jobs' own completion events (no sleeping)."""
    assert all(job.wait(10.0) for job in prepared.jobs.values())


def test_note_prepared_while_typing_is_used_at_enter(
    curated_store: KnowledgeStore,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    local = ScriptedModel(local_reply, name="smol", kind="local")
    with MessagesAPIStandIn() as api:
        services = make(api, curated_store, monkeypatch, local)
        prepared = services.router.prepare("aku malu bertanya tentang")  # the draft, before the last word
        assert prepared is not None and pre.NOTE in prepared.jobs
        wait_done(prepared)
        answer = services.router.ask(MALU)
    enrich = answer.trace.enrich or EnrichInfo()
    assert enrich.used and enrich.source == "typing" and enrich.wait == "adaptive"
    assert note_calls(local) == 1  # no second note at Enter
    assert NOTE in api.message_requests()[-1].system_text
    assert any("while the user typed" in n for n in answer.trace.notes)


def test_a_draft_that_changed_a_lot_restarts_the_note(
    curated_store: KnowledgeStore,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    local = ScriptedModel(local_reply, name="smol", kind="local", first_delay=1.0)
    with MessagesAPIStandIn() as api:
        router = make(api, curated_store, monkeypatch, local).router
        first = router.prepare("aku malu bertanya tentang visa")
        same = router.prepare("aku malu bertanya tentang visa ya")  # a little more typed: kept
        other = router.prepare("Il mio socio dice sempre di sì ma poi non succede niente")
        assert first is not None and same is first
        assert other is not None and other is not first
        assert first.jobs[pre.NOTE].token.cancelled  # the old note stops between two tokens
        assert router.precompute.restarts == 1
        taken = router.precompute.take(
            "Il mio socio dice sempre di sì ma poi non succede niente, che faccio?", "combo"
        )
        assert taken is other
        other.cancel()


def test_a_familiar_topic_gets_its_note_from_the_cache(
    curated_store: KnowledgeStore,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    local = ScriptedModel(local_reply, name="smol", kind="local")
    with MessagesAPIStandIn() as api:
        services = make(api, curated_store, monkeypatch, local, enrich_wait="deadline")
        first = services.router.ask(MALU)
        services.router.wait_idle()
        second = services.router.ask("saya malu sekali soal dokumen")  # another message, same concept
    assert (first.trace.enrich or EnrichInfo()).cache == "miss"
    enrich = second.trace.enrich or EnrichInfo()
    assert enrich.used and enrich.cache == "hit" and enrich.key == ["malu"]
    assert note_calls(local) == 1
    assert len(services.router.precompute.cache) == 1
    assert (
        services.router.precompute.cache.path is not None and services.router.precompute.cache.path.exists()
    )


def test_adaptive_deadline_never_waits_longer_than_retrieval(
    curated_store: KnowledgeStore,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    local = ScriptedModel(local_reply, name="smol", kind="local", first_delay=2.0)  # a very slow note
    with MessagesAPIStandIn() as api:
        services = make(api, curated_store, monkeypatch, local, enrich_deadline_ms=5000)
        answer = services.router.ask(MALU)
    enrich = answer.trace.enrich or EnrichInfo()
    assert enrich.reason == "late" and enrich.wait == "adaptive"
    assert (enrich.deadline_ms or 0) <= (answer.trace.timings_ms.retrieval or 0) + 1
    first = answer.trace.timings_ms.first_token or 0
    assert first < 1500, first  # the deadline (5 s) was not waited for


def test_hedge_never_starts_when_claude_is_on_time(
    curated_store: KnowledgeStore,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    local = ScriptedModel(local_reply, name="smol", kind="local")
    with MessagesAPIStandIn(initial_delay_s=0.2) as api:
        services = make(api, curated_store, monkeypatch, local, strategy="rag", hedge_after_s=2.5)
        events: list[Event] = []
        answer = services.router.ask(MALU, on_event=events.append)
    assert answer.mode == "claude" and answer.text == api.reply
    assert answer.trace.hedge is None and not any(e.kind == "hedge" for e in events)
    assert local.calls == [] and len(api.message_requests()) == 1  # no double cost


def test_claude_hangs_the_offline_answer_shows_after_the_hedge_wait(
    curated_store: KnowledgeStore,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    local = ScriptedModel(local_reply, name="smol", kind="local")
    with MessagesAPIStandIn() as api:
        api.fail("hang")
        services = make(api, curated_store, monkeypatch, local, strategy="rag", hedge_after_s=0.5)
        events: list[Event] = []
        answer = services.router.ask(MALU, on_event=events.append)
        api.recover()
    hedge = answer.trace.hedge or HedgeInfo()
    assert hedge.started and hedge.winner == "local"
    assert 450 <= (hedge.started_ms or 0) < 1500
    first = answer.trace.timings_ms.first_token or 0
    assert first < 2000, first  # not the 3 s first-token deadline
    assert answer.mode == "offline" and answer.trace.reason == "first_token_timeout"
    shown = ""
    for e in events:
        shown = shown + e.text if e.kind == "chunk" else (e.text if e.kind == "replace" else shown)
    assert answer.text == shown and answer.text  # the hedged answer is the answer, not redone


def test_claude_starting_later_replaces_the_local_draft_and_keeps_it(
    curated_store: KnowledgeStore,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    local = ScriptedModel(local_reply, name="smol", kind="local")
    with MessagesAPIStandIn(initial_delay_s=1.5) as api:
        services = make(api, curated_store, monkeypatch, local, strategy="rag", hedge_after_s=0.3)
        events: list[Event] = []
        answer = services.router.ask(MALU, on_event=events.append)
    hedge = answer.trace.hedge or HedgeInfo()
    assert hedge.winner == "claude" and hedge.draft
    assert (hedge.local_first_token_ms or 0) < (hedge.claude_first_token_ms or 0)
    assert answer.mode == "claude" and answer.text == api.reply
    states = [e.state for e in events if e.kind == "hedge"]
    assert states == ["started", "superseded"]
    superseded = next(i for i, e in enumerate(events) if e.kind == "hedge" and e.state == "superseded")
    assert events[superseded].draft == hedge.draft
    assert events[superseded + 1].kind == "replace" and events[superseded + 1].text == ""
