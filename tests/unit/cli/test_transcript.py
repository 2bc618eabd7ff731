"""The transcript `zantara ask` prints: what the router's events mean on a terminal that cannot unprint."""

from __future__ import annotations

import io

from desktop.cli.transcript import SEPARATOR, Transcript
from desktop.core.chat.prompts import CONTINUED_OFFLINE_MARK


def play(*events: tuple[str, str], final: str) -> str:
    out = io.StringIO()
    transcript = Transcript(out)
    for kind, text in events:
        getattr(transcript, kind)(text)
    transcript.finish(final)
    return out.getvalue()


def test_a_streamed_answer_is_printed_once() -> None:
    assert (
        play(("chunk", "Halo! "), ("chunk", "Apa kabar?"), final="Halo! Apa kabar?") == "Halo! Apa kabar?\n"
    )


def test_the_stored_answer_is_printed_when_nothing_reached_the_screen() -> None:
    assert play(final="The answer.") == "The answer.\n"


def test_a_superseded_draft_and_the_answer_are_separated() -> None:
    shown = play(
        ("chunk", "local draft"), ("replace", ""), ("chunk", "Claude's answer"), final="Claude's answer"
    )
    assert shown == "local draft" + SEPARATOR + "Claude's answer\n"


def test_a_cut_stream_prints_the_beginning_and_the_mark_once() -> None:
    beginning = "Halo! Tidak perlu malu "
    final = beginning + CONTINUED_OFFLINE_MARK + "earlier answers and notes"
    shown = play(
        ("chunk", beginning),
        ("chunk", CONTINUED_OFFLINE_MARK),
        ("chunk", "an unreadable local text"),
        ("replace", final),
        final=final,
    )
    assert shown.count(beginning) == 1 and shown.count(CONTINUED_OFFLINE_MARK.strip()) == 1
    assert shown.endswith("earlier answers and notes\n")
    assert SEPARATOR in shown  # the withdrawn local text is set apart from what replaced it


def test_a_replacement_that_continues_the_text_prints_only_its_end() -> None:
    shown = play(("chunk", "Opening. "), ("replace", "Opening. Answer."), final="Opening. Answer. Closing.")
    assert shown == "Opening. Answer. Closing.\n"
