"""The registry lists the bundled default with metadata, adds user GGUFs, and refuses bad files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.core import paths
from desktop.core.errors import ModelFileError, ModelNotFound
from desktop.core.models.registry import ModelRegistry


@pytest.mark.slow  # reads the bundled GGUF's metadata (10 s on a busy machine)
def test_bundled_default_listed_with_metadata() -> None:
    entries = ModelRegistry().list()
    default = next(e for e in entries if e.default)
    assert default.bundled and default.status == "ok"
    assert default.info is not None and default.info.architecture == "llama"
    assert default.to_dict()["metadata"]["quantization"] == "Q4_1"


@pytest.mark.slow  # reads the bundled GGUF's metadata (10 s on a busy machine)
def test_resolve_empty_name_gives_default() -> None:
    registry = ModelRegistry()
    assert registry.resolve("").name == registry.default_name()


def test_add_user_model_and_choose_it(tmp_path: Path, bundled_model_path: Path) -> None:
    copy = tmp_path / "My-Llama-3.2-3B-Instruct.Q4_K_M.gguf"
    shutil.copy(bundled_model_path, copy)
    registry = ModelRegistry()
    entry = registry.add(copy)
    assert entry.name == "my-llama-3-2-3b-instruct-q4-k-m"
    assert registry.resolve(entry.name).path == copy.resolve()
    assert any(e.name == entry.name for e in ModelRegistry().list())
    assert registry.remove(entry.name)
    with pytest.raises(ModelNotFound):
        registry.get(entry.name)


def test_add_refuses_bad_file_and_records_nothing(tmp_path: Path) -> None:
    fake = tmp_path / "fake.gguf"
    fake.write_text("hello")
    registry = ModelRegistry()
    with pytest.raises(ModelFileError):
        registry.add(fake)
    assert not (paths.data_dir() / "models.json").exists()


@pytest.mark.slow  # reads the bundled GGUF's metadata (10 s on a busy machine)
def test_dropped_file_in_user_folder_is_found_and_a_broken_one_is_marked(tmp_path: Path) -> None:
    (paths.user_models_dir() / "broken.gguf").write_text("not a model")
    entry = next(e for e in ModelRegistry().list() if e.path.name == "broken.gguf")
    assert entry.status == "invalid" and "not a GGUF" in entry.error
    with pytest.raises(ModelFileError):
        ModelRegistry().resolve(entry.name)


def test_missing_bundled_file_says_how_to_fetch(tmp_path: Path) -> None:
    manifest = tmp_path / "manifest.json"
    manifest.write_text(
        '{"default": "x", "models": [{"name": "x", "file": "x.gguf", "sha256": "0", "size": 1}]}'
    )
    with pytest.raises(ModelFileError, match="zantara models fetch"):
        ModelRegistry(manifest).resolve("")
