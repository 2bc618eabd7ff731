"""No answer path touches the team server: with its address pointing at a server that accepts connections
and never answers, `knowledge query` and `ask --offline` answer at their usual speed from this laptop's copy
and the server never even sees a connection. (When the store was read from the server, both hung.)"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.knowledge import curated_store_dir  # noqa: F401  (pytest fixture)
from support.laptops import Laptop

pytestmark = pytest.mark.slow


class BlackHole:
    """Accepts every connection and never sends a byte; counts the connections."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.accepted: list[socket.socket] = []
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.accepted.append(conn)

    def close(self) -> None:
        self.sock.close()
        for conn in self.accepted:
            conn.close()


@pytest.fixture
def black_hole() -> Iterator[BlackHole]:
    hole = BlackHole()
    try:
        yield hole
    finally:
        hole.close()


def test_answers_come_from_the_laptop_while_the_team_server_is_black_holed(
    black_hole: BlackHole,
    curated_store_dir: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    laptop = Laptop.make(tmp_path, "Made", curated_store_dir, {})
    quiet = laptop.json("knowledge", "query", "klien marah-marah di kantor imigrasi")  # warm-up, no team
    started = time.monotonic()
    baseline = laptop.json("ask", "klien saya marah-marah di kantor imigrasi, gimana ya?", "--offline")
    usual = time.monotonic() - started
    team = {
        "ZANTARA_TEAM_URL": black_hole.url,
        "ZANTARA_CHROMA_URL": black_hole.url,
        "ZANTARA_TEAM_TOKEN": "x" * 12,
    }

    found = laptop.run(
        "knowledge", "query", "klien marah-marah di kantor imigrasi", "--json", timeout=120, **team
    )
    assert found.returncode == 0, found.stderr
    started = time.monotonic()
    offline = laptop.run(
        "ask",
        "klien saya marah-marah di kantor imigrasi, gimana ya?",
        "--offline",
        "--json",
        timeout=120,
        **team,
    )
    took = time.monotonic() - started
    assert offline.returncode == 0, offline.stderr
    assert '"mode": "offline"' in offline.stdout and baseline["mode"] == "offline"
    assert [i["id"] for i in quiet["insights"]] and '"insights"' in found.stdout
    assert took < usual + 10, (
        f"the offline answer took {took:.1f} s with the server black-holed ({usual:.1f} s without)"
    )
    assert black_hole.accepted == [], "an answer path connected to the team server"
