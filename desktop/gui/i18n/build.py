"""Build the Qt translation files: collect every ``tr("...")`` string in desktop/gui, merge the translations
kept in ``<lang>.json`` (English source text → translation), write ``zantara_<lang>.ts`` (open it in Qt
Linguist) and compile ``zantara_<lang>.qm`` with ``pyside6-lrelease``.

    python -m desktop.gui.i18n.build            # rebuild .ts and .qm (ours and Qt's, below)
    python -m desktop.gui.i18n.build --check    # exit 1 if a string has no translation (CI, tests)
    python -m desktop.gui.i18n.build --qt-only  # only Qt's strings (``make setup`` runs this)

A count is written ``tr("%n answer(s)", n)``: its catalog entry is a list of plural forms (Italian two, Indonesian
one), and ``en.json`` holds English's two forms (only for these), compiled to ``zantara_en.qm``.

JSON rather than hand-edited XML because reviewers read diffs of it easily; the .ts stays the Qt-native file.

It also compiles ``qt/<lang>.json`` (Qt context → Qt's English source text → translation) into
``qt/qtbase_<lang>.qm``: Qt's own dialogs (file dialog, message boxes) where Qt ships no catalog (Indonesian)
or an outdated one (Italian misses Qt 6's "&Look in:"). Those .qm files are generated, not committed.
"""

from __future__ import annotations

import argparse
import ast
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

from desktop.gui.i18n import CONTEXT, HERE, QT_DIR, qt_qm_path

GUI = HERE.parent
TARGETS = ("it", "id")
PLURAL_FORMS = {"en": 2, "it": 2, "id": 1}  # how many forms Qt's rules for the language expect


def _tr_calls(root: Path) -> list[ast.Call]:
    calls = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "tr"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                calls.append(node)
    return calls


def source_strings(root: Path = GUI) -> list[str]:
    """Every literal passed to ``tr()`` in the GUI sources, in first-seen order."""
    seen: dict[str, None] = {}
    for node in _tr_calls(root):
        seen.setdefault(str(node.args[0].value), None)  # type: ignore[attr-defined]
    if root == GUI:
        for label in core_labels():
            seen.setdefault(label, None)
    return list(seen)


def plural_strings(root: Path = GUI) -> list[str]:
    """The literals ``tr()`` gets with a count (``tr("%n answer(s)", n)``): translated as plural forms."""
    seen: dict[str, None] = {}
    for node in _tr_calls(root):
        if len(node.args) > 1 or any(k.arg == "n" for k in node.keywords):
            seen.setdefault(str(node.args[0].value), None)  # type: ignore[attr-defined]
    return list(seen)


def core_labels() -> list[str]:
    """Texts the core defines and the GUI shows through ``tr(...)``: the strategies' labels (from the
    registry), the templates of trace notes, reasons and errors (``core/messages.py``, shown through
    ``gui/core_text.localize``) and the models' descriptions (``models/manifest.json``, and
    ``models/catalog.json``: the Models page's tooltips)."""
    from desktop.core import messages
    from desktop.core.chat.strategies import registry
    from desktop.core.models.catalog import load_catalog
    from desktop.core.models.registry import ModelRegistry

    notes = [str(m.get("notes", "")) for m in ModelRegistry().manifest().get("models", [])]
    notes += [m.notes for m in load_catalog()]
    return [*registry.labels().values(), *messages.templates(), *filter(None, notes)]


Entry = str | list[str]  # a translation, or a count's plural forms


def load_catalog(lang: str) -> dict[str, Entry]:
    path = HERE / f"{lang}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def _complete(entry: Entry | None, plural: bool, lang: str) -> bool:
    if not plural:
        return isinstance(entry, str) and bool(entry)
    return (
        isinstance(entry, list)
        and len(entry) == PLURAL_FORMS[lang]
        and all(isinstance(form, str) and "%n" in form for form in entry)
    )


