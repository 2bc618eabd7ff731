"""The model registry: bundled models from ``models/manifest.json`` plus the user's own GGUF files.

User models come from three places: files added with ``zantara models add PATH`` (remembered in
``<data>/models.json``), and any ``*.gguf`` dropped into the user models folder or the shipped ``models/`` folder.
Metadata is read from the files themselves (:mod:`gguf_info`) and cached, since parsing a GGUF takes seconds.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core import paths
from desktop.core.atomic import atomic_write_text
from desktop.core.errors import ModelFileError, ModelNotFound
from desktop.core.messages import say
from desktop.core.models.gguf_info import GGUFInfo, file_signature, read_info


@dataclass
class ModelEntry:
    name: str
    path: Path
    bundled: bool = False
    default: bool = False
    sha256: str = ""
    license: str = ""
    notes: str = ""
    info: GGUFInfo | None = None
    status: str = "ok"  # ok | missing | invalid
    error: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "path": str(self.path),
            "bundled": self.bundled,
            "default": self.default,
            "status": self.status,
            "error": self.error,
            "sha256": self.sha256,
            "license": self.license or (self.info.license if self.info else ""),
            "notes": self.notes,
            "metadata": self.info.to_dict() if self.info else None,
        }


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "model"


class ModelRegistry:
    def __init__(self, manifest_path: Path | None = None) -> None:
        self.manifest_path = manifest_path or paths.bundled_models_dir() / "manifest.json"
        self._lock = threading.Lock()

    # -- sources -------------------------------------------------------------------------------------------
    def manifest(self) -> dict[str, Any]:
        try:
            return dict(json.loads(self.manifest_path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return {"models": [], "default": ""}

    def _user_file(self) -> Path:
        return paths.data_dir() / "models.json"

    def _user_models(self) -> list[dict[str, Any]]:
        try:
            return list(json.loads(self._user_file().read_text(encoding="utf-8")).get("models", []))
        except (OSError, ValueError):
            return []

    def _bundled_file(self, item: dict[str, Any]) -> Path:
        """A bundled file lives in the shipped models/ folder, or in the user models folder when the shipped one
        was read-only at fetch time (a packaged app)."""
        shipped = self.manifest_path.parent / item["file"]
        fallback = paths.user_models_dir() / item["file"]
        return shipped if shipped.exists() or not fallback.exists() else fallback

    # -- listing -------------------------------------------------------------------------------------------
    def list(self, with_metadata: bool = True) -> list[ModelEntry]:
        manifest = self.manifest()
        default = manifest.get("default", "")
        entries: list[ModelEntry] = []
        seen: set[Path] = set()
        for item in manifest.get("models", []):
            path = self._bundled_file(item)
            entries.append(
                ModelEntry(
                    name=item["name"],
                    path=path,
                    bundled=True,
                    default=item["name"] == default,
                    sha256=item.get("sha256", ""),
                    license=item.get("license", ""),
                    notes=item.get("notes", ""),
                    extra={"size": item.get("size"), "source": item.get("source", {})},
                )
            )
            seen.add(path.resolve())
        for item in self._user_models():
            path = Path(item["path"])
            if path.resolve() in seen:
                continue
            entries.append(ModelEntry(name=item["name"], path=path, notes=item.get("notes", "")))
            seen.add(path.resolve())
        names = {e.name for e in entries}
        for folder in (self.manifest_path.parent, paths.user_models_dir()):
            for path in sorted(folder.glob("*.gguf")):
                if path.resolve() in seen:
                    continue
                name = slug(path.stem)
                while name in names:
                    name += "-2"
                names.add(name)
                entries.append(ModelEntry(name=name, path=path, notes=say("model.found_in_folder")))
                seen.add(path.resolve())
        if with_metadata:
            for entry in entries:
                self._fill_metadata(entry)
        return entries

    def _fill_metadata(self, entry: ModelEntry) -> None:
        if not entry.path.exists():
            entry.status = "missing"
            entry.error = (
                f"{entry.path.name} is not downloaded yet: run `zantara models fetch`."
                if entry.bundled
                else f"{entry.path} no longer exists: add the model again or remove it."
            )
            return
        try:
            entry.info = self._cached_info(entry.path)
        except ModelFileError as exc:
            entry.status = "invalid"
            entry.error = str(exc)

    def _cached_info(self, path: Path) -> GGUFInfo:
        cache_file = paths.cache_dir() / "gguf-metadata.json"
        key = f"{path.resolve()}|{file_signature(path)}"
        with self._lock:
            try:
                cache = json.loads(cache_file.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                cache = {}
            if key in cache:
                return GGUFInfo(**cache[key])
            info = read_info(path)
            cache[key] = info.to_dict()
            atomic_write_text(cache_file, json.dumps(cache, indent=1))
            return info

    # -- choosing ------------------------------------------------------------------------------------------
    def default_name(self) -> str:
        return str(self.manifest().get("default", ""))

    def get(self, name: str) -> ModelEntry:
        for entry in self.list(with_metadata=False):
            if entry.name == name or entry.path.name == name:
                return entry
        choices = ", ".join(e.name for e in self.list(with_metadata=False)) or "none"
        raise ModelNotFound(
            f"No local model named '{name}'.", f"Known models: {choices}. Add one: zantara models add PATH"
        )

    def resolve(self, name: str = "") -> ModelEntry:
        """The model to load: ``name`` or the bundled default. Checks the file so a bad one fails clearly now."""
        entry = self.get(name or self.default_name())
        self._fill_metadata(entry)
        if entry.status != "ok":
            raise ModelFileError(entry.error)
        return entry

    # -- adding --------------------------------------------------------------------------------------------
    def add(self, path: Path, name: str = "") -> ModelEntry:
        """Register a GGUF where it lies (no copy: user models are often gigabytes)."""
        path = Path(path).expanduser().resolve()
        info = read_info(path)  # raises ModelFileError on a bad file: nothing is recorded
        name = name or slug(path.stem)
        models = [m for m in self._user_models() if m["name"] != name and Path(m["path"]) != path]
        if any(e.name == name and e.bundled for e in self.list(with_metadata=False)):
            raise ModelNotFound(
                f"'{name}' is the name of a bundled model.", "Choose another name with --name."
            )
        models.append({"name": name, "path": str(path)})
        atomic_write_text(self._user_file(), json.dumps({"models": models}, indent=2) + "\n")
        return ModelEntry(name=name, path=path, info=info)

    def remove(self, name: str) -> bool:
        models = self._user_models()
        kept = [m for m in models if m["name"] != name]
        if len(kept) == len(models):
            return False
        atomic_write_text(self._user_file(), json.dumps({"models": kept}, indent=2) + "\n")
        return True
