"""The catalog of recommended GGUF models (``models/catalog.json``) and installing one from it.

The bundled model cannot write Indonesian or Italian; the catalog makes a bigger one one click away. It holds no
sha256: the hub's published sha256 is read at download time (see :mod:`desktop.core.models.download`).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from desktop.core import paths
from desktop.core.cancel import CancelToken
from desktop.core.errors import ModelNotFound
from desktop.core.models.download import ProgressCallback, download_file
from desktop.core.models.registry import ModelEntry, ModelRegistry, slug

ROLES = ("offline_answers", "live_notes", "insights")
TEAM_LANGUAGES = ("id", "it", "en")


@dataclass(frozen=True)
class CatalogModel:
    name: str
    title: str
    repo_id: str
    file: str
    size_bytes: int
    ram_gb: float
    license: str
    languages: tuple[str, ...]
    roles: tuple[str, ...]
    notes: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def catalog_path() -> Path:
    return paths.bundled_models_dir() / "catalog.json"


def load_catalog(path: Path | None = None) -> list[CatalogModel]:
    raw = json.loads((path or catalog_path()).read_text(encoding="utf-8"))
    return [
        CatalogModel(
            name=m["name"],
            title=m["title"],
            repo_id=m["repo_id"],
            file=m["file"],
            size_bytes=int(m["size_bytes"]),
            ram_gb=float(m["ram_gb"]),
            license=m["license"],
            languages=tuple(m["languages"]),
            roles=tuple(m["roles"]),
            notes=m.get("notes", ""),
        )
        for m in raw["models"]
    ]


def find(name: str, catalog: list[CatalogModel] | None = None) -> CatalogModel:
    catalog = catalog if catalog is not None else load_catalog()
    for model in catalog:
        if model.name == name:
            return model
    raise ModelNotFound(
        f"No catalog model named '{name}'.",
        f"Catalog names: {', '.join(m.name for m in catalog)}. Any hub file: zantara models download REPO FILE",
    )


def suggest_for_ram(total_ram_bytes: int, catalog: list[CatalogModel] | None = None) -> CatalogModel | None:
    """The biggest catalog model that writes all three team languages and fits in half the laptop's RAM (the
    other half stays for the app, Chroma and the browser); None when nothing fits."""
    catalog = catalog if catalog is not None else load_catalog()
    budget_gb = total_ram_bytes / 2 / 1e9
    fitting = [m for m in catalog if m.ram_gb <= budget_gb and set(TEAM_LANGUAGES) <= set(m.languages)]
    return max(fitting, key=lambda m: m.ram_gb, default=None)


#: llama.cpp's decode speed on a CPU is about this many tokens/s per physical core per GB of model file: the
#: bundled SmolLM2-135M (0.1 GB) writes ~90 tokens/s on 2 threads (docs/benchmarks.md), rounded down.
TOKENS_PER_S_PER_CORE_GB = 4.0
MIN_TOKENS_PER_S = 4.0  # slower than this an offline answer of 200 words takes over a minute


@dataclass(frozen=True)
class Suggestion:
    """The one model to offer on this laptop, and the figures that chose it (the GUI says why)."""

    model: CatalogModel
    cores: int
    ram_gb: float
    tokens_per_s: float


def tokens_per_s(model: CatalogModel, cores: int) -> float:
    return TOKENS_PER_S_PER_CORE_GB * max(1, cores) / max(0.1, model.size_bytes / 1e9)


def suggest_for_laptop(
    total_ram_bytes: int, cores: int, catalog: list[CatalogModel] | None = None
) -> Suggestion | None:
    """The best model for offline answers this laptop can run: it writes the three team languages, its
    licence allows the consultancy's work, it fits in half the RAM and it writes at least
    ``MIN_TOKENS_PER_S`` on these cores (a 7B model fits 16 GB but crawls on 2 cores). The biggest of those."""
    catalog = catalog if catalog is not None else load_catalog()
    budget_gb = total_ram_bytes / 2 / 1e9
    fitting = [
        m
        for m in catalog
        if set(TEAM_LANGUAGES) <= set(m.languages)
        and "offline_answers" in m.roles
        and "non-commercial" not in m.license.lower()
        and m.ram_gb <= budget_gb
        and tokens_per_s(m, cores) >= MIN_TOKENS_PER_S
    ]
    best = max(fitting, key=lambda m: m.size_bytes, default=None)
    if best is None:
        return None
    return Suggestion(
        best, max(1, cores), round(total_ram_bytes / 1e9, 1), round(tokens_per_s(best, cores), 1)
    )


def laptop() -> tuple[int, int]:
    """(total RAM in bytes, physical cores) of this machine."""
    import os

    import psutil

    return int(psutil.virtual_memory().total), psutil.cpu_count(logical=False) or os.cpu_count() or 2


def install(
    repo_id: str,
    filename: str,
    *,
    name: str = "",
    registry: ModelRegistry | None = None,
    revision: str = "main",
    endpoint: str | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    free_bytes: int | None = None,
) -> ModelEntry:
    """Download a hub file into the user models folder and register it (name: ``name`` or from the file)."""
    path = download_file(
        repo_id,
        filename,
        revision=revision,
        dest_dir=paths.user_models_dir(),
        endpoint=endpoint,
        progress=progress,
        cancel=cancel,
        free_bytes=free_bytes,
    )
    registry = registry or ModelRegistry()
    return registry.add(path, name=name or slug(Path(filename).stem))
