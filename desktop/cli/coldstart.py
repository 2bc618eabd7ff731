"""Helpers for commands a user runs in a fresh process and waits for (cold start)."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while a command imports and loads, on again afterwards.

    Importing Chroma allocates hundreds of thousands of objects that all stay alive (classes, pydantic models,
    typing objects), so the collector's passes over them find nothing yet cost ~50 ms of a ~0.9 s cold
    `knowledge query` (measured). Garbage made meanwhile is collected once the collector is back on.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
