"""The readability guard: a local answer is shown only while it reads as real text in the user's language.

The bundled 135M model writes invented Indonesian ("melaluke", "kehiduluk") and poor Italian that a language
detector still accepts. Four checks catch it, on the text so far, while it streams:

- **known words**: share of the words found in the ``wordfreq`` word list of the user's language;
- **language**: the answer's own language (``detect_languages``) must be the user's;
- **repetition**: share of word trigrams that repeat an earlier one (loops);
- **copy**: share of the answer's word 4-grams taken from the previous assistant turn.

Thresholds are calibrated (``tests/bench/calibrate_readability.py``) on the curated pack's even lines (fluent)
versus the bundled model's answers to the calibration messages (tests/data/readability/bundled-calibration.jsonl);
the tests check them on the pack's odd lines and on the ``test`` answers, which calibration never saw.

:class:`StreamGuard` holds the first words back until a first window passes, then re-checks every few words;
a failure raises :class:`UnreadableAnswer` and the caller stops the model.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from desktop.core.errors import ZantaraError
from desktop.core.messages import say

LANGUAGE_NAMES = {"id": "Indonesian", "it": "Italian", "en": "English"}

MIN_ZIPF = 1.0  # a word counts as known when wordfreq lists it at all (its lists stop near zipf 1)
FOREIGN_MIN_ZIPF, FOREIGN_MARGIN = 3.5, 1.0  # ... unless it is a common English word, far more English
#: Known-word share bars, a little under the lowest fluent calibration text (id 0.886, it 0.960, en 0.957;
#: Italian and English answers may quote Indonesian words). Bundled model's calibration answers: id at most
#: 0.849, it median 0.883. Figures: tests/bench/calibrate_readability.py.
MIN_KNOWN = {"id": 0.87, "it": 0.93, "en": 0.93}
#: The same among long words (7+ letters), where invented words hide; judged from MIN_LONG_WORDS of them.
#: Lowest fluent: id 0.75, it 0.875, en 0.818; bundled: id at most 0.619, it p90 0.662.
LONG_WORD, MIN_LONG_WORDS = 7, 8
MIN_KNOWN_LONG = {"id": 0.70, "it": 0.84, "en": 0.78}
MIN_LANGUAGE_SCORE = 0.5  # detect_languages' confidence for the user's language
MID_LANGUAGE_SCORE, MID_LANGUAGE_WORDS = 0.2, 30  # a prefix quoting "aku malu" in Italian looks Indonesian
MAX_REPETITION = 0.2  # share of repeated word trigrams
MAX_COPY = 0.5  # share of the answer's 4-grams found in the previous assistant turn
MIN_WORDS_TO_JUDGE = 6  # fewer words: known-share and language are noise, only a final check judges them
HOLD_WORDS = 14  # words held back before the first check
MID_STREAM_Z, FLUENT_SHARE = 2.5, 0.95  # mid-stream slack: bar - Z standard errors of a 0.95 share
CHECK_EVERY_WORDS = 8  # then a check every this many new words

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
_ELISION = re.compile(r"^[^\W\d_]{1,5}['’]", re.UNICODE)  # Italian dell'/l'/un'/c' before a word


class UnreadableAnswer(ZantaraError):
    """The local model's answer failed the readability guard; ``verdict`` says why."""

    def __init__(self, verdict: Readability) -> None:
        super().__init__(verdict.reason, "Add a Claude API key or install a larger local model.")
        self.verdict = verdict


@dataclass(frozen=True)
class Readability:
    ok: bool
    reason: str  # "" when readable; otherwise a sentence for the trace
    language: str
    words: int
    known_share: float
    known_long_share: float | None
    language_score: float
    repetition: float
    copied: float
    unknown: list[str] = field(default_factory=list)  # a few unknown words, for the trace

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def tokens(text: str, language: str) -> list[str]:
    """Words of ``text`` as wordfreq spells them (lower case; Italian elisions dropped)."""
    out = []
    for raw in WORD.findall(text):
        word = raw.replace("’", "'")
        if language == "it":
            word = _ELISION.sub("", word)
        out.append(word.casefold())
    return out


def _zipf(word: str, language: str) -> float:
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, language))


# Indonesian builds words with affixes (ke-kesal-an-nya); wordfreq lists the common forms only.
_ID_SUFFIXES = ("nya", "lah", "kah", "pun", "ku", "mu", "kan", "an", "i")
_ID_PREFIXES = (
    "meng",
    "meny",
    "mem",
    "men",
    "me",
    "ber",
    "be",
    "di",
    "ter",
    "ke",
    "se",
    "peng",
    "pem",
    "pen",
    "per",
    "pe",
)
MIN_STEM = 4


