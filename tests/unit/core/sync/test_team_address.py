"""Test connection with a wrong address: a web server that is not the team server says so (with its HTTP
status), and only a port nobody answers on is "unreachable"."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator

import pytest
from support.chroma_server import free_port

from desktop.core.errors import TeamError
from desktop.core.sync.remote import TeamConfig, connect

pytestmark = pytest.mark.slow


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def web_server() -> Iterator[str]:
    """A plain web server on 127.0.0.1: every API path is a 404 page, as a wrong port on a real host."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_a_web_server_that_is_not_the_team_server_is_named_so(web_server: str) -> None:
    with pytest.raises(TeamError) as caught:
        connect(TeamConfig(url=web_server, token="t"), timeout_s=5.0)
    assert str(caught.value).startswith(f"{web_server} answers, but not as a team server (HTTP 404).")
    assert "unreachable" not in str(caught.value)


def test_a_port_nobody_answers_on_is_unreachable() -> None:
    url = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(TeamError) as caught:
        connect(TeamConfig(url=url, token="t"), timeout_s=5.0)
    assert f"The team server at {url} is unreachable" in str(caught.value)
