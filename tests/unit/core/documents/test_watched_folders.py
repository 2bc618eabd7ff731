"""Folders added are remembered as watched; one watcher follows folders added and dropped while it runs, and
catches up with what changed while nothing watched (real watchdog observer, real files, a real index)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from desktop.core.documents import parse
from desktop.core.documents.index import DocumentIndex, FileResult
from desktop.core.documents.watch import FolderWatcher


class Heard:
    def __init__(self) -> None:
        self.results: list[FileResult] = []
        self.event = threading.Event()

    def __call__(self, result: FileResult) -> None:
        self.results.append(result)
        self.event.set()

    def wait_for(self, name: str, status: str) -> FileResult:
        while True:
            found = [r for r in self.results if Path(r.path).name == name and r.status == status]
            if found:
                return found[-1]
            self.event.clear()
            assert self.event.wait(30), (name, status, self.results)


def test_an_added_folder_is_remembered_and_a_file_is_not(tmp_path: Path, doc_index: DocumentIndex) -> None:
    drive = tmp_path / "drive"
    drive.mkdir()
    (drive / "sop.md").write_text("# SOP\n\nBiometrics at Kantor Imigrasi Denpasar.\n", encoding="utf-8")
    single = tmp_path / "note.md"
    single.write_text("# Note\n\nThe ITAS card arrives by courier.\n", encoding="utf-8")
    doc_index.add([drive, single])
    assert doc_index.watched() == [str(drive)]
    doc_index.add([tmp_path / "elsewhere"], remember=True)  # missing: reported, not remembered
    assert doc_index.watched() == [str(drive)]
    doc_index.set_watched(drive, on=False)
    assert doc_index.watched() == []


def test_watch_and_unwatch_while_running_and_catch_up(tmp_path: Path, doc_index: DocumentIndex) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "old.md").write_text(
        "# Old\n\nThe sponsor letter is signed by the director.\n", encoding="utf-8"
    )
    heard = Heard()
    watcher = FolderWatcher(doc_index, [first], heard, debounce=0.2)
    watcher.start()
    try:
        assert [r.status for r in watcher.catch_up()] == ["indexed"]  # there before anything watched
        heard.wait_for("old.md", "indexed")
        watcher.watch(second)
        (second / "new.md").write_text("# New\n\nForm C312 is the guarantee letter.\n", encoding="utf-8")
        heard.wait_for("new.md", "indexed")
        watcher.unwatch(first)
        (first / "old.md").unlink()
        (second / "later.md").write_text("# Later\n\nOverstay costs IDR 1.000.000 a day.\n")
        heard.wait_for("later.md", "indexed")  # what came after the unlink: the first folder was not heard
        assert not any(r.status == "removed" for r in heard.results)
        assert {Path(d.path).name for d in doc_index.documents()} == {"old.md", "new.md", "later.md"}
        with pytest.raises(parse.DocumentError) as missing:
            watcher.watch(tmp_path / "unplugged")
        assert missing.value.code == "missing"
    finally:
        watcher.stop()
