"""The team server: a Chroma server behind an authenticating TLS proxy (packaging/team_server.py).

Only the sync engine talks to it, never the answer path. The token goes in an ``Authorization: Bearer``
header; https is verified against the system's CAs, a ``team_ca`` certificate file, or not at all
(``team_verify_tls`` off). A plain http address is refused unless it is this machine or the user insisted
(``team_allow_http``): the server holds what clients asked.
"""

from __future__ import annotations

import ipaddress
import os
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from desktop.core.errors import TeamAuthError, TeamError
from desktop.core.knowledge import server_check as sc
from desktop.core.messages import say
from desktop.core.settings import Settings
from desktop.core.sync.token import get_team_token

PREFIX = "zsync_"  # the team server's collections: zsync_insight, zsync_answer, zsync_rating, zsync_devices
DEVICES = PREFIX + "devices"
EPOCH_ID = "__epoch__"
LEGACY = {"insight": "cultural_insights", "answer": "answer_memory", "rating": "zantara_ratings"}
TIMEOUT_S = 30.0


@dataclass(frozen=True)
class TeamConfig:
    url: str
    token: str
    ca: str = ""
    verify: bool = True
    allow_http: bool = False

    @classmethod
    def from_settings(cls, settings: Settings) -> TeamConfig | None:
        url = settings.effective_team_url()
        if not url:
            return None
        return cls(
            url=url,
            token=get_team_token(),
            ca=os.environ.get("ZANTARA_TEAM_CA", "") or settings.team_ca,
            verify=settings.team_verify_tls != "off",
            allow_http=settings.team_allow_http == "on",
        )


def _loopback(host: str) -> bool:
    if host in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def parse(config: TeamConfig) -> tuple[str, int, bool]:
    """(host, port, https) of the team URL; refuses plain http to another machine unless allowed."""
    url = config.url if "://" in config.url else f"https://{config.url}"
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise TeamError(say("team.bad_url", url=config.url), say("team.bad_url_hint"), sc.BAD_URL)
    https = parsed.scheme == "https"
    if not https and not config.allow_http and not _loopback(parsed.hostname):
        raise TeamError(
            say("team.plain_http", host=parsed.hostname), say("team.plain_http_hint"), sc.PLAIN_HTTP
        )
    return parsed.hostname, parsed.port or (443 if https else 80), https


def connect(config: TeamConfig, timeout_s: float = TIMEOUT_S) -> Any:
    """A Chroma HTTP client for the team server, checked with one authenticated request."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    host, port, https = parse(config)
    verify: bool | str = (config.ca or True) if config.verify else False
    chroma_settings = ChromaSettings(
        anonymized_telemetry=False,
        chroma_server_ssl_verify=verify,
    )
    headers = {"Authorization": f"Bearer {config.token}"} if config.token else {}
    try:
        client = chromadb.HttpClient(
            host=host, port=port, ssl=https, headers=headers, settings=chroma_settings
        )
        _set_timeout(client, timeout_s)
        client.list_collections(limit=1)
    except Exception as exc:
        raise explain(exc, config, first_contact=True) from exc
    return client


def _set_timeout(client: Any, timeout_s: float) -> None:
    """chromadb's HTTP client waits forever by default; a sync must give up on a black-holed server."""
    import httpx

    session = getattr(getattr(client, "_server", None), "_session", None)
    if isinstance(session, httpx.Client):
        session.timeout = httpx.Timeout(timeout_s, connect=min(timeout_s, 5.0))


def explain(exc: BaseException, config: TeamConfig, first_contact: bool = False) -> TeamError:
    """A team-server failure as a sentence that says what to do (the token is never in it). On the first
    request (``first_contact``) an answer that is not Chroma's means a wrong address, not a network problem."""
    if isinstance(exc, TeamError):
        return exc
    cause = exc.__cause__ or exc.__context__
    text = f"{type(exc).__name__}: {exc} / {type(cause).__name__}: {cause}"
    if "team token" in text or any(w in text for w in ("401", "403", "Unauthorized", "Forbidden")):
        if not config.token:
            return TeamAuthError(say("team.no_token", url=config.url), say("team.token_hint"), sc.NO_TOKEN)
        return TeamAuthError(say("team.wrong_token", url=config.url), say("team.token_hint"), sc.WRONG_TOKEN)
    reason = type(cause).__name__ if cause is not None else type(exc).__name__
    if "CERTIFICATE_VERIFY_FAILED" in text or "certificate" in text.lower():
        hint = say("team.untrusted_hint")
        return TeamError(say("team.untrusted", url=config.url, reason=reason), hint, sc.UNTRUSTED)
    status = re.search(r"\b[45]\d\d\b", text)
    if first_contact and not _transport_failure(exc):  # answered: a 5xx is the server down behind its proxy
        reason = f"HTTP {status.group()}" if status else reason
        if not (status and status.group().startswith("5")):  # a wrong address or port, not the network
            hint = say("team.not_a_server_hint")
            return TeamError(say("team.not_a_server", url=config.url, reason=reason), hint, sc.NOT_CHROMA)
    hint = say("team.unreachable_hint")
    return TeamError(say("team.unreachable", url=config.url, reason=reason), hint, _unreachable(text))


def _unreachable(text: str) -> str:
    """server_check's reason for a connection that failed (what Settings shows in the user's words)."""
    if "Connection refused" in text or "Errno 111" in text:
        return sc.REFUSED
    if "Name or service not known" in text or "nodename nor servname" in text or "gaierror" in text:
        return sc.UNKNOWN_HOST
    if "Timeout" in text or "timed out" in text:
        return sc.TIMEOUT
    return sc.FAILED


def _transport_failure(exc: BaseException) -> bool:
    """Whether the request never got an answer (refused, timed out, name not found): an OSError or an httpx
    transport error anywhere in the exception's chain."""
    import httpx

    seen: BaseException | None = exc
    for _ in range(10):
        if seen is None:
            return False
        if isinstance(seen, OSError | httpx.TransportError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False
