"""Two (or more) "laptops" for team-sync tests: each its own ZANTARA_HOME with the curated store copied in,
talking to one team server, driven through the real `zantara` CLI in child processes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Laptop:
    home: Path
    env: dict[str, str] = field(default_factory=dict)

    @classmethod
    def make(cls, root: Path, name: str, curated: Path, env: dict[str, str]) -> Laptop:
        home = root / name
        shutil.copytree(curated, home / "data" / "chroma")
        (home / "config").mkdir(parents=True, exist_ok=True)
        settings = {"user_name": name, "strategy": "rag"}
        (home / "config" / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
        return cls(home, env)

    def run(
        self, *args: str, check: bool = True, timeout: float = 600, **extra: str
    ) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("ZANTARA_TEAM", "ZANTARA_CHROMA"))}
        env |= {"PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring", **self.env, **extra}
        env["ZANTARA_HOME"] = str(self.home)
        done = subprocess.run(
            [sys.executable, "-m", "desktop", *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=timeout,
            check=False,
        )
        if check:
            assert done.returncode == 0, f"zantara {' '.join(args)}: {done.stderr[-3000:]}"
        return done

    def json(self, *args: str, **extra: str) -> Any:
        return json.loads(self.run(*args, "--json", **extra).stdout)

    def sync(self, **extra: str) -> dict[str, Any]:
        data: dict[str, Any] = self.json("sync", **extra)
        return data
