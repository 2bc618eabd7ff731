"""Ten `zantara ask --offline` at once on one home, against the real bundled model (issue 14, probe 2).

Before the fix 2-6 of 10 processes died with a segfault (exit 139) after printing complete answers: at
interpreter exit the native objects (llama.cpp, Chroma's Rust client) were freed while their own threads ran.
`make stress` runs the longer version (tests/bench/stress_concurrent.py, 10 asks x 5 rounds).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from support.knowledge import curated_store_dir  # noqa: F401  (pytest fixture)

pytestmark = pytest.mark.slow

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))


def test_ten_concurrent_offline_asks_all_exit_zero(
    tmp_path: Path,
    bundled_model_path: Path,
    curated_store_dir: Path,  # noqa: F811
) -> None:
    import shutil

    from stress_concurrent import run_round  # type: ignore[import-not-found]

    _ = bundled_model_path  # a missing model is a set-up error, not a crash to look for
    home = tmp_path / "shared-home"
    shutil.copytree(curated_store_dir, home / "data" / "chroma")
    results = run_round(home, asks=10)
    failed = [(code, line) for code, line in results if code != 0]
    assert not failed, "\n".join(f"exit {code}: {line}" for code, line in failed)
