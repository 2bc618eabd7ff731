"""The shipped curated pack: valid, big enough, spread over languages, categories and concepts."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from desktop.core import paths
from desktop.core.knowledge.insight import CATEGORIES, LANGUAGES
from desktop.core.knowledge.pack import pack_files, pack_hash, read_pack


def test_pack_is_valid_and_big_enough() -> None:
    files = pack_files()
    assert files, "knowledge/packs/*.jsonl is missing"
    insights, errors = read_pack(files)
    assert errors == []
    by_lang = Counter(i.language for i in insights)
    assert len(insights) >= 600
    assert all(by_lang[lang] >= 150 for lang in LANGUAGES), by_lang
    cells = Counter((i.language, i.category) for i in insights)
    missing = [(lang, cat) for lang in LANGUAGES for cat in CATEGORIES if cells[(lang, cat)] == 0]
    assert missing == []


def test_pack_concepts_come_from_the_vocabulary_and_cover_it() -> None:
    vocab = json.loads((paths.knowledge_dir() / "concepts.json").read_text(encoding="utf-8"))
    slugs = {c["slug"] for c in vocab["concepts"]}
    insights, _ = read_pack(pack_files())
    used = Counter(c for i in insights for c in i.concepts)
    assert set(used) <= slugs, set(used) - slugs
    assert slugs <= set(used), slugs - set(used)


def test_pack_hash_changes_with_content(tmp_path: Path) -> None:
    (tmp_path / "packs").mkdir()
    f = tmp_path / "packs" / "a.jsonl"
    f.write_text("{}\n")
    first = pack_hash(pack_files(tmp_path))
    f.write_text("{} \n")
    assert pack_hash(pack_files(tmp_path)) != first
