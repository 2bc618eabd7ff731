"""Building an AnswerContext for a strategy the way the router does, with real models or scripted fakes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from desktop.core.cancel import CancelToken
from desktop.core.chat.strategies.base import AnswerContext
from desktop.core.chat.trace import Event, Trace
from desktop.core.llm.base import ChatModel
from desktop.core.settings import Settings

MALU_INSIGHT = {
    "id": "malu-1",
    "text": "When an Indonesian says 'aku malu' they feel exposed; answer with extra warmth and reassurance.",
    "language": "en",
    "category": "emotion",
    "concepts": ["malu"],
    "source": "curated",
    "score": 0.9,
}
CONTEXT_BLOCK = "<cultural_context>\n[1] " + MALU_INSIGHT["text"] + "\n</cultural_context>"


class Recorder:
    """Collects the events a strategy emits, with their arrival times."""

    def __init__(self) -> None:
        self.events: list[tuple[float, Event]] = []

    def __call__(self, event: Event) -> None:
        import time

        self.events.append((time.perf_counter(), event))

    def kinds(self) -> list[str]:
        return [e.kind for _, e in self.events]

    def screen(self) -> str:
        """What the user sees after all events (chunks appended, replace replaces)."""
        text = ""
        for _, event in self.events:
            if event.kind == "chunk":
                text += event.text
            elif event.kind == "replace":
                text = event.text
        return text

    def first_chunk(self) -> str:
        return next(e.text for _, e in self.events if e.kind == "chunk")


MakeCtx = Callable[..., AnswerContext]


@pytest.fixture
def make_ctx() -> MakeCtx:
    def make(
        main: ChatModel,
        local: ChatModel,
        *,
        message: str = "aku malu bertanya tentang visa",
        language: str = "id",
        offline: bool = False,
        deadline_ms: int = 600,
        profile: str = "team",
        insights: list[dict[str, Any]] | None = None,
        strategy: str = "combo",
        enrich_wait: str = "deadline",  # these tests are about the fixed deadline; adaptive has its own
    ) -> AnswerContext:
        settings = Settings(enrich_deadline_ms=deadline_ms, profile=profile, enrich_wait=enrich_wait)
        chosen = [MALU_INSIGHT] if insights is None else insights
        return AnswerContext(
            message=message,
            history=[],
            language=language,
            insights=chosen,
            context_block=CONTEXT_BLOCK if chosen else "",
            main=main,
            local=local,
            offline=offline,
            settings=settings,
            trace=Trace(strategy=strategy, mode="offline" if offline else "claude"),
            emit=Recorder(),
            cancel=CancelToken(),
        )

    return make


def recorder(ctx: AnswerContext) -> Recorder:
    assert isinstance(ctx.emit, Recorder)
    return ctx.emit


def stage_names(ctx: AnswerContext) -> list[str]:
    return [stage.name for stage in ctx.trace.stages]


@pytest.fixture(autouse=True, scope="session")
def _detector_loaded() -> None:
    """Load the language detector once up front, as the app does at start, so the first note's deadline
    measures the note and not a one-time model load."""
    from desktop.core.chat import tone

    tone.language_ok("warm up", "en")
