"""How much of a message the embedder and the language detector read: a bounded, representative part.

e5 reads 512 tokens at a time; a 200 KB message is ~100 such windows, and every vector of it (retrieval's
query, the answer memory's forms) cost seconds each on two cores. What a message is about shows in its
opening, a sample of its middle and its end, so a long one is read as those three parts, whatever its
length. The model that answers still gets the whole message (or as much as its context holds).
"""

from __future__ import annotations

import re

EMBED_CHARS = 1000  # a long chat message's worth: e5 costs grow with length (~1.5 ms a character, busy)
DETECT_CHARS = 3000  # the language detector's part: plenty of words, milliseconds
JOIN = " … "
MAX_WORD = 40  # no word of the three languages is longer: a longer letter run is not text
_LETTERS = re.compile(r"[^\W\d_]+", re.UNICODE)


def excerpt(text: str, budget: int = EMBED_CHARS) -> str:
    """``text`` itself when it fits ``budget`` characters; else its opening (half), a slice of its middle
    and its end (a quarter each), cut at spaces where there are any."""
    if len(text) <= budget:
        return text
    head, mid, tail = budget // 2, budget // 4, budget // 4
    middle = len(text) // 2 - mid // 2
    parts = [text[:head], text[middle : middle + mid], text[-tail:]]
    return JOIN.join(_at_spaces(p, first=n == 0, last=n == 2) for n, p in enumerate(parts))


def _at_spaces(part: str, first: bool, last: bool) -> str:
    start = 0 if first else part.find(" ") + 1
    end = len(part) if last else part.rfind(" ")
    if end <= start or end - start < len(part) // 2:
        return part.strip()  # no spaces to cut at (one long run): keep the characters
    return part[start:end].strip()


def is_word(word: str) -> bool:
    """A letter run that can be a word: not longer than any word is, not one letter repeated ("aaaaaa")."""
    return len(word) <= MAX_WORD and (len(word) <= 3 or len(set(word.casefold())) > 1)


def has_words(text: str) -> bool:
    """Whether ``text`` holds at least one word (a run of 20,000 'a's, digits or symbols hold none)."""
    return any(is_word(w) for w in _LETTERS.findall(excerpt(text, DETECT_CHARS)))
