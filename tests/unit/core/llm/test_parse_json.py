"""parse_json_object: what a local model's JSON answer may look like and still be used."""

from __future__ import annotations

import pytest

from desktop.core.errors import ZantaraError
from desktop.core.llm.base import parse_json_object


def test_a_raw_line_break_inside_a_string_is_accepted() -> None:
    # the bundled model's grammar-constrained answer in a fresh-clone CI run (strict JSON refuses it)
    text = '{ "text" : "Malu is shame,\nand respect." ,"category" :"emotion"}'
    assert parse_json_object(text) == {"text": "Malu is shame,\nand respect.", "category": "emotion"}


def test_a_cut_answer_or_a_non_object_still_raises_with_a_fix() -> None:
    with pytest.raises(ZantaraError, match="cut short"):
        parse_json_object('{"text": "Malu is')
    with pytest.raises(ZantaraError, match="not an object"):
        parse_json_object('["malu"]')
