"""Cold start: CLI wall time (`zantara --version`, `zantara knowledge query`) and GUI time-to-window.

Each figure is a fresh process timed from the parent, as a user feels it: interpreter start, imports, work,
exit. `knowledge query` runs against a ZANTARA_HOME that already holds the curated store (the first run's
one-off embedding of the pack is not start-up). When the packaged app exists (packaging/dist/zantara), it is
measured too: PyInstaller's bootloader unpacks nothing in one-folder mode, but imports from its archive.

GUI time-to-window: the child follows desktop.gui.app.run() step by step (logging, QApplication, crash
handler, Services, settings, build_window, show) and reports when the event loop has processed the show, i.e.
when the window is on screen (offscreen platform here); the parent measures from spawn to that line.

    .venv/bin/python tests/bench/bench_startup.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchutil import REPO, clean_env, median, prepare_home

VENV_ZANTARA = REPO / ".venv" / "bin" / "zantara"
PACKAGED = REPO / "packaging" / "dist" / "zantara" / "zantara"

GUI_CHILD = r"""
import os, sys, time
t0 = time.perf_counter()
from PySide6.QtCore import QTimer
from desktop.gui import app as gui_app, crash
from desktop.core.services import Services
t_import = time.perf_counter()
gui_app.setup_logging()
qapp = gui_app.make_app(sys.argv[:1])
crash.install()
settings, _warning = gui_app.load_settings()
window = gui_app.build_window(Services(settings))
window.show()

def shown():
    print(json.dumps({"shown": window.isVisible(), "imports_ms": (t_import - t0) * 1000,
                      "in_process_ms": (time.perf_counter() - t0) * 1000}), flush=True)
    os._exit(0)

import json
QTimer.singleShot(0, shown)
qapp.exec()
"""


def wall(cmd: list[str], env: dict[str, str], timeout: float = 300) -> float:
    started = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout, check=False)
    elapsed = (time.perf_counter() - started) * 1000
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:3])} failed ({done.returncode}): {done.stderr.strip()[-300:]}")
    return elapsed


def cli_rows(label: str, exe: Path, home: Path, repeats: int) -> list[dict[str, str]]:
    env = clean_env(ZANTARA_HOME=str(home))
    wall([str(exe), "--version"], env)  # page cache warm: "cold" = new process, not a cold disk
    version = [wall([str(exe), "--version"], env) for _ in range(repeats)]
    query_cmd = [str(exe), "knowledge", "query", "jam karet", "--json"]
    wall(query_cmd, env)  # first run may sync the pack metadata
    query = [wall(query_cmd, env) for _ in range(repeats)]
    return [
        {
            "metric": f"CLI cold start `zantara --version` ({label})",
            "value": f"{median(version):,.0f} ms",
            "detail": f"new process each time, median of {repeats}",
        },
        {
            "metric": f"CLI `zantara knowledge query` ({label})",
            "value": f"{median(query):,.0f} ms",
            "detail": "imports + Chroma open + embedder load + retrieval",
        },
    ]


def gui_row(home: Path, repeats: int) -> dict[str, str]:
    env = clean_env(ZANTARA_HOME=str(home))
    times, inner = [], []
    for _ in range(repeats + 1):
        started = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-c", GUI_CHILD],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        elapsed = (time.perf_counter() - started) * 1000
        lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
        if proc.returncode != 0 or not lines:
            raise RuntimeError(f"GUI child failed ({proc.returncode}): {proc.stderr.strip()[-300:]}")
        data = json.loads(lines[-1])
        if not data["shown"]:
            raise RuntimeError("the main window was not visible")
        times.append(elapsed)
        inner.append(data)
    times, inner = times[1:], inner[1:]  # the first run warms the page cache
    imports = median([d["imports_ms"] for d in inner])
    return {
        "metric": "GUI time-to-window (offscreen)",
        "value": f"{median(times):,.0f} ms",
        "detail": f"spawn to window shown, median of {repeats}; Qt + app imports {imports:,.0f} ms",
    }


def run(repeats: int = 3) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="zantara-bench-") as tmp:
        home = prepare_home(Path(tmp) / "home")
        rows += cli_rows("venv", VENV_ZANTARA, home, repeats)
        if PACKAGED.exists():
            rows += cli_rows("packaged", PACKAGED, home, repeats)
        else:
            rows.append(
                {"metric": "CLI cold start (packaged)", "value": "n/a", "detail": "run `make package`"}
            )
        rows.append(gui_row(home, repeats))
    return rows


if __name__ == "__main__":
    for row in run():
        print(json.dumps(row, ensure_ascii=False))
