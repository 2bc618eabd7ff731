"""One word per concept in each language: the Indonesian UI said "wawasan budaya" in the main window and
"insight" on the Models and Usage pages (QA in a real window)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import desktop.gui.i18n as i18n_package

CATALOGS = Path(i18n_package.__file__).parent


def test_indonesian_says_wawasan_for_insight_everywhere() -> None:
    catalog = json.loads((CATALOGS / "id.json").read_text(encoding="utf-8"))
    texts = [" / ".join(v) if isinstance(v, list) else v for v in catalog.values()]  # a count's plural forms
    english_word = {v for v in texts if re.search(r"\binsights?\b", v, re.IGNORECASE)}
    assert not english_word, english_word
    assert sum("wawasan" in v.lower() for v in texts) > 10
