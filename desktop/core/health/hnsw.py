"""Validate a persisted Chroma HNSW segment folder in Python, before Chroma's native code reads it.

Chroma 1.5 (its hnswlib fork) writes per segment: ``header.bin`` (100 bytes of index parameters),
``data_level0.bin`` (one fixed-size record per element: level-0 links, the vector, the label),
``length.bin`` (one float32 norm per element), ``link_lists.bin`` (upper-level links, each element's block
preceded by its byte size) and ``index_metadata.pickle`` (id <-> label maps). hnswlib trusts these files: an
out-of-range neighbour id crashes the process (SIGSEGV) and a short file silently drops elements. Every
check here is arithmetic on the bytes, so a damaged file becomes a sentence instead of a crash.
"""

from __future__ import annotations

import pickle
import struct
from pathlib import Path
from typing import Any

import numpy as np

HEADER = struct.Struct("<iQQQQQQiIQQQdQ")  # version, offsetLevel0, max, count, record size, label offset,
# data offset, max level, entry point, maxM, maxM0, M, mult, ef_construction
FILES = ("header.bin", "data_level0.bin", "length.bin", "link_lists.bin")


class _DataOnly(pickle.Unpickler):
    """The metadata pickle holds only dicts, ints and strings: refuse anything that would run code."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"unexpected object {module}.{name}")


def read_metadata_pickle(path: Path) -> dict[str, Any]:
    with path.open("rb") as fh:
        data = _DataOnly(fh).load()
    if not isinstance(data, dict):
        raise ValueError("not a mapping")
    return data


def check_segment(folder: Path, dim: int | None, cosine: bool) -> list[str]:
    """Problems found in one persisted HNSW segment folder (empty when it is sound)."""
    missing = [name for name in FILES if not (folder / name).is_file()]
    if missing:
        return [f"missing {', '.join(missing)}"]
    raw = (folder / "header.bin").read_bytes()
    if len(raw) != HEADER.size:
        return [f"header.bin is {len(raw)} bytes, expected {HEADER.size}"]
    (_v, off0, max_el, count, rec, label_off, data_off, max_level, entry, max_m, max_m0, _m, _mult, _ef) = (
        HEADER.unpack(raw)
    )
    vec_bytes = label_off - data_off
    if (
        off0 != 0
        or not 0 <= count <= max_el < 1 << 40
        or max_m0 <= 0
        or max_m0 > 4096
        or data_off != max_m0 * 4 + 4
        or rec != label_off + 8
        or vec_bytes <= 0
        or vec_bytes % 4
        or (dim is not None and vec_bytes != dim * 4)
        or not -1 <= max_level < 64
        or not 0 < max_m <= max_m0
    ):
        return ["header.bin holds inconsistent index parameters"]
    if count and not 0 <= entry < count:
        return ["header.bin points to an entry element that does not exist"]
    problems: list[str] = []
    size = (folder / "data_level0.bin").stat().st_size
    if size not in (count * rec, max_el * rec):
        return [f"data_level0.bin is {size} bytes, expected {count * rec} for {count} elements"]
    if (folder / "length.bin").stat().st_size not in (count * 4, max_el * 4):
        return ["length.bin does not match the element count"]
    if count == 0:
        return []
    records = np.fromfile(folder / "data_level0.bin", dtype=np.uint8, count=count * rec).reshape(count, rec)
    links = records[:, :data_off].copy().view("<u4")
    sizes = links[:, 0] & 0xFFFF
    if int(sizes.max()) > max_m0:
        problems.append("data_level0.bin has link lists longer than the index allows")
    else:
        used = np.arange(max_m0)[None, :] < sizes[:, None]
        if used.any() and int(links[:, 1:][used].max()) >= count:
            problems.append("data_level0.bin links to elements that do not exist")
    vectors = records[:, data_off:label_off].copy().view("<f4")
    if not np.isfinite(vectors).all():
        problems.append("data_level0.bin holds vectors that are not numbers")
    elif cosine:
        norms = np.linalg.norm(vectors, axis=1)
        if float(np.abs(norms - 1.0).max()) > 0.01:
            problems.append("data_level0.bin holds vectors that are not unit length")
    labels = records[:, label_off:].copy().view("<u8").ravel()
    if len(np.unique(labels)) != count:
        problems.append("data_level0.bin holds duplicate labels")
    norms_file = np.fromfile(folder / "length.bin", dtype="<f4", count=count)
    if not (np.isfinite(norms_file).all() and (norms_file >= 0).all()):
        problems.append("length.bin holds invalid norms")
    problems += _check_upper_links(folder / "link_lists.bin", count, max_m)
    problems += _check_metadata(folder / "index_metadata.pickle", labels)
    return problems


def _check_upper_links(path: Path, count: int, max_m: int) -> list[str]:
    data = path.read_bytes()
    block = max_m * 4 + 4
    pos = 0
    for _ in range(count):
        if pos + 4 > len(data):
            return ["link_lists.bin is shorter than its element count"]
        (nbytes,) = struct.unpack_from("<I", data, pos)
        pos += 4
        if nbytes % block or pos + nbytes > len(data):
            return ["link_lists.bin holds an invalid link block"]
        if nbytes:
            levels = np.frombuffer(data, dtype="<u4", count=nbytes // 4, offset=pos).reshape(-1, max_m + 1)
            sizes = levels[:, 0] & 0xFFFF
            if int(sizes.max()) > max_m:
                return ["link_lists.bin has link lists longer than the index allows"]
            used = np.arange(max_m)[None, :] < sizes[:, None]
            if used.any() and int(levels[:, 1:][used].max()) >= count:
                return ["link_lists.bin links to elements that do not exist"]
        pos += nbytes
    if pos != len(data):
        return ["link_lists.bin has trailing bytes"]
    return []


def _check_metadata(path: Path, labels: np.ndarray) -> list[str]:
    if not path.is_file():
        return ["index_metadata.pickle is missing"]
    try:
        meta = read_metadata_pickle(path)
        label_to_id = meta["label_to_id"]
        id_to_label = meta["id_to_label"]
    except Exception as exc:  # any decoding failure means the same thing: unreadable
        return [f"index_metadata.pickle is unreadable ({type(exc).__name__})"]
    if not isinstance(label_to_id, dict) or not isinstance(id_to_label, dict):
        return ["index_metadata.pickle has an unexpected layout"]
    if len(id_to_label) != len(label_to_id) or not set(label_to_id) <= {int(x) for x in labels}:
        return ["index_metadata.pickle does not match the index"]
    return []
