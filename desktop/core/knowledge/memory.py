"""Answer memory: every complete Claude answer, searchable by question, for when Claude is out of reach.

One Chroma collection beside the insights, in the same client, so a team sharing a Chroma server shares its
memory too. Each answer is stored as three e5 vectors: its question in e5's *query* form and in its *passage*
form, and question + answer as a passage. Chroma finds the candidates; their score is the mean of three
question-to-question cosines (new question as query against both stored forms, and as passage against the
passage form): on the paraphrase set (tests/bench/bench_offline.py) that mean finds the earlier answer more
often than any one of them alone.

Only the ``:qa`` row carries the answer's fields; the two question rows hold just ``answer_id`` and ``kind``,
and no row stores a document (nothing searches the memory's text). Chroma's local write cost is mostly its
metadata rows and full-text index, so this layout makes a large first sync from the team ~2x cheaper.
Stores written with three full rows still read correctly (the fields are merged per answer).

A high score is not enough to show an answer: e5 rates unrelated questions of one domain 0.81-0.89 too. So
``search`` keeps only the earlier answers that ``memory_match.decide`` judges to be to the same question (score,
lead over the best rival answer, concept agreement, whether both ask the same thing); ``decide=False`` gives the plain ranking (benchmarks).
``lookup`` adds, when none is to the same question, the most likely earlier answer to a *related* question, which
the offline answer shows under that label and with that question, never as the answer.
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
from desktop.core.knowledge import memory_match
from desktop.core.knowledge.embedder import Embedder
from desktop.core.knowledge.text_budget import excerpt

COLLECTION = "answer_memory"
MIN_SIMILARITY = 0.80  # below this an earlier answer is about something else (e5 cosines are all high)
MAX_ANSWER_CHARS = 4000  # stored per answer; the whole answer rarely matters offline
CANDIDATES = 8  # answers fetched per wanted hit before the exact three-cosine score ranks them


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
    match: float = 0.0  # memory_match's probability that it answers the same question (0.0 when not judged)
    colleague: str = ""  # who, when the answer came from a colleague's laptop through the team sync
    colleague_at: str = ""  # when that laptop stored it

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class MemoryLookup:
    """What the memory offers for a question: earlier answers to it, or one to a related question."""

    same: list[MemoryHit]
    related: MemoryHit | None


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


ROW_KINDS = ((":q", "question"), (":p", "question_passage"), (":qa", "answer"))


def rows_of(answer_id: str, meta: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(row id, metadata) of one answer's three rows: the answer's fields on the ``:qa`` row only."""
    return [
        (
            answer_id + suffix,
            meta | {"kind": kind} if kind == "answer" else {"answer_id": answer_id, "kind": kind},
        )
        for suffix, kind in ROW_KINDS
    ]


def answer_text(meta: dict[str, Any]) -> str:
    """What the ``:qa`` row's vector embeds: the question and the (stored part of the) answer."""
    return f"{meta.get('question', '')}\n\n{meta.get('answer', '')}"


