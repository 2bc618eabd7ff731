"""Every strategy with real parts: the Claude client (anthropic SDK) against the Messages API stand-in, and
the real bundled local model - online and offline. Slow: loads the model."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import MakeCtx, recorder, stage_names
from support.fake_models import ScriptedModel
from support.messages_api import MessagesAPIStandIn

from desktop.core.chat.factguard import check_facts
from desktop.core.chat.readability import UnreadableAnswer
from desktop.core.chat.strategies.registry import get_strategy
from desktop.core.llm.base import ChatModel
from desktop.core.llm.claude import ClaudeModel
from desktop.core.llm.framing import escape
from desktop.core.llm.local import LocalModel
from desktop.core.settings import Settings

MINE = ["combo", "enrich", "wrap", "rewrite", "team"]
KITAS_DRY = (
    "KITAS is an Indonesian limited stay permit. Requirements: valid passport, sponsor letter, "
    "medical check, photos, insurance. Processing: 4-6 weeks."
)


@pytest.fixture
def standin() -> Iterator[MessagesAPIStandIn]:
    with MessagesAPIStandIn(reply=KITAS_DRY, initial_delay_s=0.2) as api:
        yield api


def claude_for(api: MessagesAPIStandIn) -> ClaudeModel:
    return ClaudeModel(Settings(), api_key=api.api_key, base_url=api.base_url)


@pytest.mark.slow
@pytest.mark.parametrize("name", MINE)
def test_online_with_the_real_sdk_and_the_bundled_model(
    name: str, make_ctx: MakeCtx, standin: MessagesAPIStandIn, local_model: ChatModel
) -> None:
    ctx = make_ctx(claude_for(standin), local_model, message="What do I need for a KITAS?", language="en",
                   profile="client", deadline_ms=5000)  # fmt: skip
    text = get_strategy(name).run(ctx)
    assert text.strip()
    assert recorder(ctx).screen() == text
    assert ctx.trace.stages and all(stage.ms >= 0 for stage in ctx.trace.stages)
    if name in ("combo", "enrich"):
        assert ctx.trace.enrich is not None and ctx.trace.enrich.reason
        sent = standin.message_requests()[-1].system_text
        assert (
            (escape(ctx.trace.enrich.note.strip()) in sent)  # the note travels as escaped data
            if ctx.trace.enrich.used
            else ("live_cultural_note" not in sent)
        )
    if name == "wrap":
        assert KITAS_DRY in text
    if name == "rewrite":
        # Invariant: the user ends with Claude's original, or with a rewrite the guard approved.
        assert ctx.trace.fact_guard is not None
        assert text == KITAS_DRY or check_facts(KITAS_DRY, text).passed
    if name == "team":
        assert "answer:claude" in stage_names(ctx)  # client profile → Claude


@pytest.mark.slow
@pytest.mark.parametrize("name", ["enrich", "combo"])
def test_the_bundled_model_sends_claude_no_cultural_note(
    name: str, make_ctx: MakeCtx, standin: MessagesAPIStandIn, local_model: ChatModel
) -> None:
    ctx = make_ctx(claude_for(standin), local_model, strategy=name)
    assert get_strategy(name).run(ctx) == KITAS_DRY
    assert ctx.trace.enrich is not None and ctx.trace.enrich.reason == "unfit_model"
    assert not ctx.trace.enrich.used and ctx.trace.enrich.ms == 0  # skipped, not written and dropped
    assert any("too small for cultural notes" in note for note in ctx.trace.notes)
    assert not any("cultural note started" in note for note in ctx.trace.notes)  # nothing was started
    assert "enrich" not in ctx.trace.models  # no model wrote a note
    stage = next(s for s in ctx.trace.stages if s.name == "enrich:local")
    assert not stage.ok and stage.detail == "unfit_model" and stage.ms < 5
    assert "live_cultural_note" not in standin.message_requests()[-1].system_text


@pytest.mark.slow
def test_unfit_notes_use_lets_the_bundled_model_write_its_note_anyway(
    make_ctx: MakeCtx, standin: MessagesAPIStandIn, local_model: ChatModel
) -> None:
    ctx = make_ctx(claude_for(standin), local_model, strategy="enrich", deadline_ms=5000)
    ctx.settings.unfit_notes = "use"
    get_strategy("enrich").run(ctx)
    assert ctx.trace.enrich is not None and ctx.trace.enrich.reason in ("ok", "empty")  # written, gated
    assert ctx.trace.enrich.reason != "unfit_model" and ctx.trace.enrich.ms > 0


@pytest.mark.slow
@pytest.mark.parametrize("name", MINE)
def test_offline_the_bundled_model_answers_every_strategy(
    name: str, make_ctx: MakeCtx, local_model: ChatModel
) -> None:
    ctx = make_ctx(local_model, local_model, offline=True, message="aku malu bertanya tentang visa")
    try:
        text = get_strategy(name).run(ctx)
        assert text.strip() and ctx.trace.readability and ctx.trace.readability.ok
    except UnreadableAnswer as exc:  # its Indonesian is often invented words: the guard stops it
        assert ctx.trace.readability and not ctx.trace.readability.ok
        assert exc.verdict.reason in ctx.trace.readability.reason
    # one local call, nothing doubled on the shared model
    assert [s for s in stage_names(ctx) if s.startswith("answer")] == ["answer:local"]


@pytest.mark.slow
def test_team_profile_uses_a_local_model_that_writes_answers_while_claude_is_online(
    make_ctx: MakeCtx, bundled_model_path: Path, tmp_path: Path
) -> None:
    # The same weights under a name no manifest declares: a user's own GGUF, trusted until the guard says not.
    own = tmp_path / "my-colleague.gguf"
    own.symlink_to(bundled_model_path)
    local = LocalModel(own, n_ctx=2048, n_threads=2)
    claude = ScriptedModel("should not be used")
    ctx = make_ctx(claude, local, message="Can I ask my colleague why he looks upset?", language="en",
                   profile="team")  # fmt: skip
    try:
        assert get_strategy("team").run(ctx).strip()
    except UnreadableAnswer:  # the guard stopped it; the router shows the memory answer
        assert ctx.trace.readability and not ctx.trace.readability.ok
    assert claude.calls == [] and ctx.trace.models["answer"] == local.name


@pytest.mark.slow
def test_team_profile_asks_claude_when_the_bundled_model_cannot_write_answers(
    make_ctx: MakeCtx, local_model: ChatModel
) -> None:
    claude = ScriptedModel("Tenang saja, tanya saja ke petugasnya.")
    ctx = make_ctx(claude, local_model, profile="team")  # SmolLM2 declares notes only, not answers
    assert get_strategy("team").run(ctx) == "Tenang saja, tanya saja ke petugasnya."
    assert len(claude.calls) == 1 and ctx.trace.models["answer"] == claude.name
