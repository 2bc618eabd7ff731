"""Fit a prompt into a local model's context window, counted in the model's own tokens.

llama.cpp refuses a prompt longer than its context (``ValueError: Requested tokens ... exceed context window``)
and silently shortens the answer when the prompt leaves no room for it. Long conversations, a pasted document
or Claude's partial answer easily overflow the bundled model's 2048 tokens, so every local prompt is fitted
first, in this order: the oldest history goes first, then retrieved insights (richest system prompt first,
leaner variants after), then the new message is cut (its head is kept) and, only if the system prompt alone is
too big, the system prompt is cut too. Room for ``max_tokens`` of answer is always kept. What was trimmed is
reported (:meth:`Fitted.note`) so the trace can say so.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from desktop.core.errors import ZantaraError
from desktop.core.llm.base import Message
from desktop.core.messages import say

#: Tokens the chat template adds around each message (role header, end-of-turn marker).
MESSAGE_OVERHEAD = 8
#: Tokens for the template's own frame (BOS, generation prompt, a default system line) plus a safety margin:
#: our count tokenizes messages one by one, the real prompt is tokenized in one piece.
PROMPT_OVERHEAD = 48
#: Never leave less than this for the answer: a prompt that needs it is cut instead.
MIN_ANSWER_TOKENS = 32
#: A message cut to fit keeps at least this many tokens (else the system prompt is cut too).
MIN_MESSAGE_TOKENS = 64
CUT_MARK = "\n[…]"

TokenCounter = Callable[[str], int]


@dataclass
class Fitted:
    """The prompt that fits, and what had to go."""

    system: str
    messages: list[Message]
    max_tokens: int
    prompt_tokens: int
    n_ctx: int
    dropped_history: int = 0
    dropped_insights: int = 0
    message_chars: tuple[int, int] | None = None  # (kept, original) when the new message was cut
    system_chars: tuple[int, int] | None = None  # (kept, original) when the system prompt was cut
    answer_tokens_wanted: int = 0  # the max_tokens asked for, when it had to shrink

    @property
    def changed(self) -> bool:
        return bool(
            self.dropped_history
            or self.dropped_insights
            or self.message_chars
            or self.system_chars
            or self.answer_tokens_wanted
        )

    def note(self) -> str:
        """One sentence for the trace ("" when nothing was trimmed)."""
        if not self.changed:
            return ""
        parts = []
        if self.dropped_history:
            parts.append(say("budget.history", n=self.dropped_history))
        if self.dropped_insights:
            parts.append(say("budget.insights", n=self.dropped_insights))
        if self.message_chars:
            kept, original = self.message_chars
            parts.append(say("budget.message", kept=f"{kept:,}", original=f"{original:,}"))
        if self.system_chars:
            kept, original = self.system_chars
            parts.append(say("budget.system", kept=f"{kept:,}", original=f"{original:,}"))
        if self.answer_tokens_wanted:
            parts.append(say("budget.answer", n=self.max_tokens))
        return say("budget.note", n=self.n_ctx, parts=", ".join(parts))


def fit_prompt(
    count: TokenCounter,
    n_ctx: int,
    max_tokens: int,
    systems: Sequence[str],
    messages: Sequence[Message],
) -> Fitted:
    """Fit ``systems[0]`` (or a leaner variant) and ``messages`` into ``n_ctx`` tokens with room for the answer.

    ``systems`` lists the system prompt from richest to leanest: ``systems[i]`` leaves out ``i`` insights.
    ``messages`` ends with the new message; the ones before it are history, oldest first.
    Raises :class:`ZantaraError` only when the window cannot hold even a minimal prompt.
    """
    if not systems:
        systems = [""]
    answer = max(1, min(max_tokens, n_ctx // 2))
    wanted = max_tokens if answer < max_tokens else 0
    budget = n_ctx - answer - PROMPT_OVERHEAD
    if budget < MIN_MESSAGE_TOKENS + MESSAGE_OVERHEAD:
        raise ZantaraError(
            f"The local model's context of {n_ctx} tokens is too small for any prompt.",
            "Raise 'context_size' in Settings (2048 or more).",
        )
    cache: dict[str, int] = {}

    def cost(text: str) -> int:
        if text not in cache:
            cache[text] = count(text) + MESSAGE_OVERHEAD if text else 0
        return cache[text]

    history = list(messages[:-1])
    last = messages[-1] if messages else Message("user", "")
    level = 0
    dropped = 0

    def total() -> int:
        return cost(systems[level]) + sum(cost(m.content) for m in history) + cost(last.content)

    while total() > budget and history:
        history.pop(0)
        dropped += 1
        if history and history[0].role == "assistant":  # a turn starts with the user's message
            history.pop(0)
            dropped += 1
    while total() > budget and level < len(systems) - 1:
        level += 1
    system = systems[level]
    fitted = Fitted(system, [], answer, 0, n_ctx, dropped, level, answer_tokens_wanted=wanted)

    if total() > budget:
        room = budget - cost(system)
        if room < MIN_MESSAGE_TOKENS + MESSAGE_OVERHEAD:
            system_room = budget - MIN_MESSAGE_TOKENS - MESSAGE_OVERHEAD * 2
            cut_system = cut_to_tokens(count, system, system_room)
            fitted.system_chars = (len(cut_system), len(system))
            system = cut_system
            room = budget - cost(system)
        if cost(last.content) > room:
            cut = cut_to_tokens(count, last.content, room - MESSAGE_OVERHEAD)
            fitted.message_chars = (len(cut), len(last.content))
            last = Message(last.role, cut)
    fitted.system = system
    fitted.messages = [*history, last]
    fitted.prompt_tokens = cost(system) + sum(cost(m.content) for m in fitted.messages) + PROMPT_OVERHEAD
    return fitted


def cut_to_tokens(count: TokenCounter, text: str, limit: int) -> str:
    """The longest head of ``text`` (cut at a word where possible, marked) that counts at most ``limit``."""
    if count(text) <= limit:
        return text
    limit -= count(CUT_MARK)
    if limit <= 0:
        return ""
    keep = len(text)
    tokens = count(text)
    while keep > 0:
        keep = min(keep - 1, int(keep * limit / max(tokens, 1) * 0.95))
        head = text[: max(keep, 0)]
        space = head.rfind(" ", max(0, len(head) - 40))
        if space > 0:
            head = head[:space]
        tokens = count(head)
        if tokens <= limit:
            return head.rstrip() + CUT_MARK
    return ""
