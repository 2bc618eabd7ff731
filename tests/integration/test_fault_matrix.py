"""The fault matrix: every way Claude can fail, through the real SDK against the stand-in, via the router.

Each fault must give an answer (offline, same cultural context) or a clear error, store the message, and
cost a bounded time before the local model takes over (measured from the end of retrieval). The local
model is a scripted ChatModel subclass so the figures measure the fallback itself, not the CPU; the bundled
model's offline answer is covered by tests/integration/test_ask_cli.py. The last test prints the matrix.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from typing import Any

import pytest
from support.fake_models import ScriptedModel, WindowedModel
from support.keyring_backend import MemoryKeyring, use_keyring
from support.knowledge import curated_store, curated_store_dir  # noqa: F401
from support.messages_api import MessagesAPIStandIn, blackhole_url

from desktop.core.chat.trace import Event
from desktop.core.knowledge.store import KnowledgeStore
from desktop.core.services import Services
from desktop.core.settings import Settings

pytestmark = pytest.mark.slow

MALU = "aku malu bertanya tentang visa"
LOCAL_TEXT = "Tenang saja, tim kami akan membantu Anda."
DEADLINE_S = 1.5
CONNECT_S = 1.0
RESULTS: dict[str, dict[str, Any]] = {}

# fault -> (expected mode, expected reason, expected status, max seconds until the offline decision)
MATRIX: dict[str, tuple[str, str, str, float]] = {
    "none": ("claude", "", "complete", 5),
    "refuse": ("offline", "connection", "complete", 3),
    "connect_timeout": ("offline", "connect_timeout", "complete", CONNECT_S + 3),
    "hang": ("offline", "first_token_timeout", "complete", DEADLINE_S + 3),
    "pings": ("offline", "first_token_timeout", "complete", DEADLINE_S + 3),
    "401": ("offline", "auth", "complete", 3),
    "403": ("offline", "auth", "complete", 3),
    "429": ("offline", "rate_limited", "complete", 3),
    "500": ("offline", "server_error", "complete", 4),
    "529": ("offline", "overloaded", "complete", 4),
    "cut": ("offline", "stream_cut", "partial", 3),
    "malformed": ("offline", "bad_response", "partial", 3),
    "error_event": ("offline", "overloaded", "partial", 3),
    "no_key": ("offline", "no_key", "complete", 1),
    "breaker_open": ("offline", "breaker_open", "complete", 1),
    "offline_flag": ("offline", "offline_requested", "complete", 1),
}


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[None]:
    with use_keyring(MemoryKeyring()):
        yield


@pytest.mark.parametrize("fault", list(MATRIX))
def test_fault(
    fault: str,
    curated_store: KnowledgeStore,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    mode, reason, status, bound = MATRIX[fault]
    with MessagesAPIStandIn() as api, contextlib.ExitStack() as stack:
        base_url = api.base_url
        if fault == "connect_timeout":
            base_url = stack.enter_context(blackhole_url())
        elif fault == "refuse":
            api.fail("refuse")
        elif fault == "429":
            api.fail("429", retry_after=60)
        elif fault in ("cut", "malformed", "error_event"):
            api.fail(fault, after_deltas=3)
        elif fault in ("hang", "pings", "401", "403", "500", "529"):
            api.fail(fault)
        monkeypatch.setenv("ANTHROPIC_BASE_URL", base_url)
        if fault != "no_key":
            monkeypatch.setenv("ANTHROPIC_API_KEY", api.api_key)
        services = Services(
            Settings(strategy="rag", first_token_deadline_s=DEADLINE_S, connect_timeout_s=CONNECT_S)
        )
        services.store = curated_store  # type: ignore[misc]
        services.local_model = ScriptedModel(LOCAL_TEXT, name="local", kind="local")  # type: ignore[misc, assignment]
        if fault == "breaker_open":
            services.breaker.record_failure("connection")
        marks: dict[str, float] = {}
        started = time.perf_counter()

        def on_event(event: Event) -> None:
            if event.kind == "insights":
                marks.setdefault("retrieved", time.perf_counter() - started)
            if event.kind == "mode" and event.mode == "offline":
                marks.setdefault("offline", time.perf_counter() - started)
            if event.kind == "chunk":
                marks.setdefault("first_chunk", time.perf_counter() - started)

        answer = services.router.ask(MALU, offline=fault == "offline_flag", on_event=on_event)
        total = time.perf_counter() - started
        requests = len(api.message_requests())

    RESULTS[fault] = {
        "mode": answer.mode,
        "reason": answer.trace.reason,
        "status": answer.status,
        "retrieval_s": round(marks["retrieved"], 2),
        # the Claude-side cost: from the end of retrieval (or 0 when decided before it) to the offline switch
        "to_offline_s": round(max(0.0, marks.get("offline", 0.0) - marks["retrieved"]), 2),
        "first_chunk_s": round(marks.get("first_chunk", 0.0), 2),
        "total_s": round(total, 2),
        "requests": requests,
        "breaker": services.breaker.snapshot()["state"],
    }
    assert (answer.mode, answer.trace.reason, answer.status) == (mode, reason, status)
    assert answer.text.strip()
    assert answer.trace.insights, "the same cultural context is used offline"
    if mode == "offline":
        assert answer.text.endswith(LOCAL_TEXT)
        assert RESULTS[fault]["to_offline_s"] < bound, RESULTS[fault]
    rows = services.conversations.messages(answer.conversation_id)
    assert [(r["role"], r["status"], r["mode"]) for r in rows] == [
        ("user", "complete", None),
        ("assistant", status, mode),
    ]
    if reason in ("no_key", "breaker_open", "offline_requested"):
        assert requests == 0
    expect_open = reason not in ("", "auth", "no_key", "offline_requested")
    assert (RESULTS[fault]["breaker"] == "open") == expect_open


#: Long input (issue 14): fault -> (message characters, history turns of 1,450 characters, expected status)
LONG_INPUT: dict[str, tuple[int, int, str]] = {
    "cut+long_history": (1450, 2, "partial"),
    "offline_flag+10KB": (10_000, 0, "complete"),
    "429+200KB": (200_000, 1, "complete"),
}


@pytest.mark.parametrize("case", list(LONG_INPUT))
def test_fault_with_long_input(
    case: str,
    curated_store: KnowledgeStore,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Claude fails (or is skipped) and the local prompt would overflow its 2048 tokens: the local model still
    answers, the trace says what was trimmed, nothing is left `failed`."""
    chars, turns, status = LONG_INPUT[case]
    fault = case.split("+")[0]
    long = ("Saya ingin memperpanjang KITAS saya bulan depan. " * (chars // 40 + 1))[:chars]
    with MessagesAPIStandIn() as api:
        if fault == "cut":
            api.fail("cut", after_deltas=3)
        elif fault == "429":
            api.fail("429", retry_after=60)
        monkeypatch.setenv("ANTHROPIC_BASE_URL", api.base_url)
        monkeypatch.setenv("ANTHROPIC_API_KEY", api.api_key)
        services = Services(
            Settings(strategy="rag", first_token_deadline_s=DEADLINE_S, connect_timeout_s=CONNECT_S)
        )
        services.store = curated_store  # type: ignore[misc]
        services.local_model = WindowedModel(LOCAL_TEXT, name="local", n_ctx=2048)  # type: ignore[misc, assignment]
        convs = services.conversations
        conversation = convs.create(title="long")["id"]
        for _ in range(turns):
            convs.add_message(conversation, "user", long[:1450])
            convs.add_message(conversation, "assistant", long[:1450])
        started = time.perf_counter()
        answer = services.router.ask(long, conversation_id=conversation, offline=fault == "offline_flag")
        total = time.perf_counter() - started
        requests = len(api.message_requests())
    RESULTS[case] = {
        "mode": answer.mode,
        "reason": answer.trace.reason,
        "status": answer.status,
        "retrieval_s": (answer.trace.timings_ms.retrieval or 0) / 1000,
        "to_offline_s": 0.0,
        "first_chunk_s": (answer.trace.timings_ms.first_token or 0) / 1000,
        "total_s": round(total, 2),
        "requests": requests,
        "breaker": services.breaker.snapshot()["state"],
    }
    assert (answer.mode, answer.status) == ("offline", status)
    assert answer.text.endswith(LOCAL_TEXT)
    assert any(n.startswith("local context (2048 tokens)") for n in answer.trace.notes), answer.trace.notes
    rows = convs.messages(conversation)
    assert rows[-1]["status"] == status and rows[-2]["content"] == long.strip()


def test_print_matrix(capsys: pytest.CaptureFixture[str]) -> None:
    """Prints the figures for the closing note (needs the parametrized cases above in the same run)."""
    if not RESULTS:
        pytest.skip("run together with test_fault")
    lines = [
        f"{'fault':<16}{'mode':<9}{'reason':<21}{'status':<9}{'retrieval':>10}{'->offline':>10}"
        f"{'1st chunk':>10}{'total':>8}{'reqs':>6}  breaker"
    ]
    for fault, r in RESULTS.items():
        lines.append(
            f"{fault:<16}{r['mode']:<9}{r['reason'] or '-':<21}{r['status']:<9}{r['retrieval_s']:>9.2f}s"
            f"{r['to_offline_s']:>9.2f}s"
            f"{r['first_chunk_s']:>9.2f}s{r['total_s']:>7.2f}s{r['requests']:>6}  {r['breaker']}"
        )
    with capsys.disabled():
        print(
            f"\nFAULT MATRIX (deadline {DEADLINE_S:.1f} s, connect {CONNECT_S:.1f} s, 1 retry)\n"
            + "\n".join(lines)
        )
    assert len(RESULTS) == len(MATRIX) + len(LONG_INPUT)
