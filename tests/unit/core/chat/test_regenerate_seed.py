"""Every regenerate samples with a new seed, recorded in its trace (issue 16: "Regenerate can produce the same
text again"). The router's part, with a scripted local model that records what each request carried; the real
model's part (the seed reaches llama.cpp and changes the text) is tests/integration/test_regenerate_seed_llama.py."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from support.fake_models import ScriptedModel
from support.keyring_backend import MemoryKeyring, use_keyring
from support.knowledge import curated_store, curated_store_dir  # noqa: F401

from desktop.core.knowledge.store import KnowledgeStore
from desktop.core.services import Services
from desktop.core.settings import Settings

pytestmark = pytest.mark.slow  # opens the embedded store

LOCAL_TEXT = "Tenang saja, tim kami akan membantu Anda."


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[None]:
    with use_keyring(MemoryKeyring()):
        yield


def test_each_regenerate_draws_a_new_seed_and_the_trace_keeps_it(curated_store: KnowledgeStore) -> None:  # noqa: F811
    local = ScriptedModel(LOCAL_TEXT, name="local-scripted", kind="local")
    services = Services(Settings(strategy="rag"))
    services.store = curated_store  # type: ignore[misc]
    services.local_model = local  # type: ignore[misc, assignment]

    first = services.router.ask("Halo, saya mau perpanjang KITAS", offline=True)
    assert first.trace.models.get("answer") == "local-scripted"
    assert first.trace.seed is None and local.calls[-1].seed is None  # a first answer: the model's own seed
    seeds = []
    for _ in range(3):
        again = services.router.regenerate(first.message_id or 0, offline=True)
        assert again.trace.models.get("answer") == "local-scripted"
        seed = again.trace.seed
        assert isinstance(seed, int) and seed > 0
        assert local.calls[-1].seed == seed  # the request to the model carried it
        row = services.conversations.get_message(again.message_id or 0)
        assert row is not None and row["trace"]["seed"] == seed  # stored with the answer
        assert again.to_dict()["trace"]["seed"] == seed  # and in `--json`
        seeds.append(seed)
    assert len(set(seeds)) == 3
