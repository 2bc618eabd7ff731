"""Quality gates for generated insights: a weak model must be seen to fail, not let junk into the store.

Every candidate goes through every gate (so each gate's pass/fail counts are honest, not hidden behind an
earlier failure); it is accepted only when all pass. The text checks are pure functions; the on-topic and
near-duplicate gates use the real embedder and store. Thresholds of the embedding gates are calibrated on the
curated pack: what real, human-written insights score is the bar a generated one has to clear.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from desktop.core.chat import readability
from desktop.core.generation.catalog import Catalog, CatalogEntry
from desktop.core.knowledge.language import detect_language

if TYPE_CHECKING:
    from desktop.core.knowledge.store import KnowledgeStore

#: Gate names in the order they are reported; "format" = the model's JSON was cut short or empty.
GATES = ("format", "length", "banned", "language", "fluency", "repetition", "echo", "on_topic", "duplicate")

MIN_CHARS, MAX_CHARS, MIN_WORDS = 80, 600, 12
MAX_REPETITION = 0.15  # share of repeated word trigrams (curated texts: 0.0-0.03)
MAX_ECHO = 0.30  # share of the text's word 4-grams copied from the prompt or one example
DUPLICATE_COSINE = 0.96  # above the closest pair of distinct curated insights (0.957): a restatement
ON_TOPIC_PERCENTILE = 25.0  # the bar: a quarter of the curated insights score below it (strict on purpose)
TERM_PERCENTILE = 10.0  # with a concept term in the text, the bar is this lower percentile
FLUENCY_PERCENTILE = 5.0  # vocabulary coverage bar: what 95% of curated insights clear
MIN_VOCABULARY_TEXTS = 20  # fewer curated texts in a language: no reliable vocabulary, the gate abstains

WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?", re.UNICODE)

_AI_INSTRUCTIONS = re.compile(
    r"\b(ignore|disregard|forget|override)\b.{0,40}\b(instructions?|prompts?|rules|guidelines)\b"
    r"|\bsystem prompt\b|\byou are now\b|\bas an ai\b|\blanguage model\b|\bjailbreak"
    r"|\babaikan\b.{0,40}\b(instruksi|perintah|aturan)\b|\bsebagai (sebuah )?ai\b"
    r"|\bignora\b.{0,40}\b(istruzioni|regole)\b|\bcome (un'|una |un )?(ia|intelligenza artificiale)\b",
    re.IGNORECASE,
)
_URL = re.compile(r"https?://|\bwww\.|\b[\w-]+\.(com|org|net|io|id|co|info|biz|it)\b(?!\w)", re.IGNORECASE)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.\w+", re.IGNORECASE)
_PHONE = re.compile(r"\+?\d[\d\s().-]{6,}\d")
_MONEY = re.compile(
    r"(\brp\.?|\bidr|\busd|\beur|\$|€|£)\s?\d"
    r"|\d[\d.,]*\s?(k|rb|ribu|juta|jt|miliar|milyar|rupiah|idr|usd|dollars?|euros?|million|billion|"
    r"milioni|miliardi|mila)\b"
    r"|\b(fees?|biaya|tarif|tariffa|costo|costa|harga|price|prezzo|cost|denda|fines?|multa)\b.{0,30}\d",
    re.IGNORECASE,
)
# A small model often slides into another culture ("a normal part of being Japanese"): that is a wrong fact.
_OTHER_CULTURE = re.compile(
    r"\b(japan(ese)?|giappon\w*|jepang|chin(a|ese)|cinese|tiongkok|korean?|corean?|thai(land)?|vietnam\w*|"
    r"india|indian|indiano)\b",
    re.IGNORECASE,
)
_DURATION = re.compile(
    r"\b\d+\s?(-\s?\d+\s?)?(days?|hari|giorn[oi]|weeks?|minggu|settiman[ae]|months?|bulan|mes[ei]|years?|"
    r"tahun|ann[oi])\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class GateResult:
    gate: str
    passed: bool
    detail: str = ""


@dataclass
class Verdict:
    results: list[GateResult]
    vector: np.ndarray | None = None
    concepts: list[str] = field(default_factory=list)  # the entry's concepts the text actually mentions

    @property
    def accepted(self) -> bool:
        return all(r.passed for r in self.results)

    @property
    def first_failure(self) -> str:
        """The gate that rejected it ("accepted" when none did): shown in progress and counted per gate."""
        return next((r.gate for r in self.results if not r.passed), "accepted")

    def to_dict(self) -> dict[str, Any]:
        return {r.gate: {"passed": r.passed, "detail": r.detail} for r in self.results}


# ---------------------------------------------------------------------------------------------- text checks
def words(text: str) -> list[str]:
    return [w.casefold() for w in WORD.findall(text)]


def ngrams(tokens: Sequence[str], n: int) -> list[tuple[str, ...]]:
    return [tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]


def check_length(text: str) -> GateResult:
    n_chars, n_words = len(text), len(words(text))
    ok = MIN_CHARS <= n_chars <= MAX_CHARS and n_words >= MIN_WORDS
    return GateResult("length", ok, f"{n_chars} chars, {n_words} words")


def banned_reason(text: str) -> str:
    """Why the text may not enter the knowledge base ("" when clean).

    Insights are cultural advice retrieved into Claude's context: instructions aimed at the AI would be a
    prompt injection, and links, phone numbers, prices, fees or legal durations are facts a small model
    invents (the legal answers come from Claude and the team, never from generated culture notes).
    """
    checks = (
        (_AI_INSTRUCTIONS, "instructions to the AI"),
        (_URL, "web link"),
        (_EMAIL, "e-mail address"),
        (_MONEY, "price or fee"),
        (_DURATION, "legal duration"),
    )
    for pattern, reason in checks:
        match = pattern.search(text)
        if match:
            return f"{reason}: {match.group(0)!r}"
    for match in _PHONE.finditer(text):
        if sum(ch.isdigit() for ch in match.group(0)) >= 8:
            return f"phone number: {match.group(0)!r}"
    return ""


def check_banned(text: str) -> GateResult:
    reason = banned_reason(text)
    return GateResult("banned", not reason, reason)


def check_language(text: str, language: str) -> GateResult:
    found = detect_language(text, default="?")
    return GateResult("language", found == language, f"detected {found}, wanted {language}")


def repetition_ratio(text: str) -> float:
    """Share of word trigrams repeating an earlier one: loops ("the the the", a sentence twice) score high."""
    grams = ngrams(words(text), 3)
    if not grams:
        return 0.0
    return 1.0 - len(set(grams)) / len(grams)


def check_repetition(text: str) -> GateResult:
    ratio = repetition_ratio(text)
    return GateResult("repetition", ratio <= MAX_REPETITION, f"{ratio:.2f} repeated trigrams")


def echo_overlap(text: str, sources: Sequence[str], n: int = 4) -> float:
    """Largest share of the text's word n-grams found in any one source (the prompt or a few-shot example)."""
    grams = set(ngrams(words(text), n))
    if not grams:
        return 0.0
    return max((len(grams & set(ngrams(words(s), n))) / len(grams) for s in sources), default=0.0)


