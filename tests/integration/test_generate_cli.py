"""`zantara knowledge generate` as a user runs it, with the real bundled model and the real store.

The crash test: Ctrl-C (progress saved, exit 130), `--resume`, then kill -9 in the middle of the resumed run,
then `--resume` again to the end. Whatever the moment of the kill, the run's accepted ids are unique and are
exactly the insights the store holds for that run.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support.knowledge import curated_store_dir  # noqa: F401  (pytest fixture)

from desktop.core import paths

pytestmark = pytest.mark.slow
BUNDLED = "smollm2-135m-instruct-q4_1"


def zantara(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=1800,
        check=False,
    )


def start(*args: str, log: Path) -> subprocess.Popen[bytes]:
    """Run in the background: stdout (the --json report) to ``log``, stderr (progress bar) beside it."""
    with log.open("wb") as out, log.with_suffix(".err").open("wb") as err:
        return subprocess.Popen(
            [sys.executable, "-m", "desktop", *args], stdout=out, stderr=err, env=os.environ.copy()
        )


def progress() -> tuple[str, str, int, int]:
    """(run id, status, attempts, accepted) of the latest run, as committed in SQLite."""
    db = paths.database_path()
    if not db.exists():
        return ("", "", 0, 0)
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            row = conn.execute(
                "SELECT id, status, attempts, accepted FROM generation_runs "
                "ORDER BY created_at DESC, rowid DESC"
            ).fetchone()
    except sqlite3.OperationalError:  # the table does not exist yet
        return ("", "", 0, 0)
    return tuple(row) if row else ("", "", 0, 0)  # type: ignore[return-value]


def wait_for_attempts(proc: subprocess.Popen[bytes], at_least: int, log: Path) -> tuple[str, str, int, int]:
    """Poll the committed progress (no sleep-based assertion: the deadline only stops a hung test)."""
    deadline = time.monotonic() + 1500
    while time.monotonic() < deadline:
        state = progress()
        if state[2] >= at_least:
            return state
        if proc.poll() is not None:
            errors = log.with_suffix(".err").read_text(errors="replace")
            pytest.fail(f"generation ended before {at_least} attempts:\n{errors}")
        time.sleep(0.2)
    proc.kill()
    pytest.fail("generation made no progress")


@pytest.fixture
def store_home(curated_store_dir: Path, zantara_home: Path) -> Path:  # noqa: F811
    """This test's ZANTARA_HOME with a copy of the embedded curated store (not opened in this process)."""
    shutil.copytree(curated_store_dir, paths.data_dir() / "chroma")
    return zantara_home


def run_insights(run_id: str, tmp_path: Path) -> list[dict[str, object]]:
    out_file = tmp_path / "generated.jsonl"
    out = zantara("knowledge", "export", str(out_file), "--source", f"llama:{BUNDLED}", "--json")
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if r["provenance"]["run_id"] == run_id]  # type: ignore[index]


def test_ctrl_c_then_kill_9_then_resume_finishes_without_duplicates(store_home: Path, tmp_path: Path) -> None:
    args = ["knowledge", "generate", "--target", "4", "--languages", "en", "--max-attempts", "8", "--json"]
    log = tmp_path / "run.log"

    # 1. Ctrl-C after the first committed attempt: clean stop, progress saved, exit 130.
    proc = start(*args, log=log)
    run_id, _, _, _ = wait_for_attempts(proc, 1, log)
    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=600) == 130, log.with_suffix(".err").read_text(errors="replace")
    report = json.loads(log.read_text(encoding="utf-8"))
    assert report["status"] == "cancelled" and report["run_id"] == run_id
    assert progress()[1] == "cancelled"

    # 2. Resume, then kill -9 in the middle (after at least one more committed attempt).
    proc = start("knowledge", "generate", "--resume", "--json", log=log)
    _, status, attempts_at_kill, accepted_at_kill = wait_for_attempts(proc, report["attempts"] + 1, log)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    assert status == "running"

    # 3. Resume again to the end.
    out = zantara("knowledge", "generate", "--resume", "--json")
    assert out.returncode == 0, out.stderr
    final = json.loads(out.stdout)
    assert final["run_id"] == run_id
    assert final["status"] in ("done", "budget")
    assert final["attempts"] >= attempts_at_kill and final["accepted"] >= accepted_at_kill
    assert final["accepted"] == 4 or final["attempts"] == 8  # target reached or budget spent, nothing more
    ids = final["accepted_ids"]
    assert len(ids) == len(set(ids)) == final["accepted"]
    stored = run_insights(run_id, tmp_path)
    assert sorted(r["id"] for r in stored) == sorted(ids)  # the store and the run agree exactly
    assert all(r["status"] == "pending" and r["source"] == f"llama:{BUNDLED}" for r in stored)
    assert all(r["provenance"]["model_sha256"] for r in stored)  # type: ignore[index]
    gates = final["by_gate"]
    assert gates["format"]["passed"] + gates["format"]["failed"] == final["attempts"]

    # Nothing left to resume; stats show the run.
    again = zantara("knowledge", "generate", "--resume")
    assert again.returncode == 1 and "no unfinished generation run" in again.stderr
    stats = json.loads(zantara("knowledge", "stats", "--json").stdout)
    assert stats["generation"]["runs"] == 1
    assert stats["generation"]["accepted"] == final["accepted"]
    assert stats["generation"]["by_model"][BUNDLED]["attempts"] == final["attempts"]


def test_unknown_language_fails_with_the_choices() -> None:
    out = zantara("knowledge", "generate", "--languages", "fr", "--target", "1")
    assert out.returncode == 1
    assert "Unknown language or category: fr" in out.stderr and "Traceback" not in out.stderr
