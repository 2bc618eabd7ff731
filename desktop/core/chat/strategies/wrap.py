"""Strategy ``wrap`` (docs/design.md): Claude writes the core answer, the local model a warm opening and closing.

The opening is written while the user types when the app can (:mod:`desktop.core.chat.precompute`), else it
starts with Claude's request. It is shown the moment Claude's first words arrive, in front of them, if it is
ready then; otherwise it is skipped: Claude is never held back for it. The closing starts with Claude's first
words and is appended if it is ready when Claude ends (plus ``settings.enrich_deadline_ms``). Any local-model
failure or delay → Claude's answer as is, and the trace says so; Claude's own failure cancels the local work at once so the offline answer is not kept waiting.
"""

from __future__ import annotations

import queue
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from desktop.core.chat import tone
from desktop.core.chat.strategies.base import AnswerContext, Strategy
from desktop.core.chat.strategies.rag import (
    ANSWER_MAX_TOKENS,
    main_system_prompt,
    record_sent,
    stream_answer,
)
from desktop.core.chat.trace import Event
from desktop.core.messages import reason as reason_phrase
from desktop.core.messages import say

POLL_S = 0.02
tone.warm_up()  # the detector gates the first note too; load it before that note's deadline


@dataclass
class LocalPart:
    """The opening or the closing: used or why not (late, failed, or the tone gate's reason)."""

    used: bool = False
    ms: float | None = None
    reason: str = ""
    error: str | None = None
    source: str | None = None  # "model" | "template" (the model's text failed the gate) | "cache"
    raw: str | None = None  # the model's rejected text, when a template stands in


@dataclass
class WrapInfo:
    """What the local model added to this answer (``ctx.wrap``): the trace's notes are written from it."""

    opening: LocalPart = field(default_factory=LocalPart)
    closing: LocalPart = field(default_factory=LocalPart)
    prepared: str | None = None  # "typing" | "message": the opening was started before the answer
    claude_first_token_ms: float | None = None


class _Producer:
    """Claude's stream read in a thread into a queue, so the strategy can wait for the opening meanwhile."""

    def __init__(self, ctx: AnswerContext, system: str) -> None:
        self.queue: queue.Queue[tuple[str, Any]] = queue.Queue()
        self.started = time.perf_counter()
        self._thread = threading.Thread(
            target=self._run, args=(ctx, system), name="zantara-wrap", daemon=True
        )
        self._thread.start()

    def _run(self, ctx: AnswerContext, system: str) -> None:
        try:
            stream = ctx.main.stream(
                ctx.messages(),
                system=system,
                max_tokens=ANSWER_MAX_TOKENS,
                cancel=ctx.cancel,
                seed=ctx.seed,
            )
            for chunk in stream:
                self.queue.put(("chunk", chunk))
            self.queue.put(("done", None))
        except BaseException as exc:  # handed to the strategy's thread, which re-raises it
            self.queue.put(("error", exc))


