"""Failures the user must see where they look, in their language, with the fix.

A failed knowledge search is said in the answer itself and at the top of its context (never only as grey text
at the bottom), and the answer does not claim that no cultural context was needed.
"""

from __future__ import annotations

from typing import Any

from desktop.gui.i18n import tr


def retrieval_failed_text(error: dict[str, Any] | None) -> str:
    """ "" when the search worked; else what failed, what it cost and how to fix it."""
    if not error:
        return ""
    url = str(error.get("url") or "")
    if url:
        return tr(
            "The cultural insights could not be searched: the shared Chroma server at {url} did not answer, "
            "so this answer was written without them. Start the server, or change its address in "
            "Settings → Knowledge."
        ).format(url=url)
    return tr(
        "The cultural insights could not be searched ({err}), so this answer was written without them. "
        "Tools → Check data… can repair the knowledge store."
    ).format(err=str(error.get("error") or "?"))
