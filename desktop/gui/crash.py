"""Never a silent death: uncaught exceptions are logged to the log folder and shown in a dialog.

Hooks ``sys.excepthook`` (GUI thread, Qt slots) and ``threading.excepthook`` (plain threads). The report is
scrubbed of anything that looks like an Anthropic key and of the key values we know, because users paste crash
reports into chats and tickets.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import threading
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.core import paths
from desktop.gui.i18n import tr

log = logging.getLogger(__name__)

_KEY_PATTERN = re.compile(r"sk-ant-[A-Za-z0-9_\-]{4,}")
_known_secrets: set[str] = set()


def remember_secret(value: str) -> None:
    """Register a secret (e.g. the key just typed in Settings) so it is scrubbed from any report."""
    if value and len(value) >= 8:
        _known_secrets.add(value)


def scrub(text: str) -> str:
    env_key = os.environ.get("ANTHROPIC_API_KEY", "")
    for secret in [*_known_secrets, env_key]:
        if secret and len(secret) >= 8:
            text = text.replace(secret, "[redacted]")
    return _KEY_PATTERN.sub("sk-ant-[redacted]", text)


def write_report(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = paths.log_dir() / f"crash-{stamp}.log"
    body = "".join(traceback.format_exception(exc_type, exc, tb))
    path.write_text(scrub(f"Zantara Desktop crash report {stamp}\n\n{body}"), encoding="utf-8")
    return path


class _Reporter(QObject):
    """Lives on the GUI thread; crashes from other threads reach the dialog through a queued signal."""

    show = Signal(str, str)

    def __init__(self) -> None:
        super().__init__()
        self.show.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self.dialogs_shown = 0
        self.last_report: Path | None = None
        self.interactive = True  # tests switch the modal dialog off and read last_report instead

    @Slot(str, str)
    def _show(self, summary: str, report: str) -> None:
        self.dialogs_shown += 1
        if not self.interactive:
            return
        box = QMessageBox(QApplication.activeWindow())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(tr("Zantara hit an unexpected error"))
        box.setText(tr("Something went wrong. Your conversations are saved; you can keep working."))
        box.setInformativeText(summary)
        box.setDetailedText(tr("A report was saved to:") + f"\n{report}")
        box.exec()


_reporter: _Reporter | None = None


def install() -> _Reporter:
    """Install the hooks (idempotent). Call after the QApplication exists."""
    global _reporter
    if _reporter is None:
        _reporter = _Reporter()
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook
    return _reporter


def reporter() -> _Reporter | None:
    return _reporter


def handle(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> Path | None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return None
    try:
        report = write_report(exc_type, exc, tb)
    except OSError:
        report = Path("(could not write the crash report)")
    log.error("uncaught %s: see %s", exc_type.__name__, report)
    if _reporter is not None and shiboken_valid(_reporter):
        _reporter.last_report = report
        summary = scrub(f"{exc_type.__name__}: {exc}")[:500]
        if QThread.currentThread() is _reporter.thread():
            _reporter._show(summary, str(report))
        else:
            _reporter.show.emit(summary, str(report))
    return report


def shiboken_valid(obj: QObject) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(obj))


def _excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    handle(exc_type, exc, tb)


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None:
        handle(args.exc_type, args.exc_value, args.exc_traceback)
