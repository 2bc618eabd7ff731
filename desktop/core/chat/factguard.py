"""The fact guard: does a rewrite keep every fact of the original and add none?

The rewrite strategy lets a small local model restyle Claude's answer. Small models drop list items, swap
currencies and, worst, move numbers to another meaning ("processing: 4-6 weeks" turns "valid for 4-6 weeks").
A user must never get a warmer but wrong answer, so the rewrite is shown only if this guard passes.

Deliberately rule-based (regular expressions, no model): it must be fast, deterministic and explainable,
and it errs on the strict side: a false alarm costs only warmth (the user gets Claude's original), a miss
costs trust.

What is compared, in English, Indonesian and Italian:

* numbers, normalised by value ("10 billion" = "10 miliar" = "10 miliardi" = 10.000.000.000 = 10,000,000,000);
* amounts with their currency (IDR/Rp/rupiah, USD/$, EUR/€) - the same figure in another currency is broken;
* percentages (25%, 25 persen, 25 per cento);
* durations and ranges ("4-6 weeks", "4-6 minggu", "da 4 a 6 settimane", "18+ months"), each with the role of
  its nearest governing word (processing vs validity): a duration that changes role counts as broken;
* dates, URLs and e-mail addresses;
* acronyms (KITAS, PT PMA, BKPM) and proper nouns;
* list items (bullets and "Requirements: a, b, c" enumerations): every content word of each item must survive.

Anything of those kinds in the rewrite but not in the original is an *added* fact and fails the guard too.
Decisions (see the tests): a handful of setting words (Bali, Indonesia, Indonesian...) may be added freely,
honorifics (Anda, Bapak, Lei) are not proper nouns, and re-numbering a list ("1.", "2.") adds no numbers.
The seed's own "warm rewrite" of the KITAS text fails: it adds "18+ months" of passport validity, "PT PMA" and
the expansion "Kartu Izin Tinggal Terbatas", facts the dry original never stated.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

KINDS = (
    "urls",
    "emails",
    "dates",
    "amounts",
    "percentages",
    "durations",
    "numbers",
    "acronyms",
    "proper_nouns",
    "list_items",
)

# --- numbers ------------------------------------------------------------------------------------------------

NUM = r"\d+(?:[.,]\d+)*"
SCALES: dict[str, float] = {}
for _words, _scale in (
    ("thousand ribu rb mila", 1e3),
    ("million millions mln juta milione milioni mio", 1e6),
    ("billion billions bn miliar milyar miliardo miliardi mld", 1e9),
    ("trillion trillions triliun trilyun trilione trilioni", 1e12),
):
    for _w in _words.split():
        SCALES[_w] = _scale
SCALE = r"(?:" + "|".join(sorted(SCALES, key=len, reverse=True)) + r")\b"

NUMBER_WORDS: dict[str, int] = {}
for _lang_words in (
    "one two three four five six seven eight nine ten eleven twelve",
    "satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas",
    "uno due tre quattro cinque sei sette otto nove dieci undici dodici",
):
    for _i, _w in enumerate(_lang_words.split(), start=1):
        NUMBER_WORDS.setdefault(_w, _i)
NUMBER_WORDS["una"] = 1
NUMWORD = r"(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
QTY = rf"(?:{NUM}|\b{NUMWORD})"


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


def parse_number(raw: str) -> float:
    """'1.000.000', '1,000,000' -> 1e6; '2,5' and '2.5' -> 2.5; 'enam' -> 6."""
    word = raw.casefold()
    if word in NUMBER_WORDS:
        return float(NUMBER_WORDS[word])
    seps = [c for c in raw if c in ".,"]
    if not seps:
        return float(raw)
    if len(set(seps)) == 2:  # both: the last one is the decimal separator
        decimal = seps[-1]
        thousands = "," if decimal == "." else "."
        return float(raw.replace(thousands, "").replace(decimal, "."))
    sep = seps[0]
    groups = raw.split(sep)
    if len(seps) > 1 or (len(groups[-1]) == 3 and 1 <= len(groups[0]) <= 3 and groups[0] != "0"):
        return float(raw.replace(sep, ""))
    return float(raw.replace(sep, "."))


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0")


def _value(raw: str, scale: str | None) -> float:
    value = parse_number(raw)
    if scale:
        value *= SCALES[scale.casefold()]
    return round(value, 4)


# --- patterns -----------------------------------------------------------------------------------------------

URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()\"']+", re.I)
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
LIST_NUMBER = re.compile(r"(?m)^\s*\d{1,2}[.)](?=\s)")

MONTHS: dict[str, int] = {}
for _lang_months in (
    "january february march april may june july august september october november december",
    "januari februari maret april mei juni juli agustus september oktober november desember",
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
):
    for _i, _m in enumerate(_lang_months.split(), start=1):
        MONTHS.setdefault(_m, _i)
for _abbr, _i in (
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("agu", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("okt", 10),
    ("nov", 11),
    ("dec", 12),
    ("des", 12),
    ("dic", 12),
    ("gen", 1),
    ("giu", 6),
    ("lug", 7),
    ("ago", 8),
    ("ott", 10),
):
    MONTHS.setdefault(_abbr, _i)
MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DATE_PATTERNS = (
    re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"),
    re.compile(r"\b(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})\b"),
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mn>{MONTH})(?:\s+(?P<y>\d{{4}}))?\b", re.I),
    re.compile(rf"\b(?P<mn>{MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{{4}}))?\b", re.I),
    re.compile(rf"\b(?P<mn>{MONTH})\s+(?P<y>\d{{4}})\b", re.I),
)

CURRENCIES = {
    "idr": "IDR", "rp": "IDR", "rupiah": "IDR",
    "usd": "USD", "us$": "USD", "$": "USD", "dollar": "USD", "dollars": "USD", "dollari": "USD",
    "dolar": "USD",
    "eur": "EUR", "€": "EUR", "euro": "EUR", "euros": "EUR",
}  # fmt: skip
CUR_BEFORE = r"(?P<cur>US\$|\$|€|\b(?:IDR|Rp\.?|USD|EUR)(?=[\s\d]))"
CUR_AFTER = r"(?P<cur2>IDR|USD|EUR|rupiah|dollars?|dollari|dolar|euros?|€)\b"
AMOUNT = re.compile(
    rf"{CUR_BEFORE}\s*(?P<n>{NUM})(?:\s*(?P<s>{SCALE}))?"
    rf"|(?P<n2>{NUM})(?:\s*(?P<s2>{SCALE}))?\s*(?:di\s+|of\s+)?{CUR_AFTER}",
    re.I,
)
PERCENT = re.compile(rf"(?P<n>{NUM})\s*(?:%|percent\b|per\s*cent\b|persen\b|per\s*cento\b|percento\b)", re.I)

UNITS: dict[str, str] = {}
for _words, _unit in (
    ("working days|business days|hari kerja|giorni lavorativi|giorni feriali", "working day"),
    ("days|day|hari|giorni|giorno", "day"),
    ("weeks|week|minggu|pekan|settimane|settimana", "week"),
    ("months|month|bulan|mesi|mese", "month"),
    ("years|year|tahun|anni|anno", "year"),
    ("hours|hour|jam|ore|ora", "hour"),
):
    for _w in _words.split("|"):
        UNITS[_w] = _unit
UNIT = r"(?:" + "|".join(sorted((re.escape(u) for u in UNITS), key=len, reverse=True)) + r")\b"
RANGE_JOIN = r"(?:\s*[-–—]\s*|\s+(?:to|and|until|sampai|hingga|s/d|sd|a|e|o|or|atau)\s+)"
DURATION = re.compile(
    rf"(?P<lo>{QTY})(?:{RANGE_JOIN}(?P<hi>{QTY}))?\s*(?P<plus>\+)?\s*(?P<unit>{UNIT})", re.I
)
NUMBER = re.compile(rf"(?<![\w.,]){NUM}(?:\s*(?P<s>{SCALE}))?(?P<plus>\+)?")

ROLE_WORDS = {
    "processing": (
        "processing process processed takes take took taking turnaround wait waiting proses diproses "
        "memproses memakan waktu butuh membutuhkan perlu waktu pengurusan penyelesaian elaborazione tempi "
        "richiede richiedono ci vogliono ci vuole attesa lavorazione"
    ),
    "validity": (
        "valid validity expires expire expiry berlaku masa berlaku kedaluwarsa valido valida validi validità "
        "scade scadenza"
    ),
}
ROLE_RE = {
    role: re.compile(r"\b(?:" + "|".join(sorted(set(words.split()), key=len, reverse=True)) + r")\w*", re.I)
    for role, words in ROLE_WORDS.items()
}
CLAUSE_BREAK = re.compile(r"(?<!\d)[.;!?](?!\d)|\n|,\s+(?=[A-Z])")

ACRONYM = re.compile(r"(?<![\w$€])(?=[A-Z0-9-]*[A-Z][A-Z0-9-]*[A-Z])[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*(?![\w$])")
NOT_ACRONYMS = {"OK", "AM", "PM", "FAQ", "PS"}
CAPWORD = re.compile(r"(?<![\w'’-])[A-ZÀ-Ý][a-zà-ÿ]+(?:[-'’][A-Za-zà-ÿ]+)*")
SENTENCE_START = re.compile(r"(?:^|[.!?:\n•*]|^\s*-|\n\s*-|\d[.)])\s*[\"'“(]?\s*$")
HONORIFICS = {
    "i", "i'm", "i'll", "i've", "i'd", "anda", "bapak", "ibu", "pak", "bu", "mas", "mbak", "kak", "lei", "la",
    "le", "suo", "sua", "suoi", "sue", "voi", "vi", "ti", "tuhan",
}  # fmt: skip
GAZETTEER = {
    "bali", "indonesia", "jakarta", "denpasar", "ubud", "canggu", "seminyak", "kuta", "sanur", "lombok",
    "java", "jawa", "imigrasi", "ngurah", "rai",
}  # fmt: skip
#: Words a warm rewrite may add without adding a fact: the setting every answer takes place in.
SETTING_WORDS = {
    "bali", "balinese", "indonesia", "indonesian", "indonesians", "indonesiano", "indonesiana", "indonesiani",
    "zantara",
}  # fmt: skip

BULLET = re.compile(r"(?m)^\s*(?:[-*•]|\d{1,2}[.)])\s+(?P<item>.+)$")
INLINE_LIST = re.compile(r":\s*(?P<body>[^.:\n]+?,[^.:\n]+?)(?:\.(?!\d)|\n|$)")
WORDS = re.compile(r"[^\W\d_]+", re.UNICODE)
STOPWORDS = _wordset(
    """a an the and or of to for in on at by with from as is are be been this that these those your you our we
    it its per each any all some other such more most less very about into than then also only just can may
    must will need needs needed required require requires apply applies applied include includes including etc
    e o di da del della dei delle degli il lo la le gli un una uno per con su tra fra che è sono ogni al alla
    alle ai agli nel nella nei nelle si può possono deve devono serve servono richiesto richiesta richiesti
    yang dan atau dari ke di untuk dengan pada oleh sebagai ini itu adalah ada setiap semua juga harus perlu
    bisa dapat dalam akan berlaku"""
)
PERCENT_WORDS = {"percent", "persen", "cento", "percento"}
#: Words that say the same thing in a rewrite ("minimum 25%" = "at least 25%").
SYNONYMS = {
    "minimum": ("minimum", "least", "minimal", "minimo", "minima", "almeno", "sedikitnya", "paling", "min"),
    "maximum": ("maximum", "most", "maksimal", "maksimum", "massimo", "massima", "max"),
}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


def _stem(word: str) -> str:
    return word[: max(4, len(word) - 3)] if len(word) > 4 else word


# --- extraction ---------------------------------------------------------------------------------------------


@dataclass
class Facts:
    """Facts of one text, by kind: canonical key -> human-readable label."""

    by_kind: dict[str, dict[Any, str]] = field(default_factory=lambda: {k: {} for k in KINDS})
    duration_roles: dict[Any, set[str]] = field(default_factory=dict)
    text: str = ""
    words: set[str] = field(default_factory=set)  # folded stems of every word, for list items


class _Blanker:
    """Text whose matched spans get blanked, so a figure is counted once (as an amount, not also a number)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def take(self, pattern: re.Pattern[str]) -> list[re.Match[str]]:
        matches = list(pattern.finditer(self.text))
        for m in matches:
            self.text = self.text[: m.start()] + " " * (m.end() - m.start()) + self.text[m.end() :]
        return matches


