"""Strategy ``brief``: the main model answers with the retrieved insights, asked for three sentences at most."""

from __future__ import annotations

from desktop.core.chat.strategies.base import AnswerContext, Strategy
from desktop.core.chat.strategies.rag import main_system_prompt, stream_answer


class BriefStrategy(Strategy):
    name = "brief"
    label = "Brief"
    description = "The answer in three sentences at most."

    def run(self, ctx: AnswerContext) -> str:
        system = main_system_prompt(ctx) + "\n\nAnswer in three sentences at most."
        return stream_answer(ctx, system=system)
