"""Nothing slow on the GUI thread: while the real bundled GGUF streams an offline answer, a 15 ms QTimer must
keep ticking. A blocking implementation would freeze it for the whole generation (many seconds)."""

from __future__ import annotations

import itertools
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import WAIT_MS, make_services
from PySide6.QtCore import QTimer
from support.keyring_backend import MemoryKeyring

from desktop.core.knowledge.store import KnowledgeStore
from desktop.core.llm.local import LocalModel

pytestmark = [pytest.mark.gui, pytest.mark.slow]

TICK_MS = 15
MAX_GAP_MS = 750  # generous: shared CI cores; a blocked loop shows gaps of seconds


def test_event_loop_keeps_ticking_while_local_model_generates(
    qtbot: Any,
    window_factory: Any,
    keyring_backend: MemoryKeyring,
    curated_store: KnowledgeStore,
    bundled_model_path: Path,
    tmp_path: Path,
) -> None:
    # The bundled weights under a name no manifest declares (the bundled entry writes notes only), so the app
    # runs them for a whole answer, as it would a user's own GGUF.
    own = tmp_path / "my-model.gguf"
    own.symlink_to(bundled_model_path)
    local_model = LocalModel(own, n_ctx=2048, n_threads=2)
    window = window_factory(make_services(store=curated_store, local_model=local_model))
    window.offline_action.setChecked(True)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()

    window.send("I am anxious, my visa has not come out yet. What should I do while I wait?")
    bubble = window.streaming_bubble
    chunks: list[str] = []
    window.answer_task.carrier.progress.connect(
        lambda ev: chunks.append(ev.text) if ev.kind == "chunk" else None
    )
    # Measure while tokens stream, then stop (the bundled model on a busy machine can take minutes in full).
    qtbot.waitUntil(lambda: len(chunks) >= 12 or not window.busy, timeout=WAIT_MS * 3)
    with qtbot.waitSignal(window.answer_finished, timeout=WAIT_MS):
        window.stop()
    timer.stop()

    gaps = [(b - a) * 1000 for a, b in itertools.pairwise(ticks)]
    max_gap = max(gaps)
    print(
        f"\nevent loop while generating: {len(ticks)} ticks of {TICK_MS} ms, max gap {max_gap:.0f} ms, "
        f"median {sorted(gaps)[len(gaps) // 2]:.0f} ms, {len(chunks)} chunks streamed"
    )
    assert len(chunks) >= 3, "the local model should have streamed tokens meanwhile"
    assert bubble.trace.mode == "offline"
    assert max_gap < MAX_GAP_MS


def test_long_jobs_never_starve_a_quick_lookup(qtbot: Any) -> None:
    """Two lanes: however many long jobs run (answers, a generation run, a download), a quick lookup such as
    refreshing the conversation list still gets a thread at once."""
    import threading

    from PySide6.QtCore import QThreadPool

    from desktop.gui.workers import run_in_background

    release = threading.Event()
    busy = max(QThreadPool.globalInstance().maxThreadCount(), 2)  # enough to fill the quick lane's threads
    try:
        for _ in range(busy):
            run_in_background(lambda: release.wait(30), long=True)
        got: list[str] = []
        run_in_background(lambda: "conversations", got.append)
        qtbot.waitUntil(lambda: got == ["conversations"], timeout=5000)
    finally:
        release.set()
