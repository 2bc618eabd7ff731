"""Does the cited passage state what the sentence citing it says?

A citation the user sees is a promise: "this passage says so". Checking only that [2] was sent lets an answer
cite the fee table for a fee the table does not hold. A citation is kept when its passage **supports** the
statement it is attached to:

- every figure of the statement (amounts, days, percentages, article numbers) is in the passage, separators
  aside ("IDR 4,250,000" = "IDR 4.250.000");
- every code (a word with letters and digits: E28A, C312, B211A) is in the passage;
- at least ``MIN_SHARED`` of the statement's key terms (rarer words by their first letters, and the team's
  concepts in any of the three languages, ``documents/glossary``) are in the passage;
- and no other passage sent holds clearly more of them (``MARGIN``): the fee table's neighbouring row shares
  "fee", "KITAS" and "working days" with the right one, so the passage that states it best is the one to cite.

It is lexical on purpose: cheap (no model), explainable in the trace, and strict on what matters most in this
domain (a wrong fee or form code). Its cost is recall: a correct citation of a passage in another language
whose statement has no figure, code or glossary term is dropped; docs/benchmarks.md measures both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.documents import glossary

MIN_SHARED = 0.5  # share of the statement's key terms the passage must hold (chosen on train+dev answers)
MARGIN = 0.1  # how much less of them than the best sent passage the cited one may hold (train+dev)
STEM = 6

_TOKEN = re.compile(r"\w+(?:[.,]\d+)*", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass(frozen=True)
class Support:
    supported: bool
    missing: tuple[str, ...]  # the figures or codes of the statement the passage lacks
    shared: float  # share of the statement's key terms found in the passage


@dataclass(frozen=True)
class _Facts:
    figures: frozenset[str]
    codes: frozenset[str]
    terms: frozenset[str]


def _facts(text: str) -> _Facts:
    from desktop.core.documents.hybrid import STOP_ZIPF, _common

    figures, codes, terms = set(), set(), set()
    for token in _TOKEN.findall(text.casefold()):
        has_digit = any(c.isdigit() for c in token)
        if has_digit and any(c.isalpha() for c in token):
            codes.add(token)
        elif has_digit:
            figures.add(re.sub(r"[.,]", "", token).lstrip("0") or "0")
        elif len(token) >= 4 and not _common(token, STOP_ZIPF - 0.5):
            terms.add(token[:STEM])
    terms |= {f"concept:{n}" for n in glossary.concepts(text)}
    return _Facts(frozenset(figures), frozenset(codes), frozenset(terms))


def supports(statement: str, passage: str) -> Support:
    said, source = _facts(statement), _facts(passage)
    missing = sorted((said.figures - source.figures) | (said.codes - source.codes))
    wanted = said.terms | said.figures | said.codes
    held = (said.terms & source.terms) | (said.figures & source.figures) | (said.codes & source.codes)
    shared = len(held) / len(wanted) if wanted else 0.0
    return Support(not missing and bool(wanted) and shared >= MIN_SHARED, tuple(missing), round(shared, 3))


def best_supported(statement: str, cited: str, sent: list[str], margin: float | None = None) -> bool:
    """``cited`` supports ``statement`` and no passage in ``sent`` does clearly better."""
    own = supports(statement, cited)
    if not own.supported:
        return False
    rivals = [supports(statement, text) for text in sent if text != cited]
    best = max((r.shared for r in rivals if r.supported), default=0.0)
    return own.shared >= best - (MARGIN if margin is None else margin)


def statement_before(text: str, start: int, end: int, previous_end: int) -> str:
    """The words a citation at ``text[start:end]`` vouches for: its sentence up to it (after the previous
    citation in that sentence); for a citation that opens a sentence or follows its full stop, the clause after
    it or else the sentence before."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    opened = max([0, previous_end, *ends])
    clause = text[opened:start]
    if _has_words(clause):
        return clause.strip()
    following = _SENTENCE_END.search(text, end)
    after = text[end : following.start() if following else len(text)]
    after = re.split(r"\[\d", after, maxsplit=1)[0]
    if _has_words(after):
        return after.strip()
    earlier = [m.end() for m in _SENTENCE_END.finditer(text, 0, max(0, opened - 1))]
    return text[max([0, *earlier]) : opened].strip()


def _has_words(text: str) -> bool:
    return sum(1 for _t in re.finditer(r"\w{2,}", text)) >= 2
