"""Strategy ``enrich`` (docs/design.md): the local model writes a cultural note for this very message, live.

The note is started the moment the message arrives (``prepare``, called by the router before retrieval, so the
two overlap; or at the start of ``run`` otherwise) and Claude waits for it only until
``settings.enrich_deadline_ms`` after that start. Late, failed or junk (see :mod:`desktop.core.chat.tone`) →
Claude answers without it and ``trace.enrich`` says why. A late note is cancelled: the shared local model must
be free at once if Claude then fails and the offline answer needs it.

``enrich`` sends the live note alone (no retrieved insights); ``combo`` (:mod:`.combo`) sends both.
"""

from __future__ import annotations

import time
from typing import Any

from desktop.core.cancel import CancelToken
from desktop.core.chat import prompts, tone
from desktop.core.chat.strategies.base import AnswerContext, Strategy
from desktop.core.chat.strategies.rag import main_system_prompt, stream_answer
from desktop.core.llm.base import ChatModel
from desktop.core.messages import say
from desktop.core.settings import Settings

NOTE_JOB = "note_job"
tone.warm_up()  # the detector gates the first note too; load it before that note's deadline


def start_note(
    local: ChatModel,
    message: str,
    language: str,
    insights: list[dict[str, Any]] | None,
    cancel: CancelToken | None,
) -> tone.Job[tone.ToneText]:
    """The cultural note, running beside whatever comes next (retrieval, the Claude request)."""
    return tone.Job(
        lambda token: tone.cultural_note(local, message, language, insights, token),
        parent=cancel,
        name="note",
    )


def collect_note(ctx: AnswerContext, job: tone.Job[tone.ToneText], deadline_ms: int) -> str:
    """Wait for the note until ``deadline_ms`` after it started; record ``trace.enrich``; "" if not usable."""
    waited_from = time.perf_counter()
    finished = job.wait(deadline_ms / 1000 - (waited_from - job.started))
    waited_ms = round((time.perf_counter() - waited_from) * 1000, 1)
    info: dict[str, Any] = {"used": False, "ms": job.ms, "waited_ms": waited_ms, "deadline_ms": deadline_ms}
    note = ""
    if not finished:
        job.cancel()  # frees the shared local model between two tokens
        info["reason"] = "late"
    elif job.error is not None:
        info["reason"] = "failed"
        info["error"] = type(job.error).__name__
    elif job.result is not None and str(job.result):
        note = str(job.result)
        info.update(used=True, reason="ok", note=note)
        ctx.trace.add_part("note", ctx.local.kind, ctx.local.name)
    else:
        info["reason"] = "empty"
        if job.result is not None:
            info["gate"] = job.result.reason
            info["raw"] = job.result.raw[:300]
    ctx.trace.enrich = info
    ctx.trace.models["enrich"] = ctx.local.name
    detail = info["reason"] if not info.get("gate") else f"empty ({info['gate']})"
    ctx.trace.add_stage("enrich:local", job.started, ok=bool(info["used"]), detail=detail)
    return note


def system_without_insights(ctx: AnswerContext, cultural_note: str) -> str:
    """Like :func:`main_system_prompt`, but with no retrieved insights (``enrich`` alone)."""
    if not ctx.offline:
        return prompts.system_prompt(ctx.language, "", cultural_note, ctx.settings.profile)
    system = prompts.local_system_prompt(ctx.language, None, cultural_note)
    if ctx.partial:
        system += "\n\n" + prompts.continuation_note(ctx.partial)
    return system


class EnrichStrategy(Strategy):
    name = "enrich"
    label = "Live cultural note"
    description = "The local model writes a live cultural note for Claude (waited for up to a deadline)."
    use_insights = False

    def prepare(
        self, message: str, local: ChatModel, settings: Settings, cancel: CancelToken
    ) -> dict[str, Any]:
        """Start the note before retrieval (router hook); the result goes into ``ctx.scratch``."""
        _ = settings
        return {NOTE_JOB: start_note(local, message, "", None, cancel)}

    def run(self, ctx: AnswerContext) -> str:
        job: tone.Job[tone.ToneText] | None = ctx.scratch.pop(NOTE_JOB, None)
        if ctx.offline:
            # No online answer to enrich: a note would only delay the offline answer.
            if job is not None:
                job.cancel()
            ctx.trace.enrich = {"used": False, "reason": "offline", "ms": 0.0}
            ctx.trace.notes.append(say("note.note_offline"))
            note = ""
        else:
            if job is None:
                insights = ctx.insights if self.use_insights else None
                job = start_note(ctx.local, ctx.message, ctx.language, insights, ctx.cancel)
            else:
                ctx.trace.notes.append(say("note.note_overlapped"))
            note = collect_note(ctx, job, ctx.settings.enrich_deadline_ms)
        system = main_system_prompt(ctx, note) if self.use_insights else system_without_insights(ctx, note)
        return stream_answer(ctx, system=system)
