"""The team server URL check (Settings runs it in a worker): each way a URL can be wrong is told apart, and it
never waits longer than its timeout. A real `chroma run` server is checked in tests/gui/test_truth.py."""

from __future__ import annotations

import http.server
import socket
import threading
import time
from collections.abc import Iterator

import pytest
from support.chroma_server import free_port

from desktop.core.knowledge import server_check as sc


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == sc.HEARTBEAT and self.server.chroma:  # type: ignore[attr-defined]
            body = b'{"nanosecond heartbeat": 1}'
            self.send_response(200)
        else:
            body = b"<html>not here</html>"
            self.send_response(404)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def _serve(chroma: bool) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.chroma = chroma  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def web_server() -> Iterator[str]:
    yield from _serve(chroma=False)


@pytest.fixture
def heartbeat_server() -> Iterator[str]:
    yield from _serve(chroma=True)


def test_a_heartbeat_is_ok_even_without_the_scheme(heartbeat_server: str) -> None:
    assert sc.check_chroma_url(heartbeat_server).ok
    assert sc.check_chroma_url(heartbeat_server.removeprefix("http://") + "/").ok


@pytest.mark.parametrize(
    ("url", "reason"),
    [("http://", sc.BAD_URL), ("ftp://example.org", sc.BAD_URL), ("http://host:port", sc.BAD_URL)],
)
def test_malformed_addresses(url: str, reason: str) -> None:
    assert sc.check_chroma_url(url).reason == reason


def test_refused_and_not_chroma(web_server: str) -> None:
    assert sc.check_chroma_url(f"http://127.0.0.1:{free_port()}").reason == sc.REFUSED
    assert sc.check_chroma_url(web_server).reason == sc.NOT_CHROMA


def test_a_silent_server_costs_the_timeout_only() -> None:
    with socket.socket() as sock:  # accepts connections, never answers
        sock.bind(("127.0.0.1", 0))
        sock.listen(1)
        started = time.perf_counter()
        result = sc.check_chroma_url(f"http://127.0.0.1:{sock.getsockname()[1]}", timeout_s=0.5)
        assert result.reason == sc.TIMEOUT and time.perf_counter() - started < 3
