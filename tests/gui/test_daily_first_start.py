"""First start with no key and only the bundled model: the one model that fits this laptop is offered in the
banner and under the first offline answer, with its size and licence, and downloaded only on the click."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import WAIT_MS, make_services
from PySide6.QtWidgets import QWidget
from support.hub_server import HubStandIn, make_gguf
from support.knowledge import curated_store, curated_store_dir  # noqa: F401

from desktop.core.knowledge.store import KnowledgeStore
from desktop.core.models.catalog import load_catalog
from desktop.core.models.registry import ModelRegistry
from desktop.core.settings import Settings

pytestmark = [pytest.mark.gui, pytest.mark.slow]


def test_the_fitting_model_is_offered_and_installed_on_one_click(
    qtbot: Any,
    window_factory: Any,
    keyring_backend: Any,
    curated_store: KnowledgeStore,  # noqa: F811
    local_scripted: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = make_gguf(tmp_path / "made.gguf", 3_000_000)
    served = {m.repo_id: {m.file: data} for m in load_catalog()}  # whichever fits this laptop
    with HubStandIn(served) as hub:
        monkeypatch.setenv("HF_ENDPOINT", hub.url)
        services = make_services(Settings(strategy="rag"), store=curated_store, local_model=local_scripted)
        window = window_factory(services)
        window.resize(1366, 700)
        assert window.banner.isVisible(), "no key: the banner"

        def offers() -> list[Any]:
            return [o for o in window.findChildren(QWidget, "modelOffer") if o.isVisible()]

        qtbot.waitUntil(lambda: len(offers()) == 1, timeout=WAIT_MS)
        (in_banner,) = offers()
        assert window.banner.isAncestorOf(in_banner)
        from desktop.core.models.catalog import laptop, suggest_for_laptop

        suggestion = suggest_for_laptop(*laptop())
        assert suggestion is not None and in_banner.suggestion == suggestion
        model = suggestion.model
        said = in_banner.label.text()
        assert model.title in said and model.license in said and "GB" in said, said
        assert "cores" in in_banner.button.toolTip(), "it says why this model"
        assert hub.requests == [], "nothing is downloaded before the click"

        with qtbot.waitSignal(window.answer_finished, timeout=WAIT_MS) as answered:
            window.send("Berapa lama visa turis?")
        bubble = answered.args[0]
        assert bubble.trace.mode == "offline"
        qtbot.waitUntil(lambda: any(bubble.isAncestorOf(o) for o in offers()), timeout=5000)
        under_answer = next(o for o in offers() if bubble.isAncestorOf(o))
        assert model.title in under_answer.label.text()
        assert hub.requests == []

        with qtbot.waitSignal(window.jobs.finished, timeout=WAIT_MS) as finished:
            under_answer.button.click()
        job = finished.args[0]
        assert job.state == "done" and job.kind == "download"
        assert services.settings.model_offline_answers == model.name
        assert ModelRegistry().resolve(model.name).path.name == model.file
        assert Settings.load().model_offline_answers == model.name
        assert not under_answer.button.isEnabled() and not in_banner.button.isEnabled()