def _id_stems(word: str) -> list[str]:
    """Candidate stems of an Indonesian word: up to two suffixes and one prefix stripped."""
    forms = {word}
    for _ in range(2):
        forms |= {f[: -len(s)] for f in forms for s in _ID_SUFFIXES if f.endswith(s)}
    forms |= {f[len(p) :] for f in forms for p in _ID_PREFIXES if f.startswith(p)}
    return [f for f in forms if f != word and len(f) >= MIN_STEM]


def is_known(word: str, language: str) -> bool:
    """In the language's word list (Indonesian: or a stem of it is), and not an English word that list
    merely borrowed: the small model slides into English mid-answer, which must not count as Indonesian."""
    zipf = _zipf(word, language)
    if zipf >= MIN_ZIPF:
        if language != "en":
            english = _zipf(word, "en")
            if english >= FOREIGN_MIN_ZIPF and english >= zipf + FOREIGN_MARGIN:
                return False
        return True
    return language == "id" and any(_zipf(stem, "id") >= MIN_ZIPF for stem in _id_stems(word))


def _known_here(word: str, language: str) -> bool:
    """Known in the answer's language; an Italian or English answer may also quote Indonesian ("boleh saya
    kasih masukan?"): the language check, not this one, catches a whole answer in the wrong language."""
    return is_known(word, language) or (language != "id" and is_known(word, "id"))


_domain: frozenset[str] | None = None


def domain_words() -> frozenset[str]:
    """Words of the concept vocabulary (nyepi, galungan, banjar...): real words no general list has."""
    global _domain
    if _domain is None:
        import json

        from desktop.core import paths

        words: set[str] = set()
        try:
            data = json.loads((paths.knowledge_dir() / "concepts.json").read_text(encoding="utf-8"))
            for concept in data.get("concepts", []):
                for text in [concept.get("slug", ""), concept.get("label", ""), *concept.get("aliases", [])]:
                    words |= {w.casefold() for w in WORD.findall(str(text).replace("_", " "))}
        except (OSError, ValueError):
            pass
        _domain = frozenset(words)
    return _domain


def known_share(text: str, language: str, extra_known: Iterable[str] = ()) -> tuple[float, int, list[str]]:
    """(share of known words, words judged, a few unknown ones). Acronyms and ``extra_known`` words (the
    user's own message, names from the context) count as known: a visa answer says KITAS and PT PMA."""
    share, _long, n_words, unknown = known_shares(text, language, extra_known)
    return share, n_words, unknown


def known_shares(
    text: str, language: str, extra_known: Iterable[str] = ()
) -> tuple[float, float | None, int, list[str]]:
    """(known share, known share among long words or None when too few, words judged, unknown examples)."""
    extra = {w.casefold() for w in extra_known} | domain_words()
    acronyms = {w.casefold() for w in WORD.findall(text) if len(w) >= 2 and w.isupper()}
    words = tokens(text, language)
    if not words:
        return 0.0, None, 0, []
    unknown = [w for w in words if w not in extra and w not in acronyms and not _known_here(w, language)]
    long_words = [w for w in words if len(w) >= LONG_WORD]
    long_unknown = [w for w in unknown if len(w) >= LONG_WORD]
    long_share = 1.0 - len(long_unknown) / len(long_words) if len(long_words) >= MIN_LONG_WORDS else None
    return 1.0 - len(unknown) / len(words), long_share, len(words), unknown[:8]


def _ngrams(words: Sequence[str], n: int) -> list[tuple[str, ...]]:
    return [tuple(words[i : i + n]) for i in range(len(words) - n + 1)]


def repetition_ratio(words: Sequence[str]) -> float:
    grams = _ngrams(words, 3)
    return 1.0 - len(set(grams)) / len(grams) if grams else 0.0


def copied_share(words: Sequence[str], previous: str, language: str) -> float:
    grams = set(_ngrams(words, 4))
    if not grams or not previous:
        return 0.0
    return len(grams & set(_ngrams(tokens(previous, language), 4))) / len(grams)


