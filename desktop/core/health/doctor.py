"""The checks and repairs behind `zantara doctor` and the GUI's "Check data…" dialog: one report for both."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop.core import paths
from desktop.core.health import KNOWLEDGE, Problem, check_all
from desktop.core.health.disk import disk_full, free_bytes, is_disk_full, no_room
from desktop.core.messages import say

NEARLY_FULL = 4 * 1024 * 1024  # below this, every write may fail: said as a full disk, never as damage


def _probe_knowledge() -> list[Problem]:
    """The files are sound; now ask Chroma itself: count, and a probe query that returns something."""
    from desktop.core.errors import ZantaraError
    from desktop.core.knowledge.store import KnowledgeStore

    try:
        store = KnowledgeStore.open()
        count = store.count()
        if count and not store.query("probe", k=1):
            return [
                Problem(KNOWLEDGE, f"holds {count} insights but a search finds none", str(paths.chroma_dir()))
            ]
    except Exception as exc:  # Chroma's own errors: this is exactly what the doctor reports
        if is_disk_full(exc):
            return [_disk_problem()]
        if isinstance(exc, ZantaraError):
            return [Problem(KNOWLEDGE, str(exc), str(paths.chroma_dir()))]
        return [Problem(KNOWLEDGE, f"Chroma fails ({type(exc).__name__}: {exc})", str(paths.chroma_dir()))]
    return []


def _disk_problem() -> Problem:
    full = disk_full()
    return Problem("disk", full.message, str(paths.data_dir()), kind="disk", fix=full.hint)


def diagnose(probe: bool = True) -> list[Problem]:
    from desktop.core.health.loss import find_loss

    if free_bytes(paths.data_dir()) < NEARLY_FULL:
        return [_disk_problem()]
    problems = check_all()
    if probe and not any(p.store == KNOWLEDGE for p in problems):
        problems += _probe_knowledge()  # the store is always this laptop's own, team server or not
    if any(p.kind == "disk" for p in problems) or (problems and no_room()):
        return [_disk_problem()]
    damaged = {p.store for p in problems}
    return problems + [p for p in find_loss() if p.store not in damaged]


def run(repair: bool = False, say: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Check both stores; with ``repair``, rebuild the damaged ones as one transaction (it raises, with
    nothing changed, when it cannot finish). Returns the report (JSON-ready)."""
    from desktop.core.health import backup
    from desktop.core.health.repair import repair_stores
    from desktop.core.knowledge.memory import user_name
    from desktop.core.settings import Settings

    tell = say or (lambda _text: None)
    tell("Checking the conversations database and the knowledge store…")
    problems = diagnose()
    report: dict[str, Any] = {"ok": not problems, "problems": [p.to_dict() for p in problems], "repaired": {}}
    damaged = {p.store for p in problems if p.kind == "damage"}
    if not repair or not damaged:
        return report
    newest = backup.list_backups()[:1]
    jsonl = backup.backups_dir() / newest[0]["name"] / backup.INSIGHTS if newest else None
    repaired = repair_stores(damaged, jsonl, user_name(Settings.load().user_name), tell)
    report["damaged_copy"] = repaired.pop("damaged_copy")
    report["repaired"] = repaired
    after = diagnose()
    report["remaining"] = [p.to_dict() for p in after]
    report["ok"] = not after
    return report


def describe(report: dict[str, Any]) -> list[str]:
    """The report in words, one line each (CLI and GUI print the same)."""
    lines = [f"{p['store']}: {p['message']}" for p in report["problems"]]
    if not report["problems"]:
        return [say("doctor.fine")]
    lines += [p["fix"] for p in report["problems"] if p.get("fix")]
    repaired = report.get("repaired") or {}
    if "conversations" in repaired:
        r = repaired["conversations"]
        lines.append(
            say("doctor.repaired_conversations", messages=r["messages"], conversations=r["conversations"])
        )
    if "knowledge" in repaired:
        r = repaired["knowledge"]
        lines.append(
            say("doctor.repaired_knowledge", total=r["total"], own=r["own_insights"], own_from=r["own_from"])
        )
        lines.append(say("doctor.memory_rebuilt", answers=r.get("answers", 0)))
    if report.get("damaged_copy"):
        lines.append(say("doctor.damaged_copy", path=report["damaged_copy"]))
    if not repaired and any(p.get("kind", "damage") == "damage" for p in report["problems"]):
        lines.append(say("doctor.run_repair"))
    for p in report.get("remaining") or []:
        lines.append(f"Still damaged: {p['store']}: {p['message']}")
    return lines