def _role(text: str, start: int, end: int) -> str:
    """The role of a duration: the nearest processing/validity word in its clause, or 'other'."""
    left = max((m.end() for m in CLAUSE_BREAK.finditer(text, 0, start)), default=0)
    nxt = CLAUSE_BREAK.search(text, end)
    right = nxt.start() if nxt else len(text)
    best, best_dist = "other", 10**9
    for role, pattern in ROLE_RE.items():
        for m in pattern.finditer(text, left, right):
            dist = start - m.end() if m.end() <= start else m.start() - end
            if 0 <= dist < best_dist or (m.start() < end and m.end() > start):
                best, best_dist = role, max(dist, 0)
    return best


def _proper_nouns(text: str) -> dict[str, str]:
    """Capitalised words that do not start a sentence, grouped in phrases ("Kartu Izin Tinggal Terbatas")."""
    found: dict[str, str] = {}
    phrase: list[re.Match[str]] = []

    def flush() -> None:
        if phrase:
            label = text[phrase[0].start() : phrase[-1].end()]
            found.setdefault(_fold(label), label)
            phrase.clear()

    for m in CAPWORD.finditer(text):
        word = m.group(0)
        folded = _fold(word)
        at_start = bool(SENTENCE_START.search(text[max(0, m.start() - 12) : m.start()])) or m.start() == 0
        if folded in HONORIFICS or folded in MONTHS or (at_start and folded not in GAZETTEER):
            flush()
            continue
        if phrase and text[phrase[-1].end() : m.start()] != " ":
            flush()
        phrase.append(m)
    flush()
    return found


