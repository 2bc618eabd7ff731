"""User text from the shell, made safe: bytes that are not UTF-8 become U+FFFD, and the user is told.

Python hands undecodable argv bytes over as lone surrogates, which every later step (SQLite, the embedder,
the model clients) refuses with ``UnicodeEncodeError``.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import click

from desktop.core.errors import ZantaraError
from desktop.core.llm.framing import encodable


def clean_text(value: str, what: str) -> str:
    fixed = encodable(value)
    if fixed != value:
        warn_replaced(what)
    return fixed


def warn_replaced(what: str) -> None:
    click.echo(
        f"zantara: the {what} held bytes that are not UTF-8; they were replaced with \ufffd.", err=True
    )


def decode_bytes(data: bytes, what: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        warn_replaced(what)
        return data.decode("utf-8", "replace")


def read_message(stream: BinaryIO | None = None, path: Path | None = None) -> str:
    """The message from a file (``--file``) or standard input (``-``)."""
    if path is not None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ZantaraError(f"Cannot read {path} ({exc.strerror or exc}).", "Check the path.") from exc
        return decode_bytes(data, f"file {path}")
    assert stream is not None
    return decode_bytes(stream.read(), "standard input")
