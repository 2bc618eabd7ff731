"""The curated insight pack shipped in ``knowledge/packs/*.jsonl``.

The store loads it on first run and again whenever the files change (a new app version with more
insights); the files' fingerprint is kept in the collection metadata so an unchanged pack costs nothing.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from desktop.core import paths
from desktop.core.knowledge.insight import Insight
from desktop.core.knowledge.jsonl import parse_jsonl


def pack_files(root: Path | None = None) -> list[Path]:
    folder = (root or paths.knowledge_dir()) / "packs"
    return sorted(folder.glob("*.jsonl")) if folder.is_dir() else []


def pack_hash(files: list[Path]) -> str:
    digest = hashlib.sha256()
    for f in files:
        digest.update(f.name.encode())
        digest.update(f.read_bytes())
    return digest.hexdigest()[:16]


def read_pack(files: list[Path]) -> tuple[list[Insight], list[tuple[str, int, str]]]:
    """All valid insights (first occurrence of each id) and the (file, line, reason) of invalid lines."""
    insights: dict[str, Insight] = {}
    errors: list[tuple[str, int, str]] = []
    for path in files:
        for line_no, insight, reason in parse_jsonl(path):
            if insight is None:
                errors.append((path.name, line_no, reason))
            else:
                insights.setdefault(insight.id, insight)
    return list(insights.values()), errors
