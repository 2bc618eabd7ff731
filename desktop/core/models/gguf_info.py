"""Read and check a GGUF file with the `gguf` package (llama.cpp's own reader).

Checking before llama.cpp loads the file matters: llama.cpp on a truncated or non-GGUF file either aborts the
whole process or prints pages of C logs. Here every bad file becomes one :class:`ModelFileError` that names the
file and says what to do.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from desktop.core.errors import ModelFileError

GGUF_MAGIC = b"GGUF"
FIX_HINT = "Download it again, or pick another model with `zantara models list` / `zantara models add PATH`."


@dataclass
class GGUFInfo:
    path: str
    size_bytes: int
    architecture: str
    name: str
    size_label: str
    parameters: int
    quantization: str
    context_length: int
    has_chat_template: bool
    license: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def check_header(path: Path) -> None:
    """Cheap checks (exists, readable, GGUF magic) that need no parsing."""
    if not path.exists():
        raise ModelFileError(f"Model file {path} does not exist.", FIX_HINT)
    if not path.is_file():
        raise ModelFileError(f"Model path {path} is not a file.", FIX_HINT)
    try:
        with path.open("rb") as fh:
            magic = fh.read(4)
    except OSError as exc:
        raise ModelFileError(f"Model file {path} cannot be read ({exc.strerror}).", FIX_HINT) from exc
    if magic != GGUF_MAGIC:
        raise ModelFileError(f"{path.name} is not a GGUF model file (wrong header).", FIX_HINT)


def _field(reader: Any, key: str, default: Any = None) -> Any:
    field = reader.fields.get(key)
    if field is None:
        return default
    try:
        return field.contents()
    except Exception:
        return default


def read_info(path: Path) -> GGUFInfo:
    """Parse metadata and verify that every tensor's data lies inside the file (catches truncation)."""
    import gguf  # imported lazily: it pulls in numpy and takes a moment

    path = Path(path)
    check_header(path)
    size = path.stat().st_size
    try:
        reader = gguf.GGUFReader(path)
    except Exception as exc:
        raise ModelFileError(
            f"{path.name} is damaged or truncated ({type(exc).__name__}: {exc}).", FIX_HINT
        ) from exc
    end = 0
    params = 0
    for tensor in reader.tensors:
        end = max(end, int(tensor.data_offset) + int(tensor.n_bytes))
        params += int(tensor.n_elements)
    if end > size or not reader.tensors:
        raise ModelFileError(
            f"{path.name} is truncated ({size:,} bytes on disk, {end:,} expected).",
            FIX_HINT,
        )
    arch = str(_field(reader, "general.architecture", "unknown"))
    file_type = _field(reader, "general.file_type")
    try:
        quant = (
            gguf.LlamaFileType(int(file_type)).name.removeprefix("MOSTLY_") if file_type is not None else "?"
        )
    except ValueError:
        quant = f"type {file_type}"
    return GGUFInfo(
        path=str(path),
        size_bytes=size,
        architecture=arch,
        name=str(_field(reader, "general.name", path.stem)),
        size_label=str(_field(reader, "general.size_label", "") or _size_label(params)),
        parameters=params,
        quantization=quant,
        context_length=int(_field(reader, f"{arch}.context_length", 0) or 0),
        has_chat_template=_field(reader, "tokenizer.chat_template") is not None,
        license=str(_field(reader, "general.license", "") or ""),
    )


def _size_label(params: int) -> str:
    if params >= 1e9:
        return f"{params / 1e9:.1f}B"
    return f"{params / 1e6:.0f}M"


def file_signature(path: Path) -> str:
    """Identity for caches: changes when the file is replaced or modified."""
    st = os.stat(path)
    return f"{st.st_size}:{st.st_mtime_ns}"
