"""QA walk-through: Claude only late (not down). The status bar's "Claude is late" must go once Claude's answer
starts, and the hedged offline answer must not say Claude is unreachable."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import WAIT_MS, make_services
from support.fake_models import ScriptedModel

from desktop.core.chat import memory_answer
from desktop.core.knowledge.store import KnowledgeStore
from desktop.core.settings import Settings
from desktop.gui import i18n

pytestmark = pytest.mark.gui

REPLY = "Visa turis berlaku sampai 60 hari; KITAS adalah izin tinggal terbatas."


def test_claude_is_late_is_cleared_when_claudes_answer_starts(
    qtbot: Any, window_factory: Any, claude_online: Any, curated_store: KnowledgeStore
) -> None:
    i18n.set_language("it")
    claude_online(reply=REPLY, initial_delay_s=1.5, token_delay_s=0.002)
    local = ScriptedModel(lambda m, s: "Tenang saja. " * 40, name="smol", kind="local", chunk_delay=0.02)
    settings = Settings(strategy="rag", hedge_after_s=0.3, first_token_deadline_s=8.0, connect_timeout_s=2.0)
    window = window_factory(make_services(settings, store=curated_store, local_model=local))
    late = i18n.tr("Claude is late: showing what Zantara knows meanwhile")
    bar = window.statusBar()
    with qtbot.waitSignal(window.answer_finished, timeout=WAIT_MS) as finished:
        window.send("aku malu bertanya tentang visa")
        qtbot.waitUntil(lambda: bar.currentMessage() == late, timeout=WAIT_MS)
    bubble = finished.args[0]
    assert bubble.trace.hedge is not None and bubble.trace.hedge.winner == "claude" and bubble.text == REPLY
    assert bar.currentMessage() != late


@pytest.mark.parametrize(
    ("language", "unreachable", "slow"),
    [
        ("en", "cannot be reached", "slow to answer"),
        ("it", "non è raggiungibile", "lento a rispondere"),
        ("id", "tidak dapat dihubungi", "lambat menjawab"),
    ],
)
def test_the_hedged_answer_says_claude_is_slow_not_unreachable(
    language: str, unreachable: str, slow: str
) -> None:
    text = memory_answer.compose([], [], language, reason="claude_late")
    assert unreachable not in text and slow in text
    assert unreachable in memory_answer.compose([], [], language, reason="first_token_timeout")