def _list_items(text: str) -> list[str]:
    items = [m.group("item").strip() for m in BULLET.finditer(text)]
    for m in INLINE_LIST.finditer(text):
        parts = re.split(r",\s*|\s+(?:and|dan|atau|or|e|o)\s+", m.group("body"))
        parts = [p.strip() for p in parts if p.strip()]
        if len(parts) >= 3:
            items.extend(parts)
    return items


def _content_words(item: str) -> list[str]:
    words = [_fold(w) for w in WORDS.findall(item)]
    skip = STOPWORDS | CURRENCIES.keys() | SCALES.keys() | UNITS.keys() | NUMBER_WORDS.keys() | PERCENT_WORDS
    return [w for w in words if len(w) >= 3 and w not in skip]


def extract(text: str) -> Facts:
    """Every fact of ``text`` by kind (see the module docstring)."""
    facts = Facts(text=text)
    kinds = facts.by_kind
    b = _Blanker(unicodedata.normalize("NFKC", text))
    for m in b.take(URL):
        url = m.group(0).rstrip(".,;:!?")
        kinds["urls"][url.casefold().removeprefix("https://").removeprefix("http://").rstrip("/")] = url
    for m in b.take(EMAIL):
        kinds["emails"][m.group(0).casefold()] = m.group(0)
    for pattern in DATE_PATTERNS:
        for m in b.take(pattern):
            parts = m.groupdict()
            month = int(parts["m"]) if parts.get("m") else MONTHS[parts["mn"].casefold().rstrip(".")]
            day = f"{int(parts['d']):02d}" if parts.get("d") else "??"
            kinds["dates"][f"{parts.get('y') or '????'}-{month:02d}-{day}"] = m.group(0)
    for m in b.take(AMOUNT):
        raw, scale = (m.group("n"), m.group("s")) if m.group("n") else (m.group("n2"), m.group("s2"))
        cur = CURRENCIES[(m.group("cur") or m.group("cur2")).casefold().rstrip(".")]
        kinds["amounts"][(cur, _value(raw, scale))] = m.group(0).strip()
    for m in b.take(PERCENT):
        kinds["percentages"][_value(m.group("n"), None)] = m.group(0).strip()
    original = b.text
    for m in b.take(DURATION):
        unit = UNITS[m.group("unit").casefold()]
        hi = _value(m.group("hi"), None) if m.group("hi") else None
        key = (_value(m.group("lo"), None), hi, bool(m.group("plus")), unit)
        kinds["durations"][key] = m.group(0).strip()
        facts.duration_roles.setdefault(key, set()).add(_role(original, m.start(), m.end()))
    b.take(LIST_NUMBER)
    for m in b.take(NUMBER):
        raw = m.group(0).rstrip("+").strip()
        scale = m.group("s")
        number = raw[: -len(scale)].strip() if scale else raw
        kinds["numbers"][(_value(number, scale), bool(m.group("plus")))] = m.group(0).strip()
    for m in ACRONYM.finditer(text):
        if m.group(0) not in NOT_ACRONYMS:
            kinds["acronyms"][m.group(0).casefold()] = m.group(0)
    kinds["proper_nouns"].update(_proper_nouns(text))
    for item in _list_items(text):
        words = _content_words(item)
        if words:
            kinds["list_items"][tuple(words)] = item
    facts.words = {_stem(_fold(w)) for w in WORDS.findall(text)}
    return facts


