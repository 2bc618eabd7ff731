"""The jobs area (issue 16): a generation run, a model download and an import are jobs of the main window;
they survive closing the dialog that started them, show in the status bar and the Jobs panel, can be
cancelled there, and quitting asks first.

Generation runs the real Generator (shipped catalog, quality gates calibrated on the real curated store, run
rows in SQLite) with a scripted JSON model that writes one good insight each time the test allows it, so
the test decides when the run moves on without sleeping. Downloads go to the hub stand-in (HF_ENDPOINT)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import HUB_CHUNK, HUB_MODEL, WAIT_MS, fill_generate_form, make_services
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from support.hub_server import HubStandIn
from unit.core.generation.generation_fakes import JsonScriptedModel

from desktop.core.cancel import CancelToken
from desktop.core.errors import Cancelled
from desktop.core.generation.generator import Generator
from desktop.core.generation.runs import RunStore
from desktop.core.knowledge.store import KnowledgeStore
from desktop.core.llm.base import ChatRequest
from desktop.core.models.registry import ModelRegistry
from desktop.gui.tools.generate_dialog import GenerateDialog
from desktop.gui.window.jobs_panel import JobsDialog

pytestmark = [pytest.mark.gui, pytest.mark.slow]


class GatedModel(JsonScriptedModel):
    """The scripted JSON model, answering only when the test releases one answer (cancel still stops it)."""

    def __init__(self, allowed: threading.Semaphore) -> None:
        super().__init__()
        self.allowed = allowed

    def generate(self, request: ChatRequest) -> Iterator[str]:
        while not self.allowed.acquire(timeout=0.05):
            if request.cancel is not None and request.cancel.cancelled:
                raise Cancelled()
        yield from super().generate(request)


class GatedGenerator:
    """``run_generation``'s signature over the real Generator and the window's real store."""

    def __init__(self) -> None:
        self.allowed = threading.Semaphore(0)
        self.resumed: list[bool] = []

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
        self.resumed.append(resume)
        generator = Generator.create(services.store, GatedModel(self.allowed), "scripted-json", "0" * 64)
        state = generator.runs.latest_unfinished() if resume else None
        if state is None:
            state = generator.start(target, languages or ["en"], categories or ["daily_life"], approve)
        return generator.run(state, on_progress, cancel)


def start_run(qtbot: Any, window: Any, generator: GatedGenerator, target: int) -> GenerateDialog:
    """Open Generate as the window does (but with the gated generator) and start an English daily-life run."""
    dialog = GenerateDialog(window.services, window, generator=generator)
    window.dialogs.open_dialogs["generate"] = dialog
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.count() >= 1, timeout=WAIT_MS)
    fill_generate_form(dialog, target)
    with qtbot.waitSignal(dialog.progressed, timeout=WAIT_MS):  # the run's first tick: 0 attempts
        dialog.start_button.click()
    return dialog


def release_one(qtbot: Any, dialog: GenerateDialog, generator: GatedGenerator) -> None:
    attempts = (dialog.last_progress or {}).get("attempts", 0)
    with qtbot.waitSignal(
        dialog.progressed, timeout=WAIT_MS, check_params_cb=lambda v: v["attempts"] > attempts
    ):
        generator.allowed.release()


@pytest.fixture
def window(window_factory: Any, curated_store: KnowledgeStore) -> Iterator[Any]:
    made = window_factory(make_services(store=curated_store))
    yield made
    made.jobs.cancel_all()  # a test that failed midway must not leave the quit question up at teardown
    made.jobs.jobs.clear()


def test_generation_survives_closing_its_dialog(qtbot: Any, window: Any) -> None:
    assert window.jobs_indicator.isHidden()  # no jobs yet: nothing to show
    window.dialogs.knowledge()
    browser = window.dialogs.open_dialogs["knowledge"]
    qtbot.waitUntil(lambda: browser.total > 0, timeout=WAIT_MS)
    before = browser.total
    generator = GatedGenerator()
    first = start_run(qtbot, window, generator, target=2)
    release_one(qtbot, first, generator)
    assert first.last_progress is not None and first.last_progress["accepted"] == 1

    first.close()  # the run goes on: the status bar says so
    assert window.jobs.active() and window.jobs.active()[0].kind == "generation"
    assert not window.jobs_indicator.isHidden()
    assert window.jobs_indicator.text() == "1 job running · 50%"

    window.generate_action.trigger()  # reopened: the running job, live, not "Not started."
    again = window.dialogs.open_dialogs["generate"]
    assert again is not first and again.isVisible()
    assert again.state == "running" and not again.start_button.isEnabled() and again.cancel_button.isEnabled()
    assert again.progress.value() == 1 and again.progress.maximum() == 2
    assert "1 of 2" in again.progress_label.text() and "Not started" not in again.progress_label.text()

    with qtbot.waitSignal(again.finished_run, timeout=WAIT_MS) as done:
        generator.allowed.release()
    assert done.args[0]["status"] == "done" and again.state == "done" and again.progress.value() == 2
    assert window.jobs_indicator.text() == "Jobs: all finished"
    qtbot.waitUntil(lambda: browser.total == before + 2, timeout=WAIT_MS)  # the browser sees them

    window.dialogs.jobs()  # the panel keeps the result
    panel = window.dialogs.open_dialogs["jobs"]
    row = panel.row(window.jobs.jobs[0])
    assert row is not None and row.state.text() == "Finished" and "2 accepted" in row.detail.text()
    assert not row.cancel_button.isVisible()

    again.close()  # reopened after the end: the run's report, not "Not started."
    window.generate_action.trigger()
    third = window.dialogs.open_dialogs["generate"]
    assert third is not again and third.state == "done" and third.progress.value() == 2
    assert third.progress_label.text() == "Finished." and "target reached" in third.report_view.toPlainText()


def test_cancel_from_the_jobs_panel_then_start_continues_the_run(qtbot: Any, window: Any) -> None:
    generator = GatedGenerator()
    dialog = start_run(qtbot, window, generator, target=3)
    release_one(qtbot, dialog, generator)
    job = window.jobs.active()[0]
    window.jobs_indicator.click()
    panel = window.dialogs.open_dialogs["jobs"]
    assert isinstance(panel, JobsDialog) and panel.isVisible()
    row = panel.row(job)
    assert row is not None and row.cancel_button.isEnabled() and "1 of 3" in row.detail.text()

    with qtbot.waitSignal(dialog.finished_run, timeout=WAIT_MS):
        row.cancel_button.click()
    assert job.state == "cancelled" and row.state.text() == "Cancelled"
    assert "press Start to continue" in row.detail.text()
    # The dialog says what to do in the app, not on a command line, and it is true:
    assert "--resume" not in dialog.progress_label.text() + dialog.report_view.toPlainText()
    assert "Press Start to continue" in dialog.progress_label.text() and dialog.resume.isChecked()
    run_id = job.result["run_id"]
    assert RunStore().get(run_id).status == "cancelled"

    with qtbot.waitSignal(dialog.progressed, timeout=WAIT_MS):
        dialog.start_button.click()
    assert generator.resumed == [False, True]
    assert dialog.last_progress is not None and dialog.last_progress["accepted"] == 1  # where it stopped
    with qtbot.waitSignal(dialog.finished_run, timeout=WAIT_MS) as done:
        generator.allowed.release(2)
    report = done.args[0]
    assert report["run_id"] == run_id and report["status"] == "done" and report["accepted"] == 3
    assert len(set(report["accepted_ids"])) == 3


def answer_box(button_text: str) -> Callable[[], None]:
    """Click ``button_text`` in the modal question once it is up (it opens inside ``close()``)."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        clicked.append(box.text())
        next(b for b in box.findChildren(QPushButton) if b.text() == button_text).click()

    clicked: list[str] = []
    click.clicked = clicked  # type: ignore[attr-defined]
    return click


