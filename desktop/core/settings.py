"""User settings: one JSON file in the config folder, written atomically.

Never holds the API key (that lives in the OS keyring, see :mod:`desktop.core.secrets`). Unknown keys from a
newer version are kept on save so a downgrade does not lose them.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from desktop.core import paths
from desktop.core.errors import SettingsError

STRATEGIES = ("combo", "rag", "enrich", "wrap", "rewrite", "team")
PROFILES = ("team", "client")
UI_LANGUAGES = ("en", "it", "id")
THEMES = ("system", "light", "dark")


@dataclass
class Settings:
    # Claude
    claude_chat_model: str = "claude-haiku-5-5"
    claude_strong_model: str = "claude-sonnet-5-5"
    connect_timeout_s: float = 3.0
    first_token_deadline_s: float = 8.0
    claude_max_retries: int = 1
    breaker_probe_initial_s: float = 15.0
    breaker_probe_max_s: float = 300.0
    # Strategies
    strategy: str = "combo"
    profile: str = "team"
    enrich_deadline_ms: int = 600
    retrieval_k: int = 3
    # Local model
    local_model: str = ""  # registry name; empty = the bundled default
    threads: int = 0  # 0 = automatic
    context_size: int = 2048
    # Answer memory: who asked (empty = the OS login name)
    user_name: str = ""
    # Knowledge store
    chroma_url: str = ""  # empty = local PersistentClient; ZANTARA_CHROMA_URL overrides
    # GUI
    ui_language: str = "en"
    theme: str = "system"
    extra: dict[str, Any] = field(default_factory=dict)

    def validate(self) -> None:
        if self.strategy not in STRATEGIES:
            raise SettingsError(
                f"Unknown strategy '{self.strategy}'.", f"Choose one of: {', '.join(STRATEGIES)}."
            )
        if self.profile not in PROFILES:
            raise SettingsError(f"Unknown profile '{self.profile}'.", "Choose 'team' or 'client'.")
        if self.ui_language not in UI_LANGUAGES:
            raise SettingsError(f"Unknown UI language '{self.ui_language}'.", "Choose en, it or id.")
        if self.theme not in THEMES:
            raise SettingsError(f"Unknown theme '{self.theme}'.", "Choose system, light or dark.")
        if not 0.1 <= self.connect_timeout_s <= 60 or not 0.5 <= self.first_token_deadline_s <= 300:
            raise SettingsError(
                "Timeouts out of range.", "Use 0.1-60 s to connect and 0.5-300 s to first token."
            )
        if self.threads < 0 or self.context_size < 256:
            raise SettingsError("Threads must be >= 0 and context size >= 256.")

    def effective_chroma_url(self) -> str:
        return os.environ.get("ZANTARA_CHROMA_URL", "") or self.chroma_url

    def effective_threads(self) -> int:
        if self.threads > 0:
            return self.threads
        return max(1, min(4, os.cpu_count() or 2))

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        path = path or paths.settings_path()
        if not path.exists():
            return cls()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise SettingsError(
                f"Settings file {path} is unreadable ({exc}).", "Fix or delete it; defaults will be used."
            ) from exc
        known = {f.name for f in fields(cls)} - {"extra"}
        settings = cls(**{k: v for k, v in raw.items() if k in known})
        settings.extra = {k: v for k, v in raw.items() if k not in known}
        settings.validate()
        return settings

    def save(self, path: Path | None = None) -> None:
        self.validate()
        path = path or paths.settings_path()
        data = asdict(self)
        data.update(data.pop("extra"))
        atomic_write_text(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def atomic_write_text(path: Path, text: str) -> None:
    """Write via a temp file + rename so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
