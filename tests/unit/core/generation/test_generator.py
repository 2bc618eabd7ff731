"""The generation loop with a scripted model over the real store: target, budget, cancel, resume, orphans.

Plan for languages=en, categories=daily_life: jam_karet, respect_elders, gotong_royong, personal_questions,
gifts_oleh_oleh, ... ; the scripted model writes a good insight for the first four and off-topic junk after.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from generation_fakes import GOOD, JsonScriptedModel, by_topic

from desktop.core.cancel import CancelToken
from desktop.core.generation.generator import GenerationProgress, Generator, progress_of
from desktop.core.generation.runs import RunStore
from desktop.core.llm.base import Message
from desktop.core.llm.local import LocalModel

MakeGenerator = Callable[..., Generator]
EN_DAILY = (["en"], ["daily_life"])


def _run_ids(generator: Generator, run_id: str) -> list[str]:
    return [
        i.id
        for i in generator.store.iter_all(source="llama:scripted-json")
        if i.provenance.get("run_id") == run_id
    ]


def test_reaches_the_target_and_stores_pending_insights_with_provenance(
    make_generator: MakeGenerator,
) -> None:
    generator = make_generator()
    state = generator.start(3, *EN_DAILY)
    ticks: list[GenerationProgress] = []
    report = generator.run(state, on_progress=ticks.append)
    assert report["status"] == "done" and report["stop_reason"] == "target reached"
    assert (report["attempts"], report["accepted"], report["rejected"]) == (3, 3, 0)
    assert [t.done for t in ticks] == [0, 1, 2, 3]
    assert ticks[-1].last_gate == "accepted" and ticks[-1].entry_id == "gotong_royong.daily_life.en"
    insight = generator.store.get(report["accepted_ids"][0])
    assert insight is not None
    assert (insight.status, insight.source, insight.model) == (
        "pending",
        "llama:scripted-json",
        "scripted-json",
    )
    assert insight.text == GOOD["jam karet"] and insight.concepts == ["jam_karet"]
    p = insight.provenance
    assert p["run_id"] == report["run_id"] and p["catalog_entry"] == "jam_karet.daily_life.en"
    assert p["model_sha256"] == "0" * 64 and p["attempt"] == 0
    assert insight.created_at
    assert sorted(_run_ids(generator, report["run_id"])) == sorted(report["accepted_ids"])


def test_approve_flag_stores_approved(make_generator: MakeGenerator) -> None:
    generator = make_generator()
    report = generator.run(generator.start(1, *EN_DAILY, approve=True))
    insight = generator.store.get(report["accepted_ids"][0])
    assert insight is not None and insight.status == "approved"


def test_a_weak_model_stops_at_the_attempt_budget(make_generator: MakeGenerator) -> None:
    generator = make_generator(JsonScriptedModel(lambda m, n: json.dumps({"text": "Bali bali bali " * 9})))
    state = generator.start(2, *EN_DAILY)
    assert state.max_attempts == 12  # target x K
    report = generator.run(state)
    assert report["status"] == "budget" and report["stop_reason"] == "stopped: attempt budget spent"
    assert (report["attempts"], report["accepted"]) == (12, 0)
    assert report["by_gate"]["repetition"]["failed"] == 12
    assert report["by_language"]["en"] == {"attempts": 12, "accepted": 0, "acceptance": 0.0}


def test_cut_json_is_counted_by_the_format_gate(make_generator: MakeGenerator) -> None:
    def flaky(messages: list[Message], call: int) -> str:
        return '{"text": "A client who' if call == 1 else by_topic(messages, call)

    generator = make_generator(JsonScriptedModel(flaky))
    report = generator.run(generator.start(1, *EN_DAILY))
    assert (report["attempts"], report["accepted"]) == (2, 1)
    assert report["by_gate"]["format"] == {"passed": 1, "failed": 1, "rejected_first": 1}
    # the failed attempt used up jam_karet's turn: the next entry was respect_elders
    assert generator.store.get(report["accepted_ids"][0]).concepts == ["respect_elders"]  # type: ignore[union-attr]


def test_cancel_saves_progress_and_resume_finishes_without_duplicates(make_generator: MakeGenerator) -> None:
    cancel = CancelToken()

    def stop_after_two(p: GenerationProgress) -> None:
        if p.attempts == 2:
            cancel.cancel()

    first = make_generator()
    state = first.start(4, *EN_DAILY)
    report = first.run(state, on_progress=stop_after_two, cancel=cancel)
    assert report["status"] == "cancelled" and report["attempts"] == 2
    resumed_state = RunStore().latest_unfinished()
    assert resumed_state is not None and resumed_state.id == state.id and resumed_state.next_index == 2
    second = make_generator()  # a new process would build everything again
    final = second.run(resumed_state)
    assert final["status"] == "done" and (final["attempts"], final["accepted"]) == (4, 4)
    assert len(set(final["accepted_ids"])) == 4
    assert sorted(_run_ids(second, state.id)) == sorted(final["accepted_ids"])
    assert RunStore().latest_unfinished() is None


def test_an_insight_stored_but_not_committed_is_adopted_on_resume(make_generator: MakeGenerator) -> None:
    """Simulates kill -9 between the store upsert and the SQLite commit of an attempt."""
    generator = make_generator()
    state = generator.start(2, *EN_DAILY)
    plan = generator.catalog.plan(state.languages, state.categories)
    generator.attempt(state, plan.entry_at(0))  # store written, progress NOT saved
    stale = RunStore().get(state.id)
    assert stale is not None and stale.attempts == 0
    report = make_generator().run(stale)
    assert (report["attempts"], report["accepted"]) == (2, 2)
    assert len(set(report["accepted_ids"])) == 2
    assert sorted(_run_ids(generator, state.id)) == sorted(report["accepted_ids"])
    entries = {generator.store.get(i).provenance["catalog_entry"] for i in report["accepted_ids"]}  # type: ignore[union-attr]
    assert entries == {"jam_karet.daily_life.en", "respect_elders.daily_life.en"}


def test_a_repeated_answer_is_a_duplicate_not_a_second_copy(make_generator: MakeGenerator) -> None:
    generator = make_generator(JsonScriptedModel(lambda m, n: json.dumps({"text": GOOD["jam karet"]})))
    report = generator.run(generator.start(2, *EN_DAILY, max_attempts=3))
    assert (report["attempts"], report["accepted"]) == (3, 1)
    assert report["by_gate"]["duplicate"]["failed"] >= 1


def test_progress_rate_and_eta() -> None:
    from desktop.core.generation.runs import RunState

    state = RunState.new(
        model="m", model_sha256="", target=10, max_attempts=60, languages=["en"], categories=["emotion"]
    )
    assert progress_of(state).eta_s is None
    state.attempts, state.accepted, state.elapsed_s = 4, 2, 60.0
    p = progress_of(state, "on_topic")
    assert p.rate_per_min == 2.0 and p.eta_s == 240.0  # 8 more at 2/min, sooner than the budget
    state.accepted = 0
    assert progress_of(state).eta_s == 56 * 15.0  # no acceptance yet: the budget bounds it


@pytest.mark.slow
def test_one_attempt_with_the_real_bundled_model(
    make_generator: MakeGenerator, bundled_model_path: Path
) -> None:
    """Whatever the 135M model writes, every gate is counted and nothing unchecked enters the store."""
    model = LocalModel.shared(bundled_model_path, n_ctx=2048, n_threads=2)
    generator = make_generator(model, name="smollm2")
    state = generator.start(1, ["en"], ["emotion"], max_attempts=1)
    report = generator.run(state)
    assert report["attempts"] == 1 and report["status"] in ("done", "budget")
    counted = report["by_gate"]["format"]["passed"] + report["by_gate"]["format"]["failed"]
    assert counted == 1
    stored = [i for i in generator.store.iter_all(source="llama:smollm2")]
    assert len(stored) == report["accepted"]