def check_echo(text: str, sources: Sequence[str]) -> GateResult:
    overlap = echo_overlap(text, sources)
    return GateResult("echo", overlap <= MAX_ECHO, f"{overlap:.2f} of 4-grams copied")


def mentioned_terms(text: str, terms: Sequence[str]) -> list[str]:
    folded = " ".join(words(text))
    return [t for t in terms if re.search(rf"(?<!\w){re.escape(' '.join(words(t)))}(?!\w)", folded)]


class Vocabulary:
    """Words of the curated insights per language, and the share of a text's words found among them.

    A small model asked for Indonesian or Italian writes text the language detector accepts but made of
    invented words ("vedembrati", "kehiduluk"). Real insights on these topics reuse the curated vocabulary:
    their leave-one-out coverage is the calibrated bar (its 5th percentile, about 0.77); gibberish scores
    0.55-0.70. Fluent English nonsense is not caught here, but by the on-topic gate.
    """

    def __init__(self, texts_by_language: dict[str, list[str]]) -> None:
        self.counts: dict[str, Counter[str]] = {}
        self.bars: dict[str, float] = {}
        for language, texts in texts_by_language.items():
            if len(texts) < MIN_VOCABULARY_TEXTS:
                continue
            tokenised = [words(t) for t in texts]
            counts: Counter[str] = Counter(w for ts in tokenised for w in set(ts))
            self.counts[language] = counts
            loo = [self._coverage(ts, counts, own=set(ts)) for ts in tokenised]
            self.bars[language] = float(np.percentile(loo, FLUENCY_PERCENTILE))

    @staticmethod
    def _coverage(tokens: Sequence[str], counts: Counter[str], own: set[str] | None = None) -> float:
        if not tokens:
            return 0.0
        known = sum(1 for w in tokens if counts[w] - (1 if own and w in own else 0) > 0)
        return known / len(tokens)

    def check(self, text: str, language: str) -> GateResult:
        """Both bars: the curated vocabulary's, and the chat's readability guard (wordfreq word lists), which
        also rejects Italian word salad made of real-looking but unknown words."""
        details: list[str] = []
        passed = True
        guard_bar = readability.MIN_KNOWN.get(language)
        if guard_bar is not None:
            share, _, unknown = readability.known_share(text, language)
            passed = share >= guard_bar
            details.append(f"{share:.2f} known in the {language} word list (bar {guard_bar:.2f})")
            if not passed and unknown:
                details[-1] += f", e.g. {', '.join(unknown[:3])}"
        counts = self.counts.get(language)
        if counts is None:
            details.append(f"no curated vocabulary for {language}")
            return GateResult("fluency", passed, "; ".join(details))
        coverage = self._coverage(words(text), counts)
        bar = self.bars[language]
        details.append(f"{coverage:.2f} known words (bar {bar:.2f})")
        return GateResult("fluency", passed and coverage >= bar, "; ".join(details))


