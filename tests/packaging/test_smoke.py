"""The smoke test against an existing build (packaging/dist/zantara): run with ZANTARA_TEST_PACKAGE=1 after
`make package`, e.g. on a release machine, to re-check a build without rebuilding it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EXE = REPO / "packaging" / "dist" / "zantara" / "zantara"


@pytest.mark.slow
def test_built_app_passes_the_smoke_test() -> None:
    if not EXE.exists():
        pytest.fail(f"{EXE} is missing: run `make package` first.")
    done = subprocess.run(
        [sys.executable, str(REPO / "packaging" / "smoke_test.py"), str(EXE)],
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    print(done.stdout)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "FAIL" not in done.stdout
