"""Does this message need cultural context? (docs/design.md, "Two models, one answer")

Cultural insights help when the user shows a feeling, names a cultural term, or asks about etiquette or a
relationship; they only add noise (and tokens) to arithmetic, conversions, code and plain factual questions.
Every decision carries its reason, so traces and tests can show *why*:

1. an empty message                                  -> no
2. a feeling word (id/it/en)                         -> yes (fast path, explainable)
3. a cultural term from knowledge/concepts.json      -> yes (fast path; weak, everyday aliases like "Pak" or
   "maaf" only count when quoted, as in "he said 'nanti'")
4. otherwise the semantic model (need_model.py): a classifier over the message's e5 vector trained on the
   labelled corpus; the reason names its probability and the nearest labelled messages.

Only when the semantic model is not prepared (no exemplar vectors yet) do the older word-list layers decide the
rest (arithmetic/conversion/code -> no, etiquette pattern -> yes); they were shaped on a small set and do not
generalise, which is why they are no longer the main path.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

from desktop.core import paths
from desktop.core.messages import say

if TYPE_CHECKING:
    from desktop.core.knowledge.embedder import Embedder
    from desktop.core.knowledge.need_model import Neighbour

# Everyday words that are concept aliases but say nothing cultural on their own.
WEAK_ALIASES = frozenset(
    """we noi together bersama kita please sorry maaf tolong permisi family keluarga famiglia head kepala
    senior late wait documents face smile laugh harmony relationship religion agama religione prezzo rapat
    bu pak ibu bapak mas mbak kak bli gek nanti belum boss atasan pimpinan hierarchy feedback criticism
    critica trust gift regalo souvenir in_public feet pointing right_hand left_hand senyum tertawa sorriso
    ridere fiducia relazione ritardo paperwork berkas insyaallah orang_tua elders senior""".replace(
        "_", " "
    ).split()
)
WEAK_PHRASES = frozenset({"in public", "right hand", "left hand", "orang tua", "terima kasih", "mi dispiace"})

# Extra cultural terms not listed as aliases.
EXTRA_TERMS = (
    "pura",
    "temple",
    "tempio",
    "cremation",
    "cremazione",
    "kremasi",
    "adat",
    "lebaran",
    "ramadan",
    "bule",
    "basa-basi",
    "oleh-oleh",
    "kamen",
    "selendang",
    "ngaben",
    "melukat",
    "galungan",
    "kuningan",
)

FEELINGS = (
    # Indonesian (incl. colloquial)
    r"takut|cemas|khawatir|panik|stres|stress|capek|cape|lelah|kesel|kesal|marah|sedih|kecewa|bingung|"
    r"nyerah|putus asa|kangen|rindu|malu|sungkan|segan|sakit hati|tersinggung|galau|deg-degan|baper|bete|"
    # Italian
    r"paura|ansia|in ansia|preoccupat\w*|esaust\w*|stanc\w*|furios\w*|arrabbiat\w*|triste|sol[ao]|"
    r"mi manca|vergogn\w*|imbarazz\w*|disperat\w*|frustrat\w*|offes[oa]|deluso|delusa|"
    # English
    r"afraid|scared|terrified|anxious|worried|panick\w*|panic|stressed|exhausted|tired|frustrated|"
    r"furious|angry|upset|sad|lonely|homesick|miss my|embarrassed|ashamed|hopeless|could cry|overwhelmed|"
    r"offended|hurt"
)

ARITHMETIC = (
    r"\d\s*[%+\-*/x×=]\s*\d|\d\s*%|\b(?:persen|percent|per ?cento|percentuale)\b|"
    r"\b(?:hitung|calcola\w*|calculate|compute)\b|"
    r"\b(?:berapa|how (?:many|much)|quant[oiae]|quanto fa|what'?s)\b[^?]*\d|"
    r"\d[^?]*\b(?:berapa|quant[oiae])\b|"
    r"\b(?:berapa hari|how many days|quanti giorni|tanggal berapa|what'?s the last day|quando scade)\b"
)
UNITS = (
    r"(?:eur|euros?|usd|idr|rupiah|rupie|dollar\w*|km|miles?|miglia|are|hektar|hectares?|ettari|celsius|"
    r"fahrenheit|meter\w*|metres?|metri|square metres|metri quadri|meter persegi|feet|piedi)"
)
CONVERSION = (
    rf"\b(?:convert\w*|konversi|convertire|converti)\b|\b(?:kurs|exchange rate|al cambio)\b|"
    rf"\b(?:in|ke|into|to)\s+{UNITS}\b|\b(?:berapa|quant[ioe]|how many)\s+{UNITS}\b"
)
CODE = (
    r"```|\b(?:python|javascript|sql|regex|excel|vlookup|cerca\.vert|json|formula|rumus|script|"
    r"google sheets|spreadsheet|api|html|css|bash)\b|\bdef \w+\(|#N/[AD]"
)
ETIQUETTE = (
    # asking what is appropriate, how to address / dress / behave, or about a local relationship
    r"\b(?:rude|polite|impolite|appropriate|offend\w*|respectful|disrespectful|etiquette|wear|dress|"
    r"address (?:a|an|him|her|the|my)|in front of|which hand|say(?:s)? yes but|went quiet|"
    r"sopan|pantas|pantes|boleh gak|boleh nggak|tersinggung|negur|menegur|manggil|memanggil|"
    r"bilang iya|iya terus|pakai jari|nunjuk|di depan (?:umum|orang|semua)|"
    r"maleducat\w*|educat[oa]|offender\w*|rivolg\w*|vestir\w*|davanti a tutti|dice (?:sempre )?(?:di )?sì|"
    r"non mi dice|rapporto di fiducia|never tell me|honest feedback|build trust|bangun kepercayaan|"
    r"staf gak pernah bilang|gift|hadiah|regalo|dare la mano|shake hands?|salaman|jabat tangan)\b"
)
SMALL_TALK = r"^\W*(?:ok\w*|oke|siap|sip|noted|got it|perfetto|va bene|grazie\w*|thanks?|thank you|makasih)\b"


@dataclass(frozen=True)
class NeedDecision:
    needs: bool
    reason: str  # short, human-readable, e.g. "feeling word 'takut'" or "semantic: 0.93 cultural"
    method: str = "rule"  # "rule" (fast path or fallback word lists) | "semantic" | "empty"
    score: float | None = None  # the semantic model's P(cultural), when it was asked
    neighbours: tuple[Neighbour, ...] = field(default=(), compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "needs": self.needs,
            "reason": self.reason,
            "method": self.method,
            "score": None if self.score is None else round(self.score, 3),
            "neighbours": [n.to_dict() for n in self.neighbours],
        }


@lru_cache(maxsize=1)
def _concept_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(slug, pattern of its strong aliases) for every concept in the vocabulary."""
    out = []
    for concept in _vocabulary():
        slug = concept.get("slug", "")
        words = {a.casefold().strip() for a in [slug.replace("_", " "), *concept.get("aliases", [])]}
        words = {w for w in words if w and w not in WEAK_ALIASES and w not in WEAK_PHRASES}
        if slug and words:
            alts = "|".join(
                re.escape(w).replace(r"\ ", r"[\s-]+") for w in sorted(words, key=len, reverse=True)
            )
            out.append((slug, re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE)))
    return tuple(out)


