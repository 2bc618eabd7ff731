"""`zantara knowledge eval`: how well the need decision, retrieval and language detection do on labelled
messages they were not tuned on (the *test* split of ``knowledge/messages`` by default).

Per language and overall: recall and false-enrichment rate of the need decision, concept hit@3 with the
decision (a cultural message counts only if the decision let it through *and* a top-3 insight is on one of its
concepts) and without it (retrieval forced), language accuracy, and latency of the whole retrieval.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from desktop.core.errors import KnowledgeError
from desktop.core.knowledge.language import detect_language
from desktop.core.knowledge.need_model import Exemplar, load_corpus
from desktop.core.knowledge.retrieval import retrieve
from desktop.core.knowledge.store import KnowledgeStore

LANGS = ("id", "it", "en")


@dataclass
class _Tally:
    cultural: int = 0
    neutral: int = 0
    caught: int = 0  # cultural and the decision said yes
    false_enrich: int = 0  # neutral and the decision said yes
    hit_decision: int = 0
    hit_forced: int = 0
    language_ok: int = 0

    @property
    def n(self) -> int:
        return self.cultural + self.neutral

    def to_dict(self) -> dict[str, Any]:
        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 4) if b else None

        return {
            "messages": self.n,
            "cultural": self.cultural,
            "neutral": self.neutral,
            "recall": ratio(self.caught, self.cultural),
            "false_enrichment": ratio(self.false_enrich, self.neutral),
            "hit3_with_decision": ratio(self.hit_decision, self.cultural),
            "hit3_without_decision": ratio(self.hit_forced, self.cultural),
            "language_accuracy": ratio(self.language_ok, self.n),
        }


@dataclass
class EvalReport:
    split: str
    tallies: dict[str, _Tally] = field(default_factory=lambda: defaultdict(_Tally))
    latencies_ms: list[float] = field(default_factory=list)
    mistakes: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        lat = np.array(self.latencies_ms or [0.0])
        return {
            "split": self.split,
            "per_language": {lang: self.tallies[lang].to_dict() for lang in LANGS if lang in self.tallies},
            "overall": self.tallies["all"].to_dict(),
            "latency_ms": {
                "retrieval_p50": round(float(np.percentile(lat, 50)), 1),
                "retrieval_p95": round(float(np.percentile(lat, 95)), 1),
            },
            "mistakes": self.mistakes,
        }


def load_file(path: Path) -> list[Exemplar]:
    """Labelled messages from any JSON Lines file (one ``{"text", "language", "cultural", "concepts"}`` per
    line), e.g. messages the team wrote after the corpus; a malformed line is an error naming its number."""
    rows: list[Exemplar] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(Exemplar.from_dict(json.loads(line)))
        except (ValueError, KeyError, TypeError) as exc:
            raise KnowledgeError(
                f"{path.name}, line {number}: not a labelled message ({type(exc).__name__}: {exc}).",
                'Each line needs at least {"text": ..., "cultural": true|false}, with "language" and "concepts".',
            ) from exc
    return rows


def evaluate(
    store: KnowledgeStore, split: str = "test", k: int = 3, messages_file: Path | None = None
) -> EvalReport:
    """Score every labelled message of ``split`` (or of ``messages_file``) through the real retrieval path."""
    rows: list[Exemplar] = load_file(messages_file) if messages_file else load_corpus(split=split)
    report = EvalReport(str(messages_file) if messages_file else split)
    if rows:
        retrieve(store, rows[0].text, k=k, force=True)  # warm-up: lazy loads are not part of the latency
    for row in rows:
        detected = detect_language(row.text)
        started = time.perf_counter()
        result = retrieve(store, row.text, k=k, force=True)
        report.latencies_ms.append((time.perf_counter() - started) * 1000)
        got = {c for s in result.insights for c in s.insight.concepts}
        hit = bool(got & set(row.concepts)) if row.concepts else False
        for key in (row.language, "all"):
            t = report.tallies[key]
            t.language_ok += detected == row.language
            if row.cultural:
                t.cultural += 1
                t.caught += result.needs_context
                t.hit_forced += hit
                t.hit_decision += hit and result.needs_context
            else:
                t.neutral += 1
                t.false_enrich += result.needs_context
        problems = []
        if row.cultural and not result.needs_context:
            problems.append("missed")
        if not row.cultural and result.needs_context:
            problems.append("false enrichment")
        if row.cultural and row.concepts and not hit:
            problems.append(f"concept not in top {k} (got {', '.join(sorted(got)) or 'none'})")
        if detected != row.language:
            problems.append(f"language {detected}")
        if problems:
            report.mistakes.append(
                {
                    "text": row.text,
                    "language": row.language,
                    "expected": list(row.concepts),
                    "problems": problems,
                    "reason": result.need_reason,
                }
            )
    return report