# ---------------------------------------------------------------------------------------------- embeddings
class TopicModel:
    """Concept centroids of the curated insights' vectors and the calibrated on-topic bars.

    A text's *margin* is its cosine to the nearest of its entry's concept centroids minus its mean cosine to
    all the other centroids: e5 cosines between any two texts on Indonesian culture are high, so only the
    difference says "this is about malu rather than about anything cultural". The bars are percentiles of
    the margins of the curated insights themselves (leave-one-out), i.e. what human-written text clears.
    """

    def __init__(self, centroids: dict[str, np.ndarray], bar: float, term_bar: float) -> None:
        self.slugs = list(centroids)
        self.matrix = np.vstack([centroids[s] for s in self.slugs]) if centroids else np.zeros((0, 1))
        self.bar = bar
        self.term_bar = term_bar

    def margin(self, vector: np.ndarray, concepts: Sequence[str]) -> float:
        own = [i for i, s in enumerate(self.slugs) if s in concepts]
        if not own or len(own) == len(self.slugs):
            return 0.0
        sims = self.matrix @ vector
        others = np.delete(sims, own)
        return float(sims[own].max() - others.mean())

    @classmethod
    def build(cls, store: KnowledgeStore, catalog: Catalog) -> TopicModel:
        got = store.collection.get(where={"source": "curated"}, include=["embeddings", "metadatas"])
        vectors = np.asarray(got["embeddings"] if got["embeddings"] is not None else [], dtype=np.float32)
        concept_lists = [
            [c for c in str(m.get("concepts", "")).split(",") if c] for m in got["metadatas"] or []
        ]
        slugs = list(catalog.concepts)
        sums = {s: np.zeros(store.embedder.dim, dtype=np.float32) for s in slugs}
        counts = dict.fromkeys(slugs, 0)
        for vec, concepts in zip(vectors, concept_lists, strict=True):
            for c in concepts:
                if c in sums:
                    sums[c] += vec
                    counts[c] += 1
        missing = [s for s in slugs if counts[s] == 0]
        if missing:  # a concept nobody curated yet: its labels stand in for examples
            labels = [str(catalog.concepts[s].get("label", s)) for s in missing]
            for slug, vec in zip(missing, store.embedder.embed_passages(labels), strict=True):
                sums[slug], counts[slug] = vec.astype(np.float32), 1
        centroids = {s: _unit(sums[s]) for s in slugs}
        margins = []
        model = cls(centroids, 0.0, 0.0)
        for vec, concepts in zip(vectors, concept_lists, strict=True):
            own = [c for c in concepts if c in sums and counts[c] > 1]
            if not own:
                continue
            loo = {c: _unit(sums[c] - vec) for c in own}  # leave the insight itself out of its centroid
            sims = model.matrix @ vec
            own_best = max(float(loo[c] @ vec) for c in own)
            others = [float(sims[i]) for i, s in enumerate(model.slugs) if s not in concepts]
            margins.append(own_best - float(np.mean(others)))
        if margins:
            model.bar = float(np.percentile(margins, ON_TOPIC_PERCENTILE))
            model.term_bar = float(np.percentile(margins, TERM_PERCENTILE))
        return model


