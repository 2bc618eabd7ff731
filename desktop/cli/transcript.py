"""`zantara ask`'s human output: the router's events written as a transcript a terminal can show.

A terminal cannot take text back, while the router's ``replace`` events do (a hedged local draft is superseded
by Claude's answer, a cut stream is redone offline). So the transcript writes only what is new: a replacement
that continues the text on screen prints its new end; one that does not starts a new section under a
separator; at the end, when the stored answer is not what the screen shows, it is printed whole under one
more separator. What the user reads last is always the stored answer, and nothing is printed twice.
"""

from __future__ import annotations

from typing import TextIO

SEPARATOR = "\n\n────────\n"
KEEP_CHARS = 12  # a shared beginning this long is the same text kept, not a coincidence


class Transcript:
    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.shown = ""  # the answer text of the current section, as on screen
        self.printed = False  # anything at all on stdout
        self.cleared = False  # the current section was withdrawn (the next text starts a new one)

    def _write(self, text: str) -> None:
        if text:
            self.out.write(text)
            self.out.flush()
            self.printed = True

    def _new_section(self) -> None:
        if self.printed:
            self._write(SEPARATOR)
        self.shown, self.cleared = "", False

    def chunk(self, text: str) -> None:
        if not text:
            return
        if self.cleared:
            self._new_section()
        self._write(text)
        self.shown += text

    def replace(self, text: str) -> None:
        """The whole answer is now ``text`` ("" withdraws what is shown)."""
        if not text:
            self.cleared = bool(self.shown) or self.cleared
            return
        if not self.cleared and text.startswith(self.shown):
            self.chunk(text[len(self.shown) :])
            return
        self._rewrite(text)

    def _rewrite(self, text: str) -> None:
        """A new section for ``text``; when it starts as the shown text did (Claude's kept beginning), only
        what differs is printed under the separator."""
        same = "" if self.cleared else _common_start(self.shown, text)
        keep = same if len(same) >= KEEP_CHARS else ""
        self.cleared = bool(self.shown) or self.cleared
        self.chunk(text[len(keep) :])
        self.shown = text

    def finish(self, final: str) -> None:
        """The stored answer: printed (whole, or its missing end) unless the screen shows it already."""
        if final.strip() and final.strip() != self.shown.strip():
            if not self.cleared and final.startswith(self.shown):
                self.chunk(final[len(self.shown) :])
            else:
                self._rewrite(final)
        if self.printed:
            self._write("\n")


def _common_start(a: str, b: str) -> str:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return a[:n]
