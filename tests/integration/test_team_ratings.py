"""Team mode for ratings: installations share their verdicts through the team sync (the real team server),
and the report pools them from this laptop's copy (opt-in: with sharing off nothing leaves the machine)."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.team_server import TeamServer, team_server  # noqa: F401  (pytest fixture)

from desktop.core.chat.conversations import Conversations
from desktop.core.chat.trace import Trace
from desktop.core.feedback import bandit, team
from desktop.core.feedback.ratings import Feedback
from desktop.core.services import Services
from desktop.core.settings import Settings
from desktop.core.sync.service import run_sync

pytestmark = pytest.mark.slow


def rate_answers(services: Services, strategy: str, verdict: str, n: int) -> list[int]:
    convs = services.conversations
    feedback = Feedback(convs, services.settings.profile)
    conv = convs.create("t")
    ids = []
    for _ in range(n):
        convs.add_message(conv["id"], "user", "aku malu bertanya tentang visa")
        mid = convs.add_message(
            conv["id"],
            "assistant",
            "jawaban",
            strategy=strategy,
            trace=Trace(strategy=strategy, language="id", profile="team", models={"answer": "m"}),
        )
        rating = feedback.rate(mid, verdict, reason="warmer" if verdict == "up" else "colder", note="ok")
        team.publish_rating(services.settings, rating, mid)
        ids.append(mid)
    return ids


def installation(home: Path, monkeypatch: pytest.MonkeyPatch, server: TeamServer, share: str) -> Services:
    monkeypatch.setenv("ZANTARA_HOME", str(home))
    for name, value in (server.env() | {"ZANTARA_TEAM_CA": server.ca}).items():
        monkeypatch.setenv(name, value)
    services = Services(Settings(strategy="rag", share_ratings=share, learn_strategy="on"))
    services.conversations = Conversations.open()  # type: ignore[misc]
    return services


def test_ratings_are_pooled_through_the_team_sync(
    team_server: TeamServer,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    private = installation(tmp_path / "private", monkeypatch, team_server, "off")
    rate_answers(private, "rag", "down", 10)  # sharing off: stays local
    assert team.TeamRatings.open(private.settings).records() == []
    assert run_sync(private).pushed == 0

    alice = installation(tmp_path / "alice", monkeypatch, team_server, "on")
    alice_ids = rate_answers(alice, "combo", "up", 12)
    # editing re-publishes the same record; clearing withdraws it
    edited = Feedback(alice.conversations).rate(alice_ids[0], "down")
    team.publish_rating(alice.settings, edited, alice_ids[0])
    Feedback(alice.conversations).clear(alice_ids[1])
    team.publish_rating(alice.settings, None, alice_ids[1])
    assert run_sync(alice).pushed == 12  # 11 ratings and one withdrawal

    bob = installation(tmp_path / "bob", monkeypatch, team_server, "on")
    rate_answers(bob, "rag", "down", 10)
    assert run_sync(bob).pulled == 12
    team_server.stop()  # pooling reads Bob's copy: the server is not needed any more
    records, info = bandit.evidence(bob)
    assert info["team"] and info["team_records"] == 11  # Alice's, not Bob's own twice, not the withdrawn one
    shared = [r for r in records if r.get("installation") not in (None, team.installation_id())]
    assert shared[0]["language"] == "id" and {r["note"] for r in shared} == {"ok"}
    report = bandit.report(records, "rag", 20, learning=True)
    (group,) = report["groups"]
    assert group["ratings"] == 21 and group["decision"]["strategy"] == "combo"
    # Bob alone has too little evidence; pooled with Alice the team's verdict switches his default
    assert bandit.learned_default(bob, "aku malu bertanya tentang visa ya") == "combo"
    bob.settings.share_ratings = "off"
    assert bandit.learned_default(bob, "aku malu bertanya tentang visa ya") is None
