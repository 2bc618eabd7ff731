"""The Documents window: files added through it (as a job of the window) show their status, a bad file its
reason, in the UI language; drag and drop adds too; keyboard only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from support.documents import open_index

from desktop.core.services import Services
from desktop.core.settings import Settings
from desktop.gui import i18n
from desktop.gui.jobs import JobManager
from desktop.gui.tools.documents_page import DocumentsDialog

pytestmark = [pytest.mark.gui, pytest.mark.slow]


@pytest.fixture
def page(qtbot: Any, tmp_path: Path) -> Any:
    services = Services(Settings())
    services.__dict__["documents"] = open_index(tmp_path / "index")  # a real index, without the insight pack
    dialog = DocumentsDialog(services, JobManager())
    qtbot.addWidget(dialog)
    yield dialog
    services.documents.close()


def files(folder: Path) -> Path:
    folder.mkdir()
    (folder / "biaya.md").write_text(
        "# Biaya\n\nBiaya KITAS investor E28A: IDR 4.250.000.\n", encoding="utf-8"
    )
    (folder / "photo.txt").write_bytes(bytes(range(256)) * 16)
    return folder


def rows(dialog: DocumentsDialog) -> dict[str, str]:
    table = dialog.table
    return {table.item(r, 4).text(): table.item(r, 3).text() for r in range(table.rowCount())}


def test_adding_a_folder_runs_as_a_job_and_lists_each_file(
    qtbot: Any, page: DocumentsDialog, tmp_path: Path
) -> None:
    folder = files(tmp_path / "drive")
    with qtbot.waitSignal(page.changed, timeout=120_000):
        job = page.add([folder])
    assert job.kind == "documents" and job.state == "done" and job in page.jobs.jobs
    qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=10_000)
    status = rows(page)
    assert status[str(folder / "biaya.md")] == "Indexed"
    assert (
        status[str(folder / "photo.txt")]
        == "photo.txt is not a text file (binary content). Give it the right extension, or leave it out."
    )
    assert "1 indexed, 0 unchanged, 1 not indexed, 0 removed" in page.status.text()


def test_drop_adds_and_texts_are_translated(qtbot: Any, page: DocumentsDialog, tmp_path: Path) -> None:
    folder = files(tmp_path / "drive")
    try:
        assert i18n.set_language("id")
        qtbot.waitUntil(lambda: page.add_files_button.text() == "Tambah &berkas…", timeout=5_000)
        data = QMimeData()
        data.setUrls([QUrl.fromLocalFile(str(folder / "biaya.md"))])
        event = QDropEvent(
            QPointF(5, 5),
            Qt.DropAction.CopyAction,
            data,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        )
        with qtbot.waitSignal(page.changed, timeout=120_000):
            page.dropEvent(event)
        qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=10_000)
        assert rows(page) == {str(folder / "biaya.md"): "Diindeks"}
        assert "1 diindeks" in page.status.text()
        # keyboard: select the row, Delete removes it from the index
        page.show()  # the key goes where the focus is: the page must be the active window, as it is for a user
        page.activateWindow()
        page.table.setFocus()
        qtbot.waitUntil(page.table.hasFocus, timeout=10_000)
        # select the row as a click does (selectRow reads the keyboard modifiers another test's keys may leave)
        page.table.selectionModel().select(
            page.table.model().index(0, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        with qtbot.waitSignal(page.changed, timeout=30_000):
            qtbot.keyClick(page.table, Qt.Key.Key_Delete)
        qtbot.waitUntil(lambda: page.table.rowCount() == 0, timeout=10_000)
    finally:
        i18n.set_language("en")


def test_the_selection_follows_the_document_when_the_list_reloads(
    qtbot: Any, page: DocumentsDialog, tmp_path: Path
) -> None:
    """A document added while another is selected moves the rows; Delete must still mean the picked one."""
    folder = tmp_path / "drive"
    folder.mkdir()
    for name in ("b.md", "c.md"):
        (folder / name).write_text(
            f"# {name}\n\nBiaya KITAS investor E28A: IDR 4.250.000.\n", encoding="utf-8"
        )
    with qtbot.waitSignal(page.changed, timeout=120_000):
        page.add([folder / "b.md", folder / "c.md"])
    qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=10_000)
    picked = str(folder / "c.md")
    row = [page.table.item(r, 4).text() for r in range(2)].index(picked)
    page.table.selectionModel().select(
        page.table.model().index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    (folder / "a.md").write_text("# a\n\nBiaya KITAS keluarga C312.\n", encoding="utf-8")
    with qtbot.waitSignal(page.changed, timeout=120_000):
        page.add([folder / "a.md"])
    qtbot.waitUntil(lambda: page.table.rowCount() == 3, timeout=10_000)
    selected = {page.table.item(i.row(), 4).text() for i in page.table.selectedIndexes()}
    assert selected == {picked}


@pytest.fixture
def watched_page(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    from desktop.core.documents import watch as core_watch
    from desktop.gui.tools.document_watch import DocumentWatch

    monkeypatch.setattr(core_watch, "DEBOUNCE_S", 0.2)
    services = Services(Settings())
    services.__dict__["documents"] = open_index(tmp_path / "index")
    watch = DocumentWatch(services)
    dialog = DocumentsDialog(services, JobManager(), watch=watch)
    qtbot.addWidget(dialog)
    yield dialog
    watch.stop()
    services.documents.close()


def test_a_folder_added_is_watched_until_the_user_stops_it(
    qtbot: Any, watched_page: DocumentsDialog, tmp_path: Path
) -> None:
    page, watch = watched_page, watched_page.watch
    assert watch is not None and page.watched_list.isVisibleTo(page)
    folder = files(tmp_path / "drive")
    with qtbot.waitSignal(watch.folders_changed, timeout=120_000):  # the job ended, the page synced the watch
        page.add([folder])
    qtbot.waitUntil(lambda: page.watched_list.count() == 1, timeout=10_000)
    assert page.watched_list.item(0).text() == str(folder)
    visa = lambda result: result.path.endswith("visa.md")  # noqa: E731
    with qtbot.waitSignal(watch.result, timeout=60_000, check_params_cb=visa):
        (folder / "visa.md").write_text("# Visa\n\nForm C312 is the guarantee letter.\n", encoding="utf-8")
    assert page.status.text() == "Updated from its folder: visa.md"
    qtbot.waitUntil(lambda: str(folder / "visa.md") in rows(page), timeout=10_000)  # the table follows
    # keyboard: the list, its row, then Delete (or Stop watching, enabled by the selection)
    page.watched_list.setFocus()
    page.watched_list.setCurrentRow(0)
    assert page.unwatch_button.isEnabled()
    with qtbot.waitSignal(watch.folders_changed, timeout=30_000) as changed:
        qtbot.keyClick(page.watched_list, Qt.Key.Key_Delete)
    assert changed.args[0] == [] and page.watched_list.count() == 0
    assert page.services.documents.watched() == []
    assert str(folder / "visa.md") in rows(page)  # its documents stay
