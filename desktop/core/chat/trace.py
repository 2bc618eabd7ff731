"""What every answer carries: the answer itself plus a trace of how it was made.

The trace is nested dataclasses, so the GUI and the CLI read attributes a type checker follows. SQLite stores
it as JSON (:meth:`Trace.to_json`) and reads back traces written by any earlier version
(:meth:`Trace.from_json`: missing keys take their defaults, unknown keys are ignored). Optional details of a
record (an enrich note's cache state, a failed job's error) are left out of the JSON while unset, so the JSON
keeps the shape scripts read from `zantara ask --json`. The trace never contains the API key.
"""

from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal, TypeVar

import dacite

Mode = Literal["claude", "offline"]
Status = Literal["complete", "partial", "failed"]
JSON = dict[str, Any]  # the serialised form only: nothing in the trace itself is a bare dict

T = TypeVar("T")


class Record:
    """Base of every trace record: JSON out with unset optional details left out, JSON in from any version."""

    #: None is written as null (the field is always in the JSON) rather than left out.
    keep_none: ClassVar[bool] = False

    def to_json(self) -> JSON:
        out: JSON = {}
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            if value is not None or self.keep_none:
                out[f.name] = _dump(value)
        return out

    @classmethod
    def from_json(cls: type[T], data: object) -> T:
        """The record from its JSON (any earlier version); a value of the wrong shape gives the default."""
        return _load(cls, data if isinstance(data, dict) else {})


@dataclass
class Stage(Record):
    """One step of a strategy (retrieval, enrich, claude, opening, rewrite, fact_guard...)."""

    name: str = ""
    ms: float | None = None
    ok: bool = True
    detail: str = ""


@dataclass
class Part(Record):
    """Who wrote one part of the shown text. part: opening | beginning (Claude's text kept before a failure) |
    answer | rewrite | closing | note (the live note, sent to Claude, not shown); kind: a model kind (claude,
    openai, local) or template | memory."""

    part: str = ""
    kind: str = ""
    model: str = ""


@dataclass
class Colleague(Record):
    """Where a record synced from a colleague's laptop came from."""

    name: str = ""
    at: str = ""
    device: str = ""


@dataclass
class Insight(Record):
    """A retrieved cultural insight as the answer saw it."""

    id: str = ""
    text: str = ""
    language: str = ""
    category: str = ""
    concepts: list[str] = field(default_factory=list)
    source: str = ""
    status: str | None = None
    score: float | None = None
    from_colleague: Colleague | None = None  # synced from a colleague's laptop


@dataclass
class Timings(Record):
    keep_none: ClassVar[bool] = True

    retrieval: float | None = None
    first_token: float | None = None
    total: float | None = None


@dataclass
class NoteOrigin(Record):
    """Where a prepared live note came from: typing or the message's arrival, its cache key and hit."""

    source: str | None = None  # "typing" | "message"
    coverage: float | None = None  # how much of the message the draft it was written for held
    key: list[str] | None = None  # the concepts keying the note cache
    cache: str | None = None  # "hit" | "miss" | "no key"


@dataclass
class EnrichInfo(NoteOrigin):
    """The live cultural note: used or why not (late, failed, empty, offline, unfit_model)."""

    used: bool = False
    ms: float | None = None
    waited_ms: float | None = None
    deadline_ms: float | None = None
    wait: str | None = None  # "adaptive" | "deadline"
    reason: str | None = None
    note: str | None = None
    error: str | None = None
    gate: str | None = None  # why the tone gate rejected the note
    raw: str | None = None  # the rejected text, cut


@dataclass
class FactGuard(Record):
    """The fact guard's verdict on a warm rewrite."""

    passed: bool = False
    missing: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    kinds: dict[str, dict[str, list[str]]] | None = None  # kind -> {"missing": [...], "added": [...]}
    reason: str | None = None


@dataclass
class MemoryUse(Record):
    """An earlier Claude answer shown or used offline."""

    id: str = ""
    question: str = ""
    answer: str = ""
    date: str = ""
    conversation_id: str = ""
    conversation_title: str = ""
    user_name: str = ""
    language: str = ""
    strategy: str = ""
    similarity: float | None = None
    match: float | None = None
    colleague: str | None = None  # who, when the answer came from a colleague's laptop (team sync)
    colleague_at: str | None = None


