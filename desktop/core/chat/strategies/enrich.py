"""Strategy ``enrich`` (docs/design.md): the local model writes a cultural note for this very message, live.

The note is started while the user types (the app's draft, :mod:`desktop.core.chat.precompute`), or the
moment the message arrives (the router, before retrieval, so the two overlap), or at the start of ``run``
otherwise. How long Claude waits for it (``settings.enrich_wait``): "adaptive" (default) never longer than
retrieval already took, so the note adds no latency; "deadline" up to ``settings.enrich_deadline_ms`` after
the message arrived. Late, failed or junk (see :mod:`desktop.core.chat.tone`) → Claude answers without it and
``trace.enrich`` says why. A late note is left to finish into the note cache in adaptive mode (the router
cancels it if the local model is needed for an offline answer), cancelled in deadline mode.

``enrich`` sends the live note alone (no retrieved insights); ``combo`` (:mod:`.combo`) sends both.
"""

from __future__ import annotations

import dataclasses
import time
from typing import Any

from desktop.core.cancel import CancelToken
from desktop.core.chat import local_fit, precompute, prompts, tone
from desktop.core.chat.strategies.base import AnswerContext, Early, Strategy
from desktop.core.chat.strategies.rag import main_system_prompt, stream_answer
from desktop.core.chat.trace import EnrichInfo
from desktop.core.llm.base import ChatModel
from desktop.core.messages import say
from desktop.core.settings import Settings

tone.warm_up()  # the detector gates the first note too; load it before that note's deadline


def start_note(
    local: ChatModel,
    message: str,
    language: str,
    insights: list[dict[str, Any]] | None,
    cancel: CancelToken | None,
    settings: Settings | None = None,
) -> tone.Job[tone.ToneText]:
    """The cultural note, running beside whatever comes next (retrieval, the Claude request); none from a
    model declared unfit for notes (unless ``settings.unfit_notes`` says "use")."""
    unfit = note_unfit(local, settings)
    if unfit:
        return precompute.skipped_job(unfit)
    return tone.Job(
        lambda token: tone.cultural_note(local, message, language, insights, token),
        parent=cancel,
        name="note",
    )


def note_unfit(local: ChatModel, settings: Settings | None) -> str:
    """Why ``local`` writes no cultural note ("" when it does): its manifest declares it unfit, measured."""
    if settings is not None and settings.unfit_notes == "use":
        return ""
    return local_fit.note_skip_reason(getattr(local, "path", None))


def note_budget(ctx: AnswerContext, job: tone.Job[tone.ToneText]) -> tuple[float, float, str]:
    """(from, budget_ms, mode): Claude waits for the note until ``from + budget_ms``.

    adaptive: the budget is what retrieval took, counted from the message's arrival, so the note never adds
    latency (it is ready, or it is skipped); deadline: ``enrich_deadline_ms`` from the message's arrival (or
    the note's start, if later)."""
    cap = float(ctx.settings.enrich_deadline_ms)
    arrived = ctx.arrived if ctx.arrived is not None else job.started
    if ctx.settings.enrich_wait == "deadline":
        return max(arrived, job.started), cap, "deadline"
    retrieval = ctx.trace.timings_ms.retrieval
    return arrived, min(cap, float(retrieval or 0.0)), "adaptive"


def collect_note(ctx: AnswerContext, job: tone.Job[tone.ToneText], deadline_ms: int | None = None) -> str:
    """Wait for the note up to its budget (:func:`note_budget`, or ``deadline_ms`` from the note's start);
    record ``trace.enrich``; "" if not usable."""
    if deadline_ms is None:
        begin, budget_ms, mode = note_budget(ctx, job)
    else:
        begin, budget_ms, mode = job.started, float(deadline_ms), "deadline"
    waited_from = time.perf_counter()
    finished = job.wait(budget_ms / 1000 - (waited_from - begin))
    waited_ms = round((time.perf_counter() - waited_from) * 1000, 1)
    info = EnrichInfo(
        used=False,
        ms=job.ms,
        waited_ms=waited_ms,
        deadline_ms=round(budget_ms, 1),
        wait=mode,
        **dataclasses.asdict(ctx.early.origin),
    )
    note = ""
    if not finished:
        if mode == "deadline":
            job.cancel()  # frees the shared local model between two tokens
        info.reason = "late"
    elif job.error is not None:
        info.reason, info.error = "failed", type(job.error).__name__
    elif job.result is not None and str(job.result):
        note = str(job.result)
        info.used, info.reason, info.note = True, "ok", note
        ctx.trace.add_part("note", ctx.local.kind, ctx.local.name)
        if job.result.source == "cache":
            info.cache = "hit"
    elif job.result is not None and precompute.skipped(job):
        info.reason, info.ms, info.waited_ms = precompute.UNFIT, 0.0, 0.0
        info.source = None  # nothing was started, while typing or otherwise
        ctx.trace.notes.append(job.result.raw)  # which model, and that it is measured unfit
        ctx.trace.add_stage("enrich:local", time.perf_counter(), ok=False, detail=precompute.UNFIT)
        ctx.trace.enrich = info
        return ""
    else:
        info.reason = "empty"
        if job.result is not None:
            info.gate, info.raw = job.result.reason, job.result.raw[:300]
    ctx.trace.enrich = info
    ctx.trace.models["enrich"] = ctx.local.name
    detail = f"empty ({info.gate})" if info.gate else str(info.reason)
    ctx.trace.add_stage("enrich:local", job.started, ok=info.used, detail=detail)
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
    precompute = ("note",)  # the router starts it while the user types, or before retrieval

    def prepare(self, message: str, local: ChatModel, settings: Settings, cancel: CancelToken) -> Early:
        """Start the note before retrieval (when no router precomputer is used); it becomes ``ctx.early``."""
        return Early(note=start_note(local, message, "", None, cancel, settings))

    def run(self, ctx: AnswerContext) -> str:
        job, ctx.early.note = ctx.early.note, None  # the note is this run's: a re-run offline does not wait
        if ctx.offline:
            # No online answer to enrich: a note would only delay the offline answer.
            if job is not None:
                job.cancel()
            ctx.trace.enrich = EnrichInfo(used=False, reason="offline", ms=0.0)
            ctx.trace.notes.append(say("note.note_offline"))
            note = ""
        else:
            if job is None:
                insights = ctx.insights if self.use_insights else None
                job = start_note(ctx.local, ctx.message, ctx.language, insights, ctx.cancel, ctx.settings)
            elif not precompute.skipped(job):  # a skipped note was never started: nothing to say about when
                source = ctx.early.origin.source or "message"
                ctx.trace.notes.append(
                    say("note.note_typing" if source == "typing" else "note.note_overlapped")
                )
            note = collect_note(ctx, job)
        system = main_system_prompt(ctx, note) if self.use_insights else system_without_insights(ctx, note)
        return stream_answer(ctx, system=system)
