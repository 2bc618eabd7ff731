"""The router: everything an answer needs that does not depend on the strategy.

1. store the user's message (before any network call) and a ``pending`` answer row;
2. detect the language and retrieve cultural insights;
3. decide Claude or offline: ``--offline``, no key or an open circuit breaker go offline with no wait;
4. run the strategy; if Claude fails (:class:`ClaudeUnavailable`), tell the breaker, keep what Claude streamed
   (marked), and run the same strategy again offline with the local model;
5. finalise the answer row with mode, model, status and the trace.

Strategies return only the text *they* produced; when Claude was cut mid-answer the router prepends Claude's
partial text and the "continued offline" mark, which it has already streamed to the caller.
"""

from __future__ import annotations

import contextlib
import dataclasses
import random
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from desktop.core import secrets
from desktop.core.cancel import CancelToken
from desktop.core.chat import documents_step, prompts
from desktop.core.chat import offline as offline_path
from desktop.core.chat import precompute as pre
from desktop.core.chat.hedge import Hedge
from desktop.core.chat.memory_answer import settle_late
from desktop.core.chat.readability import UnreadableAnswer
from desktop.core.chat.strategies import registry
from desktop.core.chat.strategies.base import AnswerContext, Early, Strategy
from desktop.core.chat.strategies.rag import main_system_prompt, stream_answer
from desktop.core.chat.trace import Answer, Event, Insight, RetrievalError, Status, Trace
from desktop.core.errors import Cancelled, ClaudeUnavailable, ModelFileError, ModelNotFound, ZantaraError
from desktop.core.feedback import usage
from desktop.core.knowledge.memory import user_name
from desktop.core.llm import backends
from desktop.core.llm.base import ChatModel, ChatRequest, Message
from desktop.core.messages import say
from desktop.core.settings import Settings

if TYPE_CHECKING:
    from desktop.core.chat.breaker import BreakerState, CircuitBreaker
    from desktop.core.chat.conversations import Conversations
    from desktop.core.knowledge.memory import AnswerMemory
    from desktop.core.knowledge.store import KnowledgeStore
    from desktop.core.models.registry import ModelRegistry
    from desktop.core.secrets import KeyStatus

EventCallback = Callable[[Event], None]
HISTORY_TURNS = 10
CONCEPT_CONFIDENCE = 0.5  # the concept model's guess keys the note cache only when it is at least this sure
FLUSH_EVERY_S = 1.0  # how often streamed text is written to the pending row (crash safety)

OFFLINE_MESSAGES = {
    "offline_requested": "Offline mode: Zantara answers from this laptop (the local model where it can, else "
    "earlier answers and cultural notes).",
    "no_key": "No Anthropic API key: Zantara answers from this laptop. Run `zantara key set` to use Claude.",
    "breaker_open": "Claude failed recently: Zantara answers from this laptop until a probe succeeds.",
}


@dataclass(frozen=True)
class LocalModelStatus:
    name: str
    path: str
    available: bool
    error: str = ""


@dataclass(frozen=True)
class RouterStatus:
    """Who can answer: `zantara status` and the GUI read this."""

    breaker: BreakerState
    key: KeyStatus
    backend: str
    claude_model: str
    local_model: LocalModelStatus
    strategy: str
    strategies: list[str]


class RouterDeps(Protocol):
    """What the router needs, explicitly (``Services`` provides it; each is built lazily on first use)."""

    settings: Settings

    @property
    def conversations(self) -> Conversations: ...
    @property
    def breaker(self) -> CircuitBreaker: ...
    @property
    def store(self) -> KnowledgeStore: ...
    @property
    def memory(self) -> AnswerMemory: ...
    @property
    def registry(self) -> ModelRegistry: ...
    def model_for(self, role: str) -> ChatModel: ...
    def loaded_models(self) -> list[ChatModel]: ...


