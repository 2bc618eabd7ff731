"""The local LLaMA-family runtime (llama.cpp through llama-cpp-python).

One loaded model per file is shared by every caller (strategies, generation, the GUI): loading costs memory and
time, and a llama.cpp context is not thread-safe, so generations take turns behind a lock. The model loads lazily
on first use. Streaming yields text chunks like every :class:`ChatModel`; a :class:`CancelToken` stops a
generation between two tokens. JSON output can be constrained by a JSON schema (llama.cpp grammar).

Every prompt is fitted into the context window first (:mod:`desktop.core.llm.budget`) and its chat-template
markers are defused (:mod:`desktop.core.llm.framing`): a too-long or hostile prompt never reaches llama.cpp.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from desktop.core.cancel import CancelToken
from desktop.core.errors import Cancelled, ModelFileError
from desktop.core.llm import budget, framing
from desktop.core.llm.base import Capabilities, ChatModel, ChatRequest, Message, parse_json_object
from desktop.core.models.gguf_info import FIX_HINT, check_header

log = logging.getLogger(__name__)
_shared: dict[tuple[str, int, int], LocalModel] = {}
_shared_lock = threading.Lock()


def loaded_models() -> list[LocalModel]:
    """Every process-wide shared model made so far (loaded into memory or not yet)."""
    with _shared_lock:
        return list(_shared.values())


class LocalModel(ChatModel):
    kind = "local"
    capabilities = Capabilities(is_local=True, can_cancel=True, waits_idle=True)

    def __init__(self, path: Path | str, *, n_ctx: int = 2048, n_threads: int = 2, seed: int = 42) -> None:
        self.path = Path(path)
        self.n_ctx = n_ctx
        self.context_window: int | None = n_ctx
        self.n_threads = n_threads
        self.seed = seed
        self._llama: Any = None
        self._load_lock = threading.Lock()
        self._gen_lock = threading.Lock()
        self.last_stats: dict[str, float] = {}

    @classmethod
    def shared(cls, path: Path | str, *, n_ctx: int = 2048, n_threads: int = 2) -> LocalModel:
        """The process-wide instance for this file and settings."""
        key = (str(Path(path).resolve()), n_ctx, n_threads)
        with _shared_lock:
            if key not in _shared:
                _shared[key] = cls(path, n_ctx=n_ctx, n_threads=n_threads)
            return _shared[key]

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def loaded(self) -> bool:
        return self._llama is not None

    def load(self) -> Any:
        """Load the GGUF once (thread-safe). Bad files raise :class:`ModelFileError`, never crash the app."""
        if self._llama is not None:
            return self._llama
        with self._load_lock:
            if self._llama is None:
                check_header(self.path)
                from llama_cpp import Llama

                try:
                    self._llama = Llama(
                        model_path=str(self.path),
                        n_ctx=self.n_ctx,
                        n_threads=self.n_threads,
                        n_threads_batch=self.n_threads,
                        seed=self.seed,
                        verbose=False,
                    )
                except (ValueError, RuntimeError, OSError) as exc:
                    raise ModelFileError(
                        f"llama.cpp could not load {self.path.name} ({exc}).", FIX_HINT
                    ) from exc
        return self._llama

    def defuse(self, text: str) -> str:
        """``text`` made encodable, with every control token of this model's vocabulary and the common
        chat-template markers broken (:mod:`.special_tokens`)."""
        from desktop.core.llm.special_tokens import Defuser, from_loaded

        defuser = self.__dict__.get("_defuser")
        if defuser is None:
            defuser = self.__dict__.setdefault("_defuser", Defuser(from_loaded(self.load())))
        return defuser(framing.defuse_special_tokens(framing.encodable(text)))

    def count_tokens(self, text: str) -> int:
        """Tokens of ``text`` in this model's vocabulary (as the chat template will see it)."""
        data = self.defuse(text).encode("utf-8")
        return len(self.load().tokenize(data, add_bos=False, special=True))

    def fit(self, system: str, messages: list[Message], max_tokens: int) -> budget.Fitted:
        """The prompt trimmed to the context window (a no-op for prompts the chat layer already fitted)."""
        fitted = budget.fit_prompt(self.count_tokens, self.n_ctx, max_tokens, [system], messages)
        if fitted.changed:
            log.warning("%s", fitted.note())
        return fitted

    def wait_idle(self, timeout: float = 30.0) -> bool:
        """Wait until no llama.cpp call runs (a CLI must not exit under one: the model would be freed)."""
        if not self._gen_lock.acquire(timeout=timeout):
            return False
        self._gen_lock.release()
        return True

    def _acquire(self, cancel: CancelToken | None) -> None:
        while not self._gen_lock.acquire(timeout=0.05):
            if cancel is not None and cancel.cancelled:
                raise Cancelled()

    def generate(self, request: ChatRequest) -> Iterator[str]:
        cancel, temperature, grammar = request.cancel, request.temperature, request.grammar
        llama = self.load()
        fitted = self.fit(request.system, request.messages, self.tokens_for(request))
        turns = [("system", fitted.system)] if fitted.system else []
        turns += [(m.role, m.content) for m in fitted.messages]
        chat = [{"role": role, "content": self.defuse(content)} for role, content in turns]
        max_tokens = fitted.max_tokens
        self._acquire(cancel)
        started = time.perf_counter()
        first_token: float | None = None
        tokens = 0
        chunks = None
        try:
            chunks = llama.create_chat_completion(
                messages=chat,
                stream=True,
                max_tokens=max_tokens,
                temperature=temperature,
                repeat_penalty=1.15,
                grammar=grammar,
                seed=request.seed,  # None: llama.cpp derives the next seed from the previous one
            )
            for chunk in chunks:
                if cancel is not None and cancel.cancelled:
                    raise Cancelled()
                text = chunk["choices"][0]["delta"].get("content")
                if text:
                    tokens += 1
                    if first_token is None:
                        first_token = time.perf_counter() - started
                    yield text
        finally:
            if chunks is not None:
                chunks.close()
            self._gen_lock.release()
            elapsed = time.perf_counter() - started
            self.last_stats = {
                "tokens": tokens,
                "seconds": round(elapsed, 3),
                "first_token_ms": round((first_token or elapsed) * 1000, 1),
                "tokens_per_s": round(tokens / elapsed, 1) if elapsed > 0 else 0.0,
            }

    def complete_json(
        self,
        messages: list[Message],
        *,
        schema: dict[str, Any],
        system: str = "",
        max_tokens: int = 512,
        temperature: float = 0.7,
        cancel: CancelToken | None = None,
    ) -> dict[str, Any]:
        """Generate JSON that matches ``schema`` (enforced token by token by a llama.cpp grammar)."""
        from llama_cpp import LlamaGrammar

        grammar = LlamaGrammar.from_json_schema(json.dumps(schema), verbose=False)
        text = "".join(self.generate(ChatRequest(messages, system, max_tokens, temperature, cancel, grammar)))
        return parse_json_object(text)
