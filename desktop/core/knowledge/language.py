"""Which of our three languages (id, it, en) a user message is in, i.e. the language to answer in.

Three voices, mixed: lingua restricted to Indonesian, Italian and English (plus Malay, which lingua often picks
for short or colloquial Indonesian and which we fold into "id"); word frequencies from ``wordfreq`` (how common
each word is in each language: robust on short, misspelt and code-mixed chat); and a small vocabulary of
unmistakable chat markers ("gak", "udah", "bgt"). Quoted text is left out when enough words remain: in "what
does 'sudah dibayar' mean?" the quote is the subject, the answer is wanted in English.
"""

from __future__ import annotations

import math
import re
import threading
from typing import Any

DEFAULT_LANGUAGE = "en"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that almost only occur in one of the three languages (lower case). Kept short and unambiguous.
MARKERS: dict[str, frozenset[str]] = {
    "id": _words(
        """aku saya kamu anda gak ga nggak enggak tidak udah sudah belum bgt banget dong sih deh kok nih tuh
        gimana bagaimana kenapa mengapa apa apakah berapa kapan dimana yang dan atau untuk dengan
        bisa mau ingin tolong terima kasih makasih bapak ibu mas mbak pak bu kak juga lagi jadi tapi karena
        ini itu ada nya nanti sama aja saja banget capek takut malu sungkan bingung kantor imigrasi"""
    ),
    "it": _words(
        """io tu lui lei noi voi sono sei è siamo non che il lo la gli le un una del della dei delle perché
        come cosa quando dove quanto quanti grazie ciao buongiorno buonasera prego scusa scusi vorrei posso
        devo mi ti ci si ho hai ha abbiamo anche ma però molto troppo sempre ancora già visto permesso
        ufficio paura vergogna fatto fare"""
    ),
    "en": _words(
        """you he she we they is are am was were the an and or but not don't doesn't can't won't what
        why how when where which who my your our their this that these those please thanks thank hello hi
        should would could will have has had do does did office afraid embarrassed worried"""
    ),
}
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)
QUOTED = re.compile(r"(?<![\w])['\"‘“«„]([^'\"’”»]{2,120})['\"’”»](?![\w])")
WORDFREQ_WEIGHT = 0.5  # chosen on the train+dev splits of knowledge/messages
UNKNOWN_ZIPF = 0.5  # a word a language's list does not know counts like a very rare word

_detector: Any = None
_detector_lock = threading.Lock()


def _get_detector() -> Any:
    """Build lingua once (it loads n-gram models: ~100 ms and some memory), lazily and thread-safely."""
    global _detector
    with _detector_lock:
        if _detector is None:
            from lingua import Language, LanguageDetectorBuilder

            _detector = (
                LanguageDetectorBuilder.from_languages(
                    Language.INDONESIAN, Language.ITALIAN, Language.ENGLISH, Language.MALAY
                )
                .with_preloaded_language_models()
                .build()
            )
        return _detector


def detector_loaded() -> bool:
    """Whether lingua's models are in memory already (then detecting costs milliseconds)."""
    return _detector is not None


def _lingua_scores(text: str) -> dict[str, float]:
    scores = {"id": 0.0, "it": 0.0, "en": 0.0}
    for value in _get_detector().compute_language_confidence_values(text):
        name = value.language.name
        code = {"INDONESIAN": "id", "MALAY": "id", "ITALIAN": "it", "ENGLISH": "en"}[name]
        scores[code] += float(value.confidence if hasattr(value, "confidence") else value.value)
    return scores


def _marker_votes(words: list[str]) -> dict[str, float]:
    votes = {lang: 0.0 for lang in MARKERS}
    for word in words:
        hits = [lang for lang, vocab in MARKERS.items() if word in vocab]
        for lang in hits:
            votes[lang] += 1.0 / len(hits)
    return votes


def _wordfreq_scores(words: list[str]) -> dict[str, float]:
    """Softmax over the summed zipf frequencies of the words in each language (the small lists load fast)."""
    from wordfreq import zipf_frequency

    sums = {lang: 0.0 for lang in ("id", "it", "en")}
    for word in words:
        for lang in sums:
            sums[lang] += max(zipf_frequency(word, lang, wordlist="small"), UNKNOWN_ZIPF)
    top = max(sums.values())
    exp = {lang: math.exp(value - top) for lang, value in sums.items()}
    total = sum(exp.values())
    return {lang: value / total for lang, value in exp.items()}


