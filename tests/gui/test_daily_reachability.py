"""Reachability means "answers arrive": a start-up check still running is "checking", never a failure, and a
probe asks the endpoint answers come from (the models list can succeed while answers hang)."""

from __future__ import annotations

import time
from typing import Any

import pytest
from conftest import WAIT_MS, make_services
from PySide6.QtCore import QTimer

from desktop.core.knowledge.store import KnowledgeStore
from desktop.core.settings import Settings
from desktop.gui.window import status_badge as sb

pytestmark = [pytest.mark.gui, pytest.mark.slow]

CHECK_S = (
    14.0  # the start-up check takes this long (a busy laptop, a slow network): every question is inside it
)
QUESTION_AT_S = (0.5, 2.0, 5.0, 10.0)


def test_questions_during_a_slow_startup_check_are_answered_by_claude(
    qtbot: Any, claude_online: Any, curated_store: KnowledgeStore, local_scripted: Any
) -> None:
    from desktop.gui.app import build_window

    api = claude_online(reply="Visa turis: sampai 60 hari.", check_delay_s=CHECK_S)
    settings = Settings(strategy="rag", first_token_deadline_s=25.0, connect_timeout_s=2.0)
    window = build_window(
        make_services(settings, store=curated_store, local_model=local_scripted), warm_up=False
    )
    qtbot.addWidget(window)
    launched = time.monotonic()
    window.show()
    modes: list[tuple[float, str, str]] = []
    for at in QUESTION_AT_S:
        wake = QTimer()
        wake.setSingleShot(True)
        with qtbot.waitSignal(wake.timeout, timeout=WAIT_MS):
            wake.start(max(0, int((launched + at - time.monotonic()) * 1000)))
        if at < CHECK_S - 1:
            assert window.badge.state != sb.OFFLINE, f"a check still running is not a failure ({at} s)"
        with qtbot.waitSignal(window.answer_finished, timeout=WAIT_MS) as blocker:
            window.send(f"Berapa lama visa turis? ({at} s)")
        bubble = blocker.args[0]
        modes.append((round(time.monotonic() - launched, 1), bubble.trace.mode, bubble.trace.reason))
    assert [m[1] for m in modes] == ["claude"] * len(QUESTION_AT_S), modes
    assert len(api.message_requests()) >= len(QUESTION_AT_S)
    window.close()


def test_during_a_hang_the_badge_stays_offline_and_the_answer_promises_nothing(
    qtbot: Any, window_factory: Any, claude_online: Any, curated_store: KnowledgeStore
) -> None:
    from support.fake_models import ScriptedModel

    api = claude_online(reply="Visa turis: sampai 60 hari.")
    unreadable = ScriptedModel("zx qv wq zz xq vv kk jj", name="local-tiny", kind="local")
    settings = Settings(
        strategy="rag",
        first_token_deadline_s=2.0,
        connect_timeout_s=1.0,
        hedge_after_s=0.3,
        breaker_probe_initial_s=1.0,
        breaker_probe_max_s=2.0,
    )
    window = window_factory(make_services(settings, store=curated_store, local_model=unreadable))
    assert window.badge.state == sb.ONLINE  # the start-up check got an answer
    api.fail("pings")  # answers start and never write a word; the models list still works
    with qtbot.waitSignal(window.answer_finished, timeout=WAIT_MS) as blocker:
        window.send("Berapa lama visa turis?")
    bubble = blocker.args[0]
    assert bubble.trace.mode == "offline"
    for promise in ("If Claude answers", "Jika Claude menjawab", "Se Claude risponde"):
        assert promise not in bubble.text, "the request was closed: nothing will replace this answer"
    assert window.badge.state == sb.OFFLINE
    seen = len(api.requests)
    # the breaker's probe runs after its short backoff; it must find out that answers still hang
    qtbot.waitUntil(lambda: len(api.requests) > seen and not window.monitor.probing, timeout=WAIT_MS)
    probe_done = QTimer()
    probe_done.setSingleShot(True)
    with qtbot.waitSignal(probe_done.timeout, timeout=WAIT_MS):
        probe_done.start(3000)  # a second probe round, too
    assert window.badge.state != sb.ONLINE, "answers hang: the badge must not say Claude online"
