"""What the offline path adds to an answer: the readability guard on the local stream and the answer memory.

Kept apart from the router and the strategies so both only call in here: :func:`guarded_stream` wraps any
local model's stream (used by ``stream_answer``), :func:`attach_memory` looks the earlier Claude answers up
once per answer, :func:`fallback_text` is what the user sees when the guard rejects the local text, and
:func:`remember` indexes a complete Claude answer.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core.chat import local_fit, memory_answer
from desktop.core.chat.readability import WORD, Readability, StreamGuard, UnreadableAnswer
from desktop.core.chat.strategies.base import AnswerContext
from desktop.core.knowledge.memory import MemoryHit
from desktop.core.messages import say

if TYPE_CHECKING:
    from desktop.core.knowledge.memory import AnswerMemory

MEMORY_HITS = "memory_hits"  # ctx.scratch key: list[MemoryHit] for this answer
MEMORY_K = 3


def previous_answer(ctx: AnswerContext) -> str:
    return next((m.content for m in reversed(ctx.history) if m.role == "assistant"), "")


def make_guard(ctx: AnswerContext) -> StreamGuard:
    """A guard for this answer: the user's language, their own words count as known, no copy of the last
    assistant turn."""
    return StreamGuard(ctx.language, previous=previous_answer(ctx), extra_known=WORD.findall(ctx.message))


def system_with_memory(system: str, ctx: AnswerContext) -> str:
    """A local model that passes the guard answers with the earlier Claude answers as reference."""
    from desktop.core.chat.prompts import SystemPrompt

    note = memory_answer.context_note(ctx.scratch.get(MEMORY_HITS) or [], ctx.language)
    if not note:
        return system
    if isinstance(system, SystemPrompt):  # keep the leaner variants the token budget trims through
        richer = SystemPrompt(f"{system}\n\n{note}")
        richer.leaner = tuple(f"{v}\n\n{note}" for v in system.leaner)
        return richer
    return f"{system}\n\n{note}"


def check_fit(ctx: AnswerContext, model_path: Path | None) -> None:
    """Raise :class:`UnreadableAnswer` before the model runs when it is known not to write the user's language
    (declared in its manifest, or learned from its recent answers): the user gets the offline answer at once."""
    reason = local_fit.skip_reason(model_path, ctx.language)
    if not reason:
        return
    verdict = Readability(
        ok=False,
        reason=reason,
        language=ctx.language,
        words=0,
        known_share=0.0,
        known_long_share=None,
        language_score=0.0,
        repetition=0.0,
        copied=0.0,
    )
    ctx.trace.readability = {**verdict.to_dict(), "checks": 0, "shown": False, "skipped": True}
    ctx.trace.add_stage("readability", time.perf_counter(), ok=False, detail=reason)
    raise UnreadableAnswer(verdict)


def guarded_stream(
    ctx: AnswerContext, chunks: Iterator[str], model_path: Path | None = None
) -> Iterator[str]:
    """Yield the chunks the guard lets through; on failure close ``chunks`` (stops the model), record the
    verdict in the trace and raise :class:`UnreadableAnswer`. The verdict also goes into the model's language
    record (:mod:`local_fit`)."""
    guard = make_guard(ctx)
    started = time.perf_counter()
    try:
        for chunk in chunks:
            yield from guard.feed(chunk)
        yield from guard.finish()
    except UnreadableAnswer as exc:
        close = getattr(chunks, "close", None)
        if callable(close):
            close()
        ctx.trace.readability = {**exc.verdict.to_dict(), "checks": guard.checks, "shown": guard.released}
        ctx.trace.add_stage("readability", started, ok=False, detail=exc.verdict.reason)
        local_fit.record(model_path, ctx.language, readable=False)
        raise
    ctx.trace.readability = guard.summary()
    local_fit.record(model_path, ctx.language, readable=True)


def attach_memory(ctx: AnswerContext, memory: AnswerMemory | None) -> list[MemoryHit]:
    """Look the earlier answers up once (offline only); record them in the trace; never fail the answer."""
    if MEMORY_HITS in ctx.scratch:
        hits: list[MemoryHit] = ctx.scratch[MEMORY_HITS]
        return hits
    started = time.perf_counter()
    hits = []
    if memory is not None:
        try:
            hits = memory.search(ctx.message, k=MEMORY_K)
            ctx.trace.add_stage("memory", started, detail=say("stage.memory_hits", n=len(hits)))
        except Exception as exc:
            ctx.trace.notes.append(say("note.memory_unavailable", error=type(exc).__name__))
            ctx.trace.add_stage("memory", started, ok=False, detail=type(exc).__name__)
    ctx.scratch[MEMORY_HITS] = hits
    ctx.trace.memory = [h.to_dict() for h in hits]
    return hits


def fallback_text(ctx: AnswerContext, memory: AnswerMemory | None, why: str) -> str:
    """The earlier answers + insights answer, with ``why`` the local text was not shown in the trace."""
    hits = attach_memory(ctx, memory)
    ctx.trace.reason = ctx.trace.reason or "unreadable_local"
    if hits:
        ctx.trace.notes.append(say("note.memory_fallback", why=why, n=len(hits)))
    else:  # "showing 0 earlier answers" read as if some were shown
        ctx.trace.notes.append(say("note.insights_fallback", why=why))
    ctx.trace.models["answer"] = "answer-memory"
    shown = insights_in_language(ctx)
    ctx.trace.insights = shown  # the context panel lists the notes the user reads
    return memory_answer.compose(hits, shown, ctx.language, ctx.trace.reason)


def insights_in_language(ctx: AnswerContext) -> list[dict[str, Any]]:
    """The answer's insights as a reader of ``ctx.language`` should see them: an insight in another language is
    replaced by the closest one on the same concept in the user's language, when the store has one. (Claude reads
    every language; a person reading the offline answer should not meet an English note in Indonesian text.)"""
    insights = list(ctx.insights)
    if ctx.store is None or all(i.get("language") == ctx.language for i in insights):
        return insights
    from desktop.core.knowledge.store import concept_key

    try:
        vector = ctx.store.embedder.embed_query(ctx.message)
        out: list[dict[str, Any]] = []
        seen: set[str] = set()
        for insight in insights:
            concepts = list(insight.get("concepts") or [])
            if insight.get("language") == ctx.language or not concepts:
                out.append(insight)
                continue
            where = {"$and": [{"language": ctx.language}, {concept_key(concepts[0]): True}]}
            found = [
                h
                for h, _v in ctx.store.search_vectors(vector, 3, where)
                if h.insight.id not in seen and h.insight.status != "rejected"
            ]
            if found:
                seen.add(found[0].insight.id)
                out.append(found[0].to_dict())
            else:
                out.append(insight)
        return out
    except Exception as exc:  # the offline answer never fails for a nicer note
        ctx.trace.notes.append(
            say("note.insights_not_looked_up", language=ctx.language, error=type(exc).__name__)
        )
        return insights


def remember(
    memory: AnswerMemory,
    question: str,
    answer: str,
    *,
    conversation: dict[str, Any] | None,
    user: str,
    language: str,
    strategy: str,
) -> str:
    """Index a complete Claude answer (question + answer, who, where, when)."""
    conversation = conversation or {}
    return memory.add(
        question,
        answer,
        conversation_id=str(conversation.get("id", "")),
        conversation_title=str(conversation.get("title", "")),
        user_name=user,
        language=language,
        strategy=strategy,
    )
