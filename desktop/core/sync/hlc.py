"""A hybrid logical clock packed into one integer: milliseconds since the epoch << 16 | a counter.

Every revision a laptop hands out is larger than every revision it has seen (its own and those it pulled),
whatever its wall clock says, so an edit made after reading a colleague's version always orders after it,
even when this laptop's clock is hours behind. Ties between laptops are broken by device id in the engine.
"""

from __future__ import annotations

import time

SHIFT = 16


def wall_now() -> int:
    return int(time.time() * 1000) << SHIFT


def next_revision(last: int, now: int | None = None) -> int:
    """The revision after ``last``: the wall clock when it is ahead, else ``last + 1``."""
    return max(wall_now() if now is None else now, last + 1)


def observed(last: int, remote: int) -> int:
    """The clock after seeing a remote revision."""
    return max(last, remote)


def to_millis(revision: int) -> int:
    return revision >> SHIFT
