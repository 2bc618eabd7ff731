"""Several processes starting on a fresh data folder at once all see the whole curated pack (the store is
created and filled under a file lock)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from support.damage import REPO

OPEN = """
from desktop.core.services import Services
store = Services().store
print(store.count(), len(store.query("aku malu bertanya tentang visa", k=3)))
"""

pytestmark = pytest.mark.slow  # several first runs embed the curated pack at once


def test_concurrent_first_runs_all_get_the_pack(zantara_home: Path) -> None:
    env = {**os.environ, "ZANTARA_HOME": str(zantara_home), "PYTHONPATH": str(REPO)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", OPEN], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(4)
    ]
    outs = [p.communicate(timeout=600) for p in procs]
    from desktop.core.knowledge.pack import pack_files, read_pack

    curated = len(read_pack(pack_files())[0])
    for proc, (out, err) in zip(procs, outs, strict=True):
        assert proc.returncode == 0, err[-2000:]
        assert out.split() == [str(curated), "3"], (out, err[-1000:])
