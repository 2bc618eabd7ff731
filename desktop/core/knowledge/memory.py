"""Answer memory: every complete Claude answer, searchable by question, for when Claude is out of reach.

One Chroma collection beside the insights, in the same client, so a team sharing a Chroma server shares its
memory too. Each answer is stored twice: its question as an e5 *query* vector (question-to-question matching
is what finds a reworded or translated question again) and question + answer as a *passage* vector (finds an
answer whose question was phrased very differently). A search takes the best of the two per answer.
"""

from __future__ import annotations

import getpass
import hashlib
import threading
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np

from desktop.core.errors import EmbedderMismatch, KnowledgeError
from desktop.core.knowledge.embedder import Embedder

COLLECTION = "answer_memory"
MIN_SIMILARITY = 0.80  # below this an earlier answer is about something else (e5 cosines are all high)
MAX_ANSWER_CHARS = 4000  # stored per answer; the whole answer rarely matters offline


@dataclass(frozen=True)
class MemoryHit:
    """One earlier Claude answer and how close its question is to the new one."""

    id: str
    question: str
    answer: str
    date: str  # ISO 8601, UTC
    conversation_id: str
    conversation_title: str
    user_name: str
    language: str
    strategy: str
    similarity: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def user_name(configured: str = "") -> str:
    """Who is asking: the ``user_name`` setting, else the OS login name."""
    if configured.strip():
        return configured.strip()
    try:
        return getpass.getuser()
    except Exception:  # no login name (some containers): still index the answer
        return ""


def _answer_id(question: str, answer: str, conversation_id: str) -> str:
    digest = hashlib.sha1(f"{conversation_id}\n{question}\n{answer}".encode()).hexdigest()
    return "m_" + digest[:20]


class AnswerMemory:
    """Index and search earlier Claude answers (thread-safe; one instance per store)."""

    def __init__(self, collection: Any, embedder: Embedder) -> None:
        self.collection = collection
        self.embedder = embedder
        self._lock = threading.Lock()

    @classmethod
    def open(cls, client: Any, embedder: Embedder) -> AnswerMemory:
        """The memory collection in ``client`` (the knowledge store's), created on first use."""
        from desktop.core.knowledge.store import KnowledgeStore

        try:
            collection = KnowledgeStore._collection(client, COLLECTION, embedder.name, embedder.dim)
        except EmbedderMismatch:
            raise
        except Exception as exc:
            raise KnowledgeError(
                f"The answer memory could not be opened ({exc}).",
                "If the data folder is damaged, move its 'chroma' folder away and restart to rebuild it.",
            ) from exc
        return cls(collection, embedder)

    def add(
        self,
        question: str,
        answer: str,
        *,
        conversation_id: str = "",
        conversation_title: str = "",
        user_name: str = "",
        language: str = "",
        strategy: str = "",
        date: str | None = None,
    ) -> str:
        """Index one answer; returns its id (the same answer to the same question is stored once)."""
        question, answer = question.strip(), answer.strip()
        if not question or not answer:
            raise KnowledgeError("An empty question or answer cannot be remembered.")
        answer_id = _answer_id(question, answer, conversation_id)
        meta: dict[str, str] = {
            "answer_id": answer_id,
            "question": question,
            "answer": answer[:MAX_ANSWER_CHARS],
            "date": date or datetime.now(UTC).isoformat(timespec="seconds"),
            "conversation_id": conversation_id,
            "conversation_title": conversation_title,
            "user_name": user_name,
            "language": language,
            "strategy": strategy,
        }
        q_vec = self.embedder.embed_queries([question])[0]
        qa_vec = self.embedder.embed_passages([f"{question}\n\n{answer[:MAX_ANSWER_CHARS]}"])[0]
        with self._lock:
            self.collection.upsert(
                ids=[answer_id + ":q", answer_id + ":qa"],
                embeddings=np.asarray([q_vec, qa_vec], dtype=np.float32),
                metadatas=[meta | {"kind": "question"}, meta | {"kind": "answer"}],
                documents=[question, f"{question}\n\n{answer[:MAX_ANSWER_CHARS]}"],
            )
        return answer_id

    def count(self) -> int:
        """How many answers are remembered."""
        return len(self.collection.get(where={"kind": "question"}, include=[])["ids"])

    def search(self, question: str, k: int = 3, min_similarity: float = MIN_SIMILARITY) -> list[MemoryHit]:
        """The ``k`` earlier answers closest to ``question``, best first, at least ``min_similarity``."""
        if k <= 0 or self.collection.count() == 0:
            return []
        vector = self.embedder.embed_queries([question])[0]
        res = self.collection.query(
            query_embeddings=np.asarray([vector], dtype=np.float32),
            n_results=min(self.collection.count(), 4 * k),
            include=["metadatas", "distances"],
        )
        best: dict[str, MemoryHit] = {}
        for meta, dist in zip(res["metadatas"][0], res["distances"][0], strict=True):
            similarity = round(1.0 - float(dist), 4)
            key = str(meta.get("answer_id", ""))
            if similarity < min_similarity or (key in best and best[key].similarity >= similarity):
                continue
            best[key] = MemoryHit(
                id=key,
                question=str(meta.get("question", "")),
                answer=str(meta.get("answer", "")),
                date=str(meta.get("date", "")),
                conversation_id=str(meta.get("conversation_id", "")),
                conversation_title=str(meta.get("conversation_title", "")),
                user_name=str(meta.get("user_name", "")),
                language=str(meta.get("language", "")),
                strategy=str(meta.get("strategy", "")),
                similarity=similarity,
            )
        return sorted(best.values(), key=lambda h: -h.similarity)[:k]
