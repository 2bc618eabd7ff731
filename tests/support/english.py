"""Is a visible UI string still English? A general check, not a list of known leftovers.

A string is English in the Italian or Indonesian UI when either

1. it is an English source string of the catalog (``desktop/gui/i18n/<lang>.json``) whose translation differs,
   i.e. ``tr()`` was not called, or was called before the language was set; or
2. it contains an English word: common in English (wordfreq zipf >= 3) and much rarer in the target language
   (at least 1.5 zipf lower; a word the catalog's own translations use counts as part of the language, which is
   how accepted loanwords such as "insight" or "token" are declared).

Words of one or two letters are ignored (language codes such as "it" and "id"; a real English sentence has
longer words too). Identifiers are not words: tokens with a digit, a path, a URL, a file name or inner capitals (model names,
exception types) are skipped, and a short allowlist holds the proper nouns the UI shows as they are.
"""

from __future__ import annotations

import html
import json
import re
from functools import cache
from pathlib import Path

from wordfreq import zipf_frequency

I18N = Path(__file__).resolve().parents[2] / "desktop" / "gui" / "i18n"

# Proper nouns and product names shown untranslated in every language (each is a name, not a word).
NAMES = frozenset(
    {
        "claude",  # the online model's name
        "zantara",  # the app
        "chroma",  # the vector store's product name
        "chromadb",
        "llama",  # llama.cpp, the local runtime
        "anthropic",
        "openai",
        "gguf",  # the model file format
        "jsonl",
        "markdown",
        "smollm",
    }
)
EN_MIN = 3.0  # zipf: a word people actually write in English
MARGIN = 1.5  # zipf: that much rarer in the target language


def catalog(lang: str) -> dict[str, str]:
    """Source text -> translation; a count's plural forms (a list) are joined, as each form is a translation."""
    table = json.loads((I18N / f"{lang}.json").read_text(encoding="utf-8"))
    return {k: " / ".join(v) if isinstance(v, list) else v for k, v in table.items()}


def normalize(text: str) -> str:
    """Compare UI texts without mnemonics, trailing colons or ellipses, and extra whitespace."""
    text = re.sub(r"&(?=\w)", "", text)
    text = " ".join(text.split())
    return text.rstrip(":…").strip()


@cache
def _zipf(word: str, lang: str) -> float:
    return float(zipf_frequency(word, lang))


_IDENTIFIER = re.compile(r"\S*\d\S*|\S*[/\\]\S*|\S+\.\w{2,5}\b|\S*://\S*|\S*[a-z][A-Z]\S*|\S*@\S*")
_WORD = re.compile(r"[^\W\d_]+")


class EnglishDetector:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        table = catalog(lang)
        self.sources = {normalize(s): s for s, t in table.items() if t and normalize(t) != normalize(s)}
        self.vocabulary = {w.lower() for t in table.values() for w in _WORD.findall(t)}

    def english_words(self, text: str) -> list[str]:
        text = _IDENTIFIER.sub(" ", html.unescape(text))
        out = []
        for word in _WORD.findall(text.replace("_", " ")):
            low = word.lower()
            if len(low) < 3 or low in NAMES or low in self.vocabulary:
                continue
            en = _zipf(low, "en")
            if en >= EN_MIN and en - _zipf(low, self.lang) >= MARGIN:
                out.append(word)
        return out

    def problem(self, text: str) -> str:
        """Why ``text`` is still English ("" when it is not)."""
        norm = normalize(text)
        if not norm:
            return ""
        if norm in self.sources:
            return "untranslated catalog string"
        words = self.english_words(norm)
        return f"English words: {', '.join(dict.fromkeys(words))}" if words else ""
