"""What the offline path adds to an answer: the readability guard on the local stream and the answer memory.

Kept apart from the router and the strategies so both only call in here: :func:`guarded_stream` wraps any
local model's stream (used by ``stream_answer``), :func:`attach_memory` looks the earlier Claude answers up
once per answer, :func:`fallback_text` is what the user sees when the guard rejects the local text, and
:func:`remember` indexes a complete Claude answer.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core.chat import documents_step, local_fit, memory_answer, offline_pick
from desktop.core.chat.readability import WORD, Readability, StreamGuard, UnreadableAnswer
from desktop.core.chat.strategies.base import AnswerContext
from desktop.core.chat.trace import Citations, Insight, MemoryUse, ReadabilityInfo
from desktop.core.knowledge.memory import MemoryHit
from desktop.core.messages import say

if TYPE_CHECKING:
    from desktop.core.knowledge.memory import AnswerMemory
    from desktop.core.knowledge.store import KnowledgeStore

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

    note = memory_answer.context_note(ctx.memory_hits or [], ctx.language)
    documents = documents_step.block(ctx.passages)
    note = f"{documents}\n\n{note}".strip() if documents else note
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
    ctx.trace.readability = ReadabilityInfo.from_json(
        {**verdict.to_dict(), "checks": 0, "shown": False, "skipped": True}
    )
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
        ctx.trace.readability = ReadabilityInfo.from_json(
            {**exc.verdict.to_dict(), "checks": guard.checks, "shown": guard.released}
        )
        ctx.trace.add_stage("readability", started, ok=False, detail=exc.verdict.reason)
        local_fit.record(model_path, ctx.language, readable=False)
        raise
    ctx.trace.readability = ReadabilityInfo.from_json(guard.summary())
    local_fit.record(model_path, ctx.language, readable=True)


def attach_memory(ctx: AnswerContext, memory: AnswerMemory | None) -> list[MemoryHit]:
    """Look the earlier answers up once (offline only); record them in the trace; never fail the answer."""
    if ctx.memory_hits is not None:
        return ctx.memory_hits
    started = time.perf_counter()
    hits: list[MemoryHit] = []
    related: MemoryHit | None = None
    if memory is not None:
        try:
            found = memory.lookup(ctx.message, k=MEMORY_K)
            hits, related = found.same, found.related
            detail = (
                say("stage.memory_related", question=related.question)
                if related is not None
                else say("stage.memory_hits", n=len(hits))
            )
            ctx.trace.add_stage("memory", started, detail=detail)
        except Exception as exc:
            ctx.trace.notes.append(say("note.memory_unavailable", error=type(exc).__name__))
            ctx.trace.add_stage("memory", started, ok=False, detail=type(exc).__name__)
    ctx.memory_hits = hits
    ctx.related_hit = related
    ctx.trace.memory = [MemoryUse.from_json(h.to_dict()) for h in hits]
    ctx.trace.related_memory = [MemoryUse.from_json(related.to_dict())] if related is not None else []
    return hits


def fallback_text(ctx: AnswerContext, memory: AnswerMemory | None, why: str) -> str:
    """The earlier answers + insights answer, with ``why`` the local text was not shown in the trace."""
    hits = attach_memory(ctx, memory)
    ctx.trace.reason = ctx.trace.reason or "unreadable_local"
    if hits:
        ctx.trace.notes.append(say("note.memory_fallback", why=why, n=len(hits)))
    elif ctx.related_hit is not None:
        ctx.trace.notes.append(say("note.memory_related_fallback", why=why))
    else:  # "showing 0 earlier answers" read as if some were shown
        ctx.trace.notes.append(say("note.insights_fallback", why=why))
    ctx.trace.models["answer"] = "answer-memory"
    shown, display, notes = shown_insights(ctx.store, ctx.message, ctx.language, ctx.insights)
    ctx.trace.notes += notes
    ctx.trace.insights = [Insight.from_json(i) for i in shown]  # the panel lists the notes the user reads
    documents = documents_step.offline_section(ctx.message, ctx.language, ctx.passages)
    if documents:
        quoted = documents_step.offline_shown(ctx.passages)
        ctx.trace.cited_passages = documents_step.offline_order(ctx.language, quoted)
        ctx.trace.citations = Citations(sent=len(ctx.passages), cited=len(quoted))
    return memory_answer.compose(
        hits,
        display,
        ctx.language,
        ctx.trace.reason,
        documents=documents,
        backend=backend_label(ctx.settings),
        related=ctx.related_hit,
        question=ctx.message,
    )


def backend_label(settings: Any) -> str:
    """How texts name the online backend: "Claude", or the OpenAI-compatible server's model."""
    if getattr(settings, "backend", "claude") == "claude":
        return "Claude"
    return str(getattr(settings, "openai_model", "") or "the online model")


