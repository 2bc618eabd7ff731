"""Interrupted syncs converge: a laptop killed (kill -9) while pushing or pulling, the team server killed
mid-sync, a wrong token, a server wiped and re-seeded. Afterwards both laptops and the server hold exactly
the same records: nothing lost, nothing twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from support.knowledge import curated_store_dir  # noqa: F401  (pytest fixture)
from support.laptops import Laptop
from support.team_server import TeamServer, team_server  # noqa: F401  (pytest fixture)

pytestmark = pytest.mark.slow

INSIGHTS, ANSWERS = 1200, 300  # more than one pull window (engine.WINDOW): a sync can be cut in the middle
DATA = Path(__file__).resolve().parents[1] / "support" / "team_data.py"


def seed(laptop: Laptop, tag: str, insights: int, answers: int) -> None:
    env = {**os.environ, "ZANTARA_HOME": str(laptop.home)}
    args = ["--insights", str(insights), "--answers", str(answers), "--tag", tag]
    subprocess.run([sys.executable, str(DATA), *args], env=env, check=True, timeout=600)


def start_sync(laptop: Laptop) -> subprocess.Popen[str]:
    """`zantara sync` on ``laptop`` in the background, its progress lines on stderr."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZANTARA_TEAM")}
    env |= laptop.env | {"ZANTARA_HOME": str(laptop.home)}
    return subprocess.Popen(
        [sys.executable, "-m", "desktop", "sync"],
        env=env,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )


def killed_at(laptop: Laptop, stage: str) -> str:
    """Start `zantara sync`, kill -9 it as soon as it reports progress in ``stage``; returns its output."""
    proc = start_sync(laptop)
    assert proc.stderr is not None
    seen = []
    for line in proc.stderr:
        seen.append(line)
        if line.startswith(f"{stage}:"):
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "".join(seen)
    return "".join(seen)


def counts(laptop: Laptop) -> dict[str, Any]:
    status: dict[str, Any] = laptop.json("sync", "status")
    return status


def pair(tmp_path: Path, curated: Path, server: TeamServer) -> tuple[Laptop, Laptop]:
    env = server.env() | {"ZANTARA_TEAM_CA": server.ca}
    return Laptop.make(tmp_path, "Alice", curated, env), Laptop.make(tmp_path, "Bob", curated, env)


def test_kill_9_while_pushing_and_pulling_and_a_wrong_token_converge(
    team_server: TeamServer,  # noqa: F811
    curated_store_dir: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    a, b = pair(tmp_path, curated_store_dir, team_server)
    seed(a, "alice", INSIGHTS, ANSWERS)
    before = counts(a)
    assert before["pending"] == INSIGHTS + ANSWERS

    wrong = a.run("sync", check=False, ZANTARA_TEAM_TOKEN="not-the-team-token")
    assert wrong.returncode == 1 and "refused the token" in wrong.stderr
    assert counts(a)["pending"] == before["pending"] and counts(a)["local_counts"] == before["local_counts"]

    killed_at(a, "push")
    assert 0 < counts(a)["pending"] < before["pending"]
    resumed = a.sync()
    assert resumed["errors"] == [] and counts(a)["pending"] == 0

    killed_at(b, "pull")
    b.sync()
    a_status, b_status = counts(a), counts(b)
    assert a_status["local_counts"] == b_status["local_counts"]
    assert b_status["server_counts"] == {"insight": INSIGHTS, "answer": ANSWERS, "rating": 0}
    assert a.sync()["pulled"] == 0 and b.sync()["pulled"] == 0


def test_a_server_killed_mid_sync_then_wiped_and_reseeded_converges(
    team_server: TeamServer,  # noqa: F811
    curated_store_dir: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    a, b = pair(tmp_path, curated_store_dir, team_server)
    seed(a, "alice", INSIGHTS, ANSWERS)
    a.sync()

    proc = start_sync(b)
    assert proc.stderr is not None
    for line in proc.stderr:
        if line.startswith("pull:"):
            team_server.kill()
            break
    rest = proc.stderr.read()
    assert proc.wait(timeout=120) == 1 and "unreachable" in rest, rest
    assert "working from this laptop" in rest.lower()
    team_server.start()
    b.sync()
    assert counts(b)["local_counts"] == counts(a)["local_counts"]

    seed(b, "bob", 5, 5)  # Bob's work not yet pushed when the server loses everything
    team_server.wipe()
    team_server.start()
    first, second, third = a.sync(), b.sync(), a.sync()
    assert first["reseeded"] and second["reseeded"] and third["pulled"] == 10
    a_status, b_status = counts(a), counts(b)
    assert a_status["local_counts"] == b_status["local_counts"]
    assert b_status["server_counts"] == {"insight": INSIGHTS + 5, "answer": ANSWERS + 5, "rating": 0}
    assert a_status["pending"] == b_status["pending"] == 0
