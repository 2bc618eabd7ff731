"""Ctrl-C (SIGINT) in the terminal quits the desktop app cleanly instead of being ignored (issue 14, probe 5)."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from desktop.gui.app import handle_sigint


@pytest.fixture
def restore_sigint() -> Iterator[None]:
    old = signal.getsignal(signal.SIGINT)
    yield
    signal.signal(signal.SIGINT, old)


def test_sigint_closes_the_windows(qtbot: Any, restore_sigint: None) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    timer = handle_sigint(window, window.close)
    assert timer.isActive()  # lets Python run the handler while Qt's loop is idle
    os.kill(os.getpid(), signal.SIGINT)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
