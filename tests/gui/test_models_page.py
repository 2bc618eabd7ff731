"""The Models page: catalog, a download from the hub stand-in with progress and Cancel, the role selectors and
the RAM-fitted suggestion shown once."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import HUB_CHUNK, HUB_MODEL, WAIT_MS, make_services
from support.hub_server import HubStandIn

from desktop.core.models.catalog import load_catalog
from desktop.core.models.registry import ModelRegistry
from desktop.gui.tools.models_page import SUGGESTION_SHOWN, ModelsPage
from desktop.gui.tools.settings_dialog import SettingsDialog

pytestmark = [pytest.mark.gui, pytest.mark.slow]

NAME, CHUNK = HUB_MODEL, HUB_CHUNK


def select(page: ModelsPage, name: str) -> None:
    page.table.selectRow([m.name for m in page.catalog].index(name))


def test_download_with_progress_then_choose_it_for_a_role(qtbot: Any, hub: HubStandIn) -> None:
    dialog = SettingsDialog(make_services())
    qtbot.addWidget(dialog)
    page = dialog.models_page
    assert page.table.rowCount() == len(load_catalog())
    select(page, NAME)
    seen: list[Any] = []
    page.download_progress.connect(seen.append)
    with qtbot.waitSignal(page.download_finished, timeout=WAIT_MS) as done:
        page.download_button.click()
        assert page.cancel_button.isEnabled() and not page.download_button.isEnabled()
    assert done.args[0].name == NAME
    assert [p.stage for p in seen][-1] == "done" and page.progress.value() == 1000
    assert any(p.stage == "downloading" and p.total > 0 for p in seen)
    assert ModelRegistry().resolve(NAME).status == "ok"
    qtbot.waitUntil(lambda: page.role_boxes["live_notes"].findData(NAME) >= 0, timeout=WAIT_MS)
    row = [m.name for m in page.catalog].index(NAME)
    assert page.table.item(row, 0).text().startswith("✔")
    box = page.role_boxes["live_notes"]
    box.setCurrentIndex(box.findData(NAME))
    new = dialog.collect()
    assert new.model_live_notes == NAME and new.model_offline_answers == "" and new.model_insights == ""


def test_cancel_stops_the_download_and_says_how_to_resume(qtbot: Any, hub: HubStandIn) -> None:
    page = ModelsPage(make_services())
    qtbot.addWidget(page)
    select(page, NAME)
    hub.stall_after(CHUNK + 1000)
    with qtbot.waitSignal(page.download_progress, timeout=WAIT_MS, check_params_cb=lambda p: p.done >= CHUNK):
        page.download_button.click()
    with qtbot.waitSignal(page.download_failed, timeout=WAIT_MS) as failed:
        page.cancel_button.click()
        hub.release()
    assert "Run the same download again to resume it" in failed.args[0]
    assert page.download_button.isEnabled() and not page.cancel_button.isEnabled()
    assert NAME not in [e.name for e in ModelRegistry().list(with_metadata=False)]


def test_suggestion_fits_the_ram_and_is_shown_once(qtbot: Any) -> None:
    services = make_services()
    page = ModelsPage(services, total_ram=16 * 10**9)
    qtbot.addWidget(page)
    assert not page.suggestion.isHidden() and page.suggested is not None
    assert page.suggested.title in page.suggestion.text()
    assert page.table.selectionModel().selectedRows()[0].row() == page.catalog.index(page.suggested)
    assert services.settings.extra[SUGGESTION_SHOWN] is True
    again = ModelsPage(services, total_ram=16 * 10**9)
    qtbot.addWidget(again)
    assert again.suggestion.isHidden()


@pytest.mark.parametrize("lang", ["it", "id"])
def test_the_catalog_descriptions_are_in_the_ui_language(lang: str, qtbot: Any) -> None:
    """The table's tooltips are what a user reads to choose a model; they were English in it and id (QA)."""
    from desktop.core.models.catalog import load_catalog
    from desktop.gui import i18n

    english = {m.notes for m in load_catalog()}
    i18n.set_language(lang)  # the autouse fixture puts English back
    page = ModelsPage(make_services())
    qtbot.addWidget(page)
    tips = {page.table.item(row, 0).toolTip() for row in range(page.table.rowCount())}
    assert tips and all(tips) and not tips & english, tips & english
