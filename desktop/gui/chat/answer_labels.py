"""Who wrote an answer, said the same way in the answer's header and in the context panel.

Derived from the answer's trace alone (never from the router's current state), so a label cannot contradict
what happened. The trace's ``parts`` say which model wrote which part of the shown text (wrap: the opening and
closing by the local model, the body by Claude; rewrite: Claude's answer rewritten by the local model; a cut
Claude answer continued offline); traces stored before ``parts`` existed fall back to the stages.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.chat.trace import Trace
from desktop.gui.i18n import tr

MEMORY_MODEL = "answer-memory"  # the trace's answer model when earlier answers + insights were shown
#: where each part sits in the shown text; "note" (the live note sent to Claude) is not shown text
PART_ORDER = ("opening", "beginning", "answer", "rewrite", "closing", "note")
LOCAL_KINDS = ("local",)
NOT_MODELS = ("template", "memory")


@dataclass(frozen=True)
class Writer:
    part: str  # a PART_ORDER name
    who: str  # translated: Claude, Local model, ...
    model: str  # the model's name ("" for a template or the memory)
    kind: str  # the model kind, or template / memory

    @property
    def online(self) -> bool:
        return self.kind not in LOCAL_KINDS + NOT_MODELS

    @property
    def shown(self) -> bool:
        return self.part != "note"


def part_label(part: str, trace: Trace) -> str:
    """The translated name of a part ("answer" after Claude's kept beginning is the offline continuation)."""
    parts = {p.part for p in trace.parts}
    if part == "answer" and "beginning" in parts:
        return tr("continued offline")
    return {
        "opening": tr("opening"),
        "beginning": tr("beginning, until the connection was lost"),
        "answer": tr("answer"),
        "rewrite": tr("warm rewrite (shown)"),
        "closing": tr("closing"),
        "note": tr("live cultural note for Claude"),
    }.get(part, part)


def _who(kind: str, trace: Trace) -> str:
    if kind == "claude":
        return "Claude"
    if kind == "memory":  # earlier Claude answers when there were some, the insights always
        return tr("earlier answers and cultural notes") if trace.memory else tr("cultural notes")
    if kind == "template":
        return tr("Zantara (fixed phrase)")
    if kind in LOCAL_KINDS:
        return tr("Local model (offline)") if trace.mode == "offline" else tr("Local model")
    return tr("Online model")


def writers(trace: Trace) -> list[Writer]:
    """Every model (or template, or the answer memory) that wrote part of the answer, in text order."""
    recorded = [p for p in trace.parts if p.part]
    if not recorded:
        who, model = _legacy_answered_by(trace)
        return [Writer("answer", who, model, "")] if who else []
    order = {name: i for i, name in enumerate(PART_ORDER)}
    found = sorted(recorded, key=lambda p: order.get(p.part, len(order)))
    return [Writer(p.part, _who(p.kind, trace), p.model, p.kind) for p in found]


def answered_by(trace: Trace) -> tuple[str, str]:
    """(who, model) of the shown answer body: the rewrite when it replaced Claude's text, else the answer."""
    found = writers(trace)
    for part in ("rewrite", "answer"):
        for w in found:
            if w.part == part:
                return w.who, w.model
    return _legacy_answered_by(trace)


def header_text(trace: Trace) -> str:
    """The answer's header: "Zantara · Claude · model" when one model wrote it, else who wrote which part."""
    shown = [w for w in writers(trace) if w.shown]
    if len({(w.who, w.model) for w in shown}) <= 1:
        who, model = answered_by(trace)
        return " · ".join(x for x in ("Zantara", who, model) if x)
    groups: dict[tuple[str, str], list[str]] = {}
    for w in shown:
        groups.setdefault((w.who, w.model), []).append(part_label(w.part, trace))
    described = [
        (f"{who} ({model})" if model else who) + ": " + ", ".join(parts)
        for (who, model), parts in groups.items()
    ]
    return "Zantara · " + "; ".join(described)


def claude_wrote(trace: Trace) -> bool:
    """True when the online model wrote some of the shown text (the badge may then say it is online)."""
    found = [w for w in writers(trace) if w.shown]
    if trace.parts:
        return any(w.online for w in found)
    return any(s.ok and s.name.endswith(":claude") for s in trace.stages)


def _legacy_answered_by(trace: Trace) -> tuple[str, str]:
    """Traces without ``parts``: the stage that produced the shown text decides, not the mode."""
    model = trace.answer_model
    if model == MEMORY_MODEL:
        return _who("memory", trace), ""
    wrote = [s.name for s in trace.stages if s.ok]
    local = any(name == "answer:local" for name in wrote) and not any(
        name == "answer:claude" for name in wrote
    )
    if trace.mode == "offline":
        return tr("Local model (offline)"), model
    if local:
        return tr("Local model"), model
    return "Claude", model
