"""wrap: the local opening shown first, Claude's answer, a closing; any local failure → Claude as is."""

from __future__ import annotations

import time

import pytest
from conftest import MakeCtx, recorder, stage_names
from support.fake_models import ScriptedModel, claude_down

from desktop.core.chat.strategies.wrap import LocalPart, WrapStrategy
from desktop.core.errors import ClaudeUnavailable
from desktop.core.llm.base import Message

ANSWER = "PT PMA capital requirements:\n- Authorized capital: IDR 10 billion\n- Paid-up capital: minimum 25%"
OPENING = "Great question, I am glad you asked!"
CLOSING = "Hope this helps, just ask me anything else!"


def warm_local(**kwargs: object) -> ScriptedModel:
    """Answers an opening prompt with OPENING and a closing prompt with CLOSING."""

    def reply(messages: list[Message], system: str) -> str:
        return OPENING if "opening" in system else CLOSING

    return ScriptedModel(reply, name="smol", kind="local", **kwargs)  # type: ignore[arg-type]


def test_opening_first_then_claude_then_closing(make_ctx: MakeCtx) -> None:
    claude = ScriptedModel(ANSWER, first_delay=0.2)
    ctx = make_ctx(claude, warm_local(), message="What are PT PMA capital requirements?", language="en")
    text = WrapStrategy().run(ctx)
    assert text == f"{OPENING}\n\n{ANSWER}\n\n{CLOSING}"
    events = recorder(ctx)
    assert events.first_chunk().startswith(OPENING)
    assert events.screen() == text
    assert {"opening:local", "answer:claude", "closing:local"} <= set(stage_names(ctx))
    assert ctx.trace.models["wrap"] == "smol"


def test_claude_first_words_never_wait_for_the_opening(make_ctx: MakeCtx) -> None:
    """Issue 15: the opening is shown with Claude's first words if it is ready then, else skipped."""
    claude = ScriptedModel(ANSWER)  # instant
    ctx = make_ctx(
        claude, warm_local(first_delay=0.5), message="What are PT PMA capital requirements?", language="en"
    )
    started = time.perf_counter()
    text = WrapStrategy().run(ctx)
    first_at = next(t for t, e in recorder(ctx).events if e.kind == "chunk")
    assert first_at - started < 0.4  # not held back for the 0.5 s opening
    assert recorder(ctx).first_chunk().startswith("PT ")
    assert text.startswith(ANSWER) and OPENING not in text
    assert ctx.wrap is not None and ctx.wrap.opening.reason == "late"


def test_a_slow_local_model_does_not_hold_claude_past_the_deadline(make_ctx: MakeCtx) -> None:
    local = warm_local(first_delay=5.0)
    ctx = make_ctx(ScriptedModel(ANSWER), local, language="en", deadline_ms=150)
    started = time.perf_counter()
    text = WrapStrategy().run(ctx)
    assert time.perf_counter() - started < 2.0  # generous; the opening alone would take 5 s
    assert text == ANSWER
    wrap = ctx.wrap
    assert wrap is not None and wrap.opening.reason == "late" and wrap.closing.reason == "late"


def test_any_local_failure_gives_claudes_answer_as_is(make_ctx: MakeCtx) -> None:
    local = ScriptedModel("x", kind="local", fail=RuntimeError("llama.cpp crashed"))
    ctx = make_ctx(ScriptedModel(ANSWER, first_delay=0.2), local, language="en")
    text = WrapStrategy().run(ctx)
    assert text == ANSWER
    assert recorder(ctx).screen() == ANSWER
    assert ctx.wrap is not None and ctx.wrap.opening.reason == "failed"
    assert any("opening failed" in note for note in ctx.trace.notes)


def test_junk_opening_falls_back_to_a_template_in_the_users_language(make_ctx: MakeCtx) -> None:
    local = ScriptedModel("Pakai, dengan banyakan kalau mengenarumia tentang visa yang sama.", kind="local")
    ctx = make_ctx(
        ScriptedModel("Jawaban.", first_delay=0.3), local, message="Berapa lama proses KITAS?", language="id"
    )
    text = WrapStrategy().run(ctx)
    assert ctx.wrap is not None
    assert ctx.wrap.opening == LocalPart(
        used=True,
        ms=ctx.wrap.opening.ms,
        reason="unknown_words",
        source="template",
        raw="Pakai, dengan banyakan kalau mengenarumia tentang visa yang sama.",
    )
    assert "mengenarumia" not in text
    assert text.split("\n\n")[0] in (
        "Pertanyaan bagus, dengan senang hati saya bantu!",
        "Terima kasih sudah bertanya, mari kita bahas.",
    )


def test_claude_failure_propagates_and_cancels_the_local_work(make_ctx: MakeCtx) -> None:
    local = warm_local(first_delay=3.0)
    ctx = make_ctx(ScriptedModel(ANSWER, fail=claude_down()), local, language="en")
    started = time.perf_counter()
    with pytest.raises(ClaudeUnavailable):
        WrapStrategy().run(ctx)
    assert time.perf_counter() - started < 1.0  # the offline answer is not kept waiting
    deadline = time.perf_counter() + 2
    while local.calls[0].finished is None and time.perf_counter() < deadline:
        time.sleep(0.01)
    assert local.calls[0].cancelled


def test_offline_the_local_model_answers_without_wrapper(make_ctx: MakeCtx) -> None:
    local = ScriptedModel("Halo! Saya bantu.", kind="local")
    ctx = make_ctx(local, local, offline=True)
    assert WrapStrategy().run(ctx) == "Halo! Saya bantu."
    assert len(local.calls) == 1 and stage_names(ctx) == ["answer:local"]
