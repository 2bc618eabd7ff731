"""Where a record came from and its earlier versions, for the knowledge browser, the context panel and
`zantara knowledge show`."""

from __future__ import annotations

from typing import Any

from desktop.core.sync.journal import INSIGHTS_KIND, Journal


def insight_history(insight_id: str) -> list[dict[str, Any]]:
    """Earlier versions of one insight, newest first (the losers of conflicts, versions colleagues replaced)."""
    return Journal.open().history(INSIGHTS_KIND, insight_id)


def origin_of(insight: Any) -> dict[str, str] | None:
    """{"name", "at", "device"} when this version of the insight came from a colleague's laptop, else None."""
    origin = (getattr(insight, "provenance", None) or {}).get("origin")
    if not isinstance(origin, dict):
        return None
    from desktop.core.sync.journal import device_id

    if not origin.get("device") or origin.get("device") == device_id():
        return None
    return {
        "name": str(origin.get("name", "")),
        "at": str(origin.get("at", "")),
        "device": str(origin["device"]),
    }
