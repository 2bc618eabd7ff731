"""The precomputer's own rules: when a draft restarts the work, what is taken at Enter, the note cache."""

from __future__ import annotations

from pathlib import Path

from support.fake_models import ScriptedModel

from desktop.core.chat import precompute as pre

NOTE = "Answer gently and patiently, and make clear that every question is welcome here."


def precomputer(
    cache: pre.NoteCache | None = None, delay: float = 0.0, keyed: bool = True
) -> tuple[pre.Precomputer, ScriptedModel]:
    local = ScriptedModel(NOTE, name="smol", kind="local", first_delay=delay)
    keyer = lambda text, language: ("malu",) if "malu" in text else ()  # noqa: E731
    return pre.Precomputer(
        lambda: local,
        cache=cache,
        keyer=keyer if keyed else None,
        profile=lambda: "team",
        detect=lambda t: "id",
    ), local


def wait(prepared: pre.Prepared) -> None:
    """Wait on the jobs' own completion events (no sleeping)."""
    assert all(job.wait(10.0) for job in prepared.jobs.values())


def test_coverage_counts_the_messages_words_already_seen() -> None:
    assert pre.coverage("aku malu bertanya", "aku malu bertanya tentang visa") == 0.6
    assert pre.coverage("aku malu bertanya tentang visa", "Aku malu bertanya tentang visa!") == 1.0


def test_short_drafts_and_strategies_without_work_prepare_nothing() -> None:
    pc, local = precomputer()
    assert pc.prepare("aku malu", "combo", (pre.NOTE,)) is None
    assert pc.prepare("aku malu bertanya tentang visa", "rag", ()) is None
    assert local.calls == []


def test_the_last_finished_note_is_used_when_the_restarted_one_is_not_ready() -> None:
    pc, local = precomputer(keyed=False)  # no cache: the restarted note must really be written
    first = pc.prepare("aku malu bertanya tentang visa", "combo", (pre.NOTE,))
    assert first is not None
    wait(first)
    local.first_delay = 5.0  # the restarted note will not be ready at Enter
    second = pc.prepare("aku malu bertanya tentang visa untuk anak dan istri saya", "combo", (pre.NOTE,))
    assert second is not None and second is not first
    taken = pc.take("aku malu bertanya tentang visa untuk anak", "combo")
    assert taken is first  # finished and covering 5 of the message's 7 words: used
    assert second.jobs[pre.NOTE].wait(2.0) and second.jobs[pre.NOTE].token.cancelled


def test_the_current_work_is_taken_when_no_finished_note_fits() -> None:
    pc, local = precomputer(delay=5.0)
    prepared = pc.prepare("aku malu bertanya tentang visa", "combo", (pre.NOTE,))
    assert pc.take("aku malu bertanya tentang visa ya", "combo") is prepared
    assert pc.take("aku malu bertanya tentang visa ya", "combo") is None  # taken once
    assert prepared is not None
    prepared.cancel()
    _ = local


def test_note_cache_is_an_lru_persisted_as_json(tmp_path: Path) -> None:
    path = tmp_path / "live_notes.json"
    cache = pre.NoteCache(path, size=2)
    keys = [((c,), "id", "team", "smol") for c in ("malu", "gengsi", "jam_karet")]
    for key in keys:
        cache.put(key, f"note {key[0][0]}")
    assert cache.get(keys[0]) is None  # evicted: the oldest of three in a cache of two
    again = pre.NoteCache(path, size=2)  # a new process
    assert again.get(keys[2]) == "note jam_karet" and len(again) == 2


def test_a_cached_note_is_ready_at_once_without_the_model(tmp_path: Path) -> None:
    cache = pre.NoteCache(tmp_path / "notes.json")
    cache.put((("malu",), "id", "team", "smol"), NOTE)
    pc, local = precomputer(cache)
    prepared = pc.start("saya malu sekali soal dokumen", "combo", (pre.NOTE,))
    wait(prepared)
    assert str(prepared.jobs[pre.NOTE].result) == NOTE and prepared.info.cache == "hit"
    assert local.calls == []


def test_deferred_work_waits_for_the_end_of_retrieval() -> None:
    pc, local = precomputer()
    prepared = pc.start("aku malu bertanya tentang visa", "combo", (pre.NOTE,), defer=True)
    assert not prepared.jobs[pre.NOTE].wait(0.2)  # the key was looked up; the model waits for the gate
    assert local.calls == []
    prepared.release()
    wait(prepared)
    assert len(local.calls) == 1


def test_a_model_unfit_for_notes_writes_none_and_nothing_is_cached(tmp_path: Path) -> None:
    cache = pre.NoteCache(tmp_path / "notes.json")
    cache.put((("malu",), "id", "team", "smol"), NOTE)  # written before the model was measured unfit
    pc, local = precomputer(cache)
    pc.unfit = lambda model: f"{model.name} is too small for notes"
    prepared = pc.prepare("aku malu bertanya tentang visa", "combo", (pre.NOTE,))
    assert prepared is not None and prepared.done  # no thread to wait for
    result = prepared.jobs[pre.NOTE].result
    assert result is not None and str(result) == "" and result.reason == pre.UNFIT
    assert result.raw == "smol is too small for notes"
    assert local.calls == []  # neither the model nor the cached note
