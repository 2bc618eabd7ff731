"""The team server recipe (packaging/team_server.py: `chroma run` behind nginx with TLS and a token), started
for a test on 127.0.0.1; it can be stopped, restarted on the same data and port, or wiped."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from support.chroma_server import free_port

REPO = Path(__file__).resolve().parents[2]
TOKEN = "team-token-for-tests"


class TeamServer:
    def __init__(self, data: Path, token: str = TOKEN) -> None:
        self.data = data
        self.token = token
        self.port = free_port()
        self.url = f"https://127.0.0.1:{self.port}"
        self.ca = ""
        self.proc: subprocess.Popen[str] | None = None

    def start(self) -> TeamServer:
        log = (self.data.parent / f"{self.data.name}.log").open("a")
        self.proc = subprocess.Popen(
            [
                sys.executable,
                str(REPO / "packaging" / "team_server.py"),
                "--port",
                str(self.port),
                "--token",
                self.token,
                "--data",
                str(self.data),
            ],
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
        )
        deadline = time.monotonic() + 120
        assert self.proc.stdout is not None
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                pytest.fail(
                    f"the team server exited: {(self.data.parent / f'{self.data.name}.log').read_text()}"
                )
            if line.startswith("Certificate to trust (team_ca): "):
                self.ca = line.split(": ", 1)[1].strip()
            if line.startswith("ready"):
                return self
        pytest.fail("the team server did not start")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    def kill(self) -> None:
        """kill -9 the recipe's supervisor and both servers under it."""
        import psutil

        if self.proc is None:
            return
        parent = psutil.Process(self.proc.pid)
        for child in parent.children(recursive=True):
            child.kill()
        parent.kill()
        self.proc.wait()
        self.proc = None

    def wipe(self) -> None:
        self.stop()
        shutil.rmtree(self.data / "chroma", ignore_errors=True)

    def env(self) -> dict[str, str]:
        return {"ZANTARA_TEAM_URL": self.url, "ZANTARA_TEAM_TOKEN": self.token}


@pytest.fixture
def team_server(tmp_path: Path) -> Iterator[TeamServer]:
    server = TeamServer(tmp_path / "team-data").start()
    try:
        yield server
    finally:
        server.stop()
