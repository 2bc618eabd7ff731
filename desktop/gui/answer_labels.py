"""Who wrote an answer, said the same way in the answer's header and in the context panel.

Derived from the answer's trace alone (never from the router's current state), so a label cannot contradict
what happened: the stage that produced the shown text decides, not the mode.
"""

from __future__ import annotations

from typing import Any

from desktop.gui.i18n import tr

MEMORY_MODEL = "answer-memory"  # the trace's answer model when earlier answers + insights were shown


def answered_by(trace: dict[str, Any]) -> tuple[str, str]:
    """(who, model) for an answer's trace: Claude, the local model (online or offline), or Zantara's memory."""
    models = trace.get("models") or {}
    model = str(models.get("answer", ""))
    if model == MEMORY_MODEL:
        return tr("earlier answers and cultural notes"), ""
    stages = trace.get("stages") or []
    wrote = [s.get("name", "") for s in stages if isinstance(s, dict) and s.get("ok", True)]
    local = any(name == "answer:local" for name in wrote) and not any(
        name == "answer:claude" for name in wrote
    )
    if trace.get("mode") == "offline":
        return tr("Local model (offline)"), model
    if local:
        return tr("Local model"), model
    return "Claude", model
