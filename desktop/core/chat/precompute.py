"""Local-model work started before the answer needs it: the live cultural note and wrap's warm opening.

Why: the note takes ~0.5 s on the bundled model (seconds on a busy laptop) and Claude's request must not wait
for it. So the app calls :meth:`Precomputer.prepare` with the composer's draft while the user types
(debounced); the work is restarted only when the draft changed a lot (words deleted or rewritten, not
added), and at Enter the router
:meth:`~Precomputer.take`\\s what matches the message. The CLI, which has no typing time, starts the same work
through :meth:`~Precomputer.start` at the moment the message arrives, overlapping retrieval.

Notes are cached by (concepts, language, profile, model) in a small LRU, persisted as JSON in the cache folder,
so a familiar topic costs nothing even in a fresh process. A note is generic advice on how to answer a kind of
message ("the person feels malu: reassure them"), which is why the concepts are a fair key.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.cancel import CancelToken
from desktop.core.chat import tone
from desktop.core.chat.trace import NoteOrigin
from desktop.core.llm.base import ChatModel

log = logging.getLogger(__name__)

NOTE = "note"
OPENING = "opening"
UNFIT = "unfit_model"  # the note's reason when the model is declared unfit for notes
MIN_WORDS = 3  # shorter drafts say too little to write a note for
#: The draft "changed a lot" when less than this share of the prepared draft's words is still in it (words were
#: deleted or rewritten, not just added): the work is cancelled and restarted. At Enter, prepared work is used
#: only if the message still holds this share of its draft's words.
KEEP = 0.7
#: A finished note is rewritten for the longer draft once the draft has this share of new words, keeping the
#: finished one until the new one is ready. Work still running is never cancelled because words were added:
#: on a busy laptop a restarted note would never finish before Enter.
REFRESH_BELOW = 0.9
CACHE_SIZE = 512
WORDS = re.compile(r"[^\W_]+", re.UNICODE)

Key = tuple[tuple[str, ...], str, str, str]  # (concepts, language, profile, model)


def words(text: str) -> set[str]:
    return {w.casefold() for w in WORDS.findall(text)}


def coverage(prepared: str, text: str) -> float:
    """Share of ``text``'s words that ``prepared`` already had (1.0 = nothing new was typed)."""
    target = words(text)
    if not target:
        return 1.0 if not words(prepared) else 0.0
    return len(target & words(prepared)) / len(target)


class NoteCache:
    """A thread-safe LRU of notes by (concepts, language, profile, model); optionally persisted as JSON."""

    def __init__(self, path: Path | None = None, size: int = CACHE_SIZE) -> None:
        self.path = path
        self.size = size
        self._items: OrderedDict[Key, str] = OrderedDict()
        self._lock = threading.Lock()
        self._loaded = path is None
        self.hits = 0
        self.misses = 0

    def _load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        try:
            rows = (
                json.loads(self.path.read_text(encoding="utf-8")) if self.path and self.path.exists() else []
            )
            for row in rows[-self.size :]:
                key = (tuple(row["concepts"]), str(row["language"]), str(row["profile"]), str(row["model"]))
                self._items[key] = str(row["note"])
        except (OSError, ValueError, KeyError, TypeError) as exc:  # a damaged cache is only a slower note
            log.info("note cache not loaded: %s", exc)

    def get(self, key: Key | None) -> str | None:
        if key is None:
            return None
        with self._lock:
            self._load()
            note = self._items.get(key)
            if note is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return note

    def put(self, key: Key | None, note: str) -> None:
        if key is None or not note:
            return
        with self._lock:
            self._load()
            self._items[key] = note
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
            rows = [
                {"concepts": list(k[0]), "language": k[1], "profile": k[2], "model": k[3], "note": v}
                for k, v in self._items.items()
            ]
        self._save(rows)

    def _save(self, rows: list[dict[str, Any]]) -> None:
        if self.path is None:
            return
        try:
            from desktop.core.atomic import atomic_write_text

            atomic_write_text(self.path, json.dumps(rows, ensure_ascii=False))
        except OSError as exc:
            log.info("note cache not saved: %s", exc)

    def __len__(self) -> int:
        with self._lock:
            self._load()
            return len(self._items)


