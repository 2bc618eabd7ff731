"""Real :class:`ChatModel` subclasses for tests: scripted text, optional delays and failures.

Not mocks: strategies call them through the same interface as Claude and the local model, they honour the
cancel token like the real ones, and they record every call so a test can check what a model was asked.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from desktop.core.cancel import CancelToken
from desktop.core.errors import Cancelled, ClaudeUnavailable
from desktop.core.llm.base import Capabilities, ChatModel, ChatRequest, Message

Reply = str | Callable[[list[Message], str], str]


@dataclass
class Call:
    messages: list[Message]
    system: str
    max_tokens: int
    temperature: float
    started: float  # time.perf_counter() when the call began
    finished: float | None = None
    cancelled: bool = False
    seed: int | None = None  # the sampling seed the request carried


class ScriptedModel(ChatModel):
    """Streams a given reply word by word.

    ``reply`` is a string, or a function of (messages, system) -> string (to answer differently per prompt).
    ``first_delay`` sleeps before the first chunk, ``chunk_delay`` between chunks (both cancellable).
    ``fail`` is raised instead of answering - after ``fail_after`` chunks, so a stream can be cut mid-answer;
    a :class:`ClaudeUnavailable` gets the streamed text as its ``partial``.
    """

    def __init__(
        self,
        reply: Reply = "Hello.",
        *,
        name: str = "scripted",
        kind: str = "claude",
        first_delay: float = 0.0,
        chunk_delay: float = 0.0,
        fail: Exception | None = None,
        fail_after: int = 0,
    ) -> None:
        self._name = name
        self.kind = kind
        self.capabilities = Capabilities(is_local=kind == "local", needs_key=kind == "claude")
        self.reply = reply
        self.first_delay = first_delay
        self.chunk_delay = chunk_delay
        self.fail = fail
        self.fail_after = fail_after
        self.calls: list[Call] = []
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        return self._name

    def generate(self, request: ChatRequest) -> Iterator[str]:
        messages, system, cancel = request.messages, request.system, request.cancel
        call = Call(
            list(messages),
            system,
            self.tokens_for(request),
            request.temperature,
            time.perf_counter(),
            seed=request.seed,
        )
        with self._lock:
            self.calls.append(call)
        cancel = cancel or CancelToken()
        try:
            text = self.reply(messages, system) if callable(self.reply) else self.reply
            chunks = [word + " " for word in text.split(" ")]
            chunks[-1] = chunks[-1][:-1]
            if cancel.wait(self.first_delay):
                raise Cancelled()
            sent: list[str] = []
            for index, chunk in enumerate(chunks):
                if self.fail is not None and index >= self.fail_after:
                    raise self._failure("".join(sent))
                if index and self.chunk_delay and cancel.wait(self.chunk_delay):
                    raise Cancelled()
                cancel.raise_if_cancelled()
                sent.append(chunk)
                yield chunk
            if self.fail is not None:
                raise self._failure("".join(sent))
        except Cancelled:
            call.cancelled = True
            raise
        finally:
            call.finished = time.perf_counter()

    def _failure(self, partial: str) -> Exception:
        fail = self.fail
        assert fail is not None
        if isinstance(fail, ClaudeUnavailable):
            return ClaudeUnavailable(fail.reason, fail.message, fail.hint, partial=partial)
        return fail


def claude_down(reason: str = "connection") -> ClaudeUnavailable:
    """What the Claude client raises when it cannot answer."""
    return ClaudeUnavailable(reason, "Cannot reach Claude.", "Answering offline for now.")


class WindowedModel(ScriptedModel):
    """A scripted *local* model with a context window, refusing an oversized prompt the way llama.cpp does
    (``ValueError: Requested tokens (...) exceed context window of ...``). Counts a token per 4 characters."""

    def __init__(self, reply: Reply = "Hello.", *, n_ctx: int = 2048, **kwargs: object) -> None:
        super().__init__(reply, kind="local", **kwargs)  # type: ignore[arg-type]
        self.context_window = n_ctx

    def count_tokens(self, text: str) -> int:
        return len(text) // 4 + 1

    def generate(self, request: ChatRequest) -> Iterator[str]:
        used = sum(self.count_tokens(t) + 8 for t in [request.system, *(m.content for m in request.messages)])
        if used + self.tokens_for(request) > (self.context_window or 0):
            raise ValueError(f"Requested tokens ({used}) exceed context window of {self.context_window}")
        return super().generate(request)