class WrapStrategy(Strategy):
    name = "wrap"
    label = "Warm opening and closing"
    description = "Claude writes the answer; the local model adds a warm opening and closing."
    precompute = ("opening",)  # written while the user types, when the app can (chat/precompute.py)

    def run(self, ctx: AnswerContext) -> str:
        if ctx.offline:
            ctx.trace.notes.append(say("note.wrap_offline"))
            return stream_answer(ctx, system=main_system_prompt(ctx))
        wrap = ctx.wrap = WrapInfo()
        ctx.trace.models["wrap"] = ctx.local.name
        opening_job, ctx.early.opening = ctx.early.opening, None
        if opening_job is None:
            opening_job = tone.Job(
                lambda t: tone.warm_opening(ctx.local, ctx.message, ctx.language, t),
                parent=ctx.cancel,
                name="opening",
            )
        else:
            opening_job.parent = ctx.cancel
            wrap.prepared = ctx.early.origin.source or "message"
        system = main_system_prompt(ctx)
        record_sent(ctx, system)
        producer = _Producer(ctx, system)
        ctx.trace.models["answer"] = ctx.main.name
        closing_jobs: list[tone.Job[tone.ToneText]] = []
        try:
            body = self._stream(ctx, producer, opening_job, closing_jobs)
            closing = self._closing(ctx, opening_job, closing_jobs[0] if closing_jobs else None)
        except BaseException:
            for job in (opening_job, *closing_jobs):
                job.cancel()
            raise
        ctx.trace.notes.append(
            say(
                "note.wrap",
                opening=reason_phrase(wrap.opening.reason),
                closing=reason_phrase(wrap.closing.reason),
            )
        )
        return body + ("\n\n" + closing if closing else "")  # the opening, if any, is at the body's start

    def _stream(
        self,
        ctx: AnswerContext,
        producer: _Producer,
        opening_job: tone.Job[tone.ToneText],
        closing_jobs: list[tone.Job[tone.ToneText]],
    ) -> str:
        """Claude's answer into chunk events, the opening in front of its first words when ready then (Claude
        is never held back for it); the closing job starts with those first words."""
        assert ctx.wrap is not None
        answer: list[str] = []
        while True:
            kind, value = producer.queue.get()
            if kind == "error":
                raise value
            if kind == "done":
                break
            if not answer:
                ctx.wrap.claude_first_token_ms = round((time.perf_counter() - producer.started) * 1000, 1)
                opening = self._resolve(ctx, opening_job, "opening")
                if opening:
                    value = opening + "\n\n" + value
                closing_jobs.append(
                    tone.Job(
                        lambda t: tone.warm_closing(ctx.local, ctx.message, ctx.language, t),
                        parent=ctx.cancel,
                        name="closing",
                    )
                )
            answer.append(value)
            ctx.emit(Event("chunk", value))
        ctx.trace.add_stage(f"answer:{ctx.main.kind}", producer.started)
        ctx.trace.add_part("answer", ctx.main.kind, ctx.main.name)
        return "".join(answer)

    def _closing(
        self,
        ctx: AnswerContext,
        opening_job: tone.Job[tone.ToneText],
        closing_job: tone.Job[tone.ToneText] | None,
    ) -> str:
        """The closing if it is ready by ``enrich_deadline_ms`` after Claude ended (shown at once), else ""."""
        assert ctx.wrap is not None
        if closing_job is None:  # Claude said nothing: no opening, no closing
            self._resolve(ctx, opening_job, "opening")
            ctx.wrap.closing = LocalPart(used=False, reason="no answer", ms=0.0)
            return ""
        closing_job.wait(ctx.settings.enrich_deadline_ms / 1000)
        closing = self._resolve(ctx, closing_job, "closing")
        if closing:
            ctx.emit(Event("chunk", "\n\n" + closing))
        return closing

    @staticmethod
    def _resolve(ctx: AnswerContext, job: tone.Job[tone.ToneText], part: str) -> str:
        """The opening/closing text if the job made it in time, else "" (cancelled); recorded in the trace."""
        assert ctx.wrap is not None
        info = LocalPart(used=False, ms=job.ms)
        text = ""
        if not job.done:
            job.cancel()
            info.reason = "late"
        elif job.error is not None:
            info.reason, info.error = "failed", type(job.error).__name__
        elif job.result is not None:
            text = str(job.result)
            info.used, info.reason, info.source = bool(text), job.result.reason, job.result.source
            if job.result.source == "template":
                info.raw = job.result.raw[:200]
        if part == "opening":
            ctx.wrap.opening = info
        else:
            ctx.wrap.closing = info
        if text:  # the model's own words, or a fixed phrase when its output failed the gate
            source = getattr(job.result, "source", "model")
            ctx.trace.add_part(part, ctx.local.kind if source == "model" else "template", ctx.local.name)
        ctx.trace.add_stage(f"{part}:local", job.started, ok=bool(text), detail=info.reason)
        return text
