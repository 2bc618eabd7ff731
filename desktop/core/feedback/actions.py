"""What the CLI and the GUI do with feedback, in one place: rate (and share), compare blind, pick, report."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from desktop.core.cancel import CancelToken
from desktop.core.chat.trace import Event, Trace
from desktop.core.errors import ZantaraError
from desktop.core.feedback import bandit, team
from desktop.core.feedback.bandit import EvidenceSource
from desktop.core.feedback.ratings import Feedback

if TYPE_CHECKING:
    from desktop.core.chat.router import Router


class FeedbackServices(EvidenceSource, Protocol):
    """What the feedback actions use of :class:`~desktop.core.services.Services` (the CLI's and the GUI's)."""

    @property
    def router(self) -> Router: ...


def feedback(services: FeedbackServices) -> Feedback:
    return Feedback(services.conversations, services.settings.profile)


def _share(fn: Callable[..., bool], *args: Any) -> dict[str, Any]:
    """Publish to the team's server; a failure is reported, the local rating is kept."""
    try:
        return {"shared": bool(fn(*args))}
    except Exception as exc:
        return {"shared": False, "share_error": str(exc)}


def rate(
    services: FeedbackServices,
    message_id: int,
    verdict: str,
    reason: str | None = None,
    note: str | None = None,
) -> dict[str, Any]:
    rating = feedback(services).rate(message_id, verdict, reason=reason, note=note)
    return {**rating, **_share(team.publish_rating, services.settings, rating, message_id)}


def clear(services: FeedbackServices, message_id: int) -> dict[str, Any]:
    feedback(services).answer(message_id)
    removed = feedback(services).clear(message_id)
    result: dict[str, Any] = {"message_id": message_id, "cleared": removed}
    if removed:
        result.update(_share(team.publish_rating, services.settings, None, message_id))
    return result


def other_strategy(services: FeedbackServices, message_id: int) -> str:
    """The strategy to compare answer ``message_id`` with: Thompson sampling over the other available
    strategies in the answer's language and profile (uncertain ones get tried, proven-bad ones rarely)."""
    from desktop.core.chat.strategies import registry

    fb = feedback(services)
    row = fb.answer(message_id)
    stored = row.get("trace")
    trace = Trace.from_json(stored) if stored else None
    current = row.get("strategy") or (trace.strategy if trace else "")
    candidates = [s for s in registry.available() if s != current]
    if not candidates:
        raise ZantaraError("There is no other strategy to compare with.")
    records, _ = bandit.evidence(services)
    key = (
        (trace.language if trace else "") or "?",
        (trace.profile if trace else "") or services.settings.profile,
    )
    return bandit.thompson_pick(bandit.group_evidence(records).get(key), candidates)


def compare(
    services: FeedbackServices,
    message_id: int,
    *,
    strategy: str | None = None,
    offline: bool = False,
    cancel: CancelToken | None = None,
    on_event: Callable[[Event], None] | None = None,
) -> dict[str, Any]:
    """Answer the same question with another strategy and record a blind comparison of the two answers.

    The new answer is appended to the conversation (like Regenerate). Returns the blind view."""
    fb = feedback(services)
    original = fb.answer(message_id)
    chosen = strategy or other_strategy(services, message_id)
    if chosen == (original.get("strategy") or ""):
        raise ZantaraError(f"Answer {message_id} already used '{chosen}'.", "Compare with another strategy.")
    answer = services.router.regenerate(
        message_id, strategy=chosen, offline=offline, cancel=cancel, on_event=on_event
    )
    if answer.status == "failed" or answer.message_id is None:
        raise ZantaraError("The comparison answer failed.", "Try again.")
    comparison = fb.start_comparison(message_id, answer.message_id)
    return blind(services, comparison)


def blind(services: FeedbackServices, comparison: dict[str, Any]) -> dict[str, Any]:
    """The comparison as shown before the pick: two texts, no strategy names (revealed once picked)."""
    convs = services.conversations
    a, b = convs.get_message(comparison["a_id"]), convs.get_message(comparison["b_id"])
    question = ""
    earlier = [
        m for m in convs.messages(comparison["conversation_id"]) if m["id"] < comparison["original_id"]
    ]
    if earlier and earlier[-1]["role"] == "user":
        question = earlier[-1]["content"]
    out: dict[str, Any] = {
        "comparison_id": comparison["id"],
        "original_id": comparison["original_id"],
        "question": question,
        "A": {"message_id": comparison["a_id"], "text": (a or {}).get("content", "")},
        "B": {"message_id": comparison["b_id"], "text": (b or {}).get("content", "")},
        "winner": comparison.get("winner"),
    }
    if comparison.get("winner"):
        out["A"]["strategy"] = comparison["a_strategy"]
        out["B"]["strategy"] = comparison["b_strategy"]
    return out


def pick(services: FeedbackServices, comparison_id: int, winner: str) -> dict[str, Any]:
    comparison = feedback(services).pick(comparison_id, winner)
    return {**blind(services, comparison), **_share(team.publish_comparison, services.settings, comparison)}


def open_comparison(services: FeedbackServices, message_id: int) -> dict[str, Any]:
    """The latest unpicked comparison of answer ``message_id`` (``zantara compare ID --pick A``)."""
    found = feedback(services).latest_open_comparison(message_id)
    if found is None:
        raise ZantaraError(
            f"Answer {message_id} has no open comparison.", f"Run `zantara compare {message_id}` first."
        )
    return found


def report(services: FeedbackServices, fresh: bool = False) -> dict[str, Any]:
    records, info = bandit.evidence(services, fresh=fresh)
    settings = services.settings
    out = bandit.report(
        records, settings.strategy, settings.learn_min_ratings, settings.learn_strategy == "on"
    )
    out["profile"] = settings.profile
    out["sharing"] = {"enabled": settings.share_ratings == "on", **info}
    reasons: dict[str, int] = {}
    for r in records:
        if r.get("kind") == "rating" and r.get("reason"):
            reasons[r["reason"]] = reasons.get(r["reason"], 0) + 1
    out["reasons"] = dict(sorted(reasons.items(), key=lambda kv: -kv[1]))
    return out
