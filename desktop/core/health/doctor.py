"""The checks and repairs behind `zantara doctor` and the GUI's "Check data…" dialog: one report for both."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop.core import paths
from desktop.core.health import CONVERSATIONS, KNOWLEDGE, Problem, check_all
from desktop.core.messages import say


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
    except ZantaraError as exc:
        return [Problem(KNOWLEDGE, str(exc), str(paths.chroma_dir()))]
    except Exception as exc:  # Chroma's own errors: this is exactly what the doctor reports
        return [Problem(KNOWLEDGE, f"Chroma fails ({type(exc).__name__}: {exc})", str(paths.chroma_dir()))]
    return []


def diagnose(probe: bool = True) -> list[Problem]:

    problems = check_all()
    if probe and not any(p.store == KNOWLEDGE for p in problems):
        problems += _probe_knowledge()  # the store is always this laptop's own, team server or not
    return problems


def run(repair: bool = False, say: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Check both stores; with ``repair``, rebuild the damaged ones. Returns the report (JSON-ready)."""
    from desktop.core.health import backup
    from desktop.core.health.repair import damaged_folder, rebuild_knowledge, salvage_conversations

    say = say or (lambda _text: None)
    say("Checking the conversations database and the knowledge store…")
    problems = diagnose()
    report: dict[str, Any] = {"ok": not problems, "problems": [p.to_dict() for p in problems], "repaired": {}}
    if not repair or not problems:
        return report
    into = damaged_folder()
    report["damaged_copy"] = str(into)
    stores = {p.store for p in problems}
    if CONVERSATIONS in stores:
        say("Salvaging the readable conversations into a fresh database…")
        report["repaired"]["conversations"] = salvage_conversations(into)
    if KNOWLEDGE in stores:
        say("Rebuilding the knowledge store from the packs and your own insights…")
        newest = backup.list_backups()[:1]
        jsonl = backup.backups_dir() / newest[0]["name"] / backup.INSIGHTS if newest else None
        report["repaired"]["knowledge"] = rebuild_knowledge(into, jsonl)
    after = diagnose()
    report["remaining"] = [p.to_dict() for p in after]
    report["ok"] = not after
    return report


def describe(report: dict[str, Any]) -> list[str]:
    """The report in words, one line each (CLI and GUI print the same)."""
    lines = [f"{p['store']}: {p['message']}" for p in report["problems"]]
    if not report["problems"]:
        return [say("doctor.fine")]
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
    if report.get("damaged_copy"):
        lines.append(say("doctor.damaged_copy", path=report["damaged_copy"]))
    if not repaired:
        lines.append(say("doctor.run_repair"))
    for p in report.get("remaining") or []:
        lines.append(f"Still damaged: {p['store']}: {p['message']}")
    return lines
