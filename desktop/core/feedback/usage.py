"""Claude's token usage: recorded per call into the answer's trace, summed per day, model and strategy.

Recording: the router calls :func:`begin` once an answer's context is known and :func:`end` when it is stored.
:class:`~desktop.core.llm.claude.ClaudeModel` calls :func:`record_call` after every stream with the usage
fields the API sent (``input_tokens`` in ``message_start``, ``output_tokens`` in ``message_delta``). Calls are
matched to their answer through the answer's cancel token, which every model call of an answer receives, so a
strategy's own threads (wrap streams Claude in one) are counted too.

The tokens the cultural insights add are *attributed*, not counted by a second request: the insight block's
share of the characters of everything sent (system prompt + messages) times ``input_tokens``. A count_tokens
request per answer would be exact but would cost a round trip; the share is within a few percent for prose.
"""

from __future__ import annotations

import threading
import weakref
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from desktop.core.cancel import CancelToken
from desktop.core.chat.trace import Trace, Usage, UsageCall
from desktop.core.feedback.prices import PriceTable, load_prices


@dataclass
class _Recording:
    trace: Trace
    context_block: str


_lock = threading.Lock()
_recordings: weakref.WeakKeyDictionary[CancelToken, _Recording] = weakref.WeakKeyDictionary()


def begin(trace: Trace, context_block: str, cancel: CancelToken) -> None:
    """Claude calls made with ``cancel`` from now on are added to ``trace.usage``."""
    with _lock:
        _recordings[cancel] = _Recording(trace, context_block)


def end(trace: Trace) -> None:
    with _lock:
        for token, rec in list(_recordings.items()):
            if rec.trace is trace:
                del _recordings[token]


def insight_tokens(input_tokens: int, context_block: str, system: str, messages_chars: int) -> int:
    """The input tokens attributed to the insight block (its share of the characters sent)."""
    if not context_block or context_block not in system:
        return 0
    total = len(system) + messages_chars
    return round(input_tokens * len(context_block) / total) if total else 0


def record_call(
    cancel: CancelToken | None,
    *,
    model: str,
    system: str,
    messages_chars: int,
    usage: dict[str, int],
    complete: bool,
) -> UsageCall | None:
    """Add one Claude call's usage to the answer that made it; returns the entry (None: no answer is
    recording, e.g. a probe)."""
    if cancel is None:
        return None
    with _lock:
        rec = _recordings.get(cancel)
    if rec is None:
        return None
    input_tokens = int(usage.get("input_tokens") or 0)
    output_tokens = int(usage.get("output_tokens") or 0)
    entry = UsageCall(
        model=model,
        input_tokens=input_tokens,
        output_tokens=output_tokens,
        cache_creation_input_tokens=int(usage.get("cache_creation_input_tokens") or 0),
        cache_read_input_tokens=int(usage.get("cache_read_input_tokens") or 0),
        insight_input_tokens=insight_tokens(input_tokens, rec.context_block, system, messages_chars),
        complete=complete,
    )
    with _lock:
        summary = rec.trace.usage
        summary.calls = [*(summary.calls or []), entry]
        _summarise(summary, load_prices_quietly())
    return entry


def load_prices_quietly() -> PriceTable | None:
    try:
        return load_prices()
    except Exception:
        return None  # a broken user price file costs the estimate, never the answer


def _summarise(summary: Usage, prices: PriceTable | None) -> None:
    calls = summary.calls or []
    summary.input_tokens = sum(c.input_tokens for c in calls)
    summary.output_tokens = sum(c.output_tokens for c in calls)
    summary.insight_input_tokens = sum(c.insight_input_tokens for c in calls)
    if prices is not None:
        cost = insight = 0.0
        for c in calls:
            price = prices.price(c.model)
            cost += price.cost(c.input_tokens, c.output_tokens)
            insight += price.cost(c.insight_input_tokens, 0)
        summary.cost_usd = round(cost, 6)
        summary.insight_cost_usd = round(insight, 6)