@dataclass
class Prepared:
    """The work started for one draft: which jobs, in which language, and whether the note came from the cache."""

    draft: str
    strategy: str
    language: str = ""
    jobs: dict[str, tone.Job[tone.ToneText]] = field(default_factory=dict)
    started: float = field(default_factory=time.perf_counter)
    source: str = "typing"  # "typing" (prepare, while the user typed) | "message" (start, at Enter)
    info: NoteOrigin = field(default_factory=NoteOrigin)  # source, key, cache hit: copied into the trace
    #: Set when the local model may run. Work started at the message's arrival with an adaptive deadline waits
    #: for the end of retrieval (the router releases it), so it never slows retrieval down on a busy machine;
    #: it then runs during Claude's network wait (and fills the cache). Typing-time work runs at once.
    gate: threading.Event = field(default_factory=threading.Event)

    def release(self) -> None:
        self.gate.set()

    def wait_gate(self, token: CancelToken, timeout: float = 60.0) -> None:
        """Block until the local model may run; raise Cancelled if the work was cancelled meanwhile (a
        cancelled job must not even load the model: llama.cpp silences stdout while it loads)."""
        end = time.perf_counter() + timeout
        while not self.gate.wait(0.02):
            token.raise_if_cancelled()
            if time.perf_counter() > end:
                break
        token.raise_if_cancelled()

    def cancel(self) -> None:
        for job in self.jobs.values():
            job.cancel()

    @property
    def done(self) -> bool:
        return all(job.done for job in self.jobs.values())


class _Ready(tone.Job[tone.ToneText]):
    """A job that is already finished (a cache hit): no thread, no wait."""

    def __init__(self, value: tone.ToneText) -> None:  # no super().__init__: nothing to run
        self.token = CancelToken()
        self.parent = None
        self.started = self.finished = time.perf_counter()
        self.result = value
        self.error = None
        self._done = threading.Event()
        self._done.set()

    def join(self, timeout: float = 2.0) -> None:
        return None