class Router:
    def __init__(self, deps: RouterDeps, claude_factory: Callable[[], ChatModel] | None = None) -> None:
        self.services = deps
        self._claude_factory = claude_factory
        self._claude: ChatModel | None = None
        self._claude_key: tuple[str, str | None] | None = None
        self._lock = threading.Lock()
        self._precompute: pre.Precomputer | None = None

    # -- models ---------------------------------------------------------------------------------------------
    def claude(self) -> ChatModel:
        """The online model of ``settings.backend`` (Claude by default; :mod:`desktop.core.llm.backends`),
        re-created when the backend or the key changes (e.g. after `key set`)."""
        if self._claude_factory is not None:
            with self._lock:
                if self._claude is None:
                    self._claude = self._claude_factory()
                return self._claude
        backend = self.services.settings.backend
        key = secrets.get_api_key()
        with self._lock:
            if self._claude is None or (backend, key) != self._claude_key:
                self._claude = backends.build(backend, self.services.settings, key)
                self._claude_key = (backend, key)
            return self._claude

    def probe_claude(self, force: bool = False, reasons: list[str] | None = None) -> bool:
        """Background probe for the GUI: a one-token streamed answer through the breaker. It asks the endpoint
        answers come from, not the models list: that one can succeed while answers hang, and a badge that says
        "online" then is wrong. ``reasons`` receives why Claude did not answer (a rejected key does not open
        the breaker, yet the badge must say it)."""
        online = self.claude()

        def fn() -> object:
            try:
                return online.complete([Message("user", "ping")], max_tokens=1)
            except ClaudeUnavailable as exc:
                if reasons is not None:
                    reasons.append(exc.reason)
                raise

        return self.services.breaker.probe(fn, force=force)

    def wait_idle(self, timeout: float = 30.0) -> bool:
        """Wait until no local model is generating (e.g. a late enrich note that was cancelled).

        A CLI process must not exit while a llama.cpp call runs in a background thread: interpreter shutdown
        would free the model under it (segfault).
        """
        deadline = time.monotonic() + timeout
        if self._precompute is not None and not self._precompute.wait_idle(timeout):
            return False  # a note or opening job (it may be about to load the model)
        for model in self.services.loaded_models():
            if model.capabilities.waits_idle and not model.wait_idle(max(0.0, deadline - time.monotonic())):
                return False
        return True

    def current_status(self) -> RouterStatus:
        """Breaker, key and local-model state as a typed record."""
        settings = self.services.settings
        try:
            entry = self.services.registry.resolve(settings.local_model)
            local = LocalModelStatus(entry.name, str(entry.path), entry.path.exists())
        except ZantaraError as exc:
            local = LocalModelStatus(settings.local_model, "", False, str(exc))
        return RouterStatus(
            breaker=self.services.breaker.current(),
            key=secrets.key_status(),
            backend=settings.backend,
            claude_model=settings.claude_chat_model,
            local_model=local,
            strategy=settings.strategy,
            strategies=registry.available(),
        )

    def status(self) -> dict[str, Any]:
        """Breaker, key and local-model state as plain data (`zantara status --json`)."""
        st = self.current_status()
        local: dict[str, Any] = {"name": st.local_model.name, "available": st.local_model.available}
        if st.local_model.error:
            local["error"] = st.local_model.error
        else:
            local["path"] = st.local_model.path
        return {
            "breaker": st.breaker.to_dict(),
            "key": secrets.api_key_status(),
            "backend": st.backend,
            "claude_model": st.claude_model,
            "local_model": local,
            "strategy": st.strategy,
            "strategies": st.strategies,
        }

    # -- work before the message is sent ---------------------------------------------------------------------
    @property
    def precompute(self) -> pre.Precomputer:
        """The live note / warm opening started while the user types (:mod:`desktop.core.chat.precompute`)."""
        with self._lock:
            if self._precompute is None:
                from desktop.core import paths
                from desktop.core.chat.strategies.enrich import note_unfit

                def detect(text: str) -> str:
                    from desktop.core.knowledge.language import detect_language

                    return detect_language(text)

                self._precompute = pre.Precomputer(
                    lambda: self._local("live_notes"),
                    cache=pre.NoteCache(paths.cache_dir() / "live_notes.json"),
                    keyer=self._concepts,
                    profile=lambda: self.services.settings.profile,
                    detect=detect,
                    unfit=lambda model: note_unfit(model, self.services.settings),
                )
            return self._precompute

    def warm_query(self, draft: str) -> None:
        """Embed and search the draft now (call from a worker while the user types): at Enter retrieval, the
        note's key and the answer memory find the message's query vector ready (the embedder keeps recent
        ones) and the records of its nearest insights in memory (the store keeps them while unchanged), so
        only the search itself is left (~4 ms at 1k insights instead of 30-60 ms on 2 cores)."""
        text = draft.strip()
        if not text:
            return
        from desktop.core.knowledge.retrieval import retrieve

        store = self.services.store  # opens the store too, if it was not yet
        retrieve(store, text, k=self.services.settings.retrieval_k, vector=store.embedder.embed_query(text))

    def prepare(self, draft: str, strategy: str | None = None, offline: bool = False) -> pre.Prepared | None:
        """Start the local work the chosen strategy can use for ``draft`` (the composer's text, while the user
        types): the live note, the warm opening. Cheap to call often: the work restarts only when the draft
        changed a lot. Blocks for the language and concept lookups (call it from a worker). None: nothing to
        prepare (a strategy with no such work, offline, no key, a draft too short)."""
        if offline:
            self.precompute.discard()
            return None
        try:
            chosen = self._strategy(strategy, draft) if draft.strip() else None
            online = self.claude()
        except ZantaraError:
            return None
        if chosen is None or not chosen.precompute or (online.capabilities.needs_key and not online.has_key):
            self.precompute.discard()
            return None
        return self.precompute.prepare(draft, chosen.name, chosen.precompute)

    def _concepts(self, text: str, language: str) -> tuple[str, ...]:
        """The note cache's key: concepts the message names, else the concept model's confident guess."""
        from desktop.core.knowledge.need import mentioned_concepts

        named = sorted(mentioned_concepts(text))
        if named:
            return tuple(named[:2])
        from desktop.core.knowledge.concept_model import get_model

        embedder = self.services.store.embedder
        model = get_model(embedder)
        if model is None:
            return ()
        likely = model.probabilities(embedder.embed_query(text))
        best = max(likely.items(), key=lambda kv: kv[1], default=("", 0.0))
        return (best[0],) if best[1] >= CONCEPT_CONFIDENCE else ()

    # -- public API -----------------------------------------------------------------------------------------
    def ask(
        self,
        text: str,
        *,
        conversation_id: str | None = None,
        strategy: str | None = None,
        offline: bool = False,
        cancel: CancelToken | None = None,
        on_event: EventCallback | None = None,
    ) -> Answer:
        text = text.strip()
        if not text:
            raise ZantaraError("The message is empty.", "Type a question first.")
        convs = self.services.conversations
        if conversation_id:
            convs.require(conversation_id)
        history = convs.context_messages(conversation_id, limit=HISTORY_TURNS) if conversation_id else []
        language, language_ms = _language(text, history)
        chosen, learned = self._choose(strategy, text, language)  # a bad name fails before anything is stored
        if not conversation_id:
            conversation_id = convs.create(title=_title(text))["id"]
        user_id = convs.add_message(conversation_id, "user", text)
        request = _Request(conversation_id, user_id, text, history, language, chosen, learned, offline)
        request.language_ms = language_ms
        return self._answer(request, cancel, on_event)

    def regenerate(
        self,
        message_id: int,
        *,
        strategy: str | None = None,
        offline: bool = False,
        cancel: CancelToken | None = None,
        on_event: EventCallback | None = None,
    ) -> Answer:
        """Answer again the user message behind ``message_id`` (an answer or the user message itself).

        The old answer stays in the conversation; the new one is appended.
        """
        convs = self.services.conversations
        row = convs.get_message(message_id)
        if row is None:
            raise ZantaraError(
                f"No message with id {message_id}.", "Run `zantara history --json` to see ids."
            )
        conversation_id = row["conversation_id"]
        if row["role"] == "assistant":
            earlier = [
                m for m in convs.messages(conversation_id) if m["id"] < message_id and m["role"] == "user"
            ]
            if not earlier:
                raise ZantaraError(f"Message {message_id} has no question before it.")
            row = earlier[-1]
        text = row["content"]
        history = convs.context_messages(conversation_id, before_id=row["id"], limit=HISTORY_TURNS)
        language, language_ms = _language(text, history)
        chosen, learned = self._choose(strategy, text, language)
        # a fresh draw: the same question must not get the same text again
        request = _Request(
            conversation_id, row["id"], text, history, language, chosen, learned, offline, new_seed()
        )
        request.language_ms = language_ms
        return self._answer(request, cancel, on_event)

    # -- choosing the strategy ------------------------------------------------------------------------------
    def _strategy(self, name: str | None, text: str = "") -> Strategy:
        return self._choose(name, text)[0]

    def _choose(self, name: str | None, text: str, language: str | None = None) -> tuple[Strategy, str]:
        """The strategy for this message and, when ratings chose it, the trace's note saying so."""
        if name:
            return registry.get_strategy(name), ""
        learned = _learned_default(self.services, text, language)
        default = learned["strategy"] if learned else self.services.settings.strategy
        if registry.is_available(default):
            note = say("note.learned", reason=learned["reason"]) if learned else ""
            return registry.get_strategy(default), note
        return registry.get_strategy("rag"), ""  # the configured default is not built in this version

    # -- one answer: begin, gather, write (fall back, degrade), finish -------------------------------------
    def _answer(
        self, request: _Request, cancel: CancelToken | None, on_event: EventCallback | None
    ) -> Answer:
        run = self._begin(request, cancel or CancelToken(), on_event)
        ctx = self._gather(run)
        try:
            body = self._write(run, ctx)
        except Cancelled:
            return self._stopped(run)
        except BaseException as exc:
            run.trace.notes.append(say("note.failed", error=secrets.redact(str(exc))))
            self._finish(run, run.sink.streamed, "failed")
            raise
        finally:
            self._end_hedge(run)
        trace, claude = run.trace, run.claude
        trace.models.setdefault("answer", ctx.main.name)
        body = self._checked_citations(run, ctx, body)
        if claude is not None and trace.mode == "claude" and trace.answer_model == claude.name:
            self._remember(request.text, body, request.conversation_id, trace)
        return self._finish(run, run.prefix + body, run.status)

    @staticmethod
    def _checked_citations(run: _Run, ctx: AnswerContext, body: str) -> str:
        """A written answer's [n] checked against the passages sent (the offline answer quotes them itself)."""
        if not ctx.passages or (run.trace.parts and run.trace.parts[-1].kind == "memory"):
            return body
        checked = documents_step.check_citations(body, ctx.passages, run.trace, ctx.language)
        if checked != body:
            run.sink.emit(Event("replace", run.prefix + checked))
        return checked

    def _documents(self) -> Any:
        """The team's document index, or None when no document was ever added (nothing opened then)."""
        from desktop.core import paths

        if not (paths.data_dir() / "documents.sqlite3").exists():
            return None
        try:
            return getattr(self.services, "documents", None)
        except Exception:  # a damaged index costs the passages, not the answer
            return None

    def _begin(self, request: _Request, cancel: CancelToken, on_event: EventCallback | None) -> _Run:
        """The pending answer row, Claude or offline, and the local work the strategy asked for started now
        (before retrieval, so the two overlap)."""
        convs = self.services.conversations
        started = time.perf_counter()
        trace = Trace(
            strategy=request.strategy.name, profile=self.services.settings.profile, seed=request.seed
        )
        if request.learned_note:
            trace.notes.append(request.learned_note)
        answer_id = convs.add_message(
            request.conversation_id, "assistant", "", status="pending", strategy=request.strategy.name
        )
        sink = _Sink(started, trace, on_event, lambda t: convs.update_message(answer_id, content=t))
        mode, reason = self._decide(request.offline)
        claude = self.claude() if mode == "claude" else None
        run = _Run(
            request,
            cancel,
            trace,
            answer_id,
            sink,
            started,
            claude,
            local=self._local("live_notes"),
            offline_model=self._local("offline_answers"),
        )
        if claude is not None:
            run.early = self._prepare(request.strategy, request.text, request.language, run.local, cancel)
        elif self._precompute is not None:
            self._precompute.discard()
        trace.mode, trace.reason = ("claude" if claude is not None else "offline"), reason
        message = OFFLINE_MESSAGES.get(reason, "")
        sink.emit(Event("mode", mode=trace.mode, reason=reason, message=message))
        return run

    def _gather(self, run: _Run) -> AnswerContext:
        """Retrieval, then the context the strategy writes from; the hedge armed when Claude writes."""
        request, trace = run.request, run.trace
        found = self._retrieve(request.text, request.language, request.language_ms, trace, run.sink)
        passages = documents_step.find(self._documents(), request.text, trace)
        run.early.release()  # deferred local work may run now: retrieval no longer needs the CPU
        ctx = AnswerContext(
            message=request.text,
            history=request.history,
            language=request.language,
            insights=found.insights,
            context_block=documents_step.with_passages(found.block, passages),
            main=run.claude or run.offline_model,
            local=run.local,
            offline=run.claude is None,
            settings=self.services.settings,
            trace=trace,
            emit=run.sink.emit,
            cancel=run.cancel,
            store=found.store,
            seed=request.seed,
            early=run.early,
            arrived=run.started,
            passages=passages,
        )
        usage.begin(trace, found.block, run.cancel)  # Claude's token counts land in the trace
        if ctx.offline:
            offline_path.attach_memory(ctx, self._memory())
        if run.claude is not None and request.strategy.online_answers(ctx):
            self._hedge(run, ctx)
        return ctx

    def _write(self, run: _Run, ctx: AnswerContext) -> str:
        """The strategy's text. Claude failing falls back offline; a local answer that cannot be shown
        (unreadable, or no usable model file) degrades to earlier answers and the insights."""
        try:
            try:
                body = run.request.strategy.run(ctx)
            except ClaudeUnavailable as exc:
                return self._fall_back(run, ctx, exc)
            if run.claude is not None:
                self.services.breaker.record_success()
            return body
        except UnreadableAnswer as exc:
            return self._degrade(run, ctx, exc.verdict.reason)
        except (ModelFileError, ModelNotFound) as exc:
            run.trace.reason = run.trace.reason or "local_model_unavailable"
            return self._degrade(run, ctx, say("note.local_unusable", error=exc.message))

    def _fall_back(self, run: _Run, ctx: AnswerContext, exc: ClaudeUnavailable) -> str:
        """Claude failed: tell the breaker; the hedged offline answer is the answer if it started, else the
        strategy runs again offline, after what Claude streamed (kept, marked)."""
        trace, sink = run.trace, run.sink
        self.services.breaker.record_failure(exc.reason)
        run.early.cancel()  # the local model may be needed for the offline answer now
        local_body = run.hedge.result() if run.hedge is not None else None
        partial = exc.partial or (sink.streamed if local_body is None else "")
        trace.mode, trace.reason = "offline", exc.reason
        trace.notes.append(say("note.claude_unavailable", error=exc))
        trace.models.pop("answer", None)
        trace.parts = []  # what the first try wrote is gone from the screen, except Claude's kept beginning
        sink.emit(Event("mode", mode="offline", reason=exc.reason, message=str(exc)))
        if local_body is not None:
            # The hedged offline answer started beside Claude is already on screen: it is the answer.
            ctx.offline, ctx.main = True, run.offline_model
            self._adopt_hedge_trace(run)
            body = settle_late(local_body)  # the request is closed: it no longer promises Claude's answer
            if body != local_body:
                sink.emit(Event("replace", body))
            return body
        if partial:
            self._keep_partial(run, partial)
        elif sink.streamed:
            sink.emit(Event("replace", ""))  # a strategy's own opening etc. is redone offline
        ctx.main, ctx.offline, ctx.partial = run.offline_model, True, partial
        offline_path.attach_memory(ctx, self._memory())
        return run.request.strategy.run(ctx)

    def _keep_partial(self, run: _Run, partial: str) -> None:
        """What Claude streamed before failing stays on screen, followed by the "continued offline" mark."""
        run.status = "partial"
        run.trace.notes.append(say("note.kept_partial", n=len(partial)))
        run.prefix = partial + prompts.CONTINUED_OFFLINE_MARK
        if run.claude is not None:
            run.trace.add_part("beginning", run.claude.kind, run.claude.name)
        if run.sink.streamed != partial:
            run.sink.emit(Event("replace", partial))
        run.sink.emit(Event("chunk", prompts.CONTINUED_OFFLINE_MARK))

    def _degrade(self, run: _Run, ctx: AnswerContext, why: str) -> str:
        """The local model's text is not shown: earlier Claude answers and the insights are."""
        body = offline_path.fallback_text(ctx, self._memory(), why)
        _memory_answered(run.trace)
        run.sink.emit(Event("replace", run.prefix + body))
        return body

    def _stopped(self, run: _Run) -> Answer:
        """The user stopped the answer: what was shown is kept."""
        run.trace.notes.append(say("note.stopped"))
        run.trace.reason = run.trace.reason or "cancelled"
        final = run.sink.streamed
        return self._finish(run, final, "partial" if final else "failed")

    def _finish(self, run: _Run, text: str, status: Status) -> Answer:
        trace = run.trace
        trace.timings_ms.total = round((time.perf_counter() - run.started) * 1000, 1)
        usage.end(trace)
        self.services.conversations.update_message(
            run.answer_id,
            content=text,
            status=status,
            mode=trace.mode,
            model=trace.answer_model,
            strategy=trace.strategy,
            trace=trace,
        )
        return Answer(
            text=text,
            trace=trace,
            status=status,
            conversation_id=run.request.conversation_id,
            message_id=run.answer_id,
        )

    def _prepare(
        self, strategy: Strategy, text: str, language: str, local: ChatModel, cancel: CancelToken
    ) -> Early:
        """Local work for the strategy, before retrieval so it overlaps it; it becomes ``ctx.early``.

        A strategy that declares ``precompute`` gets what was prepared while the user typed (or it is started
        now); any other, its own :meth:`~Strategy.prepare` hook."""
        if strategy.precompute:
            pc = self.precompute
            defer = self.services.settings.enrich_wait == "adaptive"
            prepared = pc.take(text, strategy.name) or pc.start(
                text, strategy.name, strategy.precompute, language=language, defer=defer
            )
            for job in prepared.jobs.values():
                job.parent = cancel  # the user's Stop reaches work started before the message was sent
            prepared.info.source = prepared.source
            return Early(
                note=prepared.jobs.get(pre.NOTE),
                opening=prepared.jobs.get(pre.OPENING),
                origin=prepared.info,
                prepared=prepared,
            )
        try:
            return strategy.prepare(text, local, self.services.settings, cancel)
        except ZantaraError:
            return Early()  # the strategy starts its work in run() instead

    # -- the hedged offline answer --------------------------------------------------------------------------
    def _hedge(self, run: _Run, ctx: AnswerContext) -> None:
        """Arm the hedged offline answer (:mod:`desktop.core.chat.hedge`): ``hedge_after_s`` after the message
        arrived with no word from Claude, the offline answer starts beside it. The strategy's events go
        through the hedge from now on."""
        after = float(self.services.settings.hedge_after_s)
        if after <= 0:
            return
        offline_model = run.offline_model

        def run_local(token: CancelToken, emit: Callable[[Event], None]) -> str:
            if offline_model.capabilities.is_local:
                run.early.cancel()  # a late note must not hold the local model the answer may need
            htrace = Trace(
                strategy=ctx.trace.strategy,
                profile=ctx.trace.profile,
                language=ctx.language,
                insights=list(ctx.trace.insights),
                needs_context=ctx.trace.needs_context,
                reason="claude_late",
            )
            hctx = dataclasses.replace(
                ctx,
                main=offline_model,
                offline=True,
                trace=htrace,
                emit=emit,
                cancel=token,
                early=Early(),
                memory_hits=None,
                related_hit=None,
                wrap=None,
            )
            run.hedge_ctx = hctx
            return self._hedged_answer(hctx, emit)

        # The wait counts from the message's arrival: what the user waits. (A retrieval slower than the wait, on
        # a very busy laptop, may show the offline answer briefly before a healthy Claude: kept, collapsed.)
        hedge = Hedge(after, run.sink.emit, run_local, started=run.started)
        ctx.emit = hedge.emit
        run.hedge = hedge.start()

    def _hedged_answer(self, hctx: AnswerContext, emit: Callable[[Event], None]) -> str:
        """The offline answer written beside a late Claude (its own context and trace)."""
        memory = self._memory()
        offline_path.attach_memory(hctx, memory)
        try:
            return stream_answer(hctx, system=main_system_prompt(hctx))
        except UnreadableAnswer as exc:
            text = offline_path.fallback_text(hctx, memory, exc.verdict.reason)
        except (ModelFileError, ModelNotFound) as exc:
            text = offline_path.fallback_text(
                hctx, memory, f"the local model could not be used ({exc.message})"
            )
        emit(Event("replace", text))
        return text

    @staticmethod
    def _end_hedge(run: _Run) -> None:
        if run.hedge is not None:
            run.hedge.stop()
            if run.hedge.started:
                run.trace.hedge = run.hedge.summary()

    @staticmethod
    def _adopt_hedge_trace(run: _Run) -> None:
        """Claude failed after the hedged offline answer started: its trace parts become the answer's."""
        trace, hctx = run.trace, run.hedge_ctx
        trace.notes.append(say("note.hedge_adopted"))
        if hctx is None:
            return
        h = hctx.trace
        trace.models["answer"] = h.models.get("answer", run.offline_model.name)
        trace.memory, trace.readability = h.memory, h.readability
        trace.parts, trace.sent_insights = list(h.parts), h.sent_insights
        if h.answer_model == "answer-memory":
            trace.insights = h.insights
        trace.stages.extend(h.stages)
        trace.notes.extend(n for n in h.notes if n not in trace.notes)

    # -- helpers ---------------------------------------------------------------------------------------------
    def _memory(self) -> AnswerMemory | None:
        """The answer memory, or None when the store cannot be opened (offline answers still work)."""
        try:
            return self.services.memory
        except Exception:
            return None

    def _remember(self, question: str, answer: str, conversation_id: str, trace: Trace) -> None:
        """Index a complete Claude answer so it can be shown offline later; a failure only costs a note."""
        memory = self._memory()
        if memory is None or not answer.strip():
            return
        began = time.perf_counter()
        try:
            offline_path.remember(
                memory,
                question,
                answer,
                conversation=self.services.conversations.get(conversation_id),
                user=user_name(self.services.settings.user_name),
                language=trace.language,
                strategy=trace.strategy,
            )
            trace.add_stage("memory:index", began)
        except Exception as exc:
            trace.notes.append(say("note.memory_not_indexed", error=secrets.redact(str(exc))))
            trace.add_stage("memory:index", began, ok=False, detail=type(exc).__name__)

    def _decide(self, offline: bool) -> tuple[str, str]:
        if offline:
            return "offline", "offline_requested"
        online = self.claude()
        if online.capabilities.needs_key and not online.has_key:
            return "offline", "no_key"
        if not self.services.breaker.allow():
            return "offline", "breaker_open"
        return "claude", ""

    def _local(self, role: str) -> ChatModel:
        """The local model for ``role``; if it cannot even be resolved, a stand-in that raises that error only
        when used, so a missing GGUF does not break answers Claude can give."""
        try:
            return self.services.model_for(role)
        except ZantaraError as exc:
            return _UnavailableLocal(exc)

    def _retrieve(self, text: str, language: str, language_ms: float, trace: Trace, sink: _Sink) -> _Found:
        """Insights for the message in ``language``; a broken knowledge store degrades to no context, never to
        no answer. The retrieval time includes the language detection (``language_ms``), as it always did:
        the live note's adaptive budget is that time."""
        began = time.perf_counter()
        found = _Found()
        try:
            from desktop.core.knowledge.retrieval import format_for_claude, retrieve

            found.store = store = self.services.store
            result = retrieve(store, text, k=self.services.settings.retrieval_k, language=language)
            found.insights = [s.to_dict() for s in result.insights]
            trace.needs_context = result.needs_context
            engine = store.embedder.engine
            trace.embedding = f"{store.embedder.name} ({engine})" if engine else store.embedder.name
            found.block = format_for_claude(result.insights)
            trace.add_stage("retrieval", began, detail=result.need_reason)
        except Exception as exc:
            trace.notes.append(say("note.retrieval_unavailable", error=secrets.redact(str(exc))))
            trace.retrieval_error = RetrievalError(
                error=type(exc).__name__,
                message=secrets.redact(getattr(exc, "message", "") or str(exc)),
            )
            trace.add_stage("retrieval", began, ok=False, detail=type(exc).__name__)
        trace.language, trace.insights = language, [Insight.from_json(i) for i in found.insights]
        trace.timings_ms.retrieval = round(language_ms + (time.perf_counter() - began) * 1000, 1)
        sink.emit(
            Event(
                "insights",
                insights=list(trace.insights),
                language=language,
                needs_context=trace.needs_context,
                retrieval_error=trace.retrieval_error,
            )
        )
        return found


