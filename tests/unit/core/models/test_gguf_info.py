"""Bad model files must become one clear ModelFileError naming the file, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.errors import ModelFileError
from desktop.core.models.gguf_info import read_info


def test_reads_bundled_metadata(bundled_model_path: Path) -> None:
    info = read_info(bundled_model_path)
    assert info.architecture == "llama"
    assert info.size_label == "135M"
    assert info.quantization == "Q4_1"
    assert info.context_length == 8192
    assert info.has_chat_template
    assert info.license == "apache-2.0"
    assert 130e6 < info.parameters < 140e6


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ModelFileError, match="does not exist"):
        read_info(tmp_path / "nope.gguf")


def test_text_file_renamed_gguf(tmp_path: Path) -> None:
    fake = tmp_path / "notes.gguf"
    fake.write_text("these are my meeting notes, not a model\n")
    with pytest.raises(ModelFileError, match="not a GGUF model file"):
        read_info(fake)


def test_truncated_file(tmp_path: Path, bundled_model_path: Path) -> None:
    cut = tmp_path / "cut.gguf"
    with bundled_model_path.open("rb") as src:
        cut.write_bytes(src.read(20_000_000))
    with pytest.raises(ModelFileError, match="truncated"):
        read_info(cut)


def test_corrupt_after_header(tmp_path: Path) -> None:
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(b"GGUF" + bytes(range(256)) * 20)
    with pytest.raises(ModelFileError, match=r"bad\.gguf"):
        read_info(bad)
