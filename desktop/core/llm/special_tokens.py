"""The control tokens a GGUF model declares, so user text can never contain one the tokenizer would obey.

llama.cpp tokenizes the rendered chat prompt with special tokens enabled: any control token of the loaded
model's vocabulary typed by a user (SmolLM2's ``<file_sep>``, Gemma's ``<bos>``, Mistral's ``[TOOL_CALLS]``,
DeepSeek's ``<｜User｜>``) would otherwise become that token. A hand-written list always misses some, so the
list is the vocabulary's own: every token the GGUF marks as control or user-defined (llama.cpp parses both
as special), read with the ``gguf`` package; each occurrence gets a zero-width space after its first
character, so the tokenizer sees plain characters.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

CONTROL, USER_DEFINED = 3, 4  # gguf.TokenType values llama.cpp treats as special text
ZWSP = "\u200b"


def from_loaded(llama: Any) -> frozenset[str]:
    """Control / user-defined tokens of a loaded ``llama_cpp.Llama`` (its vocabulary as llama.cpp reads it:
    ~20 ms for 50k tokens)."""
    import llama_cpp

    try:
        vocab = llama._model.vocab
        mask = llama_cpp.LLAMA_TOKEN_ATTR_CONTROL | llama_cpp.LLAMA_TOKEN_ATTR_USER_DEFINED
        texts = (
            llama_cpp.llama_vocab_get_text(vocab, i)
            for i in range(llama_cpp.llama_vocab_n_tokens(vocab))
            if llama_cpp.llama_vocab_get_attr(vocab, i) & mask
        )
        return frozenset(t for t in (b.decode("utf-8", "replace") for b in texts) if typeable(t))
    except Exception:  # an older binding without these calls: the generic patterns still apply
        return frozenset()


def from_file(path: Path) -> frozenset[str]:
    """The same, read from a GGUF's metadata with the ``gguf`` package (no model loaded; slow on a large
    file: for vocabularies and checks, not per answer)."""
    from gguf import GGUFReader

    try:
        reader = GGUFReader(path, "r")
        tokens = reader.fields.get("tokenizer.ggml.tokens")
        types = reader.fields.get("tokenizer.ggml.token_type")
        if tokens is None or types is None:
            return frozenset()
        found = set()
        for n, index in enumerate(types.data):
            if int(types.parts[index][0]) in (CONTROL, USER_DEFINED):
                text = bytes(tokens.parts[tokens.data[n]]).decode("utf-8", "replace")
                if typeable(text):
                    found.add(text)
        return frozenset(found)
    except Exception:  # an unreadable vocabulary: the generic patterns still apply
        return frozenset()


def typeable(text: str) -> bool:
    """A token a user could type that is not plain text: more than one character, with markup in it (a
    user-defined token that is an ordinary word is only a word)."""
    return len(text) > 1 and not text.strip().isalnum() and bool(text.strip())


class Defuser:
    """Breaks every occurrence of a vocabulary's control tokens in a text."""

    def __init__(self, tokens: frozenset[str]) -> None:
        ordered = sorted(tokens, key=len, reverse=True)
        self.pattern = re.compile("|".join(re.escape(t) for t in ordered)) if ordered else None

    def __call__(self, text: str) -> str:
        if self.pattern is None:
            return text
        return self.pattern.sub(lambda m: m.group(0)[0] + ZWSP + m.group(0)[1:], text)
