"""Strategy ``team`` (docs/design.md): who is asking decides who answers.

Team members get the local model as a warm colleague, with the retrieved insights, even when Claude is
online (an insider experience, and no API cost). Clients get Claude in a professional tone. Offline, the local
model answers either way. The profile is ``settings.profile``; ``ctx.profile`` overrides it.
"""

from __future__ import annotations

from typing import Any

from desktop.core.chat import local_fit, prompts
from desktop.core.chat.strategies.base import AnswerContext, Strategy
from desktop.core.chat.strategies.rag import main_system_prompt, stream_answer
from desktop.core.messages import say

COLLEAGUE = (
    "You are talking with a colleague from the team: be warm, candid and practical, like a friend at work."
)


def colleague_system_prompt(ctx: AnswerContext) -> str:
    def build(insights: list[dict[str, Any]]) -> str:
        system = prompts.local_system_prompt(ctx.language, insights) + "\n\n" + COLLEAGUE
        if ctx.partial:
            system += "\n\n" + prompts.continuation_note(ctx.partial)
        return system

    return prompts.SystemPrompt.with_insights(build, ctx.insights)


class TeamStrategy(Strategy):
    name = "team"
    label = "Team: local colleague / client: Claude"
    description = "Team members: the local model as a warm colleague; clients: Claude, professional."

    def online_answers(self, ctx: AnswerContext) -> bool:
        """A team member's answer is the local model's when it can write it: nothing to hedge."""
        if ctx.offline or ctx.asker != "team":
            return not ctx.offline
        return bool(local_fit.skip_reason(getattr(ctx.local, "path", None), ctx.language))

    def run(self, ctx: AnswerContext) -> str:
        if ctx.asker == "team":
            unfit = local_fit.skip_reason(getattr(ctx.local, "path", None), ctx.language)
            if unfit and not ctx.offline:
                # Claude is there: it answers as the colleague rather than the memory answering instead.
                ctx.trace.notes.append(say("note.team_unfit", why=unfit))
                return stream_answer(ctx, system=main_system_prompt(ctx, profile="team"))
            if not ctx.offline:
                ctx.trace.notes.append(say("note.team_local"))
            return stream_answer(ctx, system=colleague_system_prompt(ctx), model=ctx.local)
        if ctx.offline:
            ctx.trace.notes.append(say("note.client_offline"))
        return stream_answer(ctx, system=main_system_prompt(ctx, profile="client"))
