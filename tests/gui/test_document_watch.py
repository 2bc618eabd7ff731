"""The app watches the document folders while it runs: a folder added in the Documents window is watched, a
file written there is indexed and one deleted leaves, what changed while the app was closed is caught up at
start, and the user can stop watching a folder. Real files in tmp, a real index, a real watchdog observer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from support.documents import open_index

from desktop.core.documents import watch as core_watch
from desktop.core.services import Services
from desktop.core.settings import Settings
from desktop.gui.tools.document_watch import DocumentWatch, result_text

pytestmark = [pytest.mark.gui, pytest.mark.slow]

WAIT_MS = 60_000


@pytest.fixture
def services(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Services]:
    monkeypatch.setattr(core_watch, "DEBOUNCE_S", 0.2)
    services = Services(Settings())
    services.__dict__["documents"] = open_index(tmp_path / "index")  # a real index, without the insight pack
    yield services
    services.documents.close()


def named(name: str, status: str) -> Any:
    return lambda result: Path(result.path).name == name and result.status == status


def test_catch_up_then_follow_changes_and_removals(qtbot: Any, services: Services, tmp_path: Path) -> None:
    drive = tmp_path / "drive"
    drive.mkdir()
    (drive / "sop.md").write_text("# SOP\n\nBiometrics at Kantor Imigrasi Denpasar.\n", encoding="utf-8")
    services.documents.add([drive])  # remembered as watched
    (drive / "fees.md").write_text(
        "# Fees\n\nThe E28A costs IDR 4.250.000.\n", encoding="utf-8"
    )  # app closed
    watch = DocumentWatch(services)
    with qtbot.waitSignal(watch.result, timeout=WAIT_MS, check_params_cb=named("fees.md", "indexed")):
        watch.start()
    assert watch.folders == [str(drive)]
    with qtbot.waitSignal(watch.result, timeout=WAIT_MS, check_params_cb=named("visa.md", "indexed")) as got:
        (drive / "visa.md").write_text("# Visa\n\nForm C312 is the guarantee letter.\n", encoding="utf-8")
    assert result_text(got.args[0]) == "Updated from its folder: visa.md"
    with qtbot.waitSignal(watch.result, timeout=WAIT_MS, check_params_cb=named("sop.md", "removed")) as got:
        (drive / "sop.md").unlink()
    assert result_text(got.args[0]) == "Removed (gone from its folder): sop.md"
    assert sorted(Path(d.path).name for d in services.documents.documents()) == ["fees.md", "visa.md"]
    watch.stop()


def test_stop_watching_a_folder_keeps_its_documents(qtbot: Any, services: Services, tmp_path: Path) -> None:
    drive, other = tmp_path / "drive", tmp_path / "other"
    for folder in (drive, other):
        folder.mkdir()
        (folder / "note.md").write_text(f"# Note\n\nKept in {folder.name}.\n", encoding="utf-8")
    services.documents.add([drive, other])
    watch = DocumentWatch(services)
    with qtbot.waitSignal(watch.folders_changed, timeout=WAIT_MS):
        watch.start()
    assert watch.folders == sorted([str(drive), str(other)])
    with qtbot.waitSignal(watch.folders_changed, timeout=WAIT_MS) as changed:
        watch.unwatch(str(drive))
    assert changed.args[0] == [str(other)] and services.documents.watched() == [str(other)]
    assert services.documents.count()[0] == 2  # stopping the watch removes nothing
    with qtbot.waitSignal(watch.result, timeout=WAIT_MS, check_params_cb=named("later.md", "indexed")):
        (drive / "late.md").write_text("# Late\n\nNot followed any more.\n", encoding="utf-8")
        (other / "later.md").write_text("# Later\n\nStill followed.\n", encoding="utf-8")
    assert "late.md" not in {Path(d.path).name for d in services.documents.documents()}
    watch.stop()


def test_a_folder_that_went_missing_is_said_and_the_others_still_watched(
    qtbot: Any, services: Services, tmp_path: Path
) -> None:
    drive, unplugged = tmp_path / "drive", tmp_path / "usb"
    drive.mkdir()
    services.documents.set_watched(drive)
    services.documents.set_watched(unplugged)
    watch = DocumentWatch(services)
    with qtbot.waitSignal(watch.failed, timeout=WAIT_MS) as failed:
        watch.start()
    assert "usb" in failed.args[0]
    qtbot.waitUntil(lambda: watch.folders == [str(drive)], timeout=WAIT_MS)
    watch.stop()
