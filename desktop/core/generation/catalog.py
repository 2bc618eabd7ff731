"""The generation catalog (``knowledge/generation_catalog.json``) and the prompts built from it.

The catalog is data, not code, so the team can add topics or reword prompts without touching the generator.
An entry is one topic × one category × one language; its id ``<topic>.<category>.<language>`` is recorded in
each generated insight's provenance. Entries are visited round-robin over (category, language) cells so that
any target spreads across languages and categories instead of exhausting the first topic.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core import paths
from desktop.core.errors import ZantaraError
from desktop.core.knowledge.insight import CATEGORIES, LANGUAGES, Insight
from desktop.core.llm.base import Message

CATALOG_FILE = "generation_catalog.json"
#: JSON schema the model's output is constrained to (a llama.cpp grammar). No maxLength: bounded repetitions
#: make llama.cpp's grammar sampling many times slower; the length gate bounds the text instead.
OUTPUT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"text": {"type": "string"}},
    "required": ["text"],
    "additionalProperties": False,
}


class CatalogError(ZantaraError):
    """The catalog file is missing or malformed, or a filter selects nothing."""


@dataclass(frozen=True)
class CatalogEntry:
    topic: str
    category: str
    language: str
    label: str  # the topic as written in the entry's language
    concepts: tuple[str, ...]
    terms: tuple[str, ...]  # words that show the text is about the topic (concept aliases)
    seed_prompt: str = ""

    @property
    def id(self) -> str:
        return f"{self.topic}.{self.category}.{self.language}"


@dataclass
class Prompt:
    """What is sent for one attempt, plus the texts the echo gate compares the answer with."""

    system: str
    messages: list[Message]
    echo_sources: list[str] = field(default_factory=list)


class Catalog:
    def __init__(self, data: dict[str, Any], concepts: dict[str, dict[str, Any]]) -> None:
        self.data = data
        self.version = int(data.get("version", 1))
        self.languages: dict[str, dict[str, Any]] = data["languages"]
        self.concepts = concepts
        self.entries: list[CatalogEntry] = []
        for topic in data["topics"]:
            terms = self._terms(topic)
            for category in topic["categories"]:
                for language in LANGUAGES:
                    self.entries.append(
                        CatalogEntry(
                            topic=topic["id"],
                            category=category,
                            language=language,
                            label=topic["labels"][language],
                            concepts=tuple(topic["concepts"]),
                            terms=terms,
                            seed_prompt=topic.get("seed_prompt", ""),
                        )
                    )
        self._by_id = {e.id: e for e in self.entries}
        self._labels: dict[str, dict[str, str]] = {t["id"]: t["labels"] for t in data["topics"]}

    def _terms(self, topic: dict[str, Any]) -> tuple[str, ...]:
        terms: list[str] = list(topic.get("terms", []))
        for slug in topic["concepts"]:
            concept = self.concepts.get(slug, {})
            terms += [slug.replace("_", " "), *concept.get("aliases", [])]
        # Very short aliases ("we", "Bu") match everywhere; they prove nothing about the topic.
        return tuple(dict.fromkeys(t.casefold() for t in terms if len(t) >= 4))

    @classmethod
    def load(cls, root: Path | None = None) -> Catalog:
        folder = root or paths.knowledge_dir()
        try:
            data = json.loads((folder / CATALOG_FILE).read_text(encoding="utf-8"))
            concept_list = json.loads((folder / "concepts.json").read_text(encoding="utf-8"))["concepts"]
            catalog = cls(data, {c["slug"]: c for c in concept_list})
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise CatalogError(
                f"The generation catalog in {folder} is missing or malformed ({exc!r}).",
                f"Restore knowledge/{CATALOG_FILE} from the repository.",
            ) from exc
        return catalog

    def get(self, entry_id: str) -> CatalogEntry | None:
        return self._by_id.get(entry_id)

    def plan(self, languages: Sequence[str], categories: Sequence[str]) -> Plan:
        return Plan(self, list(languages), list(categories))

    def topic_label(self, slug: str, language: str) -> str:
        """A concept's name in ``language`` (the catalog's topic label, else concepts.json's English one)."""
        if slug in self._labels:
            return self._labels[slug][language]
        return str(self.concepts.get(slug, {}).get("label", slug.replace("_", " ")))

    def category_label(self, language: str, category: str) -> str:
        return str(self.languages[language]["categories"].get(category, category))

    def instruction(self, language: str, label: str, category: str) -> str:
        template = str(self.languages[language]["instruction"])
        return template.format(topic=label, category=self.category_label(language, category))

    def fallback_examples(self, language: str) -> list[Insight]:
        out = []
        for item in self.data.get("fallback_examples", {}).get(language, []):
            out.append(Insight.from_dict({**item, "language": language, "source": "curated"}))
        return out