def _bar(bars: dict[str, float], language: str, n: int, final: bool) -> float:
    """The bar for a share measured on ``n`` words: mid-stream, on a prefix, it is lowered by MID_STREAM_Z
    standard errors of a share near the fluent median, so a fluent answer is not cut on a short prefix."""
    bar = bars.get(language, bars["en"])
    if final or n <= 0:
        return bar
    return bar - MID_STREAM_Z * math.sqrt(FLUENT_SHARE * (1 - FLUENT_SHARE) / n)


def check(
    text: str,
    language: str,
    *,
    previous: str = "",
    extra_known: Iterable[str] = (),
    final: bool = True,
) -> Readability:
    """Judge ``text`` as an answer in ``language``. Not ``final`` (mid-stream): too few words pass for now."""
    from desktop.core.knowledge.language import detect_languages

    name = LANGUAGE_NAMES.get(language, language)
    share, long_share, n_words, unknown = known_shares(text, language, extra_known)
    words = tokens(text, language)
    n_long = sum(1 for w in words if len(w) >= LONG_WORD)
    repetition = repetition_ratio(words)
    copied = copied_share(words, previous, language)
    scores = detect_languages(text) if n_words else {}
    score = float(scores.get(language, 0.0))
    reason = ""
    if n_words == 0:
        reason = say("readability.no_words") if final else ""
    elif n_words < MIN_WORDS_TO_JUDGE and not final:
        reason = ""
    elif share < _bar(MIN_KNOWN, language, n_words, final):
        reason = say("readability.unknown_words", language=name, share=f"{share:.0%}")
    elif long_share is not None and long_share < _bar(MIN_KNOWN_LONG, language, n_long, final):
        reason = say("readability.unknown_long", language=name, share=f"{long_share:.0%}")
    elif (final and n_words >= MIN_WORDS_TO_JUDGE and score < MIN_LANGUAGE_SCORE) or (
        not final and n_words >= MID_LANGUAGE_WORDS and score < MID_LANGUAGE_SCORE
    ):
        found = max(scores, key=lambda k: scores[k]) if scores else "?"
        reason = say("readability.wrong_language", found=LANGUAGE_NAMES.get(found, found), language=name)
    elif repetition > MAX_REPETITION:
        reason = say("readability.repeats", share=f"{repetition:.0%}")
    elif copied > MAX_COPY:
        reason = say("readability.copies", share=f"{copied:.0%}")
    return Readability(
        ok=not reason,
        reason=reason,
        language=language,
        words=n_words,
        known_share=round(share, 3),
        known_long_share=None if long_share is None else round(long_share, 3),
        language_score=round(score, 3),
        repetition=round(repetition, 3),
        copied=round(copied, 3),
        unknown=unknown,
    )


class StreamGuard:
    """Judges a stream chunk by chunk: :meth:`feed` returns what may be shown now, :meth:`finish` the rest.

    Nothing is shown before ``hold_words`` words passed a first check; after that the text is re-checked every
    ``every_words`` new words. A failed check raises :class:`UnreadableAnswer` (the caller stops the model).
    """

    def __init__(
        self,
        language: str,
        *,
        previous: str = "",
        extra_known: Iterable[str] = (),
        hold_words: int = HOLD_WORDS,
        every_words: int = CHECK_EVERY_WORDS,
    ) -> None:
        self.language = language
        self.previous = previous
        self.extra_known = list(extra_known)
        self.hold_words = hold_words
        self.every_words = every_words
        self.text = ""
        self.held: list[str] = []
        self.released = False
        self.checked_at = 0
        self.checks = 0
        self.last: Readability | None = None

    def _check(self, final: bool) -> Readability:
        self.checks += 1
        self.last = check(
            self.text, self.language, previous=self.previous, extra_known=self.extra_known, final=final
        )
        if not self.last.ok:
            raise UnreadableAnswer(self.last)
        return self.last

    def feed(self, chunk: str) -> list[str]:
        self.text += chunk
        n_words = len(WORD.findall(self.text))
        if not self.released:
            self.held.append(chunk)
            if n_words < self.hold_words:
                return []
            self._check(final=False)
            self.released, self.checked_at = True, n_words
            out, self.held = self.held, []
            return out
        if n_words - self.checked_at >= self.every_words:
            self.checked_at = n_words
            self._check(final=False)
        return [chunk]

    def finish(self) -> list[str]:
        """The final check on the whole answer; returns what was still held back."""
        self._check(final=True)
        out, self.held = self.held, []
        self.released = True
        return out

    def summary(self) -> dict[str, Any]:
        data = self.last.to_dict() if self.last else {}
        return {**data, "checks": self.checks}
