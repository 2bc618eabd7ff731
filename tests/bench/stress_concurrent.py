"""Stress: many `zantara ask --offline` processes at once on one ZANTARA_HOME, against the real bundled model.

Prints each round's exit codes and a summary; exits 1 if any process did not exit 0 (a 139 is a segfault).
Run by `make stress`; the slow test tests/integration/test_concurrent_ask.py runs a short version.

    python tests/bench/stress_concurrent.py --asks 10 --rounds 5
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))
MESSAGES = (
    "aku malu bertanya tentang visa",
    "What should I wear when I go to the immigration office in Denpasar?",
    "Il mio socio dice sempre di sì ma poi non succede niente, cosa devo pensare?",
)


def child_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ANTHROPIC_", "ZANTARA_"))}
    env.update(ZANTARA_HOME=str(home), QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    return env


def run_round(home: Path, asks: int, timeout: float = 600.0) -> list[tuple[int, str]]:
    """Start ``asks`` offline asks at once; return (exit code, last stderr line) for each."""
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "desktop.cli.main", "ask", "--offline", MESSAGES[i % len(MESSAGES)]],
            cwd=REPO,
            env=child_env(home),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(asks)
    ]
    results = []
    for proc in procs:
        try:
            _out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            _out, err = proc.communicate()
        lines = [line for line in err.strip().splitlines() if line.strip()]
        results.append((proc.returncode, lines[-1] if lines else ""))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--asks", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--home", type=Path, help="ZANTARA_HOME to use (default: a fresh temporary one)")
    args = parser.parse_args(argv)
    home = args.home
    if home is None:  # a ready home (embedded curated store), as after the first run: asks start at once
        from benchutil import prepare_home

        home = prepare_home(Path(tempfile.mkdtemp(prefix="zantara-stress-")))
    bad = 0
    try:
        for n in range(1, args.rounds + 1):
            started = time.perf_counter()
            results = run_round(home, args.asks)
            codes = [code for code, _ in results]
            failed = [(code, line) for code, line in results if code != 0]
            bad += len(failed)
            print(f"round {n}: exit codes {codes}  ({time.perf_counter() - started:.1f} s)", flush=True)
            for code, line in failed:
                print(f"  exit {code}: {line[:200]}", flush=True)
    finally:
        if args.home is None:
            shutil.rmtree(home, ignore_errors=True)
    total = args.asks * args.rounds
    print(f"{total - bad}/{total} asks exited 0")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
