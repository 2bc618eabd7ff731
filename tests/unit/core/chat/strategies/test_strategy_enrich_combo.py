"""enrich and combo: the live cultural note, its deadline, and what reaches Claude's system prompt."""

from __future__ import annotations

import time

import pytest
from conftest import MakeCtx, recorder, stage_names
from support.fake_models import ScriptedModel, claude_down

from desktop.core.chat.strategies.combo import ComboStrategy
from desktop.core.chat.strategies.enrich import EnrichStrategy
from desktop.core.errors import ClaudeUnavailable

NOTE = "Asking feels embarrassing for them. Praise the question and keep the tone gentle and encouraging."
ANSWER = "Tidak perlu malu! Untuk visa, jenis apa yang Anda butuhkan?"


def local_model(**kwargs: object) -> ScriptedModel:
    return ScriptedModel(NOTE, name="smol", kind="local", **kwargs)  # type: ignore[arg-type]


def test_combo_sends_insights_and_the_live_note_to_claude(make_ctx: MakeCtx) -> None:
    claude, local = ScriptedModel(ANSWER, name="claude-haiku-4-5"), local_model()
    ctx = make_ctx(claude, local)
    text = ComboStrategy().run(ctx)
    assert text == ANSWER
    assert recorder(ctx).screen() == ANSWER
    system = claude.calls[0].system
    assert NOTE in system and "aku malu" in system  # the note and the retrieved insight
    assert ctx.trace.enrich is not None and ctx.trace.enrich.used is True
    assert ctx.trace.enrich.reason == "ok"
    assert stage_names(ctx) == ["enrich:local", "answer:claude"]
    assert ctx.trace.models == {"enrich": "smol", "answer": "claude-haiku-4-5"}


def test_enrich_sends_the_note_without_insights(make_ctx: MakeCtx) -> None:
    claude, local = ScriptedModel(ANSWER), local_model()
    ctx = make_ctx(claude, local, strategy="enrich")
    EnrichStrategy().run(ctx)
    assert NOTE in claude.calls[0].system
    assert "aku malu" not in claude.calls[0].system


@pytest.mark.parametrize("strategy", [EnrichStrategy, ComboStrategy])
def test_a_late_note_is_dropped_and_cancelled_within_the_deadline(make_ctx: MakeCtx, strategy: type) -> None:
    claude, local = ScriptedModel(ANSWER), local_model(first_delay=5.0)
    ctx = make_ctx(claude, local, deadline_ms=150)
    started = time.perf_counter()
    text = strategy().run(ctx)
    elapsed = time.perf_counter() - started
    assert text == ANSWER
    assert elapsed < 2.0  # generous bound; the note alone would take 5 s
    assert ctx.trace.enrich is not None
    assert ctx.trace.enrich.used is False and ctx.trace.enrich.reason == "late"
    assert NOTE not in claude.calls[0].system
    deadline = time.perf_counter() + 2
    while local.calls[0].finished is None and time.perf_counter() < deadline:
        time.sleep(0.01)
    assert local.calls[0].cancelled  # the shared local model is free again


def test_a_failed_note_is_reported_and_claude_answers(make_ctx: MakeCtx) -> None:
    claude, local = ScriptedModel(ANSWER), local_model(fail=RuntimeError("llama crashed"))
    ctx = make_ctx(claude, local)
    assert ComboStrategy().run(ctx) == ANSWER
    assert ctx.trace.enrich is not None
    assert ctx.trace.enrich.reason == "failed" and ctx.trace.enrich.error == "RuntimeError"
    assert ctx.trace.stages[0].ok is False


def test_a_junk_note_is_gated_out(make_ctx: MakeCtx) -> None:
    junk = "The person must pay 10,000 Rupiah (PEM) for the visa at the office."
    claude, local = ScriptedModel(ANSWER), ScriptedModel(junk, kind="local")
    ctx = make_ctx(claude, local)
    ComboStrategy().run(ctx)
    assert ctx.trace.enrich is not None
    assert ctx.trace.enrich.reason == "empty" and ctx.trace.enrich.gate == "invented_facts"
    assert "PEM" not in claude.calls[0].system


def test_offline_skips_the_note_and_the_local_model_answers(make_ctx: MakeCtx) -> None:
    local = ScriptedModel("Tenang saja, saya bantu ya.", name="smol", kind="local")
    ctx = make_ctx(local, local, offline=True)
    assert ComboStrategy().run(ctx) == "Tenang saja, saya bantu ya."
    assert len(local.calls) == 1  # one local call: the answer, no note
    assert ctx.trace.enrich is not None
    assert ctx.trace.enrich.to_json() == {"used": False, "reason": "offline", "ms": 0.0}
    assert stage_names(ctx) == ["answer:local"]


def test_a_note_prepared_before_retrieval_is_used_and_its_head_start_counts(make_ctx: MakeCtx) -> None:
    claude, local = ScriptedModel(ANSWER), local_model(first_delay=0.2)
    ctx = make_ctx(claude, local, deadline_ms=600)
    strategy = ComboStrategy()
    ctx.early = strategy.prepare(ctx.message, local, ctx.settings, ctx.cancel)
    time.sleep(0.25)  # "retrieval" - the note finishes meanwhile
    started = time.perf_counter()
    strategy.run(ctx)
    assert ctx.trace.enrich is not None and ctx.trace.enrich.used is True
    assert (ctx.trace.enrich.waited_ms or 0) < 150  # ready when run() began: Claude is not kept waiting
    assert time.perf_counter() - started < 1.0
    assert ctx.early.note is None  # taken by this run: an offline re-run does not wait for it


def test_claude_failure_propagates_and_frees_nothing_it_should_not(make_ctx: MakeCtx) -> None:
    claude, local = ScriptedModel(ANSWER, fail=claude_down()), local_model()
    ctx = make_ctx(claude, local)
    with pytest.raises(ClaudeUnavailable):
        ComboStrategy().run(ctx)
    assert ctx.trace.stages[-1].name == "answer:claude" and ctx.trace.stages[-1].ok is False
