"""May this local model write an answer in this language? Decided before the model runs, so the user does not
wait for text that would be thrown away or that they could not use.

Two sources, in order:

1. **Declared**: the model's entry in ``models/manifest.json`` or ``models/catalog.json`` lists the languages it
   writes well and the roles it suits. The bundled SmolLM2-135M writes fluent English but makes facts up (invented
   URLs, wrong customs), so it declares the ``live_notes`` and ``insights`` roles only: offline, earlier Claude
   answers and the insights answer instead, and the Models page offers a model that can write answers. It
   also declares ``unfit_for: cultural_notes`` (measured): its live notes are not sent to Claude.
2. **Learned**: for any other GGUF (a file the user added), the readability guard's verdicts on the model's own
   answers are kept per model file and language. When most of its recent answers in a language were unreadable,
   that language is skipped too.

The record is small JSON in the data folder, written atomically; a damaged record is ignored, never fatal.
"""

from __future__ import annotations

import contextlib
import json
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from desktop.core import paths
from desktop.core.chat.readability import LANGUAGE_NAMES
from desktop.core.messages import say

ANSWERS = "offline_answers"  # the catalog's role name for writing whole answers
NOTES = "cultural_notes"  # a task of the live_notes role: the note for Claude (the warm tone is the other)
RECENT = 5  # verdicts kept per (model, language)
MIN_VERDICTS = 3  # never skip on less evidence than this
MAX_UNREADABLE_SHARE = 0.8  # skip when at least this share of the recent answers were unreadable

_lock = threading.Lock()


@dataclass(frozen=True)
class Declared:
    languages: tuple[str, ...] | None  # None: not declared
    roles: tuple[str, ...] | None
    unfit_for: tuple[str, ...] = ()  # tasks inside a role the model was measured to do badly


@lru_cache(maxsize=32)
def _declared_table(models_dir: str) -> dict[str, Declared]:
    """File name → what its manifest/catalog entry declares."""
    table: dict[str, Declared] = {}
    for name in ("catalog.json", "manifest.json"):  # the manifest wins for the bundled file
        try:
            raw = json.loads((Path(models_dir) / name).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        for item in raw.get("models", []):
            languages, roles, unfit = item.get("languages"), item.get("roles"), item.get("unfit_for")
            if item.get("file"):
                table[str(item["file"])] = Declared(
                    tuple(map(str, languages)) if isinstance(languages, list) else None,
                    tuple(map(str, roles)) if isinstance(roles, list) else None,
                    tuple(map(str, unfit)) if isinstance(unfit, list) else (),
                )
    return table


def declared(model_path: Path | None) -> Declared:
    """What the model's manifest/catalog entry declares (all None for a file nothing is known about)."""
    if model_path is None:
        return Declared(None, None)
    return _declared_table(str(paths.bundled_models_dir())).get(Path(model_path).name, Declared(None, None))


def _record_path() -> Path:
    return paths.data_dir() / "local-language-record.json"


def _key(model_path: Path) -> str:
    try:
        return f"{Path(model_path).name}:{Path(model_path).stat().st_size}"  # a replaced file starts afresh
    except OSError:
        return Path(model_path).name


def _load() -> dict[str, dict[str, list[int]]]:
    try:
        data = json.loads(_record_path().read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def record(model_path: Path | None, language: str, readable: bool) -> None:
    """Remember one guard verdict on an answer of this model in ``language``."""
    if model_path is None or not language:
        return
    from desktop.core.atomic import atomic_write_text

    with _lock:
        data = _load()
        verdicts = data.setdefault(_key(model_path), {}).setdefault(language, [])
        verdicts.append(int(readable))
        del verdicts[:-RECENT]
        with contextlib.suppress(OSError):  # the record is an optimisation; answers never fail for it
            atomic_write_text(_record_path(), json.dumps(data, indent=1, sort_keys=True))


def skip_reason(model_path: Path | None, language: str) -> str:
    """Why this model should not write an answer in ``language`` ("" when it may)."""
    if model_path is None or not language:
        return ""
    stem, name = Path(model_path).stem, LANGUAGE_NAMES.get(language, language)
    found = declared(model_path)
    if found.roles is not None and ANSWERS not in found.roles:
        return say("fit.notes_only", model=stem)
    if found.languages is not None:
        if language in found.languages:
            return ""
        return say("fit.manifest", model=stem, language=name, languages=", ".join(found.languages))
    verdicts = _load().get(_key(model_path), {}).get(language, [])
    unreadable = verdicts.count(0)
    if len(verdicts) >= MIN_VERDICTS and unreadable / len(verdicts) >= MAX_UNREADABLE_SHARE:
        return say("fit.unreadable", model=stem, language=name, unreadable=unreadable, n=len(verdicts))
    return ""


def note_skip_reason(model_path: Path | None) -> str:
    """Why this model's live cultural notes are not given to Claude ("" when they are).

    A model's manifest entry may declare ``"unfit_for": ["cultural_notes"]``: the bundled SmolLM2-135M does,
    because in a labelled sample 81% of its notes that passed every check misread the message (a note "the
    person is afraid of losing their job" for a question about pointing with the thumb), and Claude takes the
    note as reference. Any other model's notes are used, and checked as before."""
    if model_path is not None and NOTES in declared(model_path).unfit_for:
        return say("fit.no_notes", model=Path(model_path).stem)
    return ""
