"""Generation fixtures: the real curated store (copied per test), the real catalog, a scripted JSON model."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from generation_fakes import JsonScriptedModel
from support.knowledge import curated_store, curated_store_dir  # noqa: F401  (pytest fixtures)

from desktop.core.generation.catalog import Catalog, FewShot
from desktop.core.generation.gates import Gates
from desktop.core.generation.generator import Generator
from desktop.core.generation.runs import RunStore
from desktop.core.knowledge.store import KnowledgeStore


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return Catalog.load()


@pytest.fixture
def make_generator(curated_store: KnowledgeStore, catalog: Catalog) -> Callable[..., Generator]:  # noqa: F811
    """Build a generator over the real curated store with any model (new instances share the SQLite runs)."""
    gates = Gates.build(curated_store, catalog)
    fewshot = FewShot.from_pack(catalog)

    def make(model: object | None = None, name: str = "scripted-json") -> Generator:
        return Generator(
            model=model or JsonScriptedModel(),  # type: ignore[arg-type]
            model_name=name,
            model_sha256="0" * 64,
            store=curated_store,
            catalog=catalog,
            fewshot=fewshot,
            gates=gates,
            runs=RunStore(),
        )

    return make
