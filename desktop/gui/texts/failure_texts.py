"""Failures the user must see where they look, in their language, with the fix.

A failed knowledge search is said in the answer itself and at the top of its context (never only as grey text
at the bottom), and the answer does not claim that no cultural context was needed.
"""

from __future__ import annotations

from desktop.core.chat.trace import RetrievalError
from desktop.gui.i18n import tr


def retrieval_failed_text(error: RetrievalError | None) -> str:
    """ "" when the search worked; else what failed, what it cost and how to fix it."""
    if error is None:
        return ""
    url = error.url
    if url:
        return tr(
            "The cultural insights could not be searched: the shared Chroma server at {url} did not answer, "
            "so this answer was written without them. Start the server, or change its address in "
            "Settings → Knowledge."
        ).format(url=url)
    return tr(
        "The cultural insights could not be searched ({err}), so this answer was written without them. "
        "Tools → Check data… can repair the knowledge store."
    ).format(err=error.error or "?")
