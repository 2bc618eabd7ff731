"""Watched folders (watchdog): a file that changes is indexed again, a file that goes leaves the index.

Events are collected and handled after a quiet moment (``DEBOUNCE_S``): an editor saving a file fires several
events, and a copy onto a shared drive arrives in pieces. The index itself skips a file whose content did not
change, so a spurious event costs one hash.
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
    """Keeps ``index`` in step with ``folders`` until :meth:`stop`; ``on_result`` hears every change handled."""

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
        self._timer: threading.Timer | None = None
        self._observer: Any = None

    def start(self) -> None:
        from watchdog.events import FileSystemEvent, FileSystemEventHandler
        from watchdog.observers import Observer

        watcher = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event: FileSystemEvent) -> None:
                if event.is_directory and event.event_type != "deleted":
                    return
                for raw in (event.src_path, getattr(event, "dest_path", "")):
                    if raw:
                        watcher._changed(Path(str(raw)))

        self._observer = Observer()
        for folder in self.folders:
            self._observer.schedule(Handler(), str(folder), recursive=True)
        self._observer.start()

    def stop(self) -> None:
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout=5)
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
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
        for path in pending:
            if path.is_file() and parse.kind_of(path) and not path.name.startswith((".", "~$")):
                results.append(self.index.add_file(path))
            elif not path.exists():
                results += self.index.remove(path)
        for result in results:
            if self.on_result is not None:
                self.on_result(result)
        return results
