"""The local runtime with the real bundled model: streaming, cancel, JSON schema, sharing, bad files."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from desktop.core.cancel import CancelToken
from desktop.core.errors import Cancelled, ModelFileError
from desktop.core.llm.base import Message
from desktop.core.llm.local import LocalModel

pytestmark = pytest.mark.slow


def test_streams_several_chunks(local_model: LocalModel) -> None:
    chunks = list(local_model.stream([Message("user", "Say hello in Indonesian")], max_tokens=40))
    assert len(chunks) > 3
    assert "".join(chunks).strip()
    assert local_model.last_stats["tokens"] == len(chunks)


def test_cancel_mid_generation_stops_and_frees_the_model(local_model: LocalModel) -> None:
    cancel = CancelToken()
    seen = 0
    with pytest.raises(Cancelled):
        for _ in local_model.stream(
            [Message("user", "Write a long story about Bali.")], max_tokens=400, cancel=cancel
        ):
            seen += 1
            if seen == 5:
                cancel.cancel()
    assert seen == 5
    # the lock was released: the next caller is served
    assert local_model.complete([Message("user", "Hi")], max_tokens=5)


def test_json_schema_constrained_output(local_model: LocalModel) -> None:
    schema = {
        "type": "object",
        "properties": {
            "text": {"type": "string", "maxLength": 200},
            "category": {"type": "string", "enum": ["emotion", "business"]},
        },
        "required": ["text", "category"],
    }
    value = local_model.complete_json(
        [Message("user", "Write one insight about the Indonesian feeling of malu.")],
        schema=schema,
        max_tokens=200,
    )
    assert set(value) >= {"text", "category"}
    assert value["category"] in ("emotion", "business")


def test_shared_instance_serves_two_threads(bundled_model_path: Path, local_model: LocalModel) -> None:
    assert LocalModel.shared(bundled_model_path, n_ctx=2048, n_threads=2) is local_model
    results: list[str] = []
    errors: list[BaseException] = []

    def ask(prompt: str) -> None:
        try:
            results.append(local_model.complete([Message("user", prompt)], max_tokens=20, temperature=0))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=ask, args=(p,)) for p in ("Name a fruit.", "Name a colour.")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors and len(results) == 2 and all(r.strip() for r in results)


def test_cancel_while_waiting_for_the_model(local_model: LocalModel) -> None:
    """A caller queued behind a long generation can give up without waiting for it."""
    started = threading.Event()
    release = CancelToken()

    def hog() -> None:
        try:
            for _ in local_model.stream(
                [Message("user", "Count to one hundred.")], max_tokens=300, cancel=release
            ):
                started.set()
        except Cancelled:
            pass

    t = threading.Thread(target=hog)
    t.start()
    assert started.wait(30)
    waiting = CancelToken()
    waiting.cancel()
    with pytest.raises(Cancelled):
        list(local_model.stream([Message("user", "Hi")], max_tokens=5, cancel=waiting))
    release.cancel()
    t.join(30)


@pytest.mark.parametrize("content", [b"plain text notes\n", b"GGUF" + b"\x07" * 4000])
def test_bad_files_raise_model_file_error(tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(content)
    with pytest.raises(ModelFileError, match=r"bad\.gguf"):
        LocalModel(bad).load()


def test_missing_file_raises_model_file_error(tmp_path: Path) -> None:
    with pytest.raises(ModelFileError, match="does not exist"):
        LocalModel(tmp_path / "gone.gguf").load()