def _unit(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return (vector / norm).astype(np.float32) if norm else vector.astype(np.float32)


class Gates:
    """All gates for one run (the topic model is calibrated once, at construction)."""

    def __init__(
        self,
        store: KnowledgeStore,
        topics: TopicModel,
        concepts: dict[str, dict[str, Any]],
        vocabulary: Vocabulary | None = None,
        duplicate_cosine: float = DUPLICATE_COSINE,
    ) -> None:
        self.store = store
        self.topics = topics
        self.vocabulary = vocabulary or Vocabulary({})
        self.concepts = concepts
        self.duplicate_cosine = duplicate_cosine

    @classmethod
    def build(cls, store: KnowledgeStore, catalog: Catalog) -> Gates:
        got = store.collection.get(where={"source": "curated"}, include=["documents", "metadatas"])
        texts: dict[str, list[str]] = {}
        for doc, meta in zip(got["documents"] or [], got["metadatas"] or [], strict=True):
            texts.setdefault(str(meta.get("language", "")), []).append(doc)
        return cls(store, TopicModel.build(store, catalog), catalog.concepts, Vocabulary(texts))

    def check(self, text: str | None, entry: CatalogEntry, echo_sources: Sequence[str]) -> Verdict:
        if not text or not text.strip():
            return Verdict([GateResult("format", False, "no usable JSON text")])
        text = text.strip()
        results = [
            GateResult("format", True),
            check_length(text),
            check_banned(text),
            check_language(text, entry.language),
            self.vocabulary.check(text, entry.language),
            check_repetition(text),
            check_echo(text, echo_sources),
        ]
        vector = self.store.embedder.embed_passages([text])[0]
        terms = mentioned_terms(text, entry.terms)
        margin = self.topics.margin(vector, entry.concepts)
        bar = self.topics.term_bar if terms else self.topics.bar
        detail = f"margin {margin:.3f} (bar {bar:.3f}{', term ' + repr(terms[0]) if terms else ''})"
        other = _OTHER_CULTURE.search(text)
        if other:
            detail += f", about another culture: {other.group(0)!r}"
        results.append(GateResult("on_topic", margin >= bar and not other, detail))
        hits = self.store.search_vectors(vector, 1, None)
        nearest = hits[0][0].score if hits else 0.0
        near_id = hits[0][0].insight.id if hits else ""
        results.append(
            GateResult("duplicate", nearest < self.duplicate_cosine, f"nearest {nearest:.3f} ({near_id})")
        )
        concepts = [c for c in entry.concepts if mentioned_terms(text, self._concept_terms(c))]
        return Verdict(results, vector, concepts or list(entry.concepts[:1]))

    def _concept_terms(self, slug: str) -> list[str]:
        aliases = self.concepts.get(slug, {}).get("aliases", [])
        return [t for t in (slug.replace("_", " "), *aliases) if len(t) >= 4]
