"""Team sync at scale, against the real team server recipe (chroma behind nginx, TLS, token) on 127.0.0.1:

- first sync of 10,000 insights + 10,000 earlier answers: laptop A pushes them, laptop B (a new laptop)
  pulls them all;
- an incremental sync of 10 changes on that 20,000-record store, and the same on a small store (the cost
  follows the changes, not the size);
- 20 laptops (20 data folders, 20 `zantara sync` processes at once) against one server, then the records
  each laptop holds are counted and compared.

The data has precomputed vectors, so no time goes to embedding (tests/support/team_data.py): by default the
curated pack's real e5 vectors plus noise (clustered as real texts' vectors are); `--vectors random` seeds
i.i.d. random unit vectors, a worst case for Chroma's HNSW index. "Engine" times are the sync itself as
`zantara sync --json` reports it; "wall" adds the CLI's start-up; "CPU" is the sync process's CPU time (what
a loaded machine does not change much). Alone, quick (~1 min) and full (~5 min idle):

    PYTHONPATH=. .venv/bin/python tests/bench/bench_team_sync.py --only first --insights 2000 --answers 2000
    PYTHONPATH=. .venv/bin/python tests/bench/bench_team_sync.py --only first      # 10,000 + 10,000
    PYTHONPATH=. .venv/bin/python tests/bench/bench_team_sync.py --only team       # 20 laptops
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchutil import REPO, clean_env, prepare_home

DATA = REPO / "tests" / "support" / "team_data.py"
VECTORS = ["e5"]  # the seeded vectors: "e5" (real e5 vectors plus noise) or "random" (see team_data.py)
#: A laptop's app, already running (its store open): sync, then on a line from stdin add 5 insights + 5
#: answers (--push) or do nothing (--pull), sync again and print that second sync's seconds.
RUNNING_APP = """
import json, sys
sys.path[:0] = {paths!r}
from desktop.core.services import Services
from desktop.core.sync.service import run_sync
from support import team_data
services = Services()
run_sync(services)
print("ready", flush=True)
sys.stdin.readline()
if {push!r}:
    team_data.seed_insights("running", 5, {start!r})
    team_data.seed_answers("running", 5, {start!r})
summary = run_sync(services)
print(json.dumps(summary.to_dict()), flush=True)
"""


def _env(home: Path, server: Any) -> dict[str, str]:
    return clean_env(
        ZANTARA_HOME=str(home),
        ZANTARA_TEAM_URL=server.url,
        ZANTARA_TEAM_TOKEN=server.token,
        ZANTARA_TEAM_CA=server.ca,
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
    )


def _seed(homes: list[Path], insights: int, answers: int, start: int = 0) -> float:
    started = time.perf_counter()
    args = ["--insights", str(insights), "--answers", str(answers), "--start", str(start)]
    args += ["--vectors", VECTORS[0]]
    subprocess.run(
        [sys.executable, str(DATA), *args, "--homes", *map(str, homes)],
        env=clean_env(),
        check=True,
        timeout=1800,
        capture_output=True,
    )
    return time.perf_counter() - started


def _cpu_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _sync(home: Path, server: Any) -> tuple[dict[str, Any], float]:
    """One `zantara sync --json` process: its summary (plus its CPU seconds as "cpu") and its wall time."""
    started, cpu = time.perf_counter(), _cpu_children()
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "sync", "--json"],
        env=_env(home, server),
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"sync failed: {done.stderr[-1500:]}")
    return json.loads(done.stdout) | {"cpu": _cpu_children() - cpu}, wall


def _held(home: Path) -> tuple[int, int, frozenset[str]]:
    """(insights, answers, every id) in one laptop's own store, read directly from its Chroma folder."""
    import chromadb
    from chromadb.config import Settings

    client = chromadb.PersistentClient(
        path=str(home / "data" / "chroma"), settings=Settings(anonymized_telemetry=False)
    )
    insights = client.get_collection("cultural_insights").get(include=[])["ids"]
    answers = client.get_collection("answer_memory").get(include=[])["ids"]
    return len(insights), len(answers) // 3, frozenset(insights) | frozenset(answers)


