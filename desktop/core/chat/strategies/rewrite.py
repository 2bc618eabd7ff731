"""Strategy ``rewrite`` (docs/design.md): the local model rewrites Claude's answer in a warmer tone - if the facts
survive.

Claude's answer streams to the user as usual (nobody waits for the slow part). Then the local model rewrites
it and the fact guard (:mod:`desktop.core.chat.factguard`) compares the two; only a rewrite that keeps every
fact and adds none replaces the text on screen (a ``replace`` event). Otherwise the user keeps Claude's
original and ``trace.fact_guard`` lists what the rewrite broke.
"""

from __future__ import annotations

import time

from desktop.core.chat import tone
from desktop.core.chat.factguard import check_facts
from desktop.core.chat.strategies.base import AnswerContext, Strategy
from desktop.core.chat.strategies.rag import main_system_prompt, stream_answer
from desktop.core.chat.trace import Event, FactGuard
from desktop.core.errors import Cancelled
from desktop.core.messages import say

MAX_REWRITE_CHARS = 2000  # longer answers do not fit the small model's context with their rewrite


class RewriteStrategy(Strategy):
    name = "rewrite"
    label = "Warm rewrite with fact guard"
    description = "Claude answers; the local model rewrites it warmer, shown only if a fact guard approves."

    def run(self, ctx: AnswerContext) -> str:
        original = stream_answer(ctx, system=main_system_prompt(ctx))
        if ctx.offline:
            ctx.trace.notes.append(say("note.rewrite_offline"))
            return original
        if len(original) > MAX_REWRITE_CHARS or not original.strip():
            ctx.trace.notes.append(say("note.rewrite_short", n=len(original)))
            return original
        started = time.perf_counter()
        ctx.trace.models["rewrite"] = ctx.local.name
        try:
            rewrite = tone.rewrite_warmer(ctx.local, original, ctx.language, ctx.cancel)
        except Cancelled:
            ctx.trace.add_stage("rewrite:local", started, ok=False, detail=say("stage.stopped"))
            ctx.trace.notes.append(say("note.rewrite_stopped"))
            return original
        except Exception as exc:  # any local failure: the original stands
            ctx.trace.add_stage("rewrite:local", started, ok=False, detail=type(exc).__name__)
            ctx.trace.notes.append(say("note.rewrite_failed", error=type(exc).__name__))
            return original
        ctx.trace.add_stage("rewrite:local", started, ok=bool(str(rewrite)), detail=rewrite.reason)
        if not str(rewrite):
            ctx.trace.fact_guard = FactGuard(passed=False, reason=f"rewrite rejected ({rewrite.reason})")
            return original
        guard_started = time.perf_counter()
        report = check_facts(original, rewrite)
        ctx.trace.fact_guard = FactGuard(report.passed, report.missing, report.added, report.kinds)
        ctx.trace.add_stage("fact_guard", guard_started, ok=report.passed, detail=report.summary()[:200])
        if not report.passed:
            ctx.trace.notes.append(say("note.rewrite_rejected"))
            return original
        ctx.emit(Event("replace", str(rewrite)))
        ctx.trace.add_part("rewrite", ctx.local.kind, ctx.local.name)
        return str(rewrite)
