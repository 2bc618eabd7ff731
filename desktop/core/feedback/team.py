"""Team mode: ratings and picked comparisons shared with the team (opt-in).

One collection in this laptop's store, ``zantara_ratings``, holds the shared records: this installation's
own (when sharing is on) and the colleagues' that the team sync pulled. Each is keyed by its installation's
id and the local row id, so re-rating updates the record instead of adding one; the sync journal notes each
change so the next sync pushes it. Records carry no answer or
question text, only the verdict, the reason, the free note, and how the answer was made (strategy, language,
profile, models). The collection has a dummy one-dimensional vector: it is never searched by similarity.
"""

from __future__ import annotations

import uuid
from typing import Any

from desktop.core import paths
from desktop.core.settings import Settings

COLLECTION = "zantara_ratings"
ID_FILE = "installation_id"


def installation_id() -> str:
    """A random id for this installation (data folder), made once."""
    path = paths.data_dir() / ID_FILE
    try:
        value = path.read_text(encoding="utf-8").strip()
        if value:
            return value
    except OSError:
        pass
    value = uuid.uuid4().hex
    path.write_text(value + "\n", encoding="utf-8")
    return value


def rating_record(rating: dict[str, Any], user: str = "") -> tuple[str, str, dict[str, Any]]:
    """(id, document, metadata) of a rating row for the shared collection."""
    trace = rating.get("trace") or {}
    models = trace.get("models") or {}
    meta = {
        "kind": "rating",
        "installation": installation_id(),
        "user": user,
        "verdict": rating["verdict"],
        "reason": rating.get("reason") or "",
        "strategy": rating.get("strategy") or "",
        "language": rating.get("language") or "",
        "profile": rating.get("profile") or "",
        "model": str(models.get("answer", "")),
        "updated_at": rating.get("updated_at") or "",
    }
    return f"r:{meta['installation']}:{rating['message_id']}", rating.get("note") or "", meta


def comparison_record(comparison: dict[str, Any], user: str = "") -> tuple[str, str, dict[str, Any]]:
    meta = {
        "kind": "pairwise",
        "installation": installation_id(),
        "user": user,
        "a_strategy": comparison["a_strategy"],
        "b_strategy": comparison["b_strategy"],
        "winner": comparison.get("winner") or "",
        "language": comparison.get("language") or "",
        "profile": comparison.get("profile") or "",
        "updated_at": comparison.get("picked_at") or comparison.get("created_at") or "",
    }
    return f"c:{meta['installation']}:{comparison['id']}", "", meta


class TeamRatings:
    def __init__(self, collection: Any) -> None:
        self.collection = collection

    @classmethod
    def open(cls, settings: Settings) -> TeamRatings:
        """The shared ratings in this laptop's store (never the network: the sync brings the team's)."""
        from desktop.core.knowledge.store import _client

        return cls(local_collection(_client(settings)))

    def put(self, record: tuple[str, str, dict[str, Any]]) -> None:
        from desktop.core.sync.journal import RATINGS_KIND, Journal

        rid, document, meta = record
        self.collection.upsert(ids=[rid], documents=[document], metadatas=[meta], embeddings=[[1.0]])
        Journal.open().note(RATINGS_KIND, [rid])

    def remove(self, rid: str) -> None:
        from desktop.core.sync.journal import RATINGS_KIND, Journal

        self.collection.delete(ids=[rid])
        Journal.open().note(RATINGS_KIND, [rid])

    def records(self) -> list[dict[str, Any]]:
        """Every shared record's metadata (plus the note as ``note``)."""
        out: list[dict[str, Any]] = []
        got = self.collection.get(include=["metadatas", "documents"])
        for rid, meta, doc in zip(got["ids"], got["metadatas"] or [], got["documents"] or [], strict=False):
            out.append({**(meta or {}), "id": rid, "note": doc or ""})
        return out


def local_collection(client: Any) -> Any:
    """The shared-ratings collection in a (local) Chroma client, created on first use."""
    from desktop.core.knowledge.store import KnowledgeStore

    return KnowledgeStore._collection(client, COLLECTION, "none", 1)


def share_enabled(settings: Settings) -> bool:
    return getattr(settings, "share_ratings", "off") == "on" and bool(settings.effective_chroma_url())


def publish_rating(settings: Settings, rating: dict[str, Any] | None, message_id: int) -> bool:
    """Send (or withdraw, when ``rating`` is None) one rating to the team's server when sharing is on.
    Returns True when it was shared."""
    if not share_enabled(settings):
        return False
    from desktop.core.knowledge.memory import user_name

    shared = TeamRatings.open(settings)
    if rating is None:
        shared.remove(f"r:{installation_id()}:{message_id}")
    else:
        shared.put(rating_record(rating, user_name(settings.user_name)))
    return True


def publish_comparison(settings: Settings, comparison: dict[str, Any]) -> bool:
    if not share_enabled(settings) or not comparison.get("winner"):
        return False
    from desktop.core.knowledge.memory import user_name

    TeamRatings.open(settings).put(comparison_record(comparison, user_name(settings.user_name)))
    return True
