"""The composition root: builds each core component once, lazily, and shares it.

The CLI makes one ``Services`` per command; the GUI makes one per window and hands it to workers. Components
are created on first use so `zantara --help` stays instant and a missing model or store only fails the command
that needs it. Creation is guarded by a lock because GUI workers may ask from several threads.
"""

from __future__ import annotations

import threading
from functools import cached_property
from typing import TYPE_CHECKING, Any

from desktop.core.settings import Settings, rebuilt_by

if TYPE_CHECKING:
    from desktop.core.chat.breaker import CircuitBreaker
    from desktop.core.chat.conversations import Conversations
    from desktop.core.chat.router import Router
    from desktop.core.documents.index import DocumentIndex
    from desktop.core.generation.runs import RunStore
    from desktop.core.knowledge.embedder import Embedder
    from desktop.core.knowledge.memory import AnswerMemory
    from desktop.core.knowledge.store import KnowledgeStore
    from desktop.core.llm.base import ChatModel
    from desktop.core.llm.local import LocalModel
    from desktop.core.models.registry import ModelRegistry


def store_lock() -> Any:
    """A file lock held while a process opens the store and loads the pack: two first runs at once would
    otherwise create the collection twice, or read it while the other is still filling it."""
    from filelock import FileLock

    from desktop.core import paths

    return FileLock(str(paths.data_dir() / "chroma.lock"), timeout=600)


class Services:
    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings if settings is not None else Settings.load()
        self._lock = threading.RLock()
        self.settings.subscribe(self.settings_changed)

    @cached_property
    def registry(self) -> ModelRegistry:
        from desktop.core.models.registry import ModelRegistry

        with self._lock:
            return ModelRegistry()

    @cached_property
    def local_model(self) -> LocalModel:
        """The chosen local GGUF, loaded lazily on first generation and shared by every caller."""
        from desktop.core.llm.local import LocalModel

        with self._lock:
            entry = self.registry.resolve(self.settings.local_model)
            return LocalModel.shared(
                entry.path,
                n_ctx=self.settings.context_size,
                n_threads=self.settings.effective_threads(),
            )

    def model_for(self, role: str) -> LocalModel:
        """The local model that does ``role`` (offline_answers, live_notes, insights): its setting, else the
        chosen local model, else the bundled default. Models are shared per file, so roles naming the same
        file share one loaded copy."""
        from desktop.core.llm.local import LocalModel

        name = self.settings.model_for_role(role)
        if name == self.settings.local_model:
            return self.local_model
        with self._lock:
            entry = self.registry.resolve(name)
            return LocalModel.shared(
                entry.path,
                n_ctx=self.settings.context_size,
                n_threads=self.settings.effective_threads(),
            )

    @cached_property
    def embedder(self) -> Embedder:
        from desktop.core.knowledge.embedder import default_embedder

        with self._lock:
            return default_embedder()

    @cached_property
    def store(self) -> KnowledgeStore:
        """The Chroma-backed insight store; the curated pack is loaded on first open (idempotent)."""
        from desktop.core.knowledge.store import KnowledgeStore

        with self._lock, store_lock():
            store = KnowledgeStore.open(self.settings, self.embedder)
            store.ensure_curated_pack()
            return store

    @cached_property
    def memory(self) -> AnswerMemory:
        """Earlier Claude answers, in the insight store's Chroma client (shared with the team's server)."""
        from desktop.core.knowledge.memory import AnswerMemory

        with self._lock:
            return AnswerMemory.open(self.store.client, self.embedder)

    @cached_property
    def documents(self) -> DocumentIndex:
        """The team's documents: passages in SQLite FTS5 and in a Chroma collection beside the insights."""
        from desktop.core.documents.index import DocumentIndex

        with self._lock:
            return DocumentIndex.open(self.store.client, self.embedder)

    @cached_property
    def generation_runs(self) -> RunStore:
        """The generation runs (in the conversations database): what Generate resumes."""
        from desktop.core.generation.runs import RunStore

        return RunStore()

    @cached_property
    def conversations(self) -> Conversations:
        from desktop.core.chat.conversations import Conversations

        with self._lock:
            return Conversations.open()

    @cached_property
    def breaker(self) -> CircuitBreaker:
        from desktop.core.chat.breaker import CircuitBreaker

        with self._lock:
            return CircuitBreaker.shared(self.settings)

    @cached_property
    def router(self) -> Router:
        from desktop.core.chat.router import Router

        with self._lock:
            return Router(self)

    def loaded_models(self) -> list[ChatModel]:
        """The local models built so far in this process (the router waits for them before a CLI exits)."""
        from desktop.core.llm.local import loaded_models

        models: list[ChatModel] = list(loaded_models())
        own = self.__dict__.get("local_model")  # this object's cache: only if it was ever built (or given)
        if own is not None and own not in models:
            models.append(own)
        return models

    def reset(self, *components: str) -> None:
        """Forget lazily built components so the next use builds them afresh."""
        with self._lock:
            for name in components:
                self.__dict__.pop(name, None)

    def settings_changed(self, changed: set[str]) -> None:
        """Forget the components built from the changed settings (each field declares them: ``rebuilds`` in
        :mod:`desktop.core.settings`); subscribed to ``Settings.update``."""
        self.reset(*rebuilt_by(changed))