class Plan:
    """The endless round-robin sequence of entries for chosen languages and categories.

    Index ``i`` maps to cell ``i % cells`` (language varies fastest, then category) and to the
    ``i // cells``-th topic of that cell, so the sequence is a pure function of the index: a resumed run
    continues exactly where it stopped.
    """

    def __init__(self, catalog: Catalog, languages: list[str], categories: list[str]) -> None:
        bad = [x for x in languages if x not in LANGUAGES] + [x for x in categories if x not in CATEGORIES]
        if bad:
            raise CatalogError(
                f"Unknown language or category: {', '.join(bad)}.",
                f"Languages: {', '.join(LANGUAGES)}; categories: {', '.join(CATEGORIES)}.",
            )
        self.cells: list[list[CatalogEntry]] = []
        for category in categories:
            for language in languages:
                cell = [e for e in catalog.entries if e.category == category and e.language == language]
                if cell:
                    self.cells.append(cell)
        if not self.cells:
            raise CatalogError(
                "The catalog has no entry for these languages and categories.",
                "Choose other --languages / --categories, or add topics to the catalog.",
            )

    def entry_at(self, index: int) -> CatalogEntry:
        cell = self.cells[index % len(self.cells)]
        return cell[(index // len(self.cells)) % len(cell)]


class FewShot:
    """Curated insights to show the model as examples, by language (with the catalog's fallbacks)."""

    def __init__(self, insights: Sequence[Insight], catalog: Catalog) -> None:
        self.by_language: dict[str, list[Insight]] = {lang: [] for lang in LANGUAGES}
        for insight in insights:
            if insight.language in self.by_language and insight.source == "curated":
                self.by_language[insight.language].append(insight)
        for lang, items in self.by_language.items():
            if len(items) < 3:
                items.extend(catalog.fallback_examples(lang))

    @classmethod
    def from_pack(cls, catalog: Catalog, root: Path | None = None) -> FewShot:
        from desktop.core.knowledge.pack import pack_files, read_pack

        insights, _errors = read_pack(pack_files(root))
        return cls(insights, catalog)

    def pick(self, entry: CatalogEntry, index: int, k: int = 3) -> list[Insight]:
        """Up to ``k`` examples: same concept, then same category, rotating with ``index`` for variety."""
        pool = self.by_language.get(entry.language, [])
        same_concept = [i for i in pool if set(i.concepts) & set(entry.concepts)]
        same_category = [i for i in pool if i.category == entry.category and i not in same_concept]
        rest = [i for i in pool if i not in same_concept and i not in same_category]
        chosen: list[Insight] = []
        for group in (same_concept, same_category, rest):
            if not group:
                continue
            start = index % len(group)
            for j in range(len(group)):
                if len(chosen) >= k:
                    return chosen
                chosen.append(group[(start + j) % len(group)])
        return chosen


def build_prompt(catalog: Catalog, entry: CatalogEntry, examples: Sequence[Insight]) -> Prompt:
    """Few-shot chat: each example is a user instruction and the JSON the assistant answered."""
    language = entry.language
    system = str(catalog.languages[language]["system"])
    messages: list[Message] = []
    for example in examples:
        slug = example.concepts[0] if example.concepts else ""
        label = catalog.topic_label(slug, language) if slug else example.category
        messages.append(Message("user", catalog.instruction(language, label, example.category)))
        messages.append(Message("assistant", json.dumps({"text": example.text}, ensure_ascii=False)))
    instruction = catalog.instruction(language, entry.label, entry.category)
    messages.append(Message("user", instruction))
    return Prompt(system, messages, [system, instruction, *(e.text for e in examples)])