class AnswerMemory:
    """Index and search earlier Claude answers (thread-safe; one instance per store)."""

    def __init__(self, collection: Any, embedder: Embedder, journal: Any = None) -> None:
        self.collection = collection
        self.embedder = embedder
        self.journal = journal  # the team sync's journal: each new answer is pushed at the next sync
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
        from desktop.core.sync.journal import Journal

        return cls(collection, embedder, Journal.open())

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
        q_vec = self.embedder.embed_query(question)  # the search's vector (remembered by the embedder)
        # one batch, as the stored answers (and memory_match's fit) were made: a batch pads its texts alike
        p_vec, qa_vec = self.embedder.embed_passages([excerpt(question), excerpt(answer_text(meta))])
        rows = rows_of(answer_id, meta)
        with self._lock:
            self.collection.upsert(
                ids=[rid for rid, _m in rows],
                embeddings=np.asarray([q_vec, p_vec, qa_vec], dtype=np.float32),
                metadatas=[m for _rid, m in rows],
            )
        if self.journal is not None:
            from desktop.core.sync.journal import MEMORY_KIND

            self.journal.note(MEMORY_KIND, [answer_id], user_name)
        return answer_id

    def count(self) -> int:
        """How many answers are remembered."""
        return len(self.collection.get(where={"kind": "question"}, include=[])["ids"])

    def search(
        self, question: str, k: int = 3, min_similarity: float = MIN_SIMILARITY, *, decide: bool = True
    ) -> list[MemoryHit]:
        """The ``k`` earlier answers closest to ``question``, best first, at least ``min_similarity``; with
        ``decide`` (the default) only those judged to answer the same question (``memory_match``)."""
        return self._look(question, k, min_similarity, decide).same

    def lookup(self, question: str, k: int = 3, min_similarity: float = MIN_SIMILARITY) -> MemoryLookup:
        """The earlier answers to the same question (as ``search``) and, only when there is none, the most
        likely earlier answer to a related question (``memory_match.RELATED_THRESHOLD``), to be shown
        labelled as such, never as the answer."""
        return self._look(question, k, min_similarity, True)

    def _look(self, question: str, k: int, min_similarity: float, decide: bool) -> MemoryLookup:
        total = self.collection.count()
        if k <= 0 or total == 0:
            return MemoryLookup([], None)
        as_query = self.embedder.embed_query(question)
        as_passage = self.embedder.embed_passage(question)
        found = self.collection.query(
            query_embeddings=np.asarray([as_query], dtype=np.float32),
            n_results=min(total, CANDIDATES * k),
            include=["metadatas"],
        )
        candidates = list(dict.fromkeys(str(m.get("answer_id", "")) for m in found["metadatas"][0]))
        got = self.collection.get(
            where={"answer_id": {"$in": candidates}}, include=["embeddings", "metadatas"]
        )
        vectors: dict[str, dict[str, np.ndarray]] = {}
        metas: dict[str, dict[str, Any]] = {}
        for vec, meta in zip(got["embeddings"], got["metadatas"], strict=True):
            key = str(meta.get("answer_id", ""))
            vectors.setdefault(key, {})[str(meta.get("kind", ""))] = np.asarray(vec, dtype=np.float32)
            if meta.get("kind") == "answer" or key not in metas:  # the row holding the answer's fields
                metas[key] = dict(meta)
        keys = [key for key, kinds in vectors.items() if "question" in kinds and "question_passage" in kinds]
        similarities = [
            float(
                as_query @ vectors[key]["question"]
                + as_query @ vectors[key]["question_passage"]
                + as_passage @ vectors[key]["question_passage"]
            )
            / 3
            for key in keys
        ]
        if not decide:
            hits = [
                _hit(key, metas[key], s)
                for key, s in zip(keys, similarities, strict=True)
                if s >= min_similarity
            ]
            return MemoryLookup(sorted(hits, key=lambda h: -h.similarity)[:k], None)
        judged = self._judge(question, as_query, keys, vectors, metas, similarities, min_similarity)
        same = [_hit(key, metas[key], similarities[n], v.probability) for n, key, v in judged if v.same]
        if same:
            return MemoryLookup(sorted(same, key=lambda h: -h.similarity)[:k], None)
        related = max((j for j in judged if j[2].related), key=lambda j: j[2].probability, default=None)
        if related is None:
            return MemoryLookup([], None)
        n, key, verdict = related
        return MemoryLookup([], _hit(key, metas[key], similarities[n], verdict.probability))

    def _judge(
        self,
        question: str,
        as_query: np.ndarray,
        keys: list[str],
        vectors: dict[str, dict[str, np.ndarray]],
        metas: dict[str, dict[str, Any]],
        similarities: list[float],
        min_similarity: float,
    ) -> list[tuple[int, str, memory_match.Verdict]]:
        """``memory_match``'s verdict on each candidate at ``min_similarity`` or more."""
        questions = np.asarray([vectors[key]["question"] for key in keys], dtype=np.float32)
        languages = [str(metas[key].get("language", "")) for key in keys]
        texts = [str(metas[key].get("question", "")) for key in keys]
        leads = memory_match.margins(similarities, questions, languages)
        concepts = self._concepts(as_query, questions)
        asks = self._asks(question, as_query, texts, questions)
        judged = []
        for n, key in enumerate(keys):
            if similarities[n] < min_similarity:
                continue
            verdict = memory_match.decide(
                similarities[n],
                leads[n],
                memory_match.concept_agreement(
                    concepts[0] if concepts is not None else None,
                    concepts[n + 1] if concepts is not None else None,
                ),
                question,
                texts[n],
                memory_match.concept_agreement(
                    asks[0] if asks is not None else None,
                    asks[n + 1] if asks is not None else None,
                    memory_match.NEUTRAL_ASKS,
                ),
            )
            judged.append((n, key, verdict))
        return judged

    def _concepts(self, query: np.ndarray, questions: np.ndarray) -> np.ndarray | None:
        """Concept probabilities of the new question (row 0) and of each stored one (None: model not ready)."""
        from desktop.core.knowledge import concept_model

        try:
            model = concept_model.get_model(self.embedder)
        except Exception:  # a missing or damaged concept cache: decide without it
            model = None
        if model is None:
            return None
        rows = [query, *questions]
        return np.asarray(
            [[p for _c, p in sorted(model.probabilities(v).items())] for v in rows], dtype=np.float32
        )

    def _asks(
        self, question: str, query: np.ndarray, texts: list[str], questions: np.ndarray
    ) -> np.ndarray | None:
        """What the new question (row 0) and each stored one ask (asks_model; None: model not ready)."""
        from desktop.core.knowledge import asks_model

        try:
            model = asks_model.get_model(self.embedder)
        except Exception:  # a missing or damaged cache: decide without it
            model = None
        if model is None:
            return None
        rows = [(query, question), *zip(questions, texts, strict=True)]
        return np.asarray([model.probabilities(v, t) for v, t in rows], dtype=np.float32)


def _hit(key: str, meta: dict[str, Any], similarity: float, match: float = 0.0) -> MemoryHit:
    return MemoryHit(
        id=key,
        question=str(meta.get("question", "")),
        answer=str(meta.get("answer", "")),
        date=str(meta.get("date", "")),
        conversation_id=str(meta.get("conversation_id", "")),
        conversation_title=str(meta.get("conversation_title", "")),
        user_name=str(meta.get("user_name", "")),
        language=str(meta.get("language", "")),
        strategy=str(meta.get("strategy", "")),
        similarity=round(similarity, 4),
        match=round(match, 4),
        colleague=_colleague(meta),
        colleague_at=str(meta.get("origin_at", "")) if _colleague(meta) else "",
    )


def _colleague(meta: dict[str, Any]) -> str:
    """The colleague a synced answer came from ("" for this laptop's own)."""
    device = str(meta.get("origin_device", ""))
    if not device:
        return ""
    from desktop.core.sync.journal import device_id

    if device == device_id():
        return ""
    return str(meta.get("origin_name", "")) or str(meta.get("user_name", "")) or "?"