def test_quitting_with_a_running_job_asks_first(qtbot: Any, window: Any) -> None:
    generator = GatedGenerator()
    start_run(qtbot, window, generator, target=2)
    job = window.jobs.active()[0]

    keep = answer_box("Keep running")
    QTimer.singleShot(0, keep)
    window.close()
    assert keep.clicked == ["A job is still running."]  # type: ignore[attr-defined]
    assert window.isVisible() and job.state == "running" and not job.token.cancelled

    stop = answer_box("Cancel jobs and quit")
    QTimer.singleShot(0, stop)
    with qtbot.waitSignal(window.jobs.finished, timeout=WAIT_MS):
        window.close()
    assert not window.isVisible() and job.state == "cancelled"
    assert RunStore().get(job.result["run_id"]).status == "cancelled"  # resumable next time


NAME, CHUNK = HUB_MODEL, HUB_CHUNK


def test_a_download_goes_on_after_settings_closes(qtbot: Any, window: Any, hub: HubStandIn) -> None:
    window.dialogs.settings()
    settings = window.dialogs.open_dialogs["settings"]
    page = settings.models_page
    page.table.selectRow([m.name for m in page.catalog].index(NAME))
    hub.stall_after(CHUNK + 1000)
    with qtbot.waitSignal(page.download_progress, timeout=WAIT_MS, check_params_cb=lambda p: p.done >= CHUNK):
        page.download_button.click()
    settings.reject()  # closed mid-download: the job goes on
    job = window.jobs.active()[0]
    assert job.kind == "download" and not window.jobs_indicator.isHidden()
    assert window.jobs_indicator.text().startswith("1 job running · ") and job.fraction and job.fraction > 0.5

    window.dialogs.settings()  # reopened: the new Models page shows the running download
    page2 = window.dialogs.open_dialogs["settings"].models_page
    assert page2 is not page and page2.job is job
    assert page2.cancel_button.isEnabled() and not page2.download_button.isEnabled()
    assert page2.progress.value() > 500 and "MB" in page2.status.text()

    with qtbot.waitSignal(page2.download_finished, timeout=WAIT_MS):
        hub.release()
    assert job.state == "done" and ModelRegistry().resolve(NAME).status == "ok"
    assert page2.download_button.isEnabled() and "is installed" in page2.status.text()
    window.dialogs.jobs()
    row = window.dialogs.open_dialogs["jobs"].row(job)
    assert row.state.text() == "Finished" and NAME in row.detail.text()


