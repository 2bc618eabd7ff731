"""rewrite (shown only when the fact guard passes) and team (profile decides who answers)."""

from __future__ import annotations

import pytest
from conftest import MakeCtx, recorder, stage_names
from support.fake_models import ScriptedModel, claude_down

from desktop.core.chat.strategies.base import AnswerContext
from desktop.core.chat.strategies.rewrite import RewriteStrategy
from desktop.core.chat.strategies.team import TeamStrategy
from desktop.core.errors import ClaudeUnavailable

KITAS_DRY = (
    "KITAS is an Indonesian limited stay permit. Requirements: valid passport, sponsor letter, "
    "medical check, photos, insurance. Processing: 4-6 weeks."
)
FAITHFUL = (
    "Happy to help! KITAS is your Indonesian limited stay permit. You will need a valid passport, a sponsor "
    "letter, a medical check, photos and insurance. Processing takes 4-6 weeks."
)
DROPS_INSURANCE = (
    "Happy to help! KITAS is your Indonesian limited stay permit. You will need a valid passport, a sponsor "
    "letter, a medical check and photos. Processing takes 4-6 weeks."
)
MOVES_DURATION = (
    "Happy to help! Your Indonesian KITAS is valid for 4-6 weeks. You will need a valid passport, a sponsor "
    "letter, a medical check, photos and insurance."
)


def run_rewrite(make_ctx: MakeCtx, rewrite: str) -> tuple[str, AnswerContext]:
    claude = ScriptedModel(KITAS_DRY, name="claude-sonnet-4-5")
    ctx = make_ctx(claude, ScriptedModel(rewrite, name="smol", kind="local"), language="en")
    return RewriteStrategy().run(ctx), ctx


def test_a_faithful_rewrite_replaces_the_original(make_ctx: MakeCtx) -> None:
    text, ctx = run_rewrite(make_ctx, FAITHFUL)
    assert text == FAITHFUL
    events = recorder(ctx)
    assert "".join(e.text for _, e in events.events if e.kind == "chunk") == KITAS_DRY  # original streamed
    assert events.kinds()[-1] == "replace" and events.screen() == FAITHFUL
    assert ctx.trace.fact_guard is not None and ctx.trace.fact_guard.passed is True
    assert stage_names(ctx) == ["answer:claude", "rewrite:local", "fact_guard"]


@pytest.mark.parametrize(
    ("rewrite", "missing", "added"),
    [
        (DROPS_INSURANCE, ["insurance"], []),
        (MOVES_DURATION, ["4-6 weeks (processing)"], ["4-6 weeks (validity)"]),
    ],
    ids=["drops-insurance", "duration-becomes-validity"],
)
def test_the_guard_keeps_the_original_when_the_rewrite_breaks_facts(
    make_ctx: MakeCtx, rewrite: str, missing: list[str], added: list[str]
) -> None:
    text, ctx = run_rewrite(make_ctx, rewrite)
    assert text == KITAS_DRY
    assert "replace" not in recorder(ctx).kinds()
    guard = ctx.trace.fact_guard
    assert guard is not None
    assert guard.passed is False
    assert guard.missing == missing and guard.added == added


def test_a_failing_local_model_leaves_the_original(make_ctx: MakeCtx) -> None:
    claude = ScriptedModel(KITAS_DRY)
    ctx = make_ctx(claude, ScriptedModel("x", kind="local", fail=RuntimeError("boom")), language="en")
    assert RewriteStrategy().run(ctx) == KITAS_DRY
    assert ctx.trace.stages[-1].name == "rewrite:local" and ctx.trace.stages[-1].ok is False


def test_offline_no_rewrite_of_the_local_models_own_answer(make_ctx: MakeCtx) -> None:
    local = ScriptedModel("Halo, saya bantu.", kind="local")
    ctx = make_ctx(local, local, offline=True)
    assert RewriteStrategy().run(ctx) == "Halo, saya bantu."
    assert len(local.calls) == 1 and ctx.trace.fact_guard is None


def test_team_profile_gets_the_local_colleague_with_insights_even_online(make_ctx: MakeCtx) -> None:
    claude, local = (
        ScriptedModel("professional"),
        ScriptedModel("Santai, aku bantu!", name="smol", kind="local"),
    )
    ctx = make_ctx(claude, local, profile="team")
    assert TeamStrategy().run(ctx) == "Santai, aku bantu!"
    assert claude.calls == []
    assert "colleague" in local.calls[0].system and "aku malu" in local.calls[0].system
    assert ctx.trace.models["answer"] == "smol"
    assert stage_names(ctx) == ["answer:local"]


def test_client_profile_gets_claude_in_a_professional_tone(make_ctx: MakeCtx) -> None:
    claude, local = ScriptedModel("Dengan hormat, ..."), ScriptedModel("x", kind="local")
    ctx = make_ctx(claude, local, profile="client")
    assert TeamStrategy().run(ctx) == "Dengan hormat, ..."
    assert local.calls == []
    assert "client" in claude.calls[0].system and "professional" in claude.calls[0].system


def test_client_profile_offline_gets_the_local_model(make_ctx: MakeCtx) -> None:
    local = ScriptedModel("Baik, saya bantu.", kind="local")
    ctx = make_ctx(local, local, profile="client", offline=True)
    assert TeamStrategy().run(ctx) == "Baik, saya bantu."
    assert len(local.calls) == 1


def test_profile_can_be_overridden_per_answer(make_ctx: MakeCtx) -> None:
    claude, local = ScriptedModel("pro"), ScriptedModel("warm", kind="local")
    ctx = make_ctx(claude, local, profile="team")
    ctx.profile = "client"
    assert TeamStrategy().run(ctx) == "pro"


@pytest.mark.parametrize("strategy", [RewriteStrategy, TeamStrategy])
def test_claude_failure_propagates_for_the_router(make_ctx: MakeCtx, strategy: type) -> None:
    ctx = make_ctx(ScriptedModel("x", fail=claude_down()), ScriptedModel("y", kind="local"), profile="client")
    with pytest.raises(ClaudeUnavailable):
        strategy().run(ctx)
