"""JSONL import (every line validated, nothing stored is lost) and atomic export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.errors import KnowledgeError
from desktop.core.knowledge.insight import Insight
from desktop.core.knowledge.jsonl import export_jsonl, import_jsonl
from desktop.core.knowledge.store import KnowledgeStore

GOOD = {
    "text": "Balinese staff may need a day off for an odalan at their village temple; plan around it kindly.",
    "language": "en",
    "category": "religion_ceremony",
    "concepts": ["odalan_ceremonies"],
}


def test_import_reports_bad_lines_and_keeps_good(
    small_store: KnowledgeStore, samples: list[Insight], tmp_path: Path
) -> None:
    before = set(small_store.all_ids())
    lines = [
        json.dumps(GOOD),
        "{broken json",
        json.dumps({**GOOD, "language": "fr"}),
        "",
        json.dumps(samples[0].to_dict()),  # already stored
        json.dumps({"text": "too short", "language": "en", "category": "emotion"}),
        json.dumps({**GOOD, "text": GOOD["text"].upper()}),  # same id as line 1 after normalisation
        json.dumps(["not", "an", "object"]),
        json.dumps({"language": "en"}),
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = import_jsonl(small_store, path)
    assert report.added == 1
    assert report.duplicates == 2
    numbers = [n for n, _ in report.errors]
    assert numbers == [2, 3, 6, 8, 9]
    reasons = dict(report.errors)
    assert "invalid JSON" in reasons[2]
    assert "language" in reasons[3]
    assert "characters" in reasons[6]
    assert "not a JSON object" in reasons[8]
    assert "missing field(s): text, category" in reasons[9]
    assert before < set(small_store.all_ids())
    assert report.to_dict()["errors"][0] == {"line": 2, "reason": reasons[2]}


def test_import_does_not_overwrite_stored_status(
    small_store: KnowledgeStore, samples: list[Insight], tmp_path: Path
) -> None:
    small_store.set_status(samples[3].id, "rejected")
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({**samples[3].to_dict(), "status": "approved"}) + "\n", encoding="utf-8")
    assert import_jsonl(small_store, path).duplicates == 1
    assert small_store.get(samples[3].id).status == "rejected"  # type: ignore[union-attr]


def test_import_missing_file_is_a_clear_error(empty_store: KnowledgeStore, tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match="Cannot read"):
        import_jsonl(empty_store, tmp_path / "nope.jsonl")


def test_import_non_utf8_line(empty_store: KnowledgeStore, tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(json.dumps(GOOD).encode() + b"\n\xff\xfe\n")
    report = import_jsonl(empty_store, path)
    assert report.added == 1
    assert report.errors == [(2, "not UTF-8 text")]


def test_export_round_trip_and_filters(small_store: KnowledgeStore, tmp_path: Path) -> None:
    out = tmp_path / "sub" / "all.jsonl"
    out.parent.mkdir()  # export refuses a missing folder (a typo must not create one silently)
    assert export_jsonl(small_store, out) == 6
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == sorted(r["id"] for r in rows)
    assert all(Insight.from_dict(r).id == r["id"] for r in rows)
    assert export_jsonl(small_store, tmp_path / "en.jsonl", language="en", category="emotion") == 1
    assert not list(out.parent.glob(".*.tmp"))  # atomic write leaves no temp file


def test_export_to_unwritable_place_is_a_clear_error(small_store: KnowledgeStore, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(KnowledgeError, match="Cannot write"):
        export_jsonl(small_store, blocker / "out.jsonl")
