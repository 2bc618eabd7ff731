"""The price table: one data file shipped in ``models/prices.json`` and an optional user copy in the data
folder (``prices.json``) whose entries win. Prices are US dollars per million tokens."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core import paths
from desktop.core.errors import ZantaraError

FILE_NAME = "prices.json"


@dataclass(frozen=True)
class Price:
    input: float  # USD per million input tokens
    output: float  # USD per million output tokens

    def cost(self, input_tokens: int, output_tokens: int) -> float:
        return (input_tokens * self.input + output_tokens * self.output) / 1_000_000


@dataclass
class PriceTable:
    models: dict[str, Price] = field(default_factory=dict)
    families: dict[str, Price] = field(default_factory=dict)
    default: Price = Price(3.0, 15.0)
    currency: str = "USD"
    sources: list[str] = field(default_factory=list)

    def price(self, model: str) -> Price:
        """Exact model id, else the longest family prefix (``claude-haiku`` for ``claude-haiku-5-5``),
        else the default."""
        if model in self.models:
            return self.models[model]
        family = max((f for f in self.families if model.startswith(f)), key=len, default="")
        return self.families[family] if family else self.default

    def to_dict(self) -> dict[str, Any]:
        return {
            "currency": self.currency,
            "unit": "per_million_tokens",
            "models": {k: vars(v) for k, v in self.models.items()},
            "families": {k: vars(v) for k, v in self.families.items()},
            "default": vars(self.default),
            "sources": self.sources,
        }


def shipped_path() -> Path:
    return paths.bundled_models_dir() / FILE_NAME


def user_path() -> Path:
    return paths.data_dir() / FILE_NAME


def _price(name: str, value: Any, path: Path) -> Price:
    try:
        price = Price(float(value["input"]), float(value["output"]))
    except (TypeError, KeyError, ValueError) as exc:
        raise ZantaraError(
            f"Price '{name}' in {path} needs numbers 'input' and 'output' (USD per million tokens).",
            "Fix the file or delete it to use the shipped prices.",
        ) from exc
    if price.input < 0 or price.output < 0:
        raise ZantaraError(f"Price '{name}' in {path} is negative.", "Fix the file.")
    return price


def _merge(table: PriceTable, path: Path) -> None:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ZantaraError(f"The price table {path} is unreadable ({exc}).", "Fix or delete it.") from exc
    if not isinstance(raw, dict):
        raise ZantaraError(f"The price table {path} must be a JSON object.", "Fix or delete it.")
    for name, value in (raw.get("models") or {}).items():
        table.models[name] = _price(name, value, path)
    for name, value in (raw.get("families") or {}).items():
        table.families[name] = _price(name, value, path)
    if "default" in raw:
        table.default = _price("default", raw["default"], path)
    table.currency = str(raw.get("currency", table.currency))
    table.sources.append(str(path))


def load_prices(shipped: Path | None = None, user: Path | None = None) -> PriceTable:
    """The shipped table with the user's file (if any) on top."""
    table = PriceTable()
    shipped = shipped or shipped_path()
    if shipped.exists():
        _merge(table, shipped)
    user = user or user_path()
    if user.exists():
        _merge(table, user)
    return table
