"""Team mode for ratings: two installations share their verdicts through a real `chroma run` server, and
the report pools them (opt-in: with sharing off nothing leaves the machine)."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.chroma_server import chroma_server  # noqa: F401  (pytest fixture)

from desktop.core.chat.conversations import Conversations
from desktop.core.chat.trace import Trace
from desktop.core.feedback import bandit, team
from desktop.core.feedback.ratings import Feedback
from desktop.core.services import Services
from desktop.core.settings import Settings

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


def installation(home: Path, monkeypatch: pytest.MonkeyPatch, url: str, share: str) -> Services:
    monkeypatch.setenv("ZANTARA_HOME", str(home))
    services = Services(Settings(strategy="rag", chroma_url=url, share_ratings=share, learn_strategy="on"))
    services.conversations = Conversations.open()  # type: ignore[misc]
    return services


def test_ratings_are_pooled_through_the_team_server(
    chroma_server: str,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bandit._team_cache.clear()
    private = installation(tmp_path / "private", monkeypatch, chroma_server, "off")
    rate_answers(private, "rag", "down", 10)  # sharing off: stays local
    assert team.TeamRatings.open(private.settings).records() == []

    alice = installation(tmp_path / "alice", monkeypatch, chroma_server, "on")
    alice_ids = rate_answers(alice, "combo", "up", 12)
    shared = team.TeamRatings.open(alice.settings).records()
    assert len(shared) == 12 and {r["verdict"] for r in shared} == {"up"}
    assert shared[0]["strategy"] == "combo" and shared[0]["language"] == "id" and shared[0]["note"] == "ok"
    # editing re-publishes the same record; clearing withdraws it
    edited = Feedback(alice.conversations).rate(alice_ids[0], "down")
    team.publish_rating(alice.settings, edited, alice_ids[0])
    Feedback(alice.conversations).clear(alice_ids[1])
    team.publish_rating(alice.settings, None, alice_ids[1])
    shared = team.TeamRatings.open(alice.settings).records()
    assert len(shared) == 11 and sorted(r["verdict"] for r in shared).count("down") == 1

    bob = installation(tmp_path / "bob", monkeypatch, chroma_server, "on")
    rate_answers(bob, "rag", "down", 10)
    records, info = bandit.evidence(bob, fresh=True)
    assert info["team"] and info["team_records"] == 11  # Alice's, not Bob's own twice
    report = bandit.report(records, "rag", 20, learning=True)
    (group,) = report["groups"]
    assert group["ratings"] == 21 and group["decision"]["strategy"] == "combo"
    # Bob alone has too little evidence; pooled with Alice the team's verdict switches his default
    assert bandit.learned_default(bob, "aku malu bertanya tentang visa ya") == "combo"
    bob.settings.share_ratings = "off"
    assert bandit.learned_default(bob, "aku malu bertanya tentang visa ya") is None


def test_an_unreachable_team_server_costs_only_the_pooling(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from support.messages_api import closed_port_url

    bandit._team_cache.clear()
    services = installation(tmp_path / "x", monkeypatch, closed_port_url(), "on")
    records, info = bandit.evidence(services, fresh=True)
    assert records == [] and info["team"] is False and "Chroma server" in info["team_error"]
