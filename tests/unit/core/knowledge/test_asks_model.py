"""What a question asks (asks_model): the answer memory's check that two questions about one thing ask the
same thing of it. The questions below are not in knowledge/questions (written for this test)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from desktop.core.knowledge import asks_model, memory_match
from desktop.core.knowledge.classifiers import train_softmax, train_softmax_wide
from desktop.core.knowledge.embedder import default_embedder


def test_the_wide_trainer_gives_the_same_weights_as_the_plain_one() -> None:
    rng = np.random.default_rng(7)
    x = rng.normal(size=(12, 40))  # more features than rows, as hashed n-grams are
    labels = np.arange(12) % 3
    weight = rng.uniform(0.5, 1.0, size=12)
    plain = train_softmax(x, labels, 3, weight, iterations=200, step=0.5)
    wide = train_softmax_wide(x, labels, 3, weight, iterations=200, step=0.5)
    assert plain.shape == wide.shape == (41, 3)
    np.testing.assert_allclose(wide, plain, atol=1e-9)


def test_character_grams_are_a_unit_vector_that_ignores_case_and_spacing() -> None:
    a, b = asks_model.grams("Berapa  biaya KITAS?"), asks_model.grams("berapa biaya kitas?")
    assert a.shape == (asks_model.GRAMS,)
    assert float(np.linalg.norm(a)) == pytest.approx(1.0)
    np.testing.assert_array_equal(a, b)
    assert float(a @ asks_model.grams("Quanto costa il KITAS?")) < 0.5
    assert not asks_model.grams("").any()


def test_unreadable_lines_are_skipped_and_no_vectors_means_no_model(tmp_path: Path) -> None:
    folder = tmp_path / asks_model.FOLDER
    folder.mkdir()
    rows = [{"text": "How much is it?", "asks": ["cost"]}, {"text": "", "asks": ["cost"]}, {"asks": ["when"]}]
    folder.joinpath("asks.jsonl").write_text(
        "\n".join([*(json.dumps(r) for r in rows), "{not json", '{"text": "When?", "asks": []}']),
        encoding="utf-8",
    )
    assert asks_model.load_questions(tmp_path) == [("How much is it?", ["cost"])]
    assert asks_model.load_questions(tmp_path / "nowhere") == []
    # a query never embeds: without stored vectors the model is not ready, and the decision goes without it
    assert asks_model.build(default_embedder(), tmp_path, embed_missing=False) is None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("How much would an investor KITAS set me back?", "Berapa biaya KITAS investor?", True),
        ("How much would an investor KITAS set me back?", "Dokumen apa yang perlu disiapkan untuk KITAS investor?", False),
        ("Entro quando devo pagare il THR ai dipendenti?", "By what date must staff receive their THR?", True),
        ("Entro quando devo pagare il THR ai dipendenti?", "Is paying THR to staff compulsory?", False),
        ("Is it rude to blow my nose at the dinner table in Bali?", "Apakah tidak sopan membuang ingus di meja makan?", True),
        ("Is it rude to blow my nose at the dinner table in Bali?", "Quanto costa una cena in un warung a Bali?", False),
    ],
)  # fmt: skip
def test_questions_that_ask_the_same_thing_agree_across_languages(a: str, b: str, same: bool) -> None:
    embedder = default_embedder()
    model = asks_model.build(embedder)
    assert model is not None
    agreement = memory_match.concept_agreement(
        model.probabilities(embedder.embed_query(a), a), model.probabilities(embedder.embed_query(b), b)
    )
    assert (agreement > 0.8) if same else (agreement < 0.5), agreement
