"""Strategy ``rag`` (docs/design.md): retrieved cultural insights in Claude's system prompt, no LLaMA call.

Also holds :func:`stream_answer`, the one loop every strategy can use to stream the main model into the
chat: it picks the right prompt for Claude or the local model, continues a cut-off Claude answer offline,
emits chunk events and records the stage and model in the trace.
"""

from __future__ import annotations

import html
import time
from typing import Any

from desktop.core.chat import offline, prompts
from desktop.core.chat.strategies.base import AnswerContext, Strategy
from desktop.core.chat.trace import Event
from desktop.core.llm import budget
from desktop.core.llm.base import ChatModel, Message

ANSWER_MAX_TOKENS = 1024
LOCAL_MAX_TOKENS = 256


def main_system_prompt(ctx: AnswerContext, cultural_note: str = "", profile: str | None = None) -> str:
    """Claude gets the full persona + context block; the local model the compact persona (+ continuation)."""
    if not ctx.offline:
        return prompts.system_prompt(ctx.language, ctx.context_block, cultural_note, profile)

    def build(insights: list[dict[str, Any]]) -> str:
        system = prompts.local_system_prompt(ctx.language, insights, cultural_note)
        if ctx.partial:
            system += "\n\n" + prompts.continuation_note(ctx.partial)
        return system

    return prompts.SystemPrompt.with_insights(build, ctx.insights)


def fit_local_prompt(
    ctx: AnswerContext, model: ChatModel, system: str, max_tokens: int
) -> tuple[str, list[Message], int]:
    """System, messages and answer budget that fit ``model``'s context window (oldest history goes first,
    then insights, then the message is cut); what was trimmed goes into the trace."""
    messages = ctx.messages()
    if model.context_window is None:
        return system, messages, max_tokens
    systems = system.variants() if isinstance(system, prompts.SystemPrompt) else [system]
    fitted = budget.fit_prompt(model.count_tokens, model.context_window, max_tokens, systems, messages)
    if fitted.changed:
        ctx.trace.notes.append(fitted.note())
    return fitted.system, fitted.messages, fitted.max_tokens


def sent_insight_ids(insights: list[dict[str, Any]], system: str) -> list[str]:
    """The retrieved insights whose text (or id, in Claude's delimited block) is in ``system``: what the model
    really received after every trimming, not what retrieval found."""
    sent = []
    for insight in insights:
        ident, text = str(insight.get("id", "")), str(insight.get("text", "")).strip()
        escaped = html.escape(text[:60], quote=False)
        if (ident and f'id="{html.escape(ident)}"' in system) or (
            text and (text[:60] in system or escaped in system)
        ):
            sent.append(ident)
    return sent


def record_sent(ctx: AnswerContext, system: str) -> None:
    """Put in the trace which insights the answer's writer received (the context panel lists only these)."""
    ctx.trace.sent_insights = sent_insight_ids(ctx.insights, str(system))


def stream_answer(
    ctx: AnswerContext,
    *,
    system: str,
    model: ChatModel | None = None,
    stage: str = "answer",
    role: str = "answer",
    emit: bool = True,
) -> str:
    """Stream ``model`` (default ``ctx.main``) into chunk events; return the text. Errors propagate."""
    model = model or ctx.main
    local = model.capabilities.is_local
    max_tokens = LOCAL_MAX_TOKENS if local else ANSWER_MAX_TOKENS
    started = time.perf_counter()
    parts: list[str] = []
    ctx.trace.models[role] = model.name
    model_path = getattr(model, "path", None) if local else None
    if local:
        system = offline.system_with_memory(system, ctx)
    try:
        if local:
            offline.check_fit(ctx, model_path)  # an answer it cannot write is not even tried
        system, messages, max_tokens = fit_local_prompt(ctx, model, system, max_tokens)
        if role == "answer":
            record_sent(ctx, system)
        chunks = model.stream(
            messages, system=system, max_tokens=max_tokens, cancel=ctx.cancel, seed=ctx.seed
        )
        # A local answer is shown only as far as the readability guard lets it through.
        for chunk in offline.guarded_stream(ctx, chunks, model_path) if local else chunks:
            parts.append(chunk)
            if emit:
                ctx.emit(Event("chunk", chunk))
    except BaseException as exc:
        ctx.trace.add_stage(f"{stage}:{model.kind}", started, ok=False, detail=type(exc).__name__)
        if parts and emit:  # a stopped answer keeps what was written: say who wrote it
            ctx.trace.add_part(role, model.kind, model.name)
        raise
    ctx.trace.add_stage(f"{stage}:{model.kind}", started)
    if emit:
        ctx.trace.add_part(role, model.kind, model.name)
    return "".join(parts)


class RagStrategy(Strategy):
    name = "rag"
    label = "Insights only (RAG)"
    description = "Retrieved cultural insights in Claude's context; no local-model call at run time."

    def run(self, ctx: AnswerContext) -> str:
        return stream_answer(ctx, system=main_system_prompt(ctx))
