"""No Python traceback for the user: an unexpected error in a command is logged, and one line says where.

The CLI's counterpart of :mod:`desktop.gui.crash`. The report goes to the log folder, scrubbed of the API key
(users paste reports into tickets); the command exits with code 1.
"""

from __future__ import annotations

import re
import traceback
from datetime import datetime
from pathlib import Path

from desktop.core import paths

_KEY_PATTERN = re.compile(r"sk-ant-[A-Za-z0-9_\-]{4,}")


def scrub(text: str) -> str:
    try:
        from desktop.core.secrets import redact

        return redact(text)
    except Exception:  # the keyring itself may be what failed: scrub by pattern only
        return _KEY_PATTERN.sub("sk-ant-[redacted]", text)


def write_report(exc: BaseException, command: str = "") -> Path | None:
    """The traceback in ``crash-cli-<time>.log`` in the log folder; None when even that cannot be written."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    body = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    try:
        path = paths.log_dir() / f"crash-cli-{stamp}.log"
        path.write_text(scrub(f"zantara {command} crash report {stamp}\n\n{body}"), encoding="utf-8")
    except OSError:
        return None
    return path


def one_line(exc: BaseException, report: Path | None) -> str:
    where = f"the details are in {report}" if report else "the log folder is not writable"
    return f"zantara: unexpected error ({type(exc).__name__}); {where}. Please include that file in a report."
