"""Which strategy wins, per language and profile, and when the evidence is clear enough to switch the default.

Each strategy (an arm) has a Beta posterior on "this answer was the better one": it starts at Beta(1, 1);
a thumbs up or a pairwise win adds to alpha, a thumbs down or a pairwise loss to beta, a tie half to each.
The report gives per arm the counts, the posterior mean and its 95 % credible interval, and the posterior
probability that the arm is the best of the group (estimated by Thompson draws with a fixed seed, so the same
evidence always gives the same answer).

The default switches (opt-in setting ``learn_strategy``) only when all of these hold for the asker's group:
at least ``learn_min_ratings`` pieces of evidence in the group, at least ``MIN_PER_ARM`` for the winner, and a
probability of being best of at least ``THRESHOLD``. Otherwise the configured strategy stays.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from desktop.core.messages import say

if TYPE_CHECKING:
    from desktop.core.chat.conversations import Conversations
    from desktop.core.feedback.ratings import Feedback
    from desktop.core.settings import Settings


class EvidenceSource(Protocol):
    """Where ratings come from: the settings (profile, sharing) and the conversations database."""

    settings: Settings

    @property
    def conversations(self) -> Conversations: ...


THRESHOLD = 0.95
MIN_PER_ARM = 5
DRAWS = 20_000
SEED = 18


@dataclass
class Arm:
    strategy: str
    up: int = 0
    down: int = 0
    wins: int = 0
    losses: int = 0
    ties: int = 0

    @property
    def n(self) -> int:
        return self.up + self.down + self.wins + self.losses + self.ties

    @property
    def alpha(self) -> float:
        return 1 + self.up + self.wins + 0.5 * self.ties

    @property
    def beta(self) -> float:
        return 1 + self.down + self.losses + 0.5 * self.ties

    @property
    def mean(self) -> float:
        return self.alpha / (self.alpha + self.beta)


@dataclass
class Group:
    language: str
    profile: str
    arms: dict[str, Arm] = field(default_factory=dict)
    ratings: int = 0
    comparisons: int = 0

    def arm(self, strategy: str) -> Arm:
        if strategy not in self.arms:
            self.arms[strategy] = Arm(strategy)
        return self.arms[strategy]

    @property
    def evidence(self) -> int:
        return self.ratings + self.comparisons


def group_evidence(records: Iterable[dict[str, Any]]) -> dict[tuple[str, str], Group]:
    """Fold rating records (kind "rating": strategy, verdict) and picked comparisons (kind "pairwise":
    a_strategy, b_strategy, winner A/B/tie) into groups keyed by (language, profile)."""
    groups: dict[tuple[str, str], Group] = {}
    for r in records:
        key = (str(r.get("language") or "?"), str(r.get("profile") or "?"))
        group = groups.get(key) or groups.setdefault(key, Group(*key))
        if r.get("kind") == "pairwise":
            a, b, winner = r.get("a_strategy", ""), r.get("b_strategy", ""), r.get("winner")
            if not winner or not a or not b or a == b:
                continue
            group.comparisons += 1
            if winner == "tie":
                group.arm(a).ties += 1
                group.arm(b).ties += 1
            else:
                won, lost = (a, b) if winner == "A" else (b, a)
                group.arm(won).wins += 1
                group.arm(lost).losses += 1
        else:
            strategy = r.get("strategy") or "?"
            group.ratings += 1
            if r.get("verdict") == "up":
                group.arm(strategy).up += 1
            else:
                group.arm(strategy).down += 1
    return groups


def posterior(arms: list[Arm], draws: int = DRAWS, seed: int = SEED) -> dict[str, dict[str, Any]]:
    """Per arm: mean, 95 % credible interval and the probability of being the best arm."""
    if not arms:
        return {}
    rng = np.random.default_rng(seed)
    samples = np.stack([rng.beta(a.alpha, a.beta, size=draws) for a in arms])
    best = np.bincount(samples.argmax(axis=0), minlength=len(arms)) / draws
    out: dict[str, dict[str, Any]] = {}
    for i, arm in enumerate(arms):
        low, high = np.quantile(samples[i], [0.025, 0.975])
        out[arm.strategy] = {
            "mean": round(arm.mean, 4),
            "ci95": [round(float(low), 4), round(float(high), 4)],
            "p_best": round(float(best[i]), 4),
        }
    return out


def decide(group: Group | None, configured: str, min_evidence: int) -> dict[str, Any]:
    """The strategy this group should use by default, and why (``switch`` True when it is not
    ``configured``)."""
    keep = {"strategy": configured, "switch": False}
    if group is None or group.evidence < min_evidence:
        have = group.evidence if group else 0
        return {**keep, "reason": say("learn.too_little", have=have, needed=min_evidence)}
    arms = [a for a in group.arms.values() if a.n > 0]
    if configured not in group.arms:
        arms.append(Arm(configured))
    post = posterior(arms)
    best = max(arms, key=lambda a: (post[a.strategy]["p_best"], a.mean))
    p = post[best.strategy]["p_best"]
    if best.strategy == configured:
        return {**keep, "reason": say("learn.configured_leads", p=f"{p:.2f}"), "p_best": p}
    if best.n < MIN_PER_ARM:
        return {
            **keep,
            "reason": say("learn.few_ratings", strategy=best.strategy, n=best.n, needed=MIN_PER_ARM),
        }
    if p < THRESHOLD:
        return {
            **keep,
            "reason": say("learn.no_winner", strategy=best.strategy, p=f"{p:.2f}", threshold=THRESHOLD),
        }
    return {
        "strategy": best.strategy,
        "switch": True,
        "reason": say("learn.wins", strategy=best.strategy, p=f"{p:.2f}", n=group.evidence),
        "p_best": p,
    }


def thompson_pick(group: Group | None, candidates: list[str], rng: Any = None) -> str:
    """Thompson sampling over ``candidates``: the arm whose posterior draw is highest (what to compare
    against next: uncertain arms get explored, bad ones rarely)."""
    rng = rng or np.random.default_rng()
    best, best_draw = candidates[0], -1.0
    for name in candidates:
        arm = group.arms.get(name, Arm(name)) if group else Arm(name)
        draw = float(rng.beta(arm.alpha, arm.beta))
        if draw > best_draw:
            best, best_draw = name, draw
    return best


def report(
    records: list[dict[str, Any]], configured: str, min_evidence: int, learning: bool
) -> dict[str, Any]:
    """`zantara feedback report --json`: every group with its arms, the winner and the decision."""
    groups = group_evidence(records)
    out = []
    for (language, profile), group in sorted(groups.items()):
        arms = [a for a in group.arms.values() if a.n > 0]
        post = posterior(arms)
        rows: list[dict[str, Any]] = [
            {
                "strategy": a.strategy,
                "up": a.up,
                "down": a.down,
                "wins": a.wins,
                "losses": a.losses,
                "ties": a.ties,
                "n": a.n,
                **post[a.strategy],
            }
            for a in sorted(arms, key=lambda a: -post[a.strategy]["mean"])
        ]
        leader = max(rows, key=lambda r: float(r["p_best"]))["strategy"] if rows else None
        out.append(
            {
                "language": language,
                "profile": profile,
                "ratings": group.ratings,
                "comparisons": group.comparisons,
                "leader": leader,
                "decision": decide(group, configured, min_evidence),
                "strategies": rows,
            }
        )
    return {
        "configured_strategy": configured,
        "learning": learning,
        "min_evidence": min_evidence,
        "min_per_arm": MIN_PER_ARM,
        "threshold": THRESHOLD,
        "method": "Beta(1+up+wins, 1+down+losses) per strategy; P(best) from Thompson draws",
        "ratings": sum(g.ratings for g in groups.values()),
        "comparisons": sum(g.comparisons for g in groups.values()),
        "groups": out,
    }


# -- evidence from the app's stores -----------------------------------------------------------------------
def local_records(feedback: Feedback) -> list[dict[str, Any]]:
    """This installation's ratings and picked comparisons as evidence records."""
    records: list[dict[str, Any]] = [
        {
            "kind": "rating",
            "strategy": r["strategy"],
            "language": r["language"],
            "profile": r["profile"],
            "verdict": r["verdict"],
            "reason": r["reason"],
        }
        for r in feedback.ratings()
    ]
    records += [
        {
            "kind": "pairwise",
            "a_strategy": c["a_strategy"],
            "b_strategy": c["b_strategy"],
            "winner": c["winner"],
            "language": c["language"],
            "profile": c["profile"],
        }
        for c in feedback.comparisons(picked_only=True)
    ]
    return records