def missing(lang: str) -> list[str]:
    """Strings with no (or a wrong) translation; for English only the counts' plural forms are needed."""
    catalog = load_catalog(lang)
    plurals = set(plural_strings())
    strings = list(plurals) if lang == "en" else source_strings()
    return [s for s in strings if not _complete(catalog.get(s), s in plurals, lang)]


def _message(text: str, translated: Entry | None) -> list[str]:
    if isinstance(translated, list):
        forms = [f"            <numerusform>{escape(form)}</numerusform>" for form in translated]
        return [
            '    <message numerus="yes">',
            f"        <source>{escape(text)}</source>",
            "        <translation>",
            *forms,
            "        </translation>",
            "    </message>",
        ]
    kind = "" if translated else ' type="unfinished"'
    return [
        "    <message>",
        f"        <source>{escape(text)}</source>",
        f"        <translation{kind}>{escape(translated or '')}</translation>",
        "    </message>",
    ]


def write_ts(lang: str, strings: list[str], catalog: dict[str, Entry]) -> Path:
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE TS>",
        f'<TS version="2.1" language="{lang}" sourcelanguage="en">',
        "<context>",
        f"    <name>{CONTEXT}</name>",
    ]
    for text in strings:
        lines += _message(text, catalog.get(text))
    lines += ["</context>", "</TS>", ""]
    path = HERE / f"zantara_{lang}.ts"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def lrelease() -> str:
    candidates = [
        Path(sys.executable).parent / "pyside6-lrelease",
        shutil.which("pyside6-lrelease"),
        shutil.which("lrelease"),
    ]
    for candidate in candidates:
        if candidate and Path(candidate).exists():
            return str(candidate)
    raise SystemExit("pyside6-lrelease not found: install PySide6 (it ships the tool).")


def write_qt_ts(lang: str, catalog: dict[str, dict[str, str]], path: Path) -> Path:
    """A .ts of Qt's own contexts (``QFileDialog``, ``QMessageBox``...), one ``<context>`` each."""
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE TS>",
        f'<TS version="2.1" language="{lang}" sourcelanguage="en">',
    ]
    for context, messages in sorted(catalog.items()):
        lines += ["<context>", f"    <name>{escape(context)}</name>"]
        for source, translated in messages.items():
            lines += [
                "    <message>",
                f"        <source>{escape(source)}</source>",
                f"        <translation>{escape(translated)}</translation>",
                "    </message>",
            ]
        lines.append("</context>")
    lines += ["</TS>", ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def build_qt(tool: str) -> None:
    """``qt/<lang>.json`` → ``qt/qtbase_<lang>.qm`` (the intermediate .ts goes to a temporary folder)."""
    with tempfile.TemporaryDirectory() as tmp:
        for source in sorted(QT_DIR.glob("*.json")):
            lang = source.stem
            catalog = json.loads(source.read_text(encoding="utf-8"))
            ts = write_qt_ts(lang, catalog, Path(tmp) / f"qtbase_{lang}.ts")
            subprocess.run([tool, "-silent", str(ts), "-qm", str(qt_qm_path(lang))], check=True)


def build(qt_only: bool = False) -> None:
    tool = lrelease()
    build_qt(tool)
    if qt_only:
        return
    strings = source_strings()
    for lang in ("en", *TARGETS):
        ts = write_ts(lang, plural_strings() if lang == "en" else strings, load_catalog(lang))
        subprocess.run([tool, "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report untranslated strings")
    parser.add_argument("--qt-only", action="store_true", help="only compile Qt's strings (qt/<lang>.json)")
    args = parser.parse_args(argv)
    if args.qt_only:
        build(qt_only=True)
        return 0
    gaps = {lang: missing(lang) for lang in ("en", *TARGETS)}
    for lang, items in gaps.items():
        for text in items:
            print(f"{lang}: untranslated: {text!r}")
    if args.check:
        return 1 if any(gaps.values()) else 0
    build()
    return 0


if __name__ == "__main__":
    sys.exit(main())