@dataclass
class _Request:
    """One message to answer, as :meth:`Router.ask` and :meth:`Router.regenerate` hand it over."""

    conversation_id: str
    user_id: int
    text: str
    history: list[Message]
    language: str  # detected once, here, and passed on (note, retrieval, learned strategy)
    strategy: Strategy
    learned_note: str  # why ratings chose the strategy ("" when they did not)
    offline: bool
    seed: int | None = None
    language_ms: float = 0.0  # what detecting the language took (counted into retrieval's time)


@dataclass
class _Run:
    """An answer being made: what its steps share."""

    request: _Request
    cancel: CancelToken
    trace: Trace
    answer_id: int
    sink: _Sink
    started: float
    claude: ChatModel | None  # None: offline from the start
    local: ChatModel
    offline_model: ChatModel
    early: Early = field(default_factory=Early)
    hedge: Hedge | None = None
    hedge_ctx: AnswerContext | None = None  # the hedged offline answer's own context
    prefix: str = ""  # Claude's kept beginning and the "continued offline" mark
    status: Status = "complete"


@dataclass
class _Found:
    """What retrieval found: insights as the prompts take them, their block for Claude, the store."""

    insights: list[dict[str, Any]] = field(default_factory=list)
    block: str = ""
    store: KnowledgeStore | None = None