_team_cache: dict[str, tuple[float, list[dict[str, Any]]]] = {}  # kept for callers that clear it


def evidence(services: EvidenceSource, *, fresh: bool = False) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Local evidence, pooled with the team's when ratings are shared (``share_ratings`` on and a team server
    set). The team's records are the copy the team sync keeps in this laptop's store: reading them never
    touches the network, so a server that is down costs nothing here (``fresh`` is accepted for callers)."""
    from desktop.core.feedback.ratings import Feedback

    del fresh
    settings = services.settings
    records = local_records(Feedback(services.conversations, settings.profile))
    info: dict[str, Any] = {"team": False}
    url = settings.effective_team_url()
    if getattr(settings, "share_ratings", "off") == "on" and url:
        from desktop.core.feedback import team

        try:
            shared = team.TeamRatings.open(settings).records()
            mine = team.installation_id()
            others = [r for r in shared if r.get("installation") != mine]
            info = {"team": True, "team_records": len(others), "url": url}
            records += others
        except Exception as exc:
            info = {"team": False, "team_error": str(exc)}
    return records, info


def learned_decision(
    services: EvidenceSource, text: str, language: str | None = None
) -> dict[str, Any] | None:
    """The switching decision (strategy, reason, ...) for a message like ``text`` (in ``language``, when
    the caller detected it already), or None when the configured default stays: only when ``learn_strategy``
    is on and :func:`decide` says the evidence is clear."""
    settings = services.settings
    if getattr(settings, "learn_strategy", "off") != "on":
        return None
    if language is None:
        from desktop.core.knowledge.language import detect_language

        language = detect_language(text)
    records, _ = evidence(services)
    groups = group_evidence(records)
    group = groups.get((language, settings.profile))
    decision = decide(group, settings.strategy, settings.learn_min_ratings)
    return decision if decision["switch"] else None


def learned_default(services: EvidenceSource, text: str) -> str | None:
    """The strategy to use instead of the configured default for a message like ``text``, or None."""
    decision = learned_decision(services, text)
    return str(decision["strategy"]) if decision else None