def shown_insights(
    store: KnowledgeStore | None,
    message: str,
    language: str,
    insights: Sequence[dict[str, Any]],
    *,
    pick: bool = True,
    weights: offline_pick.Weights | None = None,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[str]]:
    """The insights the offline answer shows, the one that answers the question first (``offline_pick``), in
    the user's language: (shown as stored, the same with the first one's answering sentence first, trace notes).
    Only when retrieval found insights for the message (its need decision stands); any failure falls back to
    retrieval's own order, never fails the answer. ``pick=False``: retrieval's order (the benchmark's before)."""
    notes: list[str] = []
    chosen, lead = list(insights), None
    if pick and insights and store is not None:
        try:
            pool = offline_pick.candidates(store, message, language, max(offline_pick.POOL, len(insights)))
            known = {str(i.get("id")) for i in pool}
            pool += [i for i in insights if str(i.get("id")) not in known]
            ranked = offline_pick.rerank(message, language, pool, store.embedder, weights)
            chosen = [p.insight for p in ranked[: memory_answer.MAX_INSIGHTS]]
            lead = ranked[0] if ranked else None
        except Exception as exc:  # the offline answer never fails for a better order
            notes.append(say("note.offline_pick_failed", error=type(exc).__name__))
    shown, error = in_language(store, message, language, chosen)
    if pick:  # a replacement in the user's language may be one the pick already chose
        firsts: dict[str, dict[str, Any]] = {}
        for item in shown:
            firsts.setdefault(str(item.get("id")), item)
        shown = list(firsts.values())
    if error:
        notes.append(say("note.insights_not_looked_up", language=language, error=error))
    display = list(shown)
    if lead is not None and display and display[0].get("id") == lead.insight.get("id"):
        display[0] = {**display[0], "text": lead.display_text()}
    return shown, display, notes


def insights_in_language(ctx: AnswerContext) -> list[dict[str, Any]]:
    """:func:`in_language` for this answer's insights; a failed look-up is noted in the trace."""
    shown, error = in_language(ctx.store, ctx.message, ctx.language, ctx.insights)
    if error:
        ctx.trace.notes.append(say("note.insights_not_looked_up", language=ctx.language, error=error))
    return shown


def in_language(
    store: KnowledgeStore | None, message: str, language: str, insights: Sequence[dict[str, Any]]
) -> tuple[list[dict[str, Any]], str]:
    """The insights as a reader of ``language`` should see them: an insight in another language is
    replaced by the closest one on the same concept in the user's language, when the store has one. (Claude reads
    every language; a person reading the offline answer should not meet an English note in Indonesian text.)
    Returns (insights, the error's name when the look-up failed)."""
    insights = list(insights)
    if store is None or all(i.get("language") == language for i in insights):
        return insights, ""
    from desktop.core.knowledge.store import concept_key

    try:
        vector = store.embedder.embed_query(message)
        out: list[dict[str, Any]] = []
        seen: set[str] = set()
        for insight in insights:
            concepts = list(insight.get("concepts") or [])
            if insight.get("language") == language or not concepts:
                out.append(insight)
                continue
            where = {"$and": [{"language": language}, {concept_key(concepts[0]): True}]}
            found = [
                h
                for h, _v in store.search_vectors(vector, 3, where)
                if h.insight.id not in seen and h.insight.status != "rejected"
            ]
            if found:
                seen.add(found[0].insight.id)
                out.append(found[0].to_dict())
            else:
                out.append(insight)
        return out, ""
    except Exception as exc:  # the offline answer never fails for a nicer note
        return list(insights), type(exc).__name__


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