@dataclass
class ReadabilityInfo(Record):
    """The readability guard's last verdict on a local answer (fields unset when no verdict was reached)."""

    ok: bool | None = None
    reason: str | None = None
    language: str | None = None
    words: int | None = None
    known_share: float | None = None
    known_long_share: float | None = None
    language_score: float | None = None
    repetition: float | None = None
    copied: float | None = None
    unknown: list[str] | None = None
    checks: int | None = None
    shown: bool | None = None
    skipped: bool | None = None

    def to_json(self) -> JSON:
        out = super().to_json()
        if self.ok is not None:  # a verdict: its one figure that may be missing is written as null
            out.setdefault("known_long_share", None)
        return out


@dataclass
class UsageCall(Record):
    """One Claude call's token counts (core/feedback/usage.py)."""

    model: str = ""
    input_tokens: int = 0
    output_tokens: int = 0
    cache_creation_input_tokens: int = 0
    cache_read_input_tokens: int = 0
    insight_input_tokens: int = 0
    complete: bool = True


@dataclass
class Usage(Record):
    """Claude's tokens and cost for the answer; empty when Claude made no call."""

    calls: list[UsageCall] | None = None
    input_tokens: int | None = None
    output_tokens: int | None = None
    insight_input_tokens: int | None = None
    cost_usd: float | None = None
    insight_cost_usd: float | None = None


@dataclass
class RetrievalError(Record):
    """The knowledge search failed: the exception's class, its message, the Chroma server ("" if local)."""

    error: str = ""
    message: str = ""
    url: str = ""


@dataclass
class HedgeInfo(Record):
    """The hedged offline answer (chat/hedge.py)."""

    after_ms: int = 0
    started: bool = False
    started_ms: float | None = None
    claude_first_token_ms: float | None = None
    local_first_token_ms: float | None = None
    winner: str | None = None  # "claude" | "local"
    draft: str | None = None  # the local text Claude's answer replaced
    error: str | None = None


DOCUMENT_KEYS = ("passages", "cited_passages", "citations")
# Optional keys left out of the JSON when empty: an answer without them keeps the JSON it always had.
OPTIONAL_KEYS = (*DOCUMENT_KEYS, "related_memory")


@dataclass
class DocumentPassage(Record):
    """A passage of the team's documents given to the answer: its number [n], where it is, how it was found."""

    n: int = 0
    text: str = ""
    document: str = ""  # the document's title
    path: str = ""
    section: str = ""
    page: int | None = None
    where: str = ""  # "Fee Table 2026, 2. Immigration services": what a citation names
    language: str = ""
    score: float = 0.0  # the fused score
    found_by: str = ""  # vector | words | both
    cosine: float | None = None


@dataclass
class Citations(Record):
    """The citation check: passages sent, passages the answer cites, citations dropped because they match no
    passage sent, and those dropped because their passage does not state the sentence citing them."""

    sent: int = 0
    cited: int = 0
    dropped: int = 0
    unsupported: int = 0


