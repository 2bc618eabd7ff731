"""The "live note" strategy with the bundled model (declared unfit for notes) answers as plain Claude: the
answer says so, instead of looking like a cultural answer (found by QA in a real window, Italian)."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import WAIT_MS, make_services

from desktop.core.knowledge.store import KnowledgeStore
from desktop.core.settings import Settings

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("strategy", ["enrich", "combo"])
def test_a_note_strategy_with_the_bundled_model_says_it_wrote_no_note(
    strategy: str, qtbot: Any, window_factory: Any, claude_online: Any, curated_store: KnowledgeStore,
    local_model: Any,
) -> None:  # fmt: skip
    claude_online()
    services = make_services(Settings(strategy=strategy), store=curated_store, local_model=local_model)
    window = window_factory(services)
    with qtbot.waitSignal(window.answer_finished, timeout=WAIT_MS) as blocker:
        window.send("aku malu bertanya tentang visa")
    bubble = blocker.args[0]
    assert bubble.trace.enrich.reason == "unfit_model"
    said = "No live cultural note" in bubble.note.text()
    assert said == (strategy == "enrich")  # combo still sends the insights: nothing is missing to point out
    assert bubble.note.isVisible() == said
