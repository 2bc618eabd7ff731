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


class ChatModel(ABC):
    """A model that answers a conversation by streaming text chunks."""

    #: "claude" or "local": which side of the hybrid this model is.
    kind: str = "local"
    #: Tokens the model sees at once, when prompts must be fitted to it (local models); None for Claude,
    #: whose window is far larger than anything the app sends.
    context_window: int | None = None

    def count_tokens(self, text: str) -> int:
        """Tokens of ``text`` for this model; models with a ``context_window`` count exactly."""
        return max(1, len(text) // 3)

    @property
    @abstractmethod
    def name(self) -> str:
        """Human-readable model id, recorded in traces (e.g. ``claude-haiku-4-5`` or a GGUF file stem)."""

    @abstractmethod
    def stream(
        self,
        messages: list[Message],
        *,
        system: str = "",
        max_tokens: int = 512,
        temperature: float = 0.7,
        cancel: CancelToken | None = None,
    ) -> Iterator[str]:
        """Yield the answer chunk by chunk. Raises :class:`~desktop.core.errors.Cancelled` when cancelled."""

    def complete(
        self,
        messages: list[Message],
        *,
        system: str = "",
        max_tokens: int = 512,
        temperature: float = 0.7,
        cancel: CancelToken | None = None,
    ) -> str:
        """The whole answer at once (joins :meth:`stream`)."""
        return "".join(
            self.stream(
                messages, system=system, max_tokens=max_tokens, temperature=temperature, cancel=cancel
            )
        )


def parse_json_object(text: str) -> dict[str, Any]:
    """Parse a model's JSON answer; a cut or non-object answer raises a ZantaraError (callers count it)."""
    try:
        value = json.loads(text)
    except ValueError as exc:
        raise ZantaraError(
            f"The local model's JSON was cut short ({len(text)} characters).",
            "Raise max_tokens or simplify the schema.",
        ) from exc
    if not isinstance(value, dict):
        raise ZantaraError("The local model returned JSON that is not an object.")
    return value
