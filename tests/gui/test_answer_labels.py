"""The header of an answer and the context panel name who wrote it from the trace, the same way (a user's
walk-through found "Zantara · Claude" on a local answer and "Local model" on earlier answers shown offline)."""

from __future__ import annotations

import dataclasses

import pytest

from desktop.core.chat.trace import Trace
from desktop.gui.chat.answer_labels import answered_by
from desktop.gui.chat.context_panel import render_trace


def trace(mode: str, model: str, *stages: tuple[str, bool], memory: int = 1) -> Trace:
    """A trace as older versions stored it (no ``parts``): the stages decide who wrote the answer."""
    return Trace.from_json(
        {
            "mode": mode,
            "models": {"answer": model},
            "stages": [{"name": n, "ms": 1.0, "ok": ok, "detail": ""} for n, ok in stages],
            "memory": [{"question": "q", "answer": "a"}] * memory,  # earlier answers shown offline
        }
    )


@pytest.mark.parametrize(
    ("t", "who", "model"),
    [
        (trace("claude", "claude-haiku-5-5", ("answer:claude", True)), "Claude", "claude-haiku-5-5"),
        (trace("claude", "SmolLM2", ("answer:local", True)), "Local model", "SmolLM2"),  # team profile
        (trace("offline", "SmolLM2", ("answer:local", True)), "Local model (offline)", "SmolLM2"),
        (
            trace("offline", "answer-memory", ("answer:local", False)),
            "earlier answers and cultural notes",
            "",
        ),
        (trace("claude", "answer-memory", ("answer:local", False)), "earlier answers and cultural notes", ""),
        # no earlier answer was found: only the insights were shown (QA: it claimed earlier answers)
        (trace("offline", "answer-memory", ("answer:local", False), memory=0), "cultural notes", ""),
    ],
)
def test_who_wrote_the_answer_comes_from_the_trace(t: Trace, who: str, model: str) -> None:
    assert answered_by(t) == (who, model)
    html = render_trace(t)
    assert who in html and "answer-memory" not in html


def test_a_stopped_claude_answer_is_not_called_offline() -> None:
    stopped = dataclasses.replace(
        trace("claude", "claude-haiku-5-5", ("answer:claude", False)), reason="cancelled"
    )
    html = render_trace(stopped)
    assert "Why offline" not in html and "Why it stopped" in html  # QA: "Perché offline: interrotta da te"
    offline = dataclasses.replace(trace("offline", "SmolLM2", ("answer:local", True)), reason="no_key")
    assert "Why offline" in render_trace(offline)