# -- totals -----------------------------------------------------------------------------------------------
def _bucket() -> dict[str, Any]:
    return {
        "calls": 0,
        "answers": 0,
        "input_tokens": 0,
        "output_tokens": 0,
        "insight_input_tokens": 0,
        "cost_usd": 0.0,
        "insight_cost_usd": 0.0,
    }


def _add(bucket: dict[str, Any], call: dict[str, Any], cost: float, insight_cost: float) -> None:
    bucket["calls"] += 1
    bucket["input_tokens"] += int(call.get("input_tokens", 0))
    bucket["output_tokens"] += int(call.get("output_tokens", 0))
    bucket["insight_input_tokens"] += int(call.get("insight_input_tokens", 0))
    bucket["cost_usd"] += cost
    bucket["insight_cost_usd"] += insight_cost


def _finish(bucket: dict[str, Any]) -> dict[str, Any]:
    bucket["cost_usd"] = round(bucket["cost_usd"], 6)
    bucket["insight_cost_usd"] = round(bucket["insight_cost_usd"], 6)
    bucket["insight_share"] = (
        round(bucket["insight_cost_usd"] / bucket["cost_usd"], 4) if bucket["cost_usd"] else 0.0
    )
    return bucket


def answer_rows(conversations: Any, since: str | None = None) -> list[dict[str, Any]]:
    """Assistant rows whose trace holds Claude usage (created_at, strategy, trace)."""
    import json

    sql = (
        "SELECT id, created_at, strategy, trace_json FROM messages WHERE role = 'assistant'"
        " AND trace_json LIKE '%\"calls\"%'"
    )
    params: tuple[Any, ...] = ()
    if since:
        sql += " AND created_at >= ?"
        params = (since,)
    rows = conversations._rows(sql + " ORDER BY id", params)
    out = []
    for row in rows:
        try:
            trace = json.loads(row["trace_json"] or "{}")
        except ValueError:
            continue
        out.append({"id": row["id"], "created_at": row["created_at"], "strategy": row["strategy"], **trace})
    return out


def totals(answers: Iterable[dict[str, Any]], prices: PriceTable) -> dict[str, Any]:
    """Totals overall and per day, model and strategy; costs from the *current* price table."""
    total = _bucket()
    by: dict[str, dict[str, dict[str, Any]]] = {
        "day": defaultdict(_bucket),
        "model": defaultdict(_bucket),
        "strategy": defaultdict(_bucket),
    }
    for answer in answers:
        calls = (answer.get("usage") or {}).get("calls") or []
        if not calls:
            continue
        keys = {"day": str(answer.get("created_at", ""))[:10], "strategy": answer.get("strategy") or "?"}
        total["answers"] += 1
        by["day"][keys["day"]]["answers"] += 1
        by["strategy"][keys["strategy"]]["answers"] += 1
        for call in calls:
            price = prices.price(call.get("model", ""))
            cost = price.cost(int(call.get("input_tokens", 0)), int(call.get("output_tokens", 0)))
            insight_cost = price.cost(int(call.get("insight_input_tokens", 0)), 0)
            _add(total, call, cost, insight_cost)
            _add(by["day"][keys["day"]], call, cost, insight_cost)
            _add(by["model"][call.get("model", "?")], call, cost, insight_cost)
            _add(by["strategy"][keys["strategy"]], call, cost, insight_cost)
    return {
        "total": _finish(total),
        "by_day": {k: _finish(v) for k, v in sorted(by["day"].items())},
        "by_model": {k: _finish(v) for k, v in sorted(by["model"].items())},
        "by_strategy": {k: _finish(v) for k, v in sorted(by["strategy"].items())},
        "prices": prices.to_dict(),
        "insight_tokens_method": "share of characters sent (system prompt + messages) x input_tokens",
    }


def usage_report(conversations: Any, days: int | None = None) -> dict[str, Any]:
    since = None
    if days:
        from datetime import timedelta

        since = (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="milliseconds")
    report = totals(answer_rows(conversations, since), load_prices())
    report["since"] = since
    return report
