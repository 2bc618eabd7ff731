"""The strategy contract.

The router does everything that is the same for every strategy: store the user's message, detect the language,
retrieve insights, decide Claude vs offline (circuit breaker), persist the answer. A strategy only decides *how
the answer text is made* from the models it is given.

Fallback is not a strategy's business: when ``ctx.main`` is Claude and its stream raises
:class:`~desktop.core.errors.ClaudeUnavailable`, the strategy lets it propagate; the router then runs the same
strategy again with ``ctx.main`` = the local model (``ctx.offline`` True) and ``ctx.partial`` = what Claude had
already streamed, which stays on screen, marked.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from desktop.core.cancel import CancelToken
from desktop.core.chat.trace import DocumentPassage, Event, NoteOrigin, Trace
from desktop.core.llm.base import ChatModel, Message
from desktop.core.settings import Settings

if TYPE_CHECKING:
    from desktop.core.chat.precompute import Prepared
    from desktop.core.chat.strategies.wrap import WrapInfo
    from desktop.core.chat.tone import Job, ToneText
    from desktop.core.knowledge.memory import MemoryHit
    from desktop.core.knowledge.store import KnowledgeStore


@dataclass
class Early:
    """Local work started before the answer is written (while the user typed, or as the message arrived, so
    it overlaps retrieval), handed to the strategy that asked for it."""

    note: Job[ToneText] | None = None  # the live cultural note (enrich, combo)
    opening: Job[ToneText] | None = None  # the warm opening (wrap)
    origin: NoteOrigin = field(default_factory=NoteOrigin)  # typing or message; the note cache's key and hit
    prepared: Prepared | None = None  # the precomputer's record of it, when the router's precomputer ran it

    def cancel(self) -> None:
        """Stop the work: the local model may be needed for an offline answer now."""
        if self.prepared is not None:
            self.prepared.cancel()

    def release(self) -> None:
        """Deferred local work may run now: retrieval no longer needs the CPU."""
        if self.prepared is not None:
            self.prepared.release()


@dataclass
class AnswerContext:
    message: str  # the user's new message
    history: list[Message]  # earlier turns, oldest first (not including `message`)
    language: str  # "id" | "it" | "en"
    insights: list[
        dict[str, Any]
    ]  # retrieved insights as dicts (id, text, language, category, concepts, source, score)
    context_block: str  # the insights formatted as delimited reference data for a system prompt ("" if none)
    main: ChatModel  # writes the core answer: Claude, or the local model when offline
    local: ChatModel  # the local LLaMA-family model (enrich, wrap, rewrite, team)
    offline: bool  # True when main is the local model
    settings: Settings
    trace: Trace
    emit: Callable[[Event], None]
    cancel: CancelToken
    partial: str = ""  # text Claude streamed before failing (offline re-run only)
    store: KnowledgeStore | None = None
    seed: int | None = None  # sampling seed of the main answer (a regenerate's fresh one), else the model's
    early: Early = field(default_factory=Early)  # local work started before the answer (note, opening)
    arrived: float | None = None  # perf_counter() when the message arrived (the note's budget counts from it)
    profile: str = ""  # who is asking, when not settings.profile (team strategy)
    memory_hits: list[MemoryHit] | None = None  # earlier Claude answers, looked up once (offline only)
    related_hit: MemoryHit | None = None  # else one to a related question, shown labelled as such
    wrap: WrapInfo | None = None  # what the wrap strategy's local model added (opening, closing)
    passages: list[DocumentPassage] = field(default_factory=list)  # the team's documents given to the answer

    @property
    def asker(self) -> str:
        """Who is asking: team or client."""
        return self.profile or self.settings.profile

    def messages(self) -> list[Message]:
        return [*self.history, Message("user", self.message)]


class Strategy(ABC):
    name: str = ""
    #: Short English label for menus (the GUI translates it); ``description`` says what it does.
    label: str = ""
    description: str = ""
    #: Local-model work the router may start before the message is sent, while the user types
    #: (:mod:`desktop.core.chat.precompute`: "note", "opening"); handed over in ``ctx.early``.
    precompute: tuple[str, ...] = ()

    def prepare(self, message: str, local: ChatModel, settings: Settings, cancel: CancelToken) -> Early:
        """Start work before retrieval (the router calls it only when Claude answers), so live local-model work
        overlaps retrieval; it becomes ``ctx.early``. A ZantaraError means "start it in run()"."""
        return Early()

    def online_answers(self, ctx: AnswerContext) -> bool:
        """Whether the online model writes this answer: only then is the hedged offline answer armed
        (:mod:`desktop.core.chat.hedge`)."""
        return not ctx.offline

    @abstractmethod
    def run(self, ctx: AnswerContext) -> str:
        """Produce the final answer text, emitting ``chunk``/``replace``/``stage`` events while streaming.

        Must record its stages (``ctx.trace.add_stage``) and which model did what (``ctx.trace.models``).
        """
