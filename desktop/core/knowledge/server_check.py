"""Is there a Chroma server at this address? Asked when the user applies a team server URL in Settings, so a
typo is caught there (with the reason) instead of surfacing later as answers without cultural insights.

Plain HTTP on Chroma's heartbeat endpoint with a short timeout: it never blocks longer than ``timeout_s``
(chromadb's own client may retry for much longer) and tells a refused connection, an unknown host, a timeout
and "something answered, but not Chroma" apart. Blocking: the GUI calls it from a worker.
"""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlparse

HEARTBEAT = "/api/v2/heartbeat"

# reasons
BAD_URL, REFUSED, UNKNOWN_HOST, TIMEOUT, NOT_CHROMA, FAILED = (
    "bad_url",
    "refused",
    "unknown_host",
    "timeout",
    "not_chroma",
    "failed",
)
# reasons only a team server check gives (desktop.core.sync.service.check_team_server: token, TLS, plain http)
NO_TOKEN, WRONG_TOKEN, UNTRUSTED, PLAIN_HTTP = ("no_token", "wrong_token", "untrusted", "plain_http")


@dataclass(frozen=True)
class ServerCheck:
    url: str
    ok: bool
    reason: str = ""  # one of the reasons above when not ok
    detail: str = ""  # the underlying error, for the tooltip / logs


def normalise(url: str) -> str:
    url = url.strip()
    return (url if "://" in url else f"http://{url}").rstrip("/")


def check_chroma_url(url: str, timeout_s: float = 3.0) -> ServerCheck:
    """Ask the heartbeat of the Chroma server at ``url``."""
    base = normalise(url)
    parsed = urlparse(base)
    try:
        valid = parsed.scheme in ("http", "https") and bool(parsed.hostname) and parsed.port != 0
    except ValueError:  # a port that is not a number
        valid = False
    if not valid:
        return ServerCheck(url, False, BAD_URL, "expected http://host:port")
    try:
        with urllib.request.urlopen(base + HEARTBEAT, timeout=timeout_s) as resp:
            body = resp.read(4096)
    except urllib.error.HTTPError as exc:
        return ServerCheck(url, False, NOT_CHROMA, f"HTTP {exc.code}")
    except urllib.error.URLError as exc:
        return ServerCheck(url, False, _reason(exc.reason), str(exc.reason))
    except TimeoutError as exc:
        return ServerCheck(url, False, TIMEOUT, str(exc))
    except (OSError, ValueError) as exc:
        return ServerCheck(url, False, _reason(exc), str(exc))
    try:
        data = json.loads(body)
    except ValueError:
        return ServerCheck(url, False, NOT_CHROMA, "the answer is not JSON")
    if not isinstance(data, dict) or not any("heartbeat" in str(key) for key in data):
        return ServerCheck(url, False, NOT_CHROMA, "no heartbeat in the answer")
    return ServerCheck(url, True)


def _reason(error: object) -> str:
    if isinstance(error, ConnectionRefusedError):
        return REFUSED
    if isinstance(error, socket.gaierror):
        return UNKNOWN_HOST
    if isinstance(error, TimeoutError):
        return TIMEOUT
    return FAILED
