"""Peak RSS while chatting offline with the bundled model: what a laptop must spare for Zantara.

A child process does what a chat session does (Services, the curated Chroma store, the embedder, the bundled
GGUF, the default strategy) for several messages in three languages, all offline. The parent samples the
child's RSS with psutil every 50 ms; the child also reports its own getrusage max RSS and RSS at each stage,
so the table can say where the memory goes.

    .venv/bin/python tests/bench/bench_memory.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchutil import CHAT_MESSAGES, clean_env, prepare_home

CHILD = r"""
import json, resource, sys, psutil
proc = psutil.Process()
mb = lambda: proc.memory_info().rss / 2**20
stages = {"python": mb()}
from desktop.core.services import Services
services = Services()
services.store
stages["store + embedder opened"] = mb()
services.local_model.load()
stages["model loaded"] = mb()
strategy = services.settings.strategy
for text in json.loads(sys.argv[1]):
    services.router.ask(text, offline=True)
stages["after chatting"] = mb()
maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
print(json.dumps({"stages": stages, "maxrss_mb": maxrss, "strategy": strategy}), flush=True)
"""


def run(messages: tuple[str, ...] = CHAT_MESSAGES[:3]) -> list[dict[str, str]]:
    import psutil

    with tempfile.TemporaryDirectory(prefix="zantara-bench-") as tmp:
        home = prepare_home(Path(tmp) / "home")
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, json.dumps(list(messages))],
            env=clean_env(ZANTARA_HOME=str(home)),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        peak = [0.0]
        stop = threading.Event()

        def sample() -> None:
            handle = psutil.Process(child.pid)
            while not stop.is_set():
                try:
                    peak[0] = max(peak[0], handle.memory_info().rss / 2**20)
                except psutil.Error:
                    return
                time.sleep(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        started = time.perf_counter()
        sampler.start()
        try:
            out, err = child.communicate(timeout=600)
        finally:
            stop.set()
            if child.poll() is None:
                child.kill()
        elapsed = time.perf_counter() - started
        lines = [line for line in out.splitlines() if line.startswith("{")]
        if child.returncode != 0 or not lines:
            raise RuntimeError(f"chat child failed ({child.returncode}): {err.strip()[-300:]}")
        data = json.loads(lines[-1])
    stages = ", ".join(f"{name} {value:.0f}" for name, value in data["stages"].items())
    return [
        {
            "metric": "peak RSS chatting offline (bundled model)",
            "value": f"{max(peak[0], data['maxrss_mb']):.0f} MiB",
            "detail": f"{len(messages)} messages, strategy {data['strategy']}, {elapsed:.0f} s; "
            f"psutil peak {peak[0]:.0f}, getrusage {data['maxrss_mb']:.0f}",
        },
        {
            "metric": "RSS by stage (MiB)",
            "value": f"{data['stages']['after chatting']:.0f} MiB",
            "detail": stages,
        },
    ]


if __name__ == "__main__":
    for row in run():
        print(json.dumps(row, ensure_ascii=False))
