"""The team sync in the window: the status bar says where things stand (in the user's language), Sync now
runs in a worker while the window stays responsive, and a server that is down only changes the indicator."""

from __future__ import annotations

import time
from typing import Any

import pytest
from conftest import WAIT_MS, make_services
from support.chroma_server import free_port
from support.knowledge import curated_store  # noqa: F401  (pytest fixture)
from support.team_server import TeamServer, team_server  # noqa: F401  (pytest fixture)

from desktop.core.errors import TeamError
from desktop.core.knowledge.insight import Insight
from desktop.core.knowledge.store import KnowledgeStore
from desktop.core.settings import Settings
from desktop.core.sync.journal import Journal
from desktop.gui import i18n
from desktop.gui.window.team_sync import synced_text

pytestmark = [pytest.mark.gui, pytest.mark.slow]


def test_synced_text_in_each_language() -> None:
    now = time.time()
    i18n.set_language("it")
    try:
        assert synced_text("", 3, now) == "Team: 3 modifiche in attesa"
        ago = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(now - 120))
        assert synced_text(ago, 0, now) == "Team: sincronizzato 2 min fa"
        i18n.set_language("id")
        assert synced_text(ago, 0, now) == "Tim: disinkronkan 2 menit lalu"
    finally:
        i18n.set_language("en")


def test_a_team_server_that_is_down_only_changes_the_indicator(
    qtbot: Any,
    window_factory: Any,
    curated_store: KnowledgeStore,  # noqa: F811
) -> None:
    settings = Settings(strategy="rag", team_url=f"http://127.0.0.1:{free_port()}")
    window = window_factory(make_services(settings, store=curated_store))
    sync = window.team_sync
    assert sync.label.isVisible() and sync.button.isVisible()
    with qtbot.waitSignal(sync.finished, timeout=WAIT_MS) as done:
        started = time.perf_counter()
        sync.button.click()
        assert time.perf_counter() - started < 0.5, "the sync runs in a worker"
    assert isinstance(done.args[0], TeamError)
    assert sync.label.text() == "Team server unreachable — working from this laptop's copy"
    assert "unreachable" in sync.label.toolTip()


def test_sync_now_with_the_team_server(
    qtbot: Any,
    window_factory: Any,
    curated_store: KnowledgeStore,  # noqa: F811
    team_server: TeamServer,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name, value in (team_server.env() | {"ZANTARA_TEAM_CA": team_server.ca}).items():
        monkeypatch.setenv(name, value)
    curated_store.add(
        [
            Insight(
                "Di kantor imigrasi, bicaralah pelan dan sabar; suara keras membuat semua orang malu.",
                "id",
                "emotion",
                ["malu"],
                source="user",
            )
        ]
    )
    assert Journal.open().pending_count() == 1
    window = window_factory(make_services(Settings(strategy="rag"), store=curated_store))
    sync = window.team_sync
    qtbot.waitUntil(lambda: not sync.running, timeout=WAIT_MS)  # the sync the window starts by itself
    with qtbot.waitSignal(sync.finished, timeout=WAIT_MS) as done:
        sync.sync_now()
    assert not isinstance(done.args[0], BaseException), done.args[0]
    assert Journal.open().pending_count() == 0 and Journal.open().get_meta("last_success")
    assert sync.label.text() == "Team: synced just now"


def test_the_insight_dialog_shows_whose_version_it_is_and_the_versions_it_replaced(qtbot: Any) -> None:
    from desktop.core.sync.journal import INSIGHTS_KIND, Version
    from desktop.gui.tools.knowledge_browser import InsightDialog

    insight = Insight(
        "Di kantor imigrasi, bicaralah pelan dan sabar; suara keras membuat semua orang malu.",
        "id",
        "emotion",
        ["malu", "sabar"],
        source="user",
        provenance={
            "origin": {"device": "laptop-of-made", "name": "Made", "at": "2026-12-06T09:00:00+00:00"}
        },
    )
    loser = {
        "deleted": False,
        "rows": [
            {
                "id": insight.id,
                "document": insight.text,
                "metadata": {"category": "communication", "concepts": "malu", "status": "approved"},
            }
        ],
    }
    Journal.open().keep(
        INSIGHTS_KIND, insight.id, Version(1 << 40, "laptop-of-ayu", "Ayu"), loser, "conflict"
    )
    i18n.set_language("it")
    try:
        dialog = InsightDialog(None, insight)
        qtbot.addWidget(dialog)
        text = dialog.history.toPlainText()
    finally:
        i18n.set_language("en")
    assert "dal portatile di Made, 2026-12-06" in text
    assert "Ayu · ha perso un conflitto: " in text and "Versioni precedenti" in text
