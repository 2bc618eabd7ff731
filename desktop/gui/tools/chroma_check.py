"""The team server URL is tested when applied: Settings asks "cannot reach …: keep anyway?" with the reason and
the fix, in the user's language, instead of saving a typo silently. The check runs in a worker."""

from __future__ import annotations

from desktop.core.knowledge import server_check as sc
from desktop.gui.i18n import tr


def reason_text(result: sc.ServerCheck) -> str:
    return {
        sc.BAD_URL: tr("this is not a valid address (expected http://host:port)"),
        sc.REFUSED: tr("nothing is listening there (connection refused)"),
        sc.UNKNOWN_HOST: tr("the host name is unknown"),
        sc.TIMEOUT: tr("no answer within a few seconds"),
        sc.NOT_CHROMA: tr("something answered, but it is not a Chroma server"),
        sc.NO_TOKEN: tr("the server needs the team token and none is set"),
        sc.WRONG_TOKEN: tr("the server refused the team token"),
        sc.UNTRUSTED: tr("its certificate is not trusted"),
        sc.PLAIN_HTTP: tr("plain http to another machine is refused (use https)"),
    }.get(result.reason, result.detail or result.reason)


def unreachable_text(result: sc.ServerCheck) -> str:
    """The question shown under the settings, with the reason and what to do."""
    if result.reason in (sc.NO_TOKEN, sc.WRONG_TOKEN):
        return tr(
            "The team server at {url} answered, but {reason}. Enter the token your team was given under "
            "Team token. Keep this address anyway?"
        ).format(url=result.url, reason=reason_text(result))
    return tr(
        "Cannot reach {url}: {reason}. Check the address and that the server runs (`chroma run --port N` "
        "on the server), or choose the local store. Keep this address anyway?"
    ).format(url=result.url, reason=reason_text(result))
