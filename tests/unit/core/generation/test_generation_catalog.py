"""The shipped generation catalog and the prompts and few-shot examples built from it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core import paths
from desktop.core.generation.catalog import Catalog, CatalogError, FewShot, build_prompt
from desktop.core.knowledge.insight import CATEGORIES, LANGUAGES, Insight


def test_every_concept_category_and_language_has_entries(catalog: Catalog) -> None:
    ids = [e.id for e in catalog.entries]
    assert len(ids) == len(set(ids))
    concepts = json.loads((paths.knowledge_dir() / "concepts.json").read_text(encoding="utf-8"))["concepts"]
    topics = {e.topic for e in catalog.entries}
    assert {c["slug"] for c in concepts} <= topics
    cells = {(e.category, e.language) for e in catalog.entries}
    assert cells == {(c, lang) for c in CATEGORIES for lang in LANGUAGES}


def test_the_design_docs_phase1_prompts_are_themes(catalog: Catalog) -> None:
    seeds = {e.seed_prompt for e in catalog.entries if e.seed_prompt}
    assert any("malu" in s for s in seeds)
    assert any("business culture" in s for s in seeds)
    assert any("emotional response patterns" in s for s in seeds)
    assert any("Balinese" in s for s in seeds)


def test_round_robin_spreads_over_languages_and_categories(catalog: Catalog) -> None:
    plan = catalog.plan(list(LANGUAGES), list(CATEGORIES))
    first = [plan.entry_at(i) for i in range(len(LANGUAGES) * len(CATEGORIES))]
    assert {(e.category, e.language) for e in first} == {(c, lang) for c in CATEGORIES for lang in LANGUAGES}
    assert [e.language for e in first[:3]] == list(LANGUAGES)  # languages alternate attempt by attempt
    second = plan.entry_at(len(first))
    assert second.category == first[0].category and second.topic != first[0].topic  # next topic of the cell
    assert plan.entry_at(1000).id == catalog.plan(list(LANGUAGES), list(CATEGORIES)).entry_at(1000).id


def test_unknown_language_or_category_is_refused_with_the_choices(catalog: Catalog) -> None:
    with pytest.raises(CatalogError, match="Languages: id, it, en"):
        catalog.plan(["fr"], ["emotion"])
    with pytest.raises(CatalogError, match="culinary"):
        catalog.plan(["en"], ["culinary"])


def test_terms_drop_aliases_too_short_to_prove_a_topic(catalog: Catalog) -> None:
    kita = catalog.get("inclusive_kita.communication.en")
    assert kita is not None
    assert "we" not in kita.terms and "together" in kita.terms


def test_few_shot_uses_the_requested_language_and_concept(catalog: Catalog) -> None:
    fewshot = FewShot.from_pack(catalog)
    entry = catalog.get("jam_karet.daily_life.it")
    assert entry is not None
    examples = fewshot.pick(entry, 0)
    assert len(examples) == 3
    assert all(e.language == "it" for e in examples)
    assert "jam_karet" in examples[0].concepts
    assert fewshot.pick(entry, 1) != examples or len(fewshot.by_language["it"]) < 4


def test_fallback_examples_cover_a_language_without_a_curated_pack(catalog: Catalog) -> None:
    fewshot = FewShot([], catalog)
    entry = catalog.get("malu.emotion.id")
    assert entry is not None
    examples = fewshot.pick(entry, 0)
    assert examples and all(isinstance(e, Insight) and e.language == "id" for e in examples)
    assert "malu" in examples[0].concepts


def test_prompt_is_written_in_the_target_language_with_json_examples(catalog: Catalog) -> None:
    entry = catalog.get("nyepi.religion_ceremony.id")
    assert entry is not None
    examples = FewShot([], catalog).pick(entry, 0, k=2)
    prompt = build_prompt(catalog, entry, examples)
    assert prompt.messages[-1].content.startswith("Tulis dalam bahasa Indonesia")
    assert "Nyepi" in prompt.messages[-1].content
    assert [m.role for m in prompt.messages] == ["user", "assistant", "user", "assistant", "user"]
    assert json.loads(prompt.messages[1].content)["text"] == examples[0].text
    assert examples[0].text in prompt.echo_sources and prompt.system in prompt.echo_sources


def test_a_broken_catalog_says_how_to_fix_it(tmp_path: Path) -> None:
    (tmp_path / "generation_catalog.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"Restore knowledge/generation_catalog\.json"):
        Catalog.load(tmp_path)
