"""Scripted inputs for the generation tests: good and junk insight texts and a JSON-answering fake model."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

from desktop.core.cancel import CancelToken
from desktop.core.errors import Cancelled
from desktop.core.llm.base import ChatModel, ChatRequest, Message, parse_json_object

# Good English insights for the first four daily_life topics, in plan order (see test_generator.py).
GOOD = {
    "jam karet": (
        "A client who waits an hour for a notary and hears 'jam karet' may feel disrespected. Explain kindly "
        "that rubber time reflects a relaxed sense of schedule, suggest confirming meetings the day before, "
        "and keep your own tone patient and light."
    ),
    "elders": (
        "Older Balinese family members are consulted before big decisions, even about a foreign partner's "
        "business. When a client mentions asking their elders first, treat it as a sign of respect, give "
        "them time, and offer a short summary they can share at home."
    ),
    "gotong royong": (
        "Gotong royong, mutual help among neighbours, is how Indonesian communities get things done "
        "together. When a client's employees join a community work day, present it as a duty they value, and "
        "suggest the client plan deadlines around it instead of complaining."
    ),
    "personal questions": (
        "New Indonesian acquaintances often ask whether you are married or have children within minutes of "
        "meeting. These personal questions are a way of showing warmth, so suggest the client answer lightly "
        "with a smile and ask something friendly back."
    ),
}
JUNK = "Pasta is cooked in salted water and drained while still firm, then mixed with the sauce in the pan."

Responder = Callable[[list[Message], int], str]


def by_topic(messages: list[Message], call: int) -> str:
    """Answer the last instruction with the good text for its topic, else off-topic junk."""
    instruction = messages[-1].content
    text = next((t for key, t in GOOD.items() if key in instruction), JUNK)
    return json.dumps({"text": text})


class JsonScriptedModel(ChatModel):
    """A real ChatModel whose answer is a function of the prompt; ``complete_json`` parses it like the
    local runtime does (a cut answer raises ZantaraError), and honours the cancel token."""

    kind = "local"

    def __init__(self, respond: Responder = by_topic) -> None:
        self.respond = respond
        self.calls = 0

    @property
    def name(self) -> str:
        return "scripted-json"

    def generate(self, request: ChatRequest) -> Iterator[str]:
        if request.cancel is not None and request.cancel.cancelled:
            raise Cancelled()
        self.calls += 1
        yield self.respond(request.messages, self.calls)

    def complete_json(
        self,
        messages: list[Message],
        *,
        schema: dict[str, object],
        system: str = "",
        max_tokens: int = 512,
        temperature: float = 0.7,
        cancel: CancelToken | None = None,
    ) -> dict[str, object]:
        return parse_json_object(self.complete(messages, system=system, max_tokens=max_tokens, cancel=cancel))
