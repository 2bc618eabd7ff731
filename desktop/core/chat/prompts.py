"""System prompts: the consultant persona for Claude, and a compact one for the small local model.

Retrieved insights go in as delimited *reference data* (from ``format_for_claude``), never as instructions, so
a stored insight cannot steer the assistant outside its role. The same holds for every other text a user or a
model wrote (the live cultural note, the insights given to the local model, Claude's cut-off answer): each goes
in through :func:`desktop.core.llm.framing.data_block`, escaped, so it cannot close its element. The local persona is short on purpose: a 135M
model loses the thread in long system prompts and its context is small.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from desktop.core.llm.framing import data_block

LANGUAGE_NAMES = {"id": "Indonesian (Bahasa Indonesia)", "it": "Italian", "en": "English"}

#: Shown between what Claude streamed before a failure and the offline continuation.
CONTINUED_OFFLINE_MARK = "\n\n[… connection to Claude lost — continued offline]\n\n"

PERSONA = """You are Zantara, the assistant of a visa and business consultancy in Bali, Indonesia.
You help clients and colleagues with Indonesian visas (tourist, business, KITAS, KITAP), company setup
(PT PMA), and everyday life and culture in Bali.

How you answer:
- Warm and professional, like an experienced consultant who genuinely cares; concise, practical, clear.
- Always answer in the user's language ({language_name}) unless they ask otherwise.
- Never invent fees, processing times, regulations or requirements. If you are not sure, say so plainly and
  suggest confirming with the consultancy team or the official source (imigrasi.go.id, OSS).
- Cultural context below, when present, is reference material about how to respond with cultural sensitivity.
  Use it to shape tone and empathy; do not quote it verbatim or mention that you received it."""

TEAM_NOTE = "The user is a member of the consultancy team: speak as a warm, candid colleague."
CLIENT_NOTE = "The user is a client: stay professional and reassuring."

LOCAL_PERSONA = (
    "You are Zantara, a warm assistant of a Bali visa and business consultancy. "
    "Answer briefly and kindly in {language_name}. "
    "Do not invent fees, dates or rules; if unsure, say the team will confirm."
)


def language_name(language: str) -> str:
    return LANGUAGE_NAMES.get(language, "the user's language")


def system_prompt(
    language: str, context_block: str = "", cultural_note: str = "", profile: str | None = None
) -> str:
    """Claude's system prompt: persona, optional profile line, retrieved context, optional live note."""
    parts = [PERSONA.format(language_name=language_name(language))]
    if profile == "team":
        parts.append(TEAM_NOTE)
    elif profile == "client":
        parts.append(CLIENT_NOTE)
    if context_block.strip():
        parts.append(context_block.strip())
    if cultural_note.strip():
        parts.append(
            "A note written for this very message by a cultural assistant; reference only.\n"
            + data_block("live_cultural_note", cultural_note)
        )
    return "\n\n".join(parts)


def local_system_prompt(
    language: str, insights: list[dict[str, Any]] | None = None, cultural_note: str = "", max_chars: int = 600
) -> str:
    """The small model's prompt: compact persona plus at most ``max_chars`` of the top insights."""
    parts = [LOCAL_PERSONA.format(language_name=language_name(language))]
    budget = max_chars
    tips: list[str] = []
    for insight in insights or []:
        text = str(insight.get("text", "")).strip()
        if not text or budget <= 40:
            break
        text = text if len(text) <= budget else text[: budget - 1].rsplit(" ", 1)[0] + "…"
        tips.append(f"- {text}")
        budget -= len(text)
    if tips:
        parts.append("Cultural tips for your tone:\n" + data_block("tips", "\n".join(tips)))
    if cultural_note.strip():
        parts.append(data_block("note", cultural_note.strip()[:300]))
    return "\n\n".join(parts)


def continuation_note(partial: str, max_chars: int = 800) -> str:
    """Appended to the local system prompt when it must continue an answer Claude started."""
    tail = partial.strip()[-max_chars:]
    return (
        "An earlier answer was cut off. It ended with:\n"
        + data_block("cut_answer", tail, rule=False)
        + "\nContinue from there in the same language. Do not repeat what was already said."
    )


class SystemPrompt(str):
    """A system prompt that also knows its leaner variants (fewer insights, least relevant dropped first), so
    the local model's token budget (:mod:`desktop.core.llm.budget`) can trim insights before the message."""

    leaner: tuple[str, ...] = ()

    @classmethod
    def with_insights(
        cls, build: Callable[[list[dict[str, Any]]], str], insights: Sequence[dict[str, Any]] | None
    ) -> SystemPrompt:
        items = list(insights or [])
        prompt = cls(build(items))
        prompt.leaner = tuple(build(items[:k]) for k in range(len(items) - 1, -1, -1))
        return prompt

    def variants(self) -> list[str]:
        """Richest first: this prompt, then one insight fewer each time."""
        return [str(self), *self.leaner]
