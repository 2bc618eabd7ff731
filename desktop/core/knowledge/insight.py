"""The insight record: one cultural point and how the assistant should answer because of it.

The id is a hash of the normalised text plus the language, so importing the same insight twice (from a pack,
a JSONL file or a generation run) never duplicates it. An edited text keeps the id the insight had (kept in its
provenance as ``stable_id``): the edit is a new version of the same record, so two laptops editing it offline
meet in one record with one winner and the other version in its history, not in two insights.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

LANGUAGES = ("id", "it", "en")
CATEGORIES = (
    "emotion",
    "business",
    "bali_culture",
    "communication",
    "religion_ceremony",
    "bureaucracy",
    "daily_life",
)
STATUSES = ("approved", "pending", "rejected")
INSIGHT_TYPE = "cultural_insight"
#: Fields that must be strings when present (an id is derived from text + language, so a given one is checked).
TEXT_FIELDS = ("id", "text", "language", "category", "source", "model", "status", "created_at", "type")
MIN_CHARS = 40
STABLE_ID = "stable_id"  # provenance key: the id an insight keeps after its text was edited
MAX_CHARS = 1200


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"\s+", " ", text).strip()


@functools.lru_cache(maxsize=32_768)
def insight_id(text: str, language: str) -> str:
    """Content address (a pure function: memoised, since retrieval asks for ~90 candidates' ids each time)."""
    return hashlib.sha256(f"{language}\n{normalise(text)}".encode()).hexdigest()[:16]


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


@dataclass
class Insight:
    text: str
    language: str
    category: str
    concepts: list[str] = field(default_factory=list)
    source: str = "curated"  # "curated" | "llama:<model>" | "user"
    model: str = ""
    status: str = "approved"
    created_at: str = field(default_factory=now_iso)
    type: str = INSIGHT_TYPE
    provenance: dict[str, Any] = field(default_factory=dict)  # catalog entry, model sha256, ...

    @property
    def id(self) -> str:
        kept = self.provenance.get(STABLE_ID)
        return kept if isinstance(kept, str) and kept else insight_id(self.text, self.language)

    def keep_id(self, previous: str) -> None:
        """After an edit: stay the record ``previous`` names (dropped when the text hashes to it anyway)."""
        if previous and previous != insight_id(self.text, self.language):
            self.provenance[STABLE_ID] = previous
        else:
            self.provenance.pop(STABLE_ID, None)

    def validate(self) -> None:
        """Raise ValueError with a reason a user can fix (used by import, add and generation)."""
        if not isinstance(self.text, str) or not self.text.strip():
            raise ValueError("'text' is empty")
        if not MIN_CHARS <= len(self.text.strip()) <= MAX_CHARS:
            length = len(self.text.strip())
            raise ValueError(f"'text' must be {MIN_CHARS}-{MAX_CHARS} characters (got {length})")
        if self.language not in LANGUAGES:
            raise ValueError(f"'language' must be one of {', '.join(LANGUAGES)} (got {self.language!r})")
        if self.category not in CATEGORIES:
            raise ValueError(f"'category' must be one of {', '.join(CATEGORIES)} (got {self.category!r})")
        concepts = self.concepts
        concepts_ok = isinstance(concepts, list) and all(isinstance(c, str) and c.strip() for c in concepts)
        if not concepts_ok:
            raise ValueError("'concepts' must be a list of non-empty strings")
        if self.status not in STATUSES:
            raise ValueError(f"'status' must be one of {', '.join(STATUSES)} (got {self.status!r})")
        if self.type != INSIGHT_TYPE:
            raise ValueError(f"'type' must be {INSIGHT_TYPE!r}")
        if not (self.source in ("curated", "user") or self.source.startswith("llama:")):
            raise ValueError("'source' must be 'curated', 'user' or 'llama:<model>'")

    @classmethod
    def from_dict(cls, data: dict[str, Any], default_source: str = "curated") -> Insight:
        """Build and validate; raises ValueError naming the first problem. A given 'id' must match.
        ``default_source``: whose a line without 'source' is (a user's import file: "user")."""
        if not isinstance(data, dict):
            raise ValueError("line is not a JSON object")
        missing = [k for k in ("text", "language", "category") if k not in data]
        if missing:
            raise ValueError(f"missing field(s): {', '.join(missing)}")
        for key in TEXT_FIELDS:
            if key in data and not isinstance(data[key], str):
                raise ValueError(f"'{key}' must be a string (got {type(data[key]).__name__})")
        if not isinstance(data.get("concepts", []), (str, list)):
            raise ValueError("'concepts' must be a list of strings or a comma-separated string")
        if not isinstance(data.get("provenance", {}) or {}, dict):
            raise ValueError("'provenance' must be an object")
        concepts = data.get("concepts", [])
        if isinstance(concepts, str):
            concepts = [c.strip() for c in concepts.split(",") if c.strip()]
        insight = cls(
            text=str(data["text"]).strip(),
            language=str(data["language"]).strip().lower(),
            category=str(data["category"]).strip().lower(),
            concepts=list(concepts),
            source=str(data.get("source", default_source)),
            model=str(data.get("model", "")),
            status=str(data.get("status", "approved")),
            created_at=str(data.get("created_at") or now_iso()),
            type=str(data.get("type", INSIGHT_TYPE)),
            provenance=dict(data.get("provenance", {}) or {}),
        )
        insight.validate()
        given = data.get("id")
        if given is not None and given != insight.id:
            raise ValueError(
                f"'id' {given!r} does not match the text and language (expected {insight.id!r}); "
                "remove the id or fix it"
            )
        return insight

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "language": self.language,
            "category": self.category,
            "concepts": list(self.concepts),
            "type": self.type,
            "source": self.source,
            "model": self.model,
            "status": self.status,
            "created_at": self.created_at,
            "provenance": dict(self.provenance),
        }
