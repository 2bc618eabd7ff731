"""The default strategy, ``enrich`` + ``rag`` (docs/design.md): retrieved insights in Claude's context, plus
the live cultural note when it makes the deadline.

The design aims at no latency increase. Honest version: the note costs nothing only while it overlaps work that
happens anyway (retrieval, when the router calls ``prepare`` first); beyond that Claude waits at most
``enrich_deadline_ms``. ``tests/bench/bench_strategies.py`` prints the measured ratio against rag.
"""

from __future__ import annotations

from desktop.core.chat.strategies.enrich import EnrichStrategy


class ComboStrategy(EnrichStrategy):
    name = "combo"
    label = "Combo: insights + live note (recommended)"
    description = (
        "Retrieved insights plus a live cultural note from the local model when it is ready in time."
    )
    use_insights = True
