"""The crash handler: an uncaught exception (GUI thread or a plain thread) is logged to the log folder, shown,
and never carries the API key."""

from __future__ import annotations

import sys
import threading
from typing import Any

import pytest
from conftest import WAIT_MS

from desktop.core import paths
from desktop.gui import crash

pytestmark = pytest.mark.gui

KEY = "sk-ant-api03-secretsecretsecret-XYZ"


def test_uncaught_exception_is_logged_scrubbed_and_shown(qtbot: Any) -> None:
    reporter = crash.install()
    reporter.interactive = False
    crash.remember_secret(KEY)
    shown = reporter.dialogs_shown
    try:
        raise RuntimeError(f"request failed with key {KEY} and header x-api-key: {KEY[:20]}trailing")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    assert reporter.dialogs_shown == shown + 1
    report = reporter.last_report
    assert report is not None and report.parent == paths.log_dir()
    text = report.read_text(encoding="utf-8")
    assert "RuntimeError" in text and "Traceback" in text
    assert KEY not in text and "sk-ant-api03-secret" not in text


def test_thread_crash_reaches_the_gui_thread(qtbot: Any) -> None:
    reporter = crash.install()
    reporter.interactive = False
    shown = reporter.dialogs_shown

    def boom() -> None:
        raise ValueError("worker thread exploded")

    thread = threading.Thread(target=boom)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: reporter.dialogs_shown == shown + 1, timeout=WAIT_MS)
    assert "worker thread exploded" in reporter.last_report.read_text(encoding="utf-8")  # type: ignore[union-attr]
