"""The one atomic-write helper: a reader sees the old file or the new one, and no temp file stays behind."""

from __future__ import annotations

import ast
from pathlib import Path

import numpy as np
import pytest

from desktop.core.atomic import atomic_write_bytes, atomic_write_text, replacing

DESKTOP = Path(__file__).resolve().parents[3] / "desktop"


def test_write_replaces_and_creates_the_folder(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "f.json"
    atomic_write_text(target, "old")
    atomic_write_bytes(target, "nuovo è".encode())
    assert target.read_text(encoding="utf-8") == "nuovo è"
    assert [p.name for p in target.parent.iterdir()] == ["f.json"]


def test_a_write_failing_half_way_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "f.json"
    atomic_write_text(target, "old")
    with pytest.raises(RuntimeError), replacing(target) as tmp:
        tmp.write_text("half")
        raise RuntimeError("disk full")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["f.json"]


def test_replacing_keeps_the_suffix_a_writer_insists_on(tmp_path: Path) -> None:
    target = tmp_path / "v.npz"
    with replacing(target, suffix=".npz") as tmp:
        np.savez(tmp, a=np.arange(3))  # savez appends .npz to a name without it
    with np.load(target) as data:
        assert list(data["a"]) == [0, 1, 2]
    assert [p.name for p in tmp_path.iterdir()] == ["v.npz"]


def test_no_module_renames_a_temp_file_by_hand() -> None:
    """Every atomic replace goes through desktop/core/atomic.py (downloads resume a partial file: their own)."""
    allowed = {"atomic.py", "download.py"}
    offenders = []
    for path in DESKTOP.rglob("*.py"):
        if path.name in allowed:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in {"replace", "mkstemp"}:
                owner = node.value
                if isinstance(owner, ast.Name) and owner.id in {"os", "tempfile"}:
                    offenders.append(f"{path.relative_to(DESKTOP)}:{node.lineno}")
    assert offenders == []