def mentioned_concepts(text: str) -> set[str]:
    """Slugs of the concepts whose (non-everyday) name or alias appears in `text`, e.g. {"malu"}."""
    return {slug for slug, pattern in _concept_patterns() if pattern.search(text or "")}


def load_patterns() -> None:
    """Build the concept-name patterns now (~30 ms on first use; retrieval.warm_up)."""
    _terms()
    _concept_patterns()


def _vocabulary() -> list[dict[str, Any]]:
    try:
        data = json.loads((paths.knowledge_dir() / "concepts.json").read_text(encoding="utf-8"))
        return list(data.get("concepts", []))
    except (OSError, ValueError, AttributeError):
        return []


@lru_cache(maxsize=1)
def _terms() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(strong term pattern, weak term pattern) from the concept vocabulary; built once."""
    strong: set[str] = {t.casefold() for t in EXTRA_TERMS}
    weak: set[str] = set()
    for concept in _vocabulary():
        for alias in [concept.get("slug", "").replace("_", " "), *concept.get("aliases", [])]:
            alias = alias.casefold().strip()
            if not alias:
                continue
            (weak if alias in WEAK_ALIASES or alias in WEAK_PHRASES else strong).add(alias)
    weak -= strong

    def pattern(words: set[str]) -> re.Pattern[str]:
        alts = "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in sorted(words, key=len, reverse=True))
        return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE)

    return pattern(strong), pattern(weak)


_FEELINGS = re.compile(rf"(?<![\w-])(?:{FEELINGS})(?![\w-])", re.IGNORECASE)
_ARITHMETIC = re.compile(ARITHMETIC, re.IGNORECASE)
_CONVERSION = re.compile(CONVERSION, re.IGNORECASE)
_CODE = re.compile(CODE, re.IGNORECASE)
_ETIQUETTE = re.compile(ETIQUETTE, re.IGNORECASE)
_SMALL_TALK = re.compile(SMALL_TALK, re.IGNORECASE)
_QUOTED = re.compile(r"['\"‘“«]([^'\"’”»]{1,40})['\"’”»]")


def cultural_need(
    text: str,
    language: str | None = None,
    *,
    vector: np.ndarray | None = None,
    embedder: Embedder | None = None,
) -> NeedDecision:
    """Decide and explain. ``vector`` is the message's e5 query vector when the caller has it (retrieval
    does); otherwise ``embedder`` computes it; with neither, only the word-list layers decide."""
    text = text or ""
    if not text.strip():
        return NeedDecision(False, say("need.empty"), "empty")
    from desktop.core.knowledge.text_budget import has_words

    if not has_words(text):
        return NeedDecision(False, say("need.no_words"), "empty")
    if fast := _fast_yes(text):
        return fast
    model = None
    if vector is not None or embedder is not None:
        from desktop.core.knowledge.embedder import default_embedder
        from desktop.core.knowledge.need_model import THRESHOLD, get_model

        model = get_model(embedder or default_embedder())
    if model is not None:
        if vector is None:
            assert embedder is not None
            vector = embedder.embed_query(text)
        pred = model.predict(vector)
        nearest = pred.neighbours[0] if pred.neighbours else None
        near = (
            say(
                "need.nearest",
                text=_short(nearest.text),
                verdict=say("need.cultural" if nearest.cultural else "need.neutral"),
                similarity=f"{nearest.similarity:.2f}",
            )
            if nearest
            else ""
        )
        verdict = say("need.cultural" if pred.needs else "need.neutral")
        return NeedDecision(
            pred.needs,
            say(
                "need.semantic",
                verdict=verdict,
                p=f"{pred.probability:.2f}",
                threshold=THRESHOLD,
                nearest=near,
            ),
            "semantic",
            pred.probability,
            pred.neighbours,
        )
    return _word_lists(text)


def _short(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _fast_yes(text: str) -> NeedDecision | None:
    """High-precision yes: a feeling word or a named cultural term."""
    if m := _FEELINGS.search(text):
        return NeedDecision(True, say("need.feeling", word=m.group(0)))
    strong, weak = _terms()
    if m := strong.search(text):
        return NeedDecision(True, say("need.term", word=m.group(0)))
    for quoted in _QUOTED.findall(text):
        if m := weak.search(quoted):
            return NeedDecision(True, say("need.quoted", word=m.group(0)))
    return None


def _word_lists(text: str) -> NeedDecision:
    """The fallback when no semantic model is prepared (see the module docstring)."""
    if _CODE.search(text):
        return NeedDecision(False, say("need.code"))
    if _CONVERSION.search(text):
        return NeedDecision(False, say("need.conversion"))
    if _ARITHMETIC.search(text):
        return NeedDecision(False, say("need.arithmetic"))
    if m := _ETIQUETTE.search(text):
        return NeedDecision(True, say("need.etiquette", word=m.group(0)))
    if _SMALL_TALK.search(text):
        return NeedDecision(False, say("need.small_talk"))
    return NeedDecision(False, say("need.nothing"))


def needs_cultural_context(
    text: str, language: str | None = None, *, embedder: Embedder | None = None
) -> bool:
    return cultural_need(text, language, embedder=embedder).needs
