"""Real damaged stores for the health tests: a flushed copy of the curated store, and ways to break files.

Chroma keeps new vectors in its write-ahead log until 1000 operations have gone by, and only then writes
the HNSW files. ``flushed_store_dir`` is the curated store after two more upserts of the same insights (what
any store looks like after some use), so the HNSW files exist and can be damaged.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

FLUSH = """
from desktop.core.knowledge.store import KnowledgeStore
from desktop.core.settings import Settings
store = KnowledgeStore.open(Settings())
got = store.collection.get(include=["embeddings", "documents", "metadatas"])
for _ in range(2):
    store.collection.upsert(ids=got["ids"], embeddings=got["embeddings"], documents=got["documents"],
                            metadatas=got["metadatas"])
print(store.count())
"""


def cli(
    home: Path, *args: str, timeout: int = 300, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The real `zantara` command in a child process on ``home`` (``extra_env``: more variables for it)."""
    env = {**os.environ, "ZANTARA_HOME": str(home), "PYTHONPATH": str(REPO), **(extra_env or {})}
    env.pop("ZANTARA_CHROMA_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli.main", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        cwd=REPO,
    )


def assert_one_clear_line(done: subprocess.CompletedProcess[str], *words: str) -> str:
    assert done.returncode not in (-11, 139), "segmentation fault"
    assert done.returncode == 1, done.stderr[-2000:]
    assert "Traceback" not in done.stderr + done.stdout
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, done.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


@pytest.fixture(scope="session")
def flushed_store_dir(curated_store_dir: Path) -> Path:
    """A read-only `chroma` folder: the curated store with its HNSW files written out."""
    root = curated_store_dir.parent.parent.parent / "flushed"
    if not (root / "home").exists():
        scratch = Path(tempfile.mkdtemp(dir=root.parent, prefix=".flush-"))
        shutil.copytree(curated_store_dir, scratch / "home" / "data" / "chroma")
        env = {**os.environ, "ZANTARA_HOME": str(scratch / "home")}
        env.pop("ZANTARA_CHROMA_URL", None)
        done = subprocess.run(
            [sys.executable, "-c", FLUSH], env=env, capture_output=True, text=True, timeout=600, check=False
        )
        if done.returncode != 0:
            raise RuntimeError(done.stderr[-3000:])
        try:
            scratch.rename(root)
        except OSError:
            shutil.rmtree(scratch, ignore_errors=True)
    return root / "home" / "data" / "chroma"


@pytest.fixture
def flushed_store(flushed_store_dir: Path, zantara_home: Path) -> Path:
    """A private copy in this test's ZANTARA_HOME; returns its HNSW segment folder."""
    target = zantara_home / "data" / "chroma"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(flushed_store_dir, target)
    return segment(target)


def segment(chroma: Path) -> Path:
    found = [p for p in chroma.iterdir() if p.is_dir() and (p / "index_metadata.pickle").exists()]
    assert len(found) == 1, found
    return found[0]


def garble(path: Path, offset: int, length: int, seed: int = 7) -> None:
    """Overwrite ``length`` bytes at ``offset`` with random bytes (the file keeps its size)."""
    import random

    data = bytearray(path.read_bytes())
    rng = random.Random(seed)
    end = min(len(data), offset + length)
    data[offset:end] = bytes(rng.randrange(256) for _ in range(end - offset))
    path.write_bytes(bytes(data))


def truncate(path: Path, size: int) -> None:
    with path.open("r+b") as fh:
        fh.truncate(size)
