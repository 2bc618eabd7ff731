"""The app watches the team's document folders while it runs.

Folders added to the documents (the Documents window, or ``zantara docs add FOLDER``) are remembered by the
index as watched; at start this object catches up with what changed while the app was closed, then a watchdog
observer follows the folders. Everything slow (opening the index, hashing, parsing, embedding) runs on worker
threads; each file handled arrives on the GUI thread as :attr:`DocumentWatch.result`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from desktop.gui.workers import run_in_background

if TYPE_CHECKING:
    from desktop.core.documents.index import FileResult
    from desktop.core.documents.watch import FolderWatcher


class DocumentWatch(QObject):
    """One watcher for the folders the document index remembers."""

    result = Signal(object)  # a FileResult: a file indexed again, removed, or why it could not be
    folders_changed = Signal(list)  # the watched folders (str), after start, sync and unwatch
    failed = Signal(str)  # a message: a folder that cannot be watched, the index that did not open

    def __init__(self, services: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.folders: list[str] = []
        self._watcher: FolderWatcher | None = None
        self._started = False
        self.folders_changed.connect(self._remember)

    def start(self) -> None:
        """Open the index, watch its folders and catch up, all in a worker (a no-op once started)."""
        if not self._started:
            self._started = True
            run_in_background(self._start, None, self._fail)

    def sync(self) -> None:
        """Follow the folders the index remembers now (after an add; another process may have added some)."""
        run_in_background(self._sync, None, self._fail)

    def unwatch(self, folder: str) -> None:
        """Stop following ``folder``; its documents stay in the index."""
        run_in_background(lambda: self._unwatch(Path(folder)), None, self._fail)

    def stop(self) -> None:
        """At the window's close: the observer stops; changes not handled yet wait for the next start's
        catch-up (nothing is indexed on the GUI thread)."""
        watcher, self._watcher = self._watcher, None
        self._started = False
        if watcher is not None:
            watcher.stop(flush=False)

    # ---------------------------------------------------------------------------------- worker threads
    def _start(self) -> None:
        from desktop.core.documents.watch import FolderWatcher

        watcher = FolderWatcher(self.services.documents, [], self.result.emit)
        watcher.start()
        self._watcher = watcher
        self._sync()
        watcher.catch_up()

    def _sync(self) -> None:
        watcher = self._watcher
        if watcher is None:
            return
        wanted = [Path(p) for p in self.services.documents.watched()]
        for folder in wanted:
            try:
                watcher.watch(folder)
            except Exception as exc:  # an unplugged drive: said, the others still watched
                self.failed.emit(str(exc))
        for folder in list(watcher.folders):
            if folder not in wanted:
                watcher.unwatch(folder)
        self.folders_changed.emit([str(f) for f in watcher.folders])

    def _unwatch(self, folder: Path) -> None:
        self.services.documents.set_watched(folder, on=False)
        if self._watcher is not None:
            self._watcher.unwatch(folder)
        self._sync()

    # -------------------------------------------------------------------------------------- GUI thread
    def _remember(self, folders: list[str]) -> None:
        self.folders = list(folders)

    def _fail(self, error: BaseException) -> None:
        self.failed.emit(str(error))


def result_text(result: FileResult) -> str:
    """What the Documents window says about a file the watcher handled."""
    from desktop.gui.i18n import tr

    name = Path(result.path).name
    if result.status == "removed":
        return tr("Removed (gone from its folder): {name}").format(name=name)
    if result.status == "error":
        return result.message or name
    return tr("Updated from its folder: {name}").format(name=name)