def unquoted(text: str) -> str:
    """``text`` without quoted spans, when at least two words remain outside them."""
    rest = QUOTED.sub(" ", text)
    return rest if len(WORD.findall(rest)) >= 2 else text


def _words_of(text: str) -> list[str]:
    """The words of ``text`` (of its bounded excerpt when long), letter runs that cannot be words left out."""
    from desktop.core.knowledge.text_budget import DETECT_CHARS, excerpt, is_word

    return [w for w in WORD.findall(excerpt(text, DETECT_CHARS)) if is_word(w)]


def _without_lingua(text: str) -> tuple[dict[str, float], float] | None:
    """The marker and word-frequency part of the mix, and the weight lingua adds on top (None: no words)."""
    words = [w.casefold() for w in _words_of(text)]
    if not words:
        return None
    votes = _marker_votes(words)
    total_votes = sum(votes.values())
    # With few words lingua is a coin toss, markers are not: weight markers more for short messages.
    marker_weight = 0.7 if len(words) <= 4 else 0.45
    if total_votes == 0:
        marker_weight = 0.0
    freq = _wordfreq_scores(words)
    partial = {
        lang: (1 - WORDFREQ_WEIGHT) * marker_weight * (votes[lang] / (total_votes or 1))
        + WORDFREQ_WEIGHT * freq[lang]
        for lang in freq
    }
    return partial, (1 - WORDFREQ_WEIGHT) * (1 - marker_weight)


def detect_languages(text: str) -> dict[str, float]:
    """Confidence per language (sums to ~1), mixing lingua, word frequencies and marker words."""
    text = unquoted(text)
    found = _without_lingua(text)
    if found is None:
        return {"id": 0.0, "it": 0.0, "en": 0.0, DEFAULT_LANGUAGE: 1.0}
    from desktop.core.knowledge.text_budget import DETECT_CHARS, excerpt

    partial, lingua_weight = found
    lingua = _lingua_scores(excerpt(text, DETECT_CHARS))
    combined = {lang: partial[lang] + lingua_weight * lingua[lang] for lang in partial}
    norm = sum(combined.values()) or 1.0
    return {lang: round(value / norm, 4) for lang, value in sorted(combined.items(), key=lambda kv: -kv[1])}


LINGUA_MARGIN = 0.001  # rounding slack: skip lingua only when it plainly cannot change the winner


def detect_language(text: str, default: str = DEFAULT_LANGUAGE) -> str:
    """The most likely of "id", "it", "en"; `default` when the text has no words at all.

    Lingua's confidences sum to one, so it can lift the runner-up by at most its weight in the mix: when the
    markers and word frequencies already put one language further ahead than that, the answer is the same
    without lingua, and a new process does not pay the ~0.5 s its models take to load.
    """
    if not _words_of(text or ""):
        return default
    found = _without_lingua(unquoted(text))
    if found is not None:
        partial, lingua_weight = found
        first, second = sorted(partial.values(), reverse=True)[:2]
        if first - second > lingua_weight + LINGUA_MARGIN:
            return max(partial, key=lambda lang: partial[lang])
    scores = detect_languages(text)
    return max(scores, key=lambda lang: scores[lang])


SURE_WORDS = 3  # a message this long (in words) is judged on its own
SURE_SCORE = 0.6  # ... when its top language has at least this confidence


def detect_language_in_context(text: str, earlier: list[str], default: str = DEFAULT_LANGUAGE) -> str:
    """The answer language for ``text`` in a conversation: "ok 👍", "np" or "sip" say little on their own,
    so a short or uncertain message takes the language of the latest earlier user message that is sure."""
    words = _words_of(text or "")
    if words:
        scores = detect_languages(text)
        best = max(scores, key=lambda lang: scores[lang])
        if len(words) >= SURE_WORDS and scores[best] >= SURE_SCORE:
            return best
    for previous in reversed(earlier):
        if len(_words_of(previous)) >= SURE_WORDS:
            return detect_language(previous, default)
    return detect_language(text, default)
