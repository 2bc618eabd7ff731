"""QA walk-through: start a generation, cancel it, close Generate, reopen it: the form showed the defaults
(target 30, every language and category) while Start, with "Resume" checked, continued the cancelled run with
its own settings, so the user resumed something they could not see. Reopened, the dialog must show the
settings of the run Start would resume (and of the run going on, when reopened during it).

The run is the real Generator with test_jobs' gated scripted model (the run's model is "scripted-json")."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from conftest import WAIT_MS, fill_generate_form, make_services
from test_jobs import GatedGenerator, release_one

from desktop.core.knowledge.store import KnowledgeStore
from desktop.gui.tools.generate_dialog import GenerateDialog, GenerationParams

pytestmark = [pytest.mark.gui, pytest.mark.slow]

SETTINGS = {"target": 3, "languages": ["en"], "categories": ["daily_life"], "approve": True}


@pytest.fixture
def window(window_factory: Any, curated_store: KnowledgeStore) -> Any:
    return window_factory(make_services(store=curated_store))


@contextmanager
def jobs_stopped_on_exit(window: Any) -> Iterator[None]:
    """pytest-qt closes the window before fixtures end: a failed check must not leave a job running, whose
    quit question ("a job is running") would block that close, so they are stopped and forgotten here."""
    try:
        yield
    finally:
        window.jobs.cancel_all()
        window.jobs.jobs.clear()


def form(dialog: GenerateDialog) -> dict[str, Any]:
    """What the form shows."""
    return {
        "target": dialog.target.value(),
        "languages": dialog.selected_languages(),
        "categories": dialog.selected_categories(),
        "approve": dialog.approve.isChecked(),
    }


def editable(dialog: GenerateDialog) -> bool:
    widgets = (
        dialog.target,
        dialog.categories,
        dialog.model,
        dialog.approve,
        *dialog.language_boxes.values(),
    )
    assert len({w.isEnabled() for w in widgets}) == 1
    return dialog.target.isEnabled()


def reopen(qtbot: Any, window: Any, generator: GatedGenerator) -> GenerateDialog:
    """Close Generate and open it again from the menu (a new dialog, as in the app)."""
    window.dialogs.open_dialogs["generate"].close()
    window.generate_action.trigger()
    dialog = window.dialogs.open_dialogs["generate"]
    dialog.generator = generator  # the gated generator instead of the real model's
    qtbot.waitUntil(lambda: dialog.model.count() >= 1, timeout=WAIT_MS)
    return dialog


def test_reopened_generate_shows_the_settings_of_the_run_start_resumes(qtbot: Any, window: Any) -> None:
    with jobs_stopped_on_exit(window):
        generator = GatedGenerator()
        window.generate_action.trigger()
        first = window.dialogs.open_dialogs["generate"]
        first.generator = generator
        qtbot.waitUntil(lambda: first.model.count() >= 1, timeout=WAIT_MS)
        assert form(first) != SETTINGS and editable(first)  # the defaults differ from the run's settings
        fill_generate_form(first, 3)
        first.approve.setChecked(True)
        with qtbot.waitSignal(first.progressed, timeout=WAIT_MS):
            first.start_button.click()
        release_one(qtbot, first, generator)

        # Reopened while it runs: the running run's settings, read-only.
        running = reopen(qtbot, window, generator)
        assert running.state == "running" and form(running) == SETTINGS and not editable(running)

        with qtbot.waitSignal(running.finished_run, timeout=WAIT_MS):
            running.cancel_run()
        assert running.resume.isChecked()

        # Reopened after the cancel (same session, the job is in the Jobs panel), then after a restart (no job:
        # the run is found in the run store): both show the run Start resumes, model included, read-only.
        for new_session in (False, True):
            if new_session:
                window.jobs.jobs.clear()
            dialog = reopen(qtbot, window, generator)
            qtbot.waitUntil(lambda d=dialog: form(d) == SETTINGS, timeout=10_000)
            assert dialog.resume.isChecked() and not editable(dialog)
            qtbot.waitUntil(lambda d=dialog: d.model.currentText() == "scripted-json", timeout=WAIT_MS)
            assert dialog.start_button.isEnabled()

        # Unchecking Resume makes it a new run's form (starting from those settings); checking it shows the run.
        dialog.resume.setChecked(False)
        assert editable(dialog)
        dialog.target.setValue(12)
        dialog.resume.setChecked(True)
        qtbot.waitUntil(lambda: dialog.target.value() == 3 and not editable(dialog), timeout=WAIT_MS)

        # Start does continue exactly that run.
        with qtbot.waitSignal(dialog.progressed, timeout=WAIT_MS):
            dialog.start_button.click()
        assert generator.resumed == [False, True]
        job = window.jobs.latest("generation")
        assert isinstance(job.params, GenerationParams) and job.params.resume and job.params.target == 3
        assert dialog.last_progress is not None and dialog.last_progress["accepted"] == 1
        with qtbot.waitSignal(dialog.finished_run, timeout=WAIT_MS) as done:
            generator.allowed.release(2)
        report = done.args[0]
        assert report["status"] == "done" and report["accepted"] == 3 and report["target"] == 3
        assert not dialog.resume.isChecked() and editable(dialog)  # nothing left to resume: a new run's form