class _Sink:
    """Forwards events to the caller, tracks the streamed text and first-token time, flushes to the DB."""

    def __init__(
        self, started: float, trace: Trace, on_event: EventCallback | None, flush: Callable[[str], None]
    ) -> None:
        self.started = started
        self.trace = trace
        self.on_event = on_event
        self.flush = flush
        self.parts: list[str] = []
        self.last_flush = time.perf_counter()

    @property
    def streamed(self) -> str:
        return "".join(self.parts)

    def emit(self, event: Event) -> None:
        if event.kind == "chunk" and event.text:
            if self.trace.timings_ms.first_token is None:
                self.trace.timings_ms.first_token = round((time.perf_counter() - self.started) * 1000, 1)
            self.parts.append(event.text)
            if time.perf_counter() - self.last_flush >= FLUSH_EVERY_S:
                self.last_flush = time.perf_counter()
                with contextlib.suppress(Exception):
                    self.flush(self.streamed)
        elif event.kind == "replace":
            if event.text and self.trace.timings_ms.first_token is None:  # e.g. an offline answer
                self.trace.timings_ms.first_token = round((time.perf_counter() - self.started) * 1000, 1)
            self.parts = [event.text] if event.text else []
        if self.on_event is not None:
            self.on_event(event)


class _UnavailableLocal(ChatModel):
    kind = "local"

    def __init__(self, error: ZantaraError) -> None:
        self.error = error

    @property
    def name(self) -> str:
        return "unavailable"

    def generate(self, request: ChatRequest) -> Iterator[str]:
        raise self.error
        yield ""


