"""The one model interface (simonw/llm's idea): give it messages, get an iterator of text chunks.

Claude and the local model stream the same way, so strategies and the GUI never care which one answered.
Test fakes subclass :class:`ChatModel` for real instead of patching internals.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from desktop.core.cancel import CancelToken
from desktop.core.errors import ZantaraError

Role = Literal["user", "assistant"]


@dataclass(frozen=True)
class Message:
    role: Role
    content: str


@dataclass(frozen=True)
class ChatRequest:
    """One call to a model: what :meth:`ChatModel.generate` receives (built by :meth:`ChatModel.stream`)."""

    messages: list[Message]
    system: str = ""
    max_tokens: int | None = None  # None: the model's ``default_max_tokens``
    temperature: float = 0.7
    cancel: CancelToken | None = None
    grammar: Any = None  # a llama.cpp grammar constraining the output (in-process local models only)
    seed: int | None = None  # sampling seed (local and OpenAI-compatible models); None: the model's own


@dataclass(frozen=True)
class Capabilities:
    """What a model can do, declared by its class, so callers never probe with ``getattr``."""

    needs_key: bool = False  # answers only with an API key; ``has_key`` says whether one is set
    can_list_models: bool = False  # ``list_models()`` asks the server (the Settings picker, the probe)
    is_local: bool = True  # runs in this process: prompts are fitted to ``context_window``, offline answers
    can_cancel: bool = True  # stops between chunks when the CancelToken fires
    waits_idle: bool = False  # ``wait_idle()`` waits for a generation still running in another thread


class ChatModel(ABC):
    """A model that answers a conversation by streaming text chunks.

    A new kind of model implements :attr:`name` and :meth:`generate`, and declares :attr:`capabilities`; an
    online backend is registered in :mod:`desktop.core.llm.backends` (docs/architecture.md, "Add a backend").
    """

    #: Short tag recorded in trace stage names (``answer:claude``, ``answer:local``, ``answer:openai``).
    kind: str = "local"
    capabilities: Capabilities = Capabilities()
    default_max_tokens: int = 512
    #: Tokens the model sees at once, when prompts must be fitted to it (local models); None for remote
    #: models, whose window is far larger than anything the app sends.
    context_window: int | None = None

    def count_tokens(self, text: str) -> int:
        """Tokens of ``text`` for this model; models with a ``context_window`` count exactly."""
        return max(1, len(text) // 3)

    @property
    @abstractmethod
    def name(self) -> str:
        """Human-readable model id, recorded in traces (e.g. ``claude-haiku-4-5`` or a GGUF file stem)."""

    @property
    def label(self) -> str:
        """How the texts a user reads name this model: "Claude" for Claude, else the model's own name."""
        return "Claude" if self.kind == "claude" else self.name

    @abstractmethod
    def generate(self, request: ChatRequest) -> Iterator[str]:
        """Yield the answer chunk by chunk. Raises :class:`~desktop.core.errors.Cancelled` when cancelled."""

    @property
    def has_key(self) -> bool:
        """Whether the key this model needs is set (always True when ``capabilities.needs_key`` is False)."""
        return True

    def list_models(self) -> list[dict[str, str]]:
        """Model ids and display names offered by the server (``capabilities.can_list_models``)."""
        raise ZantaraError(f"{self.name} cannot list its models.")

    def wait_idle(self, timeout: float = 30.0) -> bool:
        """Wait until no generation runs in another thread (``capabilities.waits_idle``); False on timeout."""
        return True

    def stream(
        self,
        messages: list[Message],
        *,
        system: str = "",
        max_tokens: int | None = None,
        temperature: float = 0.7,
        cancel: CancelToken | None = None,
        seed: int | None = None,
    ) -> Iterator[str]:
        """Shorthand for :meth:`generate` with a :class:`ChatRequest` made of these arguments."""
        return self.generate(ChatRequest(messages, system, max_tokens, temperature, cancel, seed=seed))

    def complete(
        self,
        messages: list[Message],
        *,
        system: str = "",
        max_tokens: int | None = None,
        temperature: float = 0.7,
        cancel: CancelToken | None = None,
    ) -> str:
        """The whole answer at once (joins :meth:`generate`)."""
        return "".join(self.generate(ChatRequest(messages, system, max_tokens, temperature, cancel)))

    def tokens_for(self, request: ChatRequest) -> int:
        """The request's ``max_tokens``, or this model's default."""
        return request.max_tokens if request.max_tokens is not None else self.default_max_tokens


def parse_json_object(text: str) -> dict[str, Any]:
    """Parse a model's JSON answer; a cut or non-object answer raises a ZantaraError (callers count it).

    A raw line break inside a string is accepted (``strict=False``): the grammar-constrained bundled model
    writes one now and then, and the answer is whole (a fresh-clone CI run failed on exactly that)."""
    try:
        value = json.loads(text, strict=False)
    except ValueError as exc:
        raise ZantaraError(
            f"The local model's JSON was cut short ({len(text)} characters).",
            "Raise max_tokens or simplify the schema.",
        ) from exc
    if not isinstance(value, dict):
        raise ZantaraError("The local model returned JSON that is not an object.")
    return value
