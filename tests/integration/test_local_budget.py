"""The bundled model's prompt always fits its 2048-token context (issue 14, probe 1).

Before the budget each of these raised ``ValueError: Requested tokens (...) exceed context window of 2048``
and left the answer row ``failed``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from support.fake_models import ScriptedModel, claude_down
from support.keyring_backend import MemoryKeyring, use_keyring
from support.knowledge import curated_store, curated_store_dir  # noqa: F401

from desktop.core.chat.router import Router
from desktop.core.knowledge.store import KnowledgeStore
from desktop.core.llm.base import Message
from desktop.core.llm.local import LocalModel
from desktop.core.services import Services
from desktop.core.settings import Settings

pytestmark = pytest.mark.slow

SENTENCE = "Saya ingin tahu lebih banyak tentang proses perpanjangan KITAS dan dokumen yang diperlukan. "


def long_text(chars: int) -> str:
    return (SENTENCE * (chars // len(SENTENCE) + 1))[:chars]


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[None]:
    with use_keyring(MemoryKeyring()):
        yield


@pytest.fixture
def services(curated_store: KnowledgeStore, own_model: LocalModel) -> Services:  # noqa: F811
    s = Services(Settings(strategy="rag"))
    s.store = curated_store  # type: ignore[misc]
    s.local_model = own_model  # type: ignore[misc]  # a model the app runs for answers (same weights)
    return s


def test_the_real_tokenizer_counts(local_model: LocalModel) -> None:
    assert 0 < local_model.count_tokens("aku malu bertanya tentang visa") < 20
    assert local_model.count_tokens(long_text(1450)) > 300


def test_third_offline_turn_with_long_messages(services: Services) -> None:
    convs = services.conversations
    conversation = convs.create(title="long")["id"]
    for _ in range(2):
        convs.add_message(conversation, "user", long_text(1450))
        convs.add_message(conversation, "assistant", long_text(1450))
    answer = services.router.ask(long_text(1450), conversation_id=conversation, offline=True)
    assert (answer.mode, answer.status) == ("offline", "complete")
    assert answer.text.strip()
    assert any(n.startswith("local context (2048 tokens): left out the") for n in answer.trace.notes)


def test_fallback_after_claude_cut_its_stream_with_a_long_history(
    services: Services, local_model: LocalModel
) -> None:
    claude = ScriptedModel(long_text(1500), fail=claude_down("stream_cut"), fail_after=150)
    services.router = Router(services, claude_factory=lambda: claude)  # type: ignore[misc]
    history = [Message("user", long_text(1450)), Message("assistant", long_text(1450))] * 2
    convs = services.conversations
    conversation = convs.create(title="cut")["id"]
    for m in history:
        convs.add_message(conversation, m.role, m.content)
    answer = services.router.ask(long_text(1450), conversation_id=conversation)
    assert (answer.mode, answer.trace.reason, answer.status) == ("offline", "stream_cut", "partial")
    assert any(n.startswith("local context") for n in answer.trace.notes)
    rows = convs.messages(conversation)
    assert rows[-1]["status"] == "partial"


def test_a_huge_message_is_cut_with_a_note(local_model: LocalModel) -> None:
    fitted = local_model.fit("system", [Message("user", long_text(200_000))], 256)
    assert fitted.message_chars is not None and fitted.message_chars[1] == 200_000
    assert fitted.prompt_tokens + fitted.max_tokens <= local_model.n_ctx
    text = "".join(local_model.stream([Message("user", long_text(10_000))], max_tokens=8))
    assert isinstance(text, str)