def test_cancel_a_download_from_the_jobs_panel(qtbot: Any, window: Any, hub: HubStandIn) -> None:
    window.dialogs.settings()
    page = window.dialogs.open_dialogs["settings"].models_page
    page.table.selectRow([m.name for m in page.catalog].index(NAME))
    hub.stall_after(CHUNK + 1000)
    with qtbot.waitSignal(page.download_progress, timeout=WAIT_MS, check_params_cb=lambda p: p.done >= CHUNK):
        page.download_button.click()
    window.dialogs.jobs()
    job = window.jobs.active()[0]
    row = window.dialogs.open_dialogs["jobs"].row(job)
    with qtbot.waitSignal(page.download_failed, timeout=WAIT_MS):
        row.cancel_button.click()
        hub.release()
    assert job.state == "cancelled" and row.state.text() == "Cancelled"
    assert page.download_button.isEnabled() and not page.cancel_button.isEnabled()
    assert NAME not in [e.name for e in ModelRegistry().list(with_metadata=False)]


def test_an_import_is_a_job(qtbot: Any, window: Any, tmp_path: Path) -> None:
    window.dialogs.knowledge()
    browser = window.dialogs.open_dialogs["knowledge"]
    qtbot.waitUntil(lambda: browser.total > 0, timeout=WAIT_MS)
    source = tmp_path / "mine.jsonl"
    source.write_text(
        '{"text": "Bring a small gift when you visit a Balinese family for the first time; it is a kind '
        'gesture that shows respect for the household.", "language": "en", "category": "bali_culture"}\n'
        "not json\n",
        encoding="utf-8",
    )
    with qtbot.waitSignal(window.jobs.finished, timeout=WAIT_MS) as ended:
        browser.import_file(str(source), show_report=False)
    job = ended.args[0]
    assert job.kind == "import" and job.title == "Import mine.jsonl" and job.state == "done"
    assert job.summary == "1 added, 0 duplicates, 1 lines with errors"
    assert browser.last_import is not None and browser.last_import.added == 1


def test_the_indicator_speaks_the_ui_language(qtbot: Any) -> None:
    from desktop.gui import i18n
    from desktop.gui.jobs import JobManager
    from desktop.gui.window.jobs_panel import JobsIndicator

    manager = JobManager()
    indicator = JobsIndicator(manager)
    qtbot.addWidget(indicator)
    gate = threading.Event()
    manager.start("import", "mine.jsonl", lambda _report: gate.wait(WAIT_MS / 1000))
    i18n.set_language("it")
    qtbot.waitUntil(lambda: indicator.text() == "1 attività in corso", timeout=WAIT_MS)
    i18n.set_language("id")
    qtbot.waitUntil(lambda: indicator.text() == "1 tugas berjalan", timeout=WAIT_MS)
    with qtbot.waitSignal(manager.finished, timeout=WAIT_MS):
        gate.set()
    assert indicator.text() == "Tugas: semua selesai" and indicator.accessibleName() == "Tugas"
