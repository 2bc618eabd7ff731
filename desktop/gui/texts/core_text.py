"""Core texts in the user's language: trace notes, stage names and details, need reasons, store errors.

The core writes English from the templates in ``desktop/core/messages.py`` (it has no Qt). Here a stored text
is matched against those templates, the template is translated with ``tr()`` and the fields go back in,
translated themselves when they are texts of their own and with numbers in the locale's format. Texts that
match no template (an exception's own message) are shown as they are. Codes (stage names, model roles, insight
categories and sources, offline reasons) get their labels here too, so every view shows them the same way.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QLocale

from desktop.core import messages
from desktop.gui.i18n import tr

_FIELD = re.compile(r"\{(\w+)\}")
_NUMBER = re.compile(r"-?\d+\.\d+")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")  # 5,400: English thousands


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """(full-match regex, template), the templates with more fixed text first (the most specific wins)."""
    out = []
    for template in messages.templates():
        parts = _FIELD.split(template)  # literal, field, literal, field, ...
        regex = "".join(re.escape(part) if i % 2 == 0 else f"(?P<{part}>.*?)" for i, part in enumerate(parts))
        out.append((re.compile(regex, re.DOTALL), template))
    out.sort(key=lambda item: -len(_FIELD.sub("", item[1])))
    return tuple(out)


def localize(text: str) -> str:
    """``text`` (written by the core) in the UI language; unknown texts unchanged."""
    if not text:
        return text
    whole = _whole(text)
    if whole is not None:
        return whole
    split = _message_and_hint(text)
    return split if split is not None else tr(text)


def _whole(text: str) -> str | None:
    for pattern, template in _patterns():
        match = pattern.fullmatch(text)
        if match is None:
            continue
        fields = {name: _field(value) for name, value in match.groupdict().items()}
        return tr(template).format(**fields)
    return None


def _message_and_hint(text: str) -> str | None:
    """An error's message then its hint (``ZantaraError``'s text: "{name} is a scan: ... Run it through OCR
    ..."): two templates, each translated. The first must end in fixed text, so where it ends is not a guess."""
    for pattern, template in _patterns():
        if template.endswith("}"):
            continue
        match = pattern.match(text)
        if match is None or not text.startswith(" ", match.end()):
            continue
        rest = _whole(text[match.end() + 1 :])
        if rest is None:
            continue
        fields = {name: _field(value) for name, value in match.groupdict().items()}
        return f"{tr(template).format(**fields)} {rest}"
    return None


def _field(value: str) -> str:
    if _NUMBER.fullmatch(value):
        decimals = len(value.split(".")[1])
        return QLocale().toString(float(value), "f", decimals)
    if _GROUPED.fullmatch(value):
        return number(int(value.replace(",", "")))
    return localize(value) if value else value


def number(value: float, decimals: int = 0) -> str:
    """A number in the UI language's format (1.234,5 in Italian and Indonesian)."""
    return QLocale().toString(float(value), "f", decimals)


def percent(share: float, decimals: int = 1) -> str:
    """A share (0.334) as a percentage in the UI language's format: "33,4%" in Italian and Indonesian."""
    return number(share * 100, decimals) + "%"


def compact(value: float) -> str:
    """A number with as few decimals as it needs (4, 1,5), for sizes like "1,5 GB"."""
    return number(value, 0) if float(value).is_integer() else number(value, 1)


def duration_ms(value: object) -> str:
    """A duration from milliseconds: "235 ms", or from a second on "1,2 s" (the locale's decimal separator)."""
    if value is None:
        return "—"
    try:
        ms = float(str(value))
    except ValueError:
        return str(value)
    return tr("{n} ms").format(n=number(ms)) if ms < 1000 else tr("{n} s").format(n=number(ms / 1000, 1))


def stage_label(name: str) -> str:
    """A trace stage ("answer:local", "retrieval", "enrich:local") in words."""
    part, _, kind = name.partition(":")
    parts = {
        "retrieval": tr("Retrieval"),
        "answer": tr("Answer"),
        "enrich": tr("Cultural note"),
        "opening": tr("Opening"),
        "closing": tr("Closing"),
        "rewrite": tr("Warmer rewrite"),
        "fact_guard": tr("Fact guard"),
        "readability": tr("Readability"),
        "memory": tr("Earlier answers"),
    }
    label = parts.get(part, part)
    if part == "memory" and kind == "index":
        return tr("Saved for offline answers")
    kinds = {"local": tr("local model"), "claude": "Claude", "openai": tr("online model")}
    return f"{label} ({kinds.get(kind, kind)})" if kind else label


def role_label(role: str) -> str:
    """A model's role in a trace ("enrich", "rewrite", "wrap")."""
    roles = {
        "answer": tr("answer"),
        "enrich": tr("cultural note"),
        "rewrite": tr("warmer rewrite"),
        "wrap": tr("opening and closing"),
    }
    return roles.get(role, role)


def source_label(source: str) -> str:
    """Where an insight came from: curated, the user, or a local model ("llama:<model>")."""
    if source.startswith("llama:"):
        return tr("generated by {model}").format(model=source.split(":", 1)[1])
    return {"curated": tr("curated"), "user": tr("added by you")}.get(source, source)


def language_label(code: str) -> str:
    return {"en": tr("English"), "it": tr("Italian"), "id": tr("Indonesian")}.get(code, code)
