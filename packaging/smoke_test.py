"""Smoke-test the BUILT app: run packaging/dist/zantara/zantara headless and check what it prints.

It proves the bundle is self-contained: a fresh temporary ZANTARA_HOME (so the curated pack is loaded into a
new Chroma store with the bundled embedder), QT_QPA_PLATFORM=offscreen, run from an empty folder with no
PYTHONPATH or virtualenv, so nothing can come from the source tree. No API key, except for the one check that
points the bundled anthropic SDK at the tests' Messages API stand-in on 127.0.0.1. Prints PASS/FAIL per check
and exits non-zero when any fails.

    python packaging/smoke_test.py [path/to/zantara]
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

PACKAGING = Path(__file__).resolve().parent
DEFAULT_EXE = PACKAGING / "dist" / "zantara" / ("zantara.exe" if os.name == "nt" else "zantara")
MALU = "aku malu bertanya tentang visa"
ARITHMETIC = "berapa 25 persen dari 10 miliar"
# The first command on a fresh home embeds the whole curated pack: minutes on a busy 2-core machine.
FIRST_TIMEOUT_S = 1200
TIMEOUT_S = 600


def expected_version() -> str:
    text = (PACKAGING.parent / "desktop" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'__version__\s*=\s*"([^"]+)"', text)
    return match.group(1) if match else ""


class Smoke:
    def __init__(self, exe: Path) -> None:
        self.exe = exe
        self.home = Path(tempfile.mkdtemp(prefix="zantara-smoke-"))
        self.cwd = self.home / "cwd"
        self.cwd.mkdir()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("ANTHROPIC_", "ZANTARA_"))}
        for name in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"):
            env.pop(name, None)
        env.update(ZANTARA_HOME=str(self.home / "home"), QT_QPA_PLATFORM="offscreen", NO_COLOR="1")
        self.env = env
        self.results: list[tuple[str, bool, str]] = []

    def run(self, *args: str, timeout: float = TIMEOUT_S) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.exe), *args],
            cwd=self.cwd,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def check(self, name: str, fn: Callable[[], str]) -> None:
        """Run one check; ``fn`` returns a short detail on success and raises AssertionError on failure."""
        started = time.perf_counter()
        try:
            detail, ok = fn(), True
        except subprocess.TimeoutExpired as exc:
            detail, ok = f"timed out after {exc.timeout:.0f} s", False
        except (AssertionError, ValueError, KeyError, TypeError, OSError, ImportError) as exc:
            detail, ok = f"{type(exc).__name__}: {exc}", False
        elapsed = time.perf_counter() - started
        print(f"{'PASS' if ok else 'FAIL'}  {name:<34} {elapsed:6.1f} s  {detail}", flush=True)
        self.results.append((name, ok, detail))

    def json_of(self, *args: str, timeout: float = TIMEOUT_S) -> Any:
        proc = self.run(*args, timeout=timeout)
        assert proc.returncode == 0, f"exit {proc.returncode}: {tail(proc.stderr)}"
        try:
            return json.loads(proc.stdout)
        except ValueError as exc:
            raise AssertionError(f"not JSON ({exc}): {tail(proc.stdout)} {tail(proc.stderr)}") from exc

    # -- the checks -----------------------------------------------------------------------------------------
    def version(self) -> str:
        proc = self.run("--version", timeout=120)
        assert proc.returncode == 0, f"exit {proc.returncode}: {tail(proc.stderr)}"
        want = expected_version()
        assert want in proc.stdout, f"expected version {want!r} in {proc.stdout.strip()!r}"
        return proc.stdout.strip()

    def knowledge_malu(self) -> str:
        data = self.json_of("knowledge", "query", MALU, "--json", timeout=FIRST_TIMEOUT_S)
        assert data["language"] == "id", f"language {data['language']!r}, expected 'id'"
        assert data["needs_context"] is True, "needs_context is not true"
        insights = data["insights"]
        assert insights, "no insights returned"
        malu = [i for i in insights if "malu" in i.get("concepts", []) or "malu" in i.get("text", "").lower()]
        assert malu, f"no malu insight among {[i.get('concepts') for i in insights]}"
        return f"{len(insights)} insights, {len(malu)} about malu, language id, needs_context true"

    def knowledge_neutral(self) -> str:
        data = self.json_of("knowledge", "query", ARITHMETIC, "--json")
        assert data["needs_context"] is False, "arithmetic should not need cultural context"
        return "needs_context false"

    def ask_offline(self) -> str:
        data = self.json_of("ask", "--offline", MALU, "--json")
        assert data["mode"] == "offline", f"mode {data['mode']!r}"
        answer = str(data.get("answer", "")).strip()
        assert answer, "empty answer"
        first = (data.get("timings_ms") or {}).get("first_token")
        return f"mode offline, {len(answer)} chars, first token {first} ms"

    def ask_claude(self) -> str:
        """`ask` with Claude reachable: the bundled anthropic SDK talks to the tests' Messages API stand-in
        (real SSE streaming on 127.0.0.1) and the request carries the malu insights."""
        sys.path.insert(0, str(PACKAGING.parent / "tests"))
        from support.messages_api import MessagesAPIStandIn

        with MessagesAPIStandIn(reply="Tidak perlu malu, tanya saja soal visa Anda.") as api:
            saved = dict(self.env)
            self.env.update(ANTHROPIC_BASE_URL=api.base_url, ANTHROPIC_API_KEY=api.api_key)
            try:
                data = self.json_of("ask", MALU, "--json")
            finally:
                self.env = saved
            requests = api.message_requests()
        assert data["mode"] == "claude", f"mode {data['mode']!r} ({data.get('reason')})"
        assert "Tidak perlu malu" in data["answer"], f"unexpected answer {tail(data['answer'], 120)!r}"
        assert requests and "malu" in requests[-1].system_text.lower(), "no malu insight in the system prompt"
        return f"mode claude via stand-in, strategy {data.get('strategy')}, insights in the system prompt"

    def models_list(self) -> str:
        data = self.json_of("models", "list", "--json")
        bundled = [m for m in data if m.get("bundled")]
        assert bundled, "no bundled model listed"
        model = bundled[0]
        assert model.get("status") == "ok", (
            f"bundled model status {model.get('status')!r}: {model.get('error')}"
        )
        return f"{model.get('name')} ok"

    def gui_starts(self) -> str:
        """The window opens offscreen and stays up (Qt plugins and the GUI modules are in the bundle)."""
        proc = subprocess.Popen(
            [str(self.exe)],
            cwd=self.cwd,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            return "window up for 15 s offscreen"
        out, err = proc.communicate()
        raise AssertionError(f"exited early with {proc.returncode}: {tail(err or out)}")

    def run_all(self) -> int:
        print(f"Smoke test of {self.exe} (ZANTARA_HOME={self.home / 'home'})", flush=True)
        self.check("--version", self.version)
        self.check("knowledge query (malu, id)", self.knowledge_malu)
        self.check("knowledge query (arithmetic)", self.knowledge_neutral)
        self.check("ask --offline", self.ask_offline)
        self.check("ask (Claude stand-in)", self.ask_claude)
        self.check("models list", self.models_list)
        self.check("gui starts (offscreen)", self.gui_starts)
        failed = [name for name, ok, _ in self.results if not ok]
        print(
            f"{len(self.results) - len(failed)}/{len(self.results)} checks passed"
            + (f"; FAILED: {', '.join(failed)}" if failed else ""),
            flush=True,
        )
        return 1 if failed else 0

    def cleanup(self) -> None:
        shutil.rmtree(self.home, ignore_errors=True)


def tail(text: str, n: int = 400) -> str:
    text = (text or "").strip()
    return text if len(text) <= n else "..." + text[-n:]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    exe = Path(args[0]).resolve() if args else DEFAULT_EXE
    if not exe.exists():
        print(f"FAIL  built app not found at {exe}: run `make package` first.", file=sys.stderr)
        return 2
    smoke = Smoke(exe)
    try:
        return smoke.run_all()
    finally:
        smoke.cleanup()


if __name__ == "__main__":
    sys.exit(main())
