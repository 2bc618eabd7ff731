"""Read fields from core records whether they arrive as dataclasses or as dicts (SQLite rows, JSON traces).

The GUI only displays these records, so one tolerant accessor keeps the views independent of the exact shape.
"""

from __future__ import annotations

from dataclasses import asdict, is_dataclass
from typing import Any


def attr(obj: Any, name: str, default: Any = None) -> Any:
    if obj is None:
        return default
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def as_dict(obj: Any) -> dict[str, Any]:
    if obj is None:
        return {}
    if isinstance(obj, dict):
        return dict(obj)
    if is_dataclass(obj) and not isinstance(obj, type):
        return asdict(obj)
    if hasattr(obj, "to_dict"):
        return dict(obj.to_dict())
    return dict(vars(obj))
