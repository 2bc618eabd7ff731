"""How many CPUs this process can use right now without fighting another program for them.

Why: threads that wait for each other (OpenMP teams, llama.cpp's pool) win only on cores nobody else wants.
On the 2-core machine one query embedding takes 19 ms with two threads when the other core is idle, 35 ms with
one thread, and 91 ms with two threads when another process keeps the other core busy (tests/bench,
docs/benchmarks.md). So short parallel work asks, just before it starts, how many cores are free.

On Linux the kernel's count of runnable tasks (``procs_running`` in /proc/stat) is read: it is instantaneous
and costs a few microseconds. Elsewhere the one-minute load average is used, which reacts slowly but errs on
the side of fewer threads after recent work. Unknown means one core: the choice that is never much worse.
"""

from __future__ import annotations

import os

PROC_STAT = "/proc/stat"


def usable_cpus() -> int:
    """CPUs this process may run on (its affinity mask; in a container, what it was given)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def runnable_others(stat_path: str = PROC_STAT) -> float | None:
    """Tasks other than the caller that are running or waiting for a CPU now; None when unknown."""
    try:
        with open(stat_path, "rb") as handle:
            for line in handle:
                if line.startswith(b"procs_running "):
                    return max(0, int(line.split()[1]) - 1)  # the caller's own thread is running
    except (OSError, ValueError, IndexError):
        pass
    if hasattr(os, "getloadavg"):
        try:
            return max(0.0, os.getloadavg()[0] - 1.0)
        except OSError:
            return None
    return None


def free_cpus(stat_path: str = PROC_STAT) -> int:
    """CPUs the caller can use now: its own plus those no other task is using (at least 1)."""
    others = runnable_others(stat_path)
    if others is None:
        return 1
    return max(1, int(usable_cpus() - others + 0.5))