class Precomputer:
    """Starts, keeps, restarts and hands over the note/opening jobs for the draft being typed.

    ``local`` gives the live-notes model; ``keyer(text, language)`` the concepts of a text (may be slow: it runs
    in the job's thread or the caller's worker, never on Claude's path); ``profile`` the settings' profile;
    ``unfit(model)`` why this model writes no cultural note ("" when it does: :func:`.local_fit.note_skip_reason`).
    """

    def __init__(
        self,
        local: Callable[[], ChatModel],
        *,
        cache: NoteCache | None = None,
        keyer: Callable[[str, str], tuple[str, ...]] | None = None,
        profile: Callable[[], str] = lambda: "",
        detect: Callable[[str], str] | None = None,
        unfit: Callable[[ChatModel], str] | None = None,
    ) -> None:
        self.local = local
        self.unfit = unfit
        self.cache = cache if cache is not None else NoteCache()
        self.keyer = keyer
        self.profile = profile
        self.detect = detect
        self._lock = threading.Lock()
        self._current: Prepared | None = None
        self._last_done: Prepared | None = None
        self._live: list[Prepared] = []  # every launched work not known to be finished (wait_idle)
        self.restarts = 0

    # -- while the user types -----------------------------------------------------------------------------
    def prepare(self, draft: str, strategy: str, needs: tuple[str, ...]) -> Prepared | None:
        """Start the work ``needs`` (:data:`NOTE`, :data:`OPENING`) for ``draft``, unless the work under way
        already covers it; returns what is being prepared (None for a draft too short or nothing needed)."""
        draft = draft.strip()
        if not needs or len(words(draft)) < MIN_WORDS:
            return None
        with self._lock:
            current = self._current
            if current is not None and current.strategy == strategy:
                kept = coverage(draft, current.draft)  # the share of the prepared draft still in the draft
                if kept >= KEEP and (not current.done or coverage(current.draft, draft) >= REFRESH_BELOW):
                    return current  # only words were added: the work under way (or finished) still fits
        fresh = self._launch(draft, strategy, needs, "typing")
        with self._lock:
            old, self._current = self._current, fresh
            if old is not None:
                if old.strategy == strategy and coverage(draft, old.draft) >= KEEP and _has_note(old):
                    self._last_done = old  # finished, for an earlier form of this draft: kept until Enter
                else:
                    old.cancel()
                    self._last_done = None
                    self.restarts += 1
        return fresh

    def wait_idle(self, timeout: float) -> bool:
        """Wait until no launched work runs (a CLI must not exit, nor print, while a job may load the model)."""
        end = time.perf_counter() + timeout
        with self._lock:
            live = list(self._live)
        for prepared in live:
            for job in prepared.jobs.values():
                if job.parent is not None and job.parent.cancelled:
                    job.cancel()  # its answer was stopped (the CLI stops leftovers when it ends)
                if not job.wait(max(0.0, end - time.perf_counter())):
                    return False
        return True

    def discard(self) -> None:
        """The draft was sent elsewhere or cleared: stop the work under way."""
        with self._lock:
            current, self._current, self._last_done = self._current, None, None
        if current is not None:
            current.cancel()

    # -- at Enter -----------------------------------------------------------------------------------------
    def take(self, text: str, strategy: str) -> Prepared | None:
        """What was prepared for ``text``, or None; forgets it. The message must still hold what was prepared
        (:data:`KEEP`); among the current work and the last finished note, a finished note beats one still
        being written, and the newer beats the older."""
        with self._lock:
            current, last = self._current, self._last_done
            self._current = self._last_done = None
        matches = [
            c
            for c in (current, last)
            if c is not None and c.strategy == strategy and coverage(text, c.draft) >= KEEP
        ]
        ready = [c for c in matches if c.done and (_has_note(c) or NOTE not in c.jobs)]
        chosen = ready[0] if ready else (matches[0] if matches else None)
        if current is not None and current is not chosen:
            current.cancel()
        if chosen is not None:
            chosen.info.coverage = round(coverage(chosen.draft, text), 2)  # how much of the message it saw
        return chosen

    def start(
        self, text: str, strategy: str, needs: tuple[str, ...], language: str = "", defer: bool = False
    ) -> Prepared:
        """The same work started at the moment the message arrives (no typing time: the CLI, a regenerate).

        ``defer``: the local model waits for :meth:`Prepared.release` (the end of retrieval); a cache hit does
        not."""
        return self._launch(text.strip(), strategy, needs, "message", language, defer)

    # -- the jobs -----------------------------------------------------------------------------------------
    def _launch(
        self,
        draft: str,
        strategy: str,
        needs: tuple[str, ...],
        source: str,
        language: str = "",
        defer: bool = False,
    ) -> Prepared:
        prepared = Prepared(draft=draft, strategy=strategy, source=source, language=language)
        if not defer:
            prepared.release()
        with self._lock:
            self._live = [p for p in self._live if not p.done] + [prepared]
        model = self.local()
        unfit = self.unfit(model) if self.unfit is not None and NOTE in needs else ""
        if unfit:
            prepared.jobs[NOTE] = skipped_job(unfit)  # no thread, no model, no cache
        elif NOTE in needs:
            prepared.jobs[NOTE] = tone.Job(lambda token: self._note(prepared, model, token), name="note")
        if OPENING in needs:

            def opening(token: CancelToken) -> tone.ToneText:
                prepared.wait_gate(token)
                return tone.warm_opening(model, draft, self._language(prepared), token)

            prepared.jobs[OPENING] = tone.Job(opening, name="opening")
        return prepared

    def _language(self, prepared: Prepared) -> str:
        if not prepared.language:
            prepared.language = self.detect(prepared.draft) if self.detect is not None else "en"
        return prepared.language

    def key(self, text: str, language: str, model: ChatModel) -> Key | None:
        """The cache key of a text: its concepts (none: no key, nothing is cached), language, profile, model."""
        if self.keyer is None:
            return None
        try:
            concepts = tuple(sorted(self.keyer(text, language)))
        except Exception as exc:  # no concepts, no cache: the note is still written
            log.info("note key unavailable: %s", exc)
            return None
        if not concepts:
            return None
        return (concepts, language, self.profile(), model.name)

    def _note(self, prepared: Prepared, model: ChatModel, token: CancelToken) -> tone.ToneText:
        """Cache hit, or the note written now and cached; runs in the note job's thread."""
        began = time.perf_counter()
        language = self._language(prepared)
        key = self.key(prepared.draft, language, model)
        prepared.info.key = list(key[0]) if key else []
        cached = self.cache.get(key)
        if cached is not None:
            prepared.info.cache = "hit"
            ms = round((time.perf_counter() - began) * 1000, 1)
            return tone.ToneText(cached, source="cache", reason="ok", raw=cached, ms=ms)
        prepared.info.cache = "miss" if key else "no key"
        prepared.wait_gate(token)
        note = tone.cultural_note(model, prepared.draft, language, None, token)
        if str(note):
            self.cache.put(key, str(note))
        return note


def _has_note(prepared: Prepared) -> bool:
    job = prepared.jobs.get(NOTE)
    return job is not None and job.error is None and bool(str(job.result or ""))


def skipped_job(why: str) -> tone.Job[tone.ToneText]:
    """A finished note job that wrote nothing because the model is unfit for notes (``why``: the reason text)."""
    return _Ready(tone.ToneText("", source="none", reason=UNFIT, raw=why))


def skipped(job: tone.Job[tone.ToneText]) -> bool:
    """Whether ``job`` is a :func:`skipped_job` (the model is unfit for notes)."""
    return job.result is not None and job.result.reason == UNFIT


def ready_job(note: str) -> tone.Job[tone.ToneText]:
    """A finished job holding ``note`` (tests, and callers with a note in hand)."""
    return _Ready(tone.ToneText(note, source="cache", reason="ok", raw=note))