def first_and_incremental(root: Path, server_cls: Any, insights: int, answers: int) -> list[dict[str, str]]:
    server = server_cls(root / "server-big").start()
    try:
        a, b = prepare_home(root / "alice"), prepare_home(root / "bob")
        seeded = _seed([a], insights, answers)
        push, push_wall = _sync(a, server)
        pull, pull_wall = _sync(b, server)
        total = insights + answers
        assert pull["pulled"] == total, pull
        rows = [
            {
                "metric": f"first sync: push {total:,} records ({insights:,} insights + {answers:,} answers)",
                "value": f"{push['seconds']:.1f} s",
                "detail": f"wall {push_wall:.1f} s with CLI start-up, CPU {push['cpu']:.1f} s; "
                f"seeding the laptop's store took {seeded:.0f} s (not counted)",
            },
            {
                "metric": f"first sync: a new laptop pulls {total:,} records",
                "value": f"{pull['seconds']:.1f} s",
                "detail": f"wall {pull_wall:.1f} s, CPU {pull['cpu']:.1f} s; target < 60 s; pulled {pull['pulled']:,}",
            },
        ]
        _seed([a], 5, 5, start=insights + answers)
        inc_push, inc_push_wall = _sync(a, server)
        inc_pull, inc_pull_wall = _sync(b, server)
        assert inc_push["pushed"] == 10 and inc_pull["pulled"] == 10, (inc_push, inc_pull)
        idle, idle_wall = _sync(b, server)
        pushed, pulled = _in_running_apps(a, b, server, start=insights + answers + 10)
        rows += [
            {
                "metric": f"incremental sync, 10 changes @ {total:,} records, app already running: push / pull",
                "value": f"{pushed['seconds']:.2f} / {pulled['seconds']:.2f} s",
                "detail": "target < 1 s; the app's background sync (store open, index loaded), what a laptop waits "
                f"for; pushed {pushed['pushed']}, pulled {pulled['pulled']}",
            },
            {
                "metric": f"incremental sync, 10 changes @ {total:,} records: push / pull",
                "value": f"{inc_push['seconds']:.2f} / {inc_pull['seconds']:.2f} s",
                "detail": f"target < 1 s; wall {inc_push_wall:.1f} / {inc_pull_wall:.1f} s with CLI start-up",
            },
            {
                "metric": f"sync with nothing to do @ {total:,} records",
                "value": f"{idle['seconds']:.2f} s",
                "detail": f"wall {idle_wall:.1f} s",
            },
        ]
        return rows
    finally:
        server.stop()


def _in_running_apps(a: Path, b: Path, server: Any, start: int) -> tuple[dict[str, Any], dict[str, Any]]:
    paths = [str(REPO), str(REPO / "tests")]
    procs = {}
    for home, push in ((b, False), (a, True)):
        code = RUNNING_APP.format(paths=paths, push=push, start=start)
        procs[push] = subprocess.Popen(
            [sys.executable, "-c", code],
            env=_env(home, server),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert procs[push].stdout is not None and procs[push].stdout.readline().strip() == "ready"
    results = {}
    for push in (True, False):  # A pushes first, then B pulls
        proc = procs[push]
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
        results[push] = json.loads(proc.stdout.readline())
        proc.wait(timeout=600)
    return results[True], results[False]


def many_laptops(root: Path, server_cls: Any, count: int) -> list[dict[str, str]]:
    server = server_cls(root / "server-team").start()
    try:
        homes = [prepare_home(root / f"laptop{n:02d}") for n in range(count)]
        _seed(homes, 5, 5)
        rounds = []
        for _round in range(2):  # the second round brings what others pushed after one's first pull
            started = time.perf_counter()
            procs = [
                subprocess.Popen(
                    [sys.executable, "-m", "desktop", "sync", "--json"],
                    env=_env(h, server),
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                )
                for h in homes
            ]
            outs = [p.communicate(timeout=1800) for p in procs]
            failed = [err[-300:] for p, (_o, err) in zip(procs, outs, strict=True) if p.returncode != 0]
            if failed:
                raise RuntimeError(f"{len(failed)} syncs failed: {failed[0]}")
            rounds.append(time.perf_counter() - started)
        held = [_held(h) for h in homes]
        same = len({ids for _i, _a, ids in held}) == 1
        insights, answers, _ids = held[0]
        _seed([homes[0]], 5, 5, start=100)
        _sync(homes[0], server)
        small, small_wall = _sync(homes[1], server)
        return [
            {
                "metric": f"{count} laptops sync at once (20 processes, one server)",
                "value": f"{rounds[0]:.1f} s + {rounds[1]:.1f} s",
                "detail": f"two rounds, wall; each laptop pushed 10 records and pulls the others' "
                f"{(count - 1) * 10}",
            },
            {
                "metric": f"{count} laptops: identical records afterwards",
                "value": "yes" if same else "NO",
                "detail": f"each holds {insights:,} insights (curated pack + {count * 5} synced) and "
                f"{answers:,} answers; ids compared laptop by laptop",
            },
            {
                "metric": "incremental sync, 10 changes @ a small store (pull)",
                "value": f"{small['seconds']:.2f} s",
                "detail": f"the same 10 changes as at 20,000 records: cost follows changes; wall {small_wall:.1f} s",
            },
        ]
    finally:
        server.stop()


def run(
    insights: int = 10_000, answers: int = 10_000, laptops: int = 20, only: str = ""
) -> list[dict[str, str]]:
    sys.path.insert(0, str(REPO / "tests"))
    from support.team_server import TeamServer

    rows: list[dict[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="zantara-bench-sync-") as tmp:
        root = Path(tmp)
        if only in ("", "first"):
            rows += first_and_incremental(root, TeamServer, insights, answers)
        if only in ("", "team"):
            rows += many_laptops(root, TeamServer, laptops)
    return rows


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--insights", type=int, default=10_000)
    parser.add_argument("--answers", type=int, default=10_000)
    parser.add_argument("--laptops", type=int, default=20)
    parser.add_argument("--only", choices=("first", "team"), default="")
    parser.add_argument("--vectors", choices=("e5", "random"), default="e5", help="see team_data.py")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    VECTORS[0] = args.vectors
    result = run(args.insights, args.answers, args.laptops, args.only)
    for row in result:
        print(json.dumps(row) if args.json else f"{row['metric']}: {row['value']}  ({row['detail']})")
