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
from desktop.core.chat.trace import Event, Trace
from desktop.core.llm.base import ChatModel, Message
from desktop.core.settings import Settings

if TYPE_CHECKING:
    from desktop.core.knowledge.store import KnowledgeStore


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
    scratch: dict[str, Any] = field(default_factory=dict)  # strategy-private state between stages
    seed: int | None = None  # sampling seed of the main answer (a regenerate's fresh one), else the model's

    def messages(self) -> list[Message]:
        return [*self.history, Message("user", self.message)]


class Strategy(ABC):
    name: str = ""
    #: Short English label for menus (the GUI translates it); ``description`` says what it does.
    label: str = ""
    description: str = ""
    #: Local-model work the router may start before the message is sent, while the user types
    #: (:mod:`desktop.core.chat.precompute`: "note", "opening"); handed over in ``ctx.scratch``.
    precompute: tuple[str, ...] = ()

    def prepare(
        self, message: str, local: ChatModel, settings: Settings, cancel: CancelToken
    ) -> dict[str, Any]:
        """Start work before retrieval (the router calls it only when Claude answers), so live local-model work
        overlaps retrieval; the dict becomes ``ctx.scratch``. A ZantaraError means "start it in run()"."""
        return {}

    def online_answers(self, ctx: AnswerContext) -> bool:
        """Whether the online model writes this answer: only then is the hedged offline answer armed
        (:mod:`desktop.core.chat.hedge`)."""
        return not ctx.offline

    @abstractmethod
    def run(self, ctx: AnswerContext) -> str:
        """Produce the final answer text, emitting ``chunk``/``replace``/``stage`` events while streaming.

        Must record its stages (``ctx.trace.add_stage``) and which model did what (``ctx.trace.models``).
        """