def _memory_answered(trace: Trace) -> None:
    """Earlier answers and the insights replaced the local model's text: only Claude's kept beginning stays."""
    trace.parts = [p for p in trace.parts if p.part == "beginning"]
    trace.add_part("answer", "memory", "")
    trace.sent_insights = None  # the shown text quotes the insights themselves


def _learned_default(services: RouterDeps, text: str, language: str | None) -> dict[str, Any] | None:
    """The decision for the strategy ratings proved better for this language and profile (opt-in), or None."""
    from desktop.core.feedback.bandit import learned_decision

    try:
        return learned_decision(services, text, language)
    except Exception:
        return None  # learning is a refinement: a failure keeps the configured default


def _language(text: str, history: list[Message]) -> tuple[str, float]:
    """(language, ms): the message's language, detected once for the whole answer. The conversation decides
    when the message is too short to tell ("ok 👍" after an Italian question is answered in Italian)."""
    from desktop.core.knowledge.language import detect_language_in_context

    began = time.perf_counter()
    earlier = [m.content for m in history if m.role == "user"]
    language = detect_language_in_context(text, earlier)
    return language, (time.perf_counter() - began) * 1000


def new_seed() -> int:
    """A sampling seed for one answer, drawn from the OS (not from the model's own deterministic chain, which
    restarts with the app and would give a regenerate the text an earlier answer already had)."""
    return random.SystemRandom().randrange(1, 2**31)


def _title(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= 60 else line[:59].rsplit(" ", 1)[0] + "…"
