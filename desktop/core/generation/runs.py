"""Generation runs in SQLite: the progress that makes a run resumable after Ctrl-C, a crash or kill -9.

One row per run in ``generation_runs`` (WAL mode, one commit per attempt), a table of the conversations
database made by its migrations (:mod:`desktop.core.chat.migrations`). The generator writes an accepted
insight to the store *before* committing the attempt here; if the process dies between the two, the insight
is in the store but not in the run, and :func:`adopt_orphans` finds it by its provenance on resume, so the
store and the run never disagree. The same rows feed :func:`generation_summary` for ``knowledge stats``.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core import paths
from desktop.core.chat.migrations import prepare
from desktop.core.generation.gates import GATES
from desktop.core.knowledge.insight import now_iso

#: A run is "running" until it ends; "cancelled" ones can be resumed too.
RESUMABLE = ("running", "cancelled")
STOP_REASONS = {
    "done": "target reached",
    "budget": "stopped: attempt budget spent",
    "cancelled": "cancelled: progress saved, continue with --resume",
    "running": "interrupted: continue with --resume",
}


def _empty_counters() -> dict[str, Any]:
    return {
        "gates": {g: {"passed": 0, "failed": 0} for g in GATES},
        "rejected_by": {g: 0 for g in GATES},
        "by_language": {},
        "by_category": {},
    }


@dataclass
class RunState:
    """A run's parameters and progress; everything needed to continue it in another process."""

    id: str
    model: str
    model_sha256: str
    target: int
    max_attempts: int
    languages: list[str]
    categories: list[str]
    approve: bool = False
    status: str = "running"
    attempts: int = 0
    accepted: int = 0
    next_index: int = 0
    accepted_ids: list[str] = field(default_factory=list)
    counters: dict[str, Any] = field(default_factory=_empty_counters)
    elapsed_s: float = 0.0
    created_at: str = field(default_factory=now_iso)
    updated_at: str = field(default_factory=now_iso)

    @classmethod
    def new(cls, **kwargs: Any) -> RunState:
        return cls(id=uuid.uuid4().hex[:12], **kwargs)

    @property
    def rejected(self) -> int:
        return self.attempts - self.accepted

    @property
    def source(self) -> str:
        return f"llama:{self.model}"

    def record(
        self, language: str, category: str, gate_results: dict[str, bool], insight_id: str = ""
    ) -> None:
        """Count one finished attempt (gate name -> passed); ``insight_id`` when it was accepted."""
        self.attempts += 1
        self.next_index += 1
        gates = self.counters["gates"]
        for gate, passed in gate_results.items():
            gates.setdefault(gate, {"passed": 0, "failed": 0})["passed" if passed else "failed"] += 1
        first = next((g for g, ok in gate_results.items() if not ok), "")
        if first:
            self.counters["rejected_by"][first] = self.counters["rejected_by"].get(first, 0) + 1
        for key, value in (("by_language", language), ("by_category", category)):
            cell = self.counters[key].setdefault(value, {"attempts": 0, "accepted": 0})
            cell["attempts"] += 1
            cell["accepted"] += 1 if insight_id else 0
        if insight_id:
            self.accepted += 1
            self.accepted_ids.append(insight_id)

    def to_row(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "status": self.status,
            "model": self.model,
            "model_sha256": self.model_sha256,
            "target": self.target,
            "max_attempts": self.max_attempts,
            "languages": json.dumps(self.languages),
            "categories": json.dumps(self.categories),
            "approve": int(self.approve),
            "attempts": self.attempts,
            "accepted": self.accepted,
            "next_index": self.next_index,
            "accepted_ids": json.dumps(self.accepted_ids),
            "counters": json.dumps(self.counters),
            "elapsed_s": self.elapsed_s,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        }

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> RunState:
        data = dict(row)
        for key in ("languages", "categories", "accepted_ids", "counters"):
            data[key] = json.loads(data[key])
        data["approve"] = bool(data["approve"])
        counters = _empty_counters()
        counters.update(data["counters"])
        data["counters"] = counters
        return cls(**data)


