"""Settings' connection test for the team server goes through the token, as a sync does: the recipe's open
heartbeat would pass a wrong or missing token, so those must come back as their own reasons (and the token
must never appear in what is shown)."""

from __future__ import annotations

import pytest
from support.chroma_server import free_port
from support.team_server import TeamServer, team_server  # noqa: F401  (pytest fixture)

from desktop.core.knowledge import server_check as sc
from desktop.core.settings import Settings
from desktop.core.sync.service import check_team_server

pytestmark = pytest.mark.slow


def test_the_connection_test_tells_a_wrong_or_missing_token_apart(
    team_server: TeamServer,  # noqa: F811
) -> None:
    settings = Settings(team_ca=team_server.ca)
    assert sc.check_chroma_url(team_server.url.replace("https://", "http://")).ok is False  # TLS only
    right = check_team_server(team_server.url, team_server.token, settings)
    assert right.ok and right.reason == ""

    wrong = check_team_server(team_server.url, "not-the-token", settings)
    assert (wrong.ok, wrong.reason) == (False, sc.WRONG_TOKEN)
    assert "refused the token" in wrong.detail and "not-the-token" not in wrong.detail

    missing = check_team_server(team_server.url, "", settings)
    assert (missing.ok, missing.reason) == (False, sc.NO_TOKEN)
    assert "none is set" in missing.detail

    untrusted = check_team_server(team_server.url, team_server.token, Settings())
    assert (untrusted.ok, untrusted.reason) == (False, sc.UNTRUSTED)


def test_the_connection_test_names_a_closed_port_and_plain_http_elsewhere() -> None:
    closed = check_team_server(f"https://127.0.0.1:{free_port()}", "t", Settings(), timeout_s=3.0)
    assert (closed.ok, closed.reason) == (False, sc.REFUSED)
    plain = check_team_server("http://team.example.com:8443", "t", Settings())
    assert (plain.ok, plain.reason) == (False, sc.PLAIN_HTTP)