# --- comparison ---------------------------------------------------------------------------------------------


@dataclass
class FactReport:
    passed: bool
    missing: list[str]
    added: list[str]
    kinds: dict[
        str, dict[str, list[str]]
    ]  # kind -> {"missing": [...], "added": [...]} (only kinds with problems)

    def summary(self) -> str:
        if self.passed:
            return "all facts kept"
        parts = []
        if self.missing:
            parts.append("missing: " + ", ".join(self.missing))
        if self.added:
            parts.append("added: " + ", ".join(self.added))
        return "; ".join(parts)


def _has_word(text_folded: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text_folded) is not None


def _item_kept(words: tuple[str, ...], target: Facts) -> bool:
    for word in words:
        options = next((syn for syn in SYNONYMS.values() if word in syn), (word,))
        if not any(_stem(option) in target.words for option in options):
            return False
    return True


def _duration_label(label: str, roles: set[str]) -> str:
    specific = sorted(roles - {"other"})
    return f"{label} ({'/'.join(specific)})" if specific else label


def check_facts(original: str, rewrite: str) -> FactReport:
    """Compare the facts of ``rewrite`` with those of ``original``; passed only if none missing or added."""
    old, new = extract(original), extract(rewrite)
    kinds: dict[str, dict[str, list[str]]] = {}

    def note(kind: str, side: str, label: str) -> None:
        kinds.setdefault(kind, {"missing": [], "added": []})[side].append(label)

    for kind in ("urls", "emails", "dates", "amounts", "percentages", "numbers"):
        for key, label in old.by_kind[kind].items():
            if key not in new.by_kind[kind]:
                note(kind, "missing", label)
        for key, label in new.by_kind[kind].items():
            if key not in old.by_kind[kind]:
                note(kind, "added", label)

    for key, label in old.by_kind["durations"].items():
        old_roles = old.duration_roles[key]
        if key not in new.by_kind["durations"]:
            note("durations", "missing", _duration_label(label, old_roles))
            continue
        new_roles = new.duration_roles[key] - {"other"}
        if new_roles - old_roles:  # the rewrite says this duration is something the original did not
            note("durations", "missing", _duration_label(label, old_roles))
            note("durations", "added", _duration_label(new.by_kind["durations"][key], new_roles))
    for key, label in new.by_kind["durations"].items():
        if key not in old.by_kind["durations"]:
            note("durations", "added", _duration_label(label, new.duration_roles[key]))

    old_folded, new_folded = _fold(original), _fold(rewrite)
    for kind in ("acronyms", "proper_nouns"):
        for key, label in old.by_kind[kind].items():
            if not all(_has_word(new_folded, word) for word in key.split()):
                note(kind, "missing", label)
        for key, label in new.by_kind[kind].items():
            words = [w for w in key.split() if w not in SETTING_WORDS]
            if not all(_has_word(old_folded, word) for word in words):
                note(kind, "added", label)

    for words, label in old.by_kind["list_items"].items():
        if not _item_kept(words, new):
            note("list_items", "missing", label)

    missing = _dedupe(label for k in KINDS for label in kinds.get(k, {}).get("missing", []))
    added = _dedupe(label for k in KINDS for label in kinds.get(k, {}).get("added", []))
    return FactReport(passed=not missing and not added, missing=missing, added=added, kinds=kinds)


def _dedupe(labels: Any) -> list[str]:
    seen: dict[str, None] = {}
    for label in labels:
        seen.setdefault(label, None)
    return list(seen)