@dataclass
class Trace(Record):
    keep_none: ClassVar[bool] = True

    strategy: str = "combo"
    mode: Mode = "claude"
    reason: str = ""  # why offline / why degraded; "" when Claude answered normally
    language: str = "en"
    needs_context: bool = False
    insights: list[Insight] = field(default_factory=list)
    models: dict[str, str] = field(default_factory=dict)  # role -> model name ("answer", "enrich"...)
    stages: list[Stage] = field(default_factory=list)
    timings_ms: Timings = field(default_factory=Timings)
    enrich: EnrichInfo | None = None
    fact_guard: FactGuard | None = None
    notes: list[str] = field(default_factory=list)
    memory: list[MemoryUse] = field(default_factory=list)
    # An earlier answer to a related question (not this one), shown offline under that label; [] or one.
    related_memory: list[MemoryUse] = field(default_factory=list)
    readability: ReadabilityInfo | None = None
    profile: str = ""  # who was chatting (settings.profile): team or client
    usage: Usage = field(default_factory=Usage)
    parts: list[Part] = field(default_factory=list)  # who wrote which part of the shown text, in order
    # Ids of the retrieved insights that were really in the prompt of the model that wrote the answer;
    # None in traces written before this was recorded.
    sent_insights: list[str] | None = None
    retrieval_error: RetrievalError | None = None
    seed: int | None = None  # sampling seed of the answer; every regenerate draws a new one
    embedding: str = ""  # what embedded the message: "<embedder name> (<engine>)"
    hedge: HedgeInfo | None = None

    # The team's documents (chat/documents_step.py): the passages given to the answer, those it cites, and
    # the citation check (a citation matching no sent passage is dropped from the text and counted).
    passages: list[DocumentPassage] = field(default_factory=list)
    cited_passages: list[DocumentPassage] = field(default_factory=list)
    citations: Citations | None = None

    def add_part(self, part: str, kind: str, model: str = "") -> None:
        self.parts.append(Part(part, kind, model))

    def add_stage(self, name: str, started: float, ok: bool = True, detail: str = "") -> Stage:
        stage = Stage(name=name, ms=round((time.perf_counter() - started) * 1000, 1), ok=ok, detail=detail)
        self.stages.append(stage)
        return stage

    def to_json(self) -> JSON:
        out = super().to_json()
        for key in OPTIONAL_KEYS:
            if not out.get(key):
                out.pop(key, None)
        return out

    @property
    def answer_model(self) -> str:
        return self.models.get("answer", "")


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

    def to_dict(self) -> JSON:
        """The `zantara ask --json` shape, plus the full trace (docs/architecture.md, step 8)."""
        t = self.trace.to_json()
        # an earlier answer to another, possibly related question, shown under that label: only when there is one
        related = {"related_memory": t["related_memory"]} if t.get("related_memory") else {}
        return {
            "answer": self.text,
            "mode": t["mode"],
            "reason": t["reason"],
            "strategy": t["strategy"],
            "language": t["language"],
            "insights": t["insights"],
            "model": self.trace.answer_model,
            "status": self.status,
            "timings_ms": t["timings_ms"],
            "conversation_id": self.conversation_id,
            "memory": t["memory"],
            **related,
            "trace": t,
        }


EventKind = Literal["mode", "insights", "chunk", "replace", "hedge"]


@dataclass
class Event:
    """Streamed to the caller while an answer is being made (GUI signals, CLI printing).

    ``chunk``: ``text`` is appended; ``replace``: ``text`` replaces everything shown so far (an approved
    rewrite, an offline answer); ``mode``: ``mode``, ``reason`` and the ``message`` for the user;
    ``insights``: ``insights``, ``language``, ``needs_context``, ``retrieval_error``; ``hedge``: ``state``
    "started" (after ``after_ms``), "claude" (Claude started first) or "superseded" (Claude's answer replaces
    the local ``draft``). The other fields keep their defaults.
    """

    kind: EventKind
    text: str = ""
    mode: Mode | None = None
    reason: str = ""
    message: str = ""
    insights: list[Insight] = field(default_factory=list)
    language: str = ""
    needs_context: bool = False
    retrieval_error: RetrievalError | None = None
    state: str = ""
    draft: str = ""
    after_ms: int = 0


def _dump(value: object) -> object:
    """JSON of a value inside a record."""
    if isinstance(value, Record):
        return value.to_json()
    if isinstance(value, list):
        return [_dump(v) for v in value]
    if isinstance(value, dict):
        return {k: _dump(v) for k, v in value.items()}
    return value


# Checked types (a damaged value is caught, not shown); JSON numbers without a fraction are floats' too.
_CONFIG = dacite.Config(check_types=True, strict=False, cast=[float])


def _load(cls: type[T], data: JSON) -> T:
    """Build ``cls`` from JSON with dacite; a field whose stored value does not fit takes its default, so a
    trace from an older version (or a damaged one) still shows everything that does fit."""
    try:
        return dacite.from_dict(cls, data, config=_CONFIG)
    except (dacite.DaciteError, TypeError, ValueError):
        pass
    good: JSON = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name in data:
            try:
                dacite.from_dict(cls, {f.name: data[f.name]}, config=_CONFIG)
            except (dacite.DaciteError, TypeError, ValueError):
                continue
            good[f.name] = data[f.name]
    return dacite.from_dict(cls, good, config=_CONFIG)
