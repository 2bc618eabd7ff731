"""A full disk for one command, without root or a mount: ``diskfull.c`` preloaded into the child process.

Every write to a regular file fails with ENOSPC once the child has written ``budget`` bytes (SQLite, Chroma's
Rust and hnswlib code and Python all write through libc), and ``statvfs`` reports ``free`` bytes when given.
Compiled once per session with the C compiler packaging/system-deps.sh installs (build-essential).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from support.damage import cli

SOURCE = Path(__file__).with_name("diskfull.c")


@pytest.fixture(scope="session")
def diskfull_lib(tmp_path_factory: pytest.TempPathFactory) -> Path:
    lib = tmp_path_factory.mktemp("diskfull") / "diskfull.so"
    subprocess.run(["cc", "-shared", "-fPIC", "-O1", "-o", str(lib), str(SOURCE), "-ldl"], check=True)
    return lib


def cli_on_full_disk(
    lib: Path, home: Path, budget: int | None, *args: str, free: int | None = None, timeout: int = 600
) -> subprocess.CompletedProcess[str]:
    """`zantara ARGS` on ``home`` with writes failing after ``budget`` bytes (None: no limit)."""
    env = {"LD_PRELOAD": str(lib)}
    if budget is not None:
        env["ZANTARA_TEST_WRITE_BUDGET"] = str(budget)
    if free is not None:
        env["ZANTARA_TEST_FREE_BYTES"] = str(free)
    return cli(home, *args, timeout=timeout, extra_env=env)
