"""Run progress in SQLite and the cross-run summary for `knowledge stats`."""

from __future__ import annotations

import sqlite3

from desktop.core import paths
from desktop.core.generation.gates import GATES
from desktop.core.generation.runs import RunState, RunStore, generation_summary, summarise


def _state(**kwargs: object) -> RunState:
    params: dict[str, object] = {
        "model": "m",
        "model_sha256": "a" * 64,
        "target": 3,
        "max_attempts": 18,
        "languages": ["id", "en"],
        "categories": ["emotion"],
    }
    params.update(kwargs)
    return RunState.new(**params)


def test_record_counts_gates_languages_and_categories() -> None:
    state = _state()
    state.record("en", "emotion", dict.fromkeys(GATES, True), "id1")
    state.record("id", "emotion", {**dict.fromkeys(GATES, True), "language": False, "on_topic": False})
    state.record("id", "emotion", {"format": False})
    assert (state.attempts, state.accepted, state.rejected, state.next_index) == (3, 1, 2, 3)
    assert state.counters["rejected_by"]["language"] == 1  # the first failing gate takes the rejection
    assert state.counters["rejected_by"]["format"] == 1
    assert state.counters["gates"]["on_topic"] == {"passed": 1, "failed": 1}
    assert state.counters["by_language"] == {
        "en": {"attempts": 1, "accepted": 1},
        "id": {"attempts": 2, "accepted": 0},
    }
    assert state.accepted_ids == ["id1"]


def test_runs_round_trip_through_sqlite_in_wal_mode() -> None:
    runs = RunStore()
    state = _state(approve=True)
    state.record("en", "emotion", dict.fromkeys(GATES, True), "id1")
    runs.save(state)
    loaded = runs.get(state.id)
    assert loaded is not None
    assert loaded.to_row() == state.to_row()
    with sqlite3.connect(paths.database_path()) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_latest_unfinished_skips_finished_runs() -> None:
    runs = RunStore()
    old, done, cancelled = _state(), _state(), _state()
    old.created_at, done.created_at, cancelled.created_at = "2025-01-01", "2025-01-03", "2025-01-02"
    done.status, cancelled.status = "done", "cancelled"
    for s in (old, done, cancelled):
        runs.save(s)
    latest = runs.latest_unfinished()
    assert latest is not None and latest.id == cancelled.id
    cancelled.status = "budget"
    runs.save(cancelled)
    latest = runs.latest_unfinished()
    assert latest is not None and latest.id == old.id


def test_summary_adds_runs_per_gate_language_category_and_model() -> None:
    a, b = _state(model="small"), _state(model="big")
    a.record("en", "emotion", dict.fromkeys(GATES, True), "x")
    a.record("id", "emotion", {**dict.fromkeys(GATES, True), "language": False})
    b.record("it", "business", dict.fromkeys(GATES, True), "y")
    summary = summarise([a, b])
    assert (summary["runs"], summary["attempts"], summary["accepted"], summary["rejected"]) == (2, 3, 2, 1)
    assert summary["by_gate"]["language"] == {"passed": 2, "failed": 1, "rejected_first": 1}
    assert summary["by_language"]["id"] == {"attempts": 1, "accepted": 0, "acceptance": 0.0}
    assert summary["by_category"]["emotion"]["attempts"] == 2
    assert summary["by_model"]["small"] == {"attempts": 2, "accepted": 1, "acceptance": 0.5, "runs": 1}


def test_generation_summary_from_the_database() -> None:
    assert generation_summary()["runs"] == 0  # nothing generated yet: zeros, no error
    runs = RunStore()
    state = _state()
    state.record("en", "emotion", dict.fromkeys(GATES, True), "x")
    runs.save(state)
    summary = generation_summary()
    assert summary["runs"] == 1 and summary["accepted"] == 1
    assert set(summary["by_gate"]) == set(GATES)
