"""The OpenAI-compatible backend (llama-server / Ollama style) end to end: `zantara settings set` picks it,
`zantara ask` answers through it against a stand-in server on 127.0.0.1, and its failures fall back offline like
Claude's. The model class is also driven directly for the streaming and fault cases."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator

import pytest
from support.knowledge import curated_store, curated_store_dir  # noqa: F401
from support.messages_api import closed_port_url
from support.openai_api import OpenAIStandIn

from desktop.core.errors import ClaudeUnavailable
from desktop.core.knowledge.store import KnowledgeStore
from desktop.core.llm import backends
from desktop.core.llm.base import Message
from desktop.core.llm.openai_compat import OpenAICompatModel
from desktop.core.settings import Settings

pytestmark = pytest.mark.slow

MALU = "aku malu bertanya tentang visa"


@pytest.fixture
def server() -> Iterator[OpenAIStandIn]:
    with OpenAIStandIn() as api:
        yield api


def zantara(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    for name in ("ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", "ZANTARA_OPENAI_BASE_URL"):
        env.pop(name, None)  # no Claude key at all: the OpenAI-compatible server needs none
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )


def test_zantara_ask_answers_through_the_openai_compatible_server(
    curated_store: KnowledgeStore,  # noqa: F811
    server: OpenAIStandIn,
) -> None:
    for name, value in (
        ("backend", "openai"),
        ("openai_base_url", server.base_url),
        ("openai_model", server.model),
    ):
        done = zantara("settings", "set", name, value)
        assert done.returncode == 0, done.stderr
    assert Settings.load().backend == "openai"

    out = zantara("ask", MALU, "--strategy", "rag", "--json")
    assert out.returncode == 0, out.stderr
    answer = json.loads(out.stdout)
    assert answer["answer"] == server.reply and answer["status"] == "complete"
    assert answer["mode"] != "offline" and answer["model"] == server.model
    body = server.requests[-1]
    assert body["stream"] is True and body["model"] == server.model
    assert body["messages"][0]["role"] == "system" and "<cultural_insights>" in body["messages"][0]["content"]
    assert body["messages"][-1] == {"role": "user", "content": MALU}

    # The server goes away: the same command answers offline (the breaker opens, as for Claude).
    assert zantara("settings", "set", "openai_base_url", closed_port_url() + "/v1").returncode == 0
    out = zantara("ask", MALU, "--strategy", "rag", "--json")
    assert out.returncode == 0, out.stderr
    offline = json.loads(out.stdout)
    assert (offline["mode"], offline["reason"]) == ("offline", "connection")


def test_an_invalid_backend_is_refused_and_changes_nothing() -> None:
    done = zantara("settings", "set", "backend", "gpt-magic")
    assert done.returncode == 1 and "one of claude, openai" in done.stderr
    assert Settings.load().backend == "claude"


def test_streams_chunks_with_the_system_prompt_first(server: OpenAIStandIn) -> None:
    model = backends.build("openai", Settings(openai_base_url=server.base_url), None)
    assert isinstance(model, OpenAICompatModel) and not model.capabilities.needs_key
    chunks = list(model.stream([Message("user", "halo")], system="Be warm.", max_tokens=64))
    assert len(chunks) > 1 and "".join(chunks) == server.reply
    assert server.requests[-1]["messages"][0] == {"role": "system", "content": "Be warm."}
    assert server.requests[-1]["max_tokens"] == 64 and "model" not in server.requests[-1]
    assert model.list_models() == [{"id": server.model, "display_name": server.model}]


def test_failures_become_the_online_model_unavailable_signal(server: OpenAIStandIn) -> None:
    settings = Settings(openai_base_url=server.base_url, first_token_deadline_s=2.0)
    model = OpenAICompatModel(settings)
    server.fail("500")
    with pytest.raises(ClaudeUnavailable) as info:
        model.complete([Message("user", "halo")])
    assert info.value.reason == "server_error" and "model crashed" in str(info.value)
    server.fail("cut")
    got: list[str] = []
    with pytest.raises(ClaudeUnavailable) as info:
        for chunk in model.stream([Message("user", "halo")]):
            got.append(chunk)
    assert info.value.reason == "stream_cut" and info.value.partial == "".join(got) and len(got) == 2
    settings.update(save=False, openai_base_url=closed_port_url() + "/v1")  # read per request
    with pytest.raises(ClaudeUnavailable) as info:
        model.complete([Message("user", "halo")])
    assert info.value.reason == "connection"


def test_a_regenerate_seed_is_sent_to_the_server(server: OpenAIStandIn) -> None:
    model = backends.build("openai", Settings(openai_base_url=server.base_url), None)
    list(model.stream([Message("user", "halo")], max_tokens=8))
    assert "seed" not in server.requests[-1]  # the server's own choice
    list(model.stream([Message("user", "halo")], max_tokens=8, seed=12345))
    assert server.requests[-1]["seed"] == 12345  # llama-server, Ollama and OpenAI honour it
