"""The strategy bandit on simulated ratings: it finds the better strategy, and never switches on too little
evidence or on noise. Plus the learned default through the real router and SQLite."""

from __future__ import annotations

import random
from typing import Any

import pytest

from desktop.core.chat.trace import Trace
from desktop.core.feedback import bandit
from desktop.core.feedback.bandit import Arm, Group, decide, group_evidence, posterior

MIN = 20


def simulate(
    truth: dict[str, float], n: int, seed: int, language: str = "id", profile: str = "team"
) -> list[dict[str, Any]]:
    """n ratings, each of a random strategy, thumbs up with that strategy's true probability."""
    rng = random.Random(seed)
    names = sorted(truth)
    out = []
    for _ in range(n):
        s = rng.choice(names)
        verdict = "up" if rng.random() < truth[s] else "down"
        out.append(
            {"kind": "rating", "strategy": s, "verdict": verdict, "language": language, "profile": profile}
        )
    return out


def decision_after(records: list[dict[str, Any]], configured: str = "rag") -> dict[str, Any]:
    return decide(group_evidence(records).get(("id", "team")), configured, MIN)


def test_it_finds_the_better_strategy() -> None:
    """Ratings arrive one by one; the decision is taken after each. It must never pick a worse strategy
    than the configured one, and must settle on the best within 300 ratings."""
    truth = {"rag": 0.5, "combo": 0.8, "wrap": 0.55}
    found_at = []
    for seed in range(10):
        records = simulate(truth, 300, seed)
        first = None
        for n in range(MIN, 301, 10):
            d = decision_after(records[:n])
            assert d["strategy"] in ("rag", "combo"), (seed, n, d)  # never the no-better wrap
            if d["switch"] and first is None:
                first = n
        assert decision_after(records)["strategy"] == "combo", seed
        found_at.append(first)
    assert all(n is not None and n <= 300 for n in found_at), found_at
    report = bandit.report(simulate(truth, 150, 0), "rag", MIN, learning=True)
    (group,) = report["groups"]
    assert group["leader"] == "combo" and group["ratings"] == 150
    combo = next(s for s in group["strategies"] if s["strategy"] == "combo")
    low, high = combo["ci95"]
    assert low < 0.8 < high and combo["p_best"] > 0.95 and combo["n"] == combo["up"] + combo["down"]


def test_it_never_switches_with_too_little_evidence() -> None:
    truth = {"rag": 0.1, "combo": 0.99}  # a huge difference ...
    for seed in range(20):
        for n in range(MIN):  # ... still never acted on below the minimum
            d = decision_after(simulate(truth, n, seed))
            assert d["switch"] is False and d["strategy"] == "rag", (seed, n, d)
            assert "too little evidence" in d["reason"]


def test_it_does_not_switch_on_noise() -> None:
    truth = {"rag": 0.6, "combo": 0.6}
    switched = sum(decision_after(simulate(truth, 200, seed))["switch"] for seed in range(20))
    assert switched <= 2, switched  # P(best) >= 0.95 between equal arms is rare


def test_one_strong_arm_needs_its_own_ratings() -> None:
    group = Group("id", "team")
    group.ratings = 40
    group.arms["rag"] = Arm("rag", up=10, down=26)
    group.arms["combo"] = Arm("combo", up=4)
    d = decide(group, "rag", MIN)
    assert not d["switch"] and "only 4" in d["reason"]
    group.arms["combo"].up = 8
    assert decide(group, "rag", MIN)["switch"]


def test_pairwise_preferences_count() -> None:
    records = [
        {
            "kind": "pairwise",
            "a_strategy": "combo",
            "b_strategy": "rag",
            "winner": "A",
            "language": "it",
            "profile": "client",
        }
        for _ in range(25)
    ] + [
        {
            "kind": "pairwise",
            "a_strategy": "rag",
            "b_strategy": "combo",
            "winner": "tie",
            "language": "it",
            "profile": "client",
        }
    ]
    group = group_evidence(records)[("it", "client")]
    assert group.comparisons == 26 and group.arms["combo"].wins == 25 and group.arms["rag"].losses == 25
    assert group.arms["rag"].ties == 1
    assert decide(group, "rag", MIN)["strategy"] == "combo"
    post = posterior(list(group.arms.values()))
    assert post["combo"]["p_best"] > 0.99


def test_posterior_is_deterministic() -> None:
    arms = [Arm("a", up=3, down=2), Arm("b", up=2, down=3)]
    assert posterior(arms) == posterior(arms)


def test_thompson_pick_explores_but_prefers_good_arms() -> None:
    import numpy as np

    group = Group("id", "team")
    group.arms["good"] = Arm("good", up=30, down=5)
    group.arms["bad"] = Arm("bad", up=5, down=30)
    rng = np.random.default_rng(1)
    picks = [bandit.thompson_pick(group, ["good", "bad", "new"], rng) for _ in range(300)]
    assert picks.count("good") > picks.count("new") > picks.count("bad")


@pytest.mark.parametrize("setting", ["off", "on"])
def test_learned_default_is_opt_in(setting: str) -> None:
    from desktop.core.chat.conversations import Conversations
    from desktop.core.feedback.ratings import Feedback
    from desktop.core.services import Services
    from desktop.core.settings import Settings

    services = Services(Settings(strategy="rag", learn_strategy=setting, learn_min_ratings=MIN))
    convs = Conversations.open()
    services.conversations = convs  # type: ignore[misc]
    feedback = Feedback(convs, "team")
    conv = convs.create("t")
    for i in range(30):
        strategy = "combo" if i % 2 else "rag"
        convs.add_message(conv["id"], "user", "aku malu bertanya tentang visa")
        mid = convs.add_message(
            conv["id"],
            "assistant",
            "x",
            strategy=strategy,
            trace=Trace(strategy=strategy, language="id", profile="team"),
        )
        feedback.rate(mid, "up" if strategy == "combo" else "down")
    learned = bandit.learned_default(services, "aku malu bertanya tentang visa, bagaimana?")
    assert learned == ("combo" if setting == "on" else None)
    chosen, note = services.router._choose(None, "aku malu bertanya tentang visa")
    assert chosen.name == (learned or "rag")
    assert ("strategy learned from ratings: combo wins" in note) == (setting == "on")
    assert services.router._strategy("wrap", "aku malu bertanya tentang visa").name == "wrap"  # explicit wins
    # another language has no evidence: the configured default stays
    assert bandit.learned_default(services, "Posso chiedere del visto per lavorare a Bali?") is None
