"""UI language, switchable at run time with Qt translation files (``zantara_it.qm``, ``zantara_id.qm``).

All GUI strings go through :func:`tr` with one context, so one catalog per language covers the whole app.
Switching installs a new ``QTranslator``; Qt then sends every widget a ``LanguageChange`` event and each
widget re-applies its texts in ``retranslate()``. English is the source language and needs no file.
"""

from __future__ import annotations

import json
import logging
from functools import cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

CONTEXT = "Zantara"
HERE = Path(__file__).resolve().parent
QT_DIR = HERE / "qt"  # our catalogs of Qt's own strings (see qt_qm_path)
LANGUAGES = {"en": "English", "it": "Italiano", "id": "Bahasa Indonesia"}

_installed: list[QTranslator] = []
_current = "en"


def tr(text: str, n: int | None = None) -> str:
    """Translate a UI string (the English text is the key). With ``n``, the text is a count (``"%n answer(s)"``):
    the catalog's plural form for ``n`` is chosen (English's forms too, from ``en.json``) and ``%n`` replaced."""
    if n is None:
        return QCoreApplication.translate(CONTEXT, text)
    if _current == "en" and not _installed:  # before set_language (a tool window made on its own)
        forms = _english_plurals().get(text)
        if forms:
            return (forms[0] if n == 1 else forms[-1]).replace("%n", str(n))
    return QCoreApplication.translate(CONTEXT, text, None, int(n))


@cache
def _english_plurals() -> dict[str, list[str]]:
    try:
        table = json.loads((HERE / "en.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in table.items() if isinstance(v, list)}


def qm_path(code: str) -> Path:
    return HERE / f"zantara_{code}.qm"


def qt_qm_path(code: str) -> Path:
    """Our translation of Qt's own dialogs (file dialog, message boxes) for ``code``: all of it for id, which
    Qt ships no catalog for, and for it the Qt 6 strings its ``qtbase_it.qm`` predates ("&Look in:").
    Built from ``qt/<code>.json`` by ``python -m desktop.gui.i18n.build``."""
    return QT_DIR / f"qtbase_{code}.qm"


def current_language() -> str:
    return _current


def set_language(code: str) -> bool:
    """Install the catalog for ``code`` (en, it, id); True if the app's own catalog loaded (always for en)."""
    global _current
    app = QCoreApplication.instance()
    if app is None or code not in LANGUAGES:
        return False
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    _current = code
    QLocale.setDefault(QLocale(code))
    if code == "en":
        plurals = QTranslator(
            app
        )  # English needs a catalog only for its plural forms ("1 answer", "2 answers")
        if plurals.load(str(qm_path("en"))):
            app.installTranslator(plurals)
            _installed.append(plurals)
        # Removing translators already triggers LanguageChange; send one anyway for the first switch to en.
        QCoreApplication.sendEvent(app, _language_change_event())
        return True
    ok = False
    own = QTranslator(app)
    if own.load(str(qm_path(code))):
        app.installTranslator(own)
        _installed.append(own)
        ok = True
    qt_base = QTranslator(app)  # Qt's own dialogs (Ok/Cancel, file dialog) in the same language when shipped
    if qt_base.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_base)
        _installed.append(qt_base)
    ours = QTranslator(app)  # installed last, so asked first: it fills what Qt's catalog lacks
    if ours.load(str(qt_qm_path(code))):
        app.installTranslator(ours)
        _installed.append(ours)
    elif (QT_DIR / f"{code}.json").exists():
        log.warning("%s is missing: run `python -m desktop.gui.i18n.build`", qt_qm_path(code))
    return ok


def _language_change_event() -> QEvent:
    return QEvent(QEvent.Type.LanguageChange)
