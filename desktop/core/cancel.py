"""Cooperative cancellation shared by every long operation (generation, answers, imports).

A token is checked between tokens/items; the GUI's Stop button and Ctrl-C both just call ``cancel()``.
"""

from __future__ import annotations

import threading

from desktop.core.errors import Cancelled


class CancelToken:
    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()

    def wait(self, timeout: float) -> bool:
        """Sleep up to ``timeout`` seconds; True if cancelled meanwhile."""
        return self._event.wait(timeout)