class RunStore:
    """The ``generation_runs`` table. Short-lived connections: safe with other writers of the same file."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.database_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(self.path, isolation_level=None, timeout=10)) as db:
            db.execute("PRAGMA journal_mode=WAL")
            prepare(db)  # the table is created by the database's numbered migrations

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        with closing(sqlite3.connect(self.path, timeout=10)) as conn:
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            with conn:  # one transaction, committed on exit
                yield conn

    def save(self, state: RunState) -> None:
        state.updated_at = now_iso()
        row = state.to_row()
        columns = ", ".join(row)
        marks = ", ".join(f":{k}" for k in row)
        with self._connect() as conn:
            conn.execute(f"INSERT OR REPLACE INTO generation_runs ({columns}) VALUES ({marks})", row)

    def get(self, run_id: str) -> RunState | None:
        with self._connect() as conn:
            row = conn.execute("SELECT * FROM generation_runs WHERE id = ?", (run_id,)).fetchone()
        return RunState.from_row(row) if row else None

    def latest_unfinished(self) -> RunState | None:
        marks = ", ".join("?" for _ in RESUMABLE)
        query = (
            f"SELECT * FROM generation_runs WHERE status IN ({marks}) ORDER BY created_at DESC, rowid DESC"
        )
        with self._connect() as conn:
            row = conn.execute(query, RESUMABLE).fetchone()
        return RunState.from_row(row) if row else None

    def all(self) -> list[RunState]:
        with self._connect() as conn:
            rows = conn.execute("SELECT * FROM generation_runs ORDER BY created_at, rowid").fetchall()
        return [RunState.from_row(r) for r in rows]


def _rate(cell: dict[str, int]) -> dict[str, Any]:
    attempts, accepted = cell.get("attempts", 0), cell.get("accepted", 0)
    rate = round(accepted / attempts, 3) if attempts else 0.0
    return {"attempts": attempts, "accepted": accepted, "acceptance": rate}


def summarise(runs: list[RunState]) -> dict[str, Any]:
    """Accepted/rejected per gate, language, category and model over ``runs``."""
    gates = {g: {"passed": 0, "failed": 0, "rejected_first": 0} for g in GATES}
    by: dict[str, dict[str, dict[str, int]]] = {"by_language": {}, "by_category": {}, "by_model": {}}
    for run in runs:
        for gate, counts in run.counters["gates"].items():
            cell = gates.setdefault(gate, {"passed": 0, "failed": 0, "rejected_first": 0})
            cell["passed"] += counts.get("passed", 0)
            cell["failed"] += counts.get("failed", 0)
        for gate, n in run.counters["rejected_by"].items():
            gates.setdefault(gate, {"passed": 0, "failed": 0, "rejected_first": 0})["rejected_first"] += n
        for key in ("by_language", "by_category"):
            for name, counts in run.counters[key].items():
                cell = by[key].setdefault(name, {"attempts": 0, "accepted": 0})
                cell["attempts"] += counts.get("attempts", 0)
                cell["accepted"] += counts.get("accepted", 0)
        model = by["by_model"].setdefault(run.model, {"attempts": 0, "accepted": 0, "runs": 0})
        model["attempts"] += run.attempts
        model["accepted"] += run.accepted
        model["runs"] += 1
    attempts = sum(r.attempts for r in runs)
    accepted = sum(r.accepted for r in runs)
    return {
        "runs": len(runs),
        "attempts": attempts,
        "accepted": accepted,
        "rejected": attempts - accepted,
        "acceptance": round(accepted / attempts, 3) if attempts else 0.0,
        "by_gate": gates,
        "by_language": {k: _rate(v) for k, v in sorted(by["by_language"].items())},
        "by_category": {k: _rate(v) for k, v in sorted(by["by_category"].items())},
        "by_model": {k: {**_rate(v), "runs": v["runs"]} for k, v in sorted(by["by_model"].items())},
    }


def generation_summary(path: Path | None = None) -> dict[str, Any]:
    """All generation runs so far, for ``zantara knowledge stats`` (zeros when nothing was generated)."""
    db = path or paths.database_path()
    if not db.exists():
        return summarise([])
    return summarise(RunStore(db).all())
