"""ClaudeModel with the real anthropic SDK against the Messages API stand-in: streaming, deadlines, faults."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from support.messages_api import MessagesAPIStandIn, blackhole_url, closed_port_url

from desktop.core.cancel import CancelToken
from desktop.core.errors import Cancelled, ClaudeUnavailable
from desktop.core.llm.base import Message
from desktop.core.llm.claude import ClaudeModel
from desktop.core.settings import Settings

pytestmark = pytest.mark.slow  # starts servers


@pytest.fixture
def standin() -> Iterator[MessagesAPIStandIn]:
    """A started Messages API stand-in, stopped after the test."""
    with MessagesAPIStandIn() as api:
        yield api


HI = [Message("user", "halo")]


def model(api: MessagesAPIStandIn, **overrides: object) -> ClaudeModel:
    settings = Settings(first_token_deadline_s=1.0, connect_timeout_s=1.0, claude_max_retries=1)
    for name, value in overrides.items():
        setattr(settings, name, value)
    return ClaudeModel(settings, api_key=api.api_key, base_url=api.base_url)


def failure(m: ClaudeModel) -> tuple[ClaudeUnavailable, float]:
    started = time.monotonic()
    with pytest.raises(ClaudeUnavailable) as info:
        m.complete(HI)
    return info.value, time.monotonic() - started


def test_streams_text_and_sends_a_proper_request(standin: MessagesAPIStandIn) -> None:
    m = model(standin)
    chunks = list(m.stream(HI, system="PERSONA", max_tokens=77))
    assert len(chunks) > 3
    assert "".join(chunks) == standin.reply
    (req,) = standin.message_requests()
    assert req.body is not None
    assert (
        req.body["model"] == Settings().claude_chat_model
        and req.body["max_tokens"] == 77
        and req.body["stream"] is True
    )
    assert req.system_text == "PERSONA"
    assert req.body["messages"] == [{"role": "user", "content": "halo"}]
    assert req.headers["anthropic-version"]
    assert req.auth in ("x-api-key", "bearer")
    assert standin.api_key not in str(req.headers)


def test_base_url_from_environment(standin: MessagesAPIStandIn, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANTHROPIC_BASE_URL", standin.base_url)
    monkeypatch.setenv("ANTHROPIC_API_KEY", standin.api_key)
    m = ClaudeModel(Settings())
    assert m.has_key
    assert m.complete(HI) == standin.reply


def test_list_models_and_variant(standin: MessagesAPIStandIn) -> None:
    m = model(standin)
    ids = [x["id"] for x in m.list_models()]
    assert "claude-haiku-4-5" in ids and "claude-sonnet-4-6" in ids
    strong = m.variant("claude-sonnet-4-6")
    strong.complete(HI)
    assert standin.message_requests()[-1].body["model"] == "claude-sonnet-4-6"  # type: ignore[index]


def test_no_key_fails_without_network(standin: MessagesAPIStandIn) -> None:
    m = ClaudeModel(Settings(), base_url=standin.base_url)
    assert not m.has_key
    err, _ = failure(m)
    assert err.reason == "no_key" and "zantara key set" in str(err)
    assert standin.requests == []


@pytest.mark.parametrize(
    ("fault", "reason", "requests"),
    [
        ("401", "auth", 1),
        ("403", "auth", 1),
        ("500", "server_error", 2),
        ("529", "overloaded", 2),
    ],
)
def test_status_errors(standin: MessagesAPIStandIn, fault: str, reason: str, requests: int) -> None:
    standin.fail(fault)
    err, seconds = failure(model(standin))
    assert err.reason == reason
    assert len(standin.message_requests()) == requests  # 5xx/529 retried once, 401/403 never
    assert seconds < 5
    if reason == "auth":
        assert "API key rejected" in str(err) and "zantara key set" in str(err)


def test_retry_budget_recovers_after_one_overload(standin: MessagesAPIStandIn) -> None:
    standin.fail("529", times=1)
    assert model(standin).complete(HI) == standin.reply
    assert len(standin.message_requests()) == 2


def test_short_retry_after_is_honoured_long_one_is_not(standin: MessagesAPIStandIn) -> None:
    standin.fail("429", times=1, retry_after=0.3)
    started = time.monotonic()
    assert model(standin).complete(HI) == standin.reply
    assert time.monotonic() - started >= 0.3
    standin.fail("429", retry_after=120)
    err, seconds = failure(model(standin))
    assert err.reason == "rate_limited" and seconds < 5
    assert len(standin.message_requests()) == 3  # no retry when the server asks for two minutes


@pytest.mark.parametrize("fault", ["hang", "pings"])
def test_first_token_deadline(standin: MessagesAPIStandIn, fault: str) -> None:
    standin.fail(fault)
    err, seconds = failure(model(standin, first_token_deadline_s=1.0))
    assert err.reason == "first_token_timeout"
    assert 0.9 <= seconds < 6


@pytest.mark.parametrize(
    ("fault", "reason"), [("cut", "stream_cut"), ("malformed", "bad_response"), ("error_event", "overloaded")]
)
def test_mid_stream_failures_keep_the_partial(standin: MessagesAPIStandIn, fault: str, reason: str) -> None:
    standin.fail(fault, after_deltas=3)
    got: list[str] = []
    with pytest.raises(ClaudeUnavailable) as info:
        for chunk in model(standin).stream(HI):
            got.append(chunk)
    assert info.value.reason == reason
    assert info.value.partial == "".join(got) and len(got) == 3
    assert standin.reply.startswith(info.value.partial)
    assert len(standin.message_requests()) == 1  # never retried once text was shown


def test_connection_refused_is_immediate() -> None:
    m = ClaudeModel(Settings(), api_key="sk-ant-x", base_url=closed_port_url())
    err, seconds = failure(m)
    assert err.reason == "connection" and seconds < 3


def test_connect_timeout() -> None:
    with blackhole_url() as url:
        m = ClaudeModel(Settings(connect_timeout_s=0.5), api_key="sk-ant-x", base_url=url)
        err, seconds = failure(m)
    assert err.reason == "connect_timeout" and 0.4 <= seconds < 4


def test_cancel_closes_the_stream(standin: MessagesAPIStandIn) -> None:
    standin.token_delay_s = 0.3
    cancel = CancelToken()
    got: list[str] = []
    threading.Timer(0.5, cancel.cancel).start()
    started = time.monotonic()
    with pytest.raises(Cancelled):
        for chunk in model(standin).stream(HI, cancel=cancel):
            got.append(chunk)
    assert time.monotonic() - started < 3
    assert 0 < len(got) < len(standin.reply.split())


def test_a_changed_connect_timeout_applies_to_the_next_call_without_restart() -> None:
    """The settings object is shared: a new connect timeout must reach a model whose client already exists."""
    settings = Settings(connect_timeout_s=0.3, claude_max_retries=0)
    with blackhole_url() as url:
        m = ClaudeModel(settings, api_key="sk-ant-x", base_url=url)
        err, quick = failure(m)
        settings.connect_timeout_s = 2.0
        err2, slow = failure(m)
    assert err.reason == err2.reason == "connect_timeout"
    assert quick < 1.5 and slow >= 1.8
