"""Watched folders (watchdog): a file that changes is indexed again, a file that goes leaves the index.

Events are collected and handled after a quiet moment (``DEBOUNCE_S``): an editor saving a file fires several
events, and a copy onto a shared drive arrives in pieces. The index itself skips a file whose content did not
change, so a spurious event costs one hash. The work runs on the debounce timer's thread, never the caller's.

The app keeps one watcher for the folders the index remembers (``DocumentIndex.watched``): folders can be added
and dropped while it runs, and :meth:`FolderWatcher.catch_up` indexes what changed while nothing watched.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.core.documents import parse
from desktop.core.documents.index import DocumentIndex, FileResult

DEBOUNCE_S = 1.0


class FolderWatcher:
    """Keeps ``index`` in step with ``folders`` until :meth:`stop`; ``on_result`` hears every change handled
    (on a worker thread)."""

    def __init__(
        self,
        index: DocumentIndex,
        folders: list[Path],
        on_result: Callable[[FileResult], None] | None = None,
        debounce: float = DEBOUNCE_S,
    ) -> None:
        self.index = index
        self.folders = [f.absolute() for f in folders]
        self.on_result = on_result
        self.debounce = debounce
        self._pending: set[Path] = set()
        self._lock = threading.Lock()
        self._work = threading.Lock()  # one flush at a time: a file is never indexed twice at once
        self._timer: threading.Timer | None = None
        self._observer: Any = None
        self._watches: dict[Path, Any] = {}

    def start(self) -> None:
        from watchdog.observers import Observer

        self._observer = Observer()
        self._observer.daemon = True
        folders, self.folders = self.folders, []
        for folder in folders:
            self.watch(folder)
        self._observer.start()

    def watch(self, folder: Path) -> None:
        """Follow ``folder`` too (from now on; :meth:`catch_up` indexes what it holds). A folder that is not
        there (an unplugged drive) raises ``DocumentError("missing")``."""
        from watchdog.events import FileSystemEvent, FileSystemEventHandler

        folder = folder.absolute()
        watcher = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event: FileSystemEvent) -> None:
                if event.is_directory and event.event_type != "deleted":
                    return
                for raw in (event.src_path, getattr(event, "dest_path", "")):
                    if raw:
                        watcher._changed(Path(str(raw)))

        if folder in self.folders:
            return
        if not folder.is_dir():
            raise parse.DocumentError("missing", folder)
        if self._observer is not None:
            self._watches[folder] = self._observer.schedule(Handler(), str(folder), recursive=True)
        self.folders.append(folder)

    def unwatch(self, folder: Path) -> None:
        """Stop following ``folder`` (its documents stay indexed)."""
        folder = folder.absolute()
        watch = self._watches.pop(folder, None)
        if watch is not None and self._observer is not None:
            self._observer.unschedule(watch)
        if folder in self.folders:
            self.folders.remove(folder)

    def catch_up(self) -> list[FileResult]:
        """Index what changed in the watched folders while nothing watched them (unchanged files cost a
        stat), drop what went; each file indexed or removed goes to ``on_result`` as well (a file that could
        not be indexed keeps its reason in the index's list: it is not said again at every start)."""
        results: list[FileResult] = []
        for folder in list(self.folders):
            with self._work:
                report = self.index.add([folder], remember=False)
            results += [r for r in report.files if r.status in ("indexed", "removed")]
        self._tell(results)
        return results

    def stop(self, flush: bool = True) -> None:
        """Stop watching; ``flush``: handle the changes still waiting for their quiet moment now (the app
        passes False: its next start catches up with them instead)."""
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout=5)
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            if not flush:
                self._pending.clear()
        self.flush()

    def _changed(self, path: Path) -> None:
        with self._lock:
            self._pending.add(path)
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(self.debounce, self.flush)
            self._timer.daemon = True
            self._timer.start()

    def flush(self) -> list[FileResult]:
        """Handle what changed since the last flush (the timer calls it; tests and stop() may too)."""
        with self._lock:
            pending, self._pending = sorted(self._pending), set()
        results: list[FileResult] = []
        with self._work:
            for path in pending:
                if not any(path.is_relative_to(f) for f in self.folders):
                    continue  # a folder no longer watched
                if path.is_file() and parse.kind_of(path) and not path.name.startswith((".", "~$")):
                    results.append(self.index.add_file(path))
                elif not path.exists():
                    results += self.index.remove(path)
        self._tell(results)
        return results

    def _tell(self, results: list[FileResult]) -> None:
        for result in results:
            if self.on_result is not None:
                self.on_result(result)
