"""The team's documents in an answer: the passages that fit the question, cited, checked, quoted offline.

Beside retrieval of the insights, the router asks the document index (``documents/hybrid.py``) for passages.
Only when the best is close enough to the question (``hybrid.MIN_COSINE``, chosen on train/dev) does the
answer get them: Claude as numbered, delimited reference data it must cite as [1], [2]; a local model that may
write answers as the same framed data; the offline answer quotes them first (the answering sentence first, as
``offline_pick`` does for the notes), with document and page. After Claude answers, every [n] is checked
against the passages sent: one that matches none, or whose passage does not state the sentence citing it
(``citation_check``), is removed from the text and counted in the trace.
"""

from __future__ import annotations

import dataclasses
import re
import time
from typing import TYPE_CHECKING

from desktop.core.chat import citation_check
from desktop.core.chat.trace import Citations, DocumentPassage
from desktop.core.messages import say

if TYPE_CHECKING:
    from desktop.core.chat.trace import Trace
    from desktop.core.documents.index import DocumentIndex

#: a Markdown hard line break: a quoted passage's lines (list items, table rows) stay one a line in the window
#: (a plain newline inside a quote renders as a space)
BREAK = "  \n"

K = 3
LANGUAGE_LEAD = (
    0.95  # a passage in the reader's language is quoted first when its fused score is this close to the best
)
QUOTE_CHARS = 600
# The offline answer quotes, with its source, only the passages whose fused score is at least this share of the
# best one's: every quote shown as "this answers you" should (train+dev: see docs/benchmarks.md).
SHOWN_SHARE = 0.9

_CITATION = re.compile(r"\[(\d{1,2}(?:\s*,\s*\d{1,2})*)\]")

INSTRUCTION = (
    "The team's own documents below may answer the question. Use them for fees, times, requirements and "
    "procedures, and cite each fact taken from them with its passage number in square brackets, e.g. [1]. "
    "Cite only the numbers listed; if they do not answer the question, say so and do not cite them."
)

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "found": "From the team's documents:",
        "in_language": "(in {language})",
        "sources": "Sources:",
    },
    "id": {
        "found": "Dari dokumen tim:",
        "in_language": "(dalam bahasa {language})",
        "sources": "Sumber:",
    },
    "it": {
        "found": "Dai documenti del team:",
        "in_language": "(in {language})",
        "sources": "Fonti:",
    },
}
LANGUAGE_NAMES = {
    "en": {"en": "English", "id": "Indonesian", "it": "Italian"},
    "id": {"en": "Inggris", "id": "Indonesia", "it": "Italia"},
    "it": {"en": "inglese", "id": "indonesiano", "it": "italiano"},
}


def find(index: DocumentIndex | None, text: str, trace: Trace) -> list[DocumentPassage]:
    """The passages for this message (none when no document is close enough); never fails the answer."""
    from desktop.core.documents import hybrid

    if index is None:
        return []
    started = time.perf_counter()
    try:
        if not index.count()[1]:
            return []
        result = hybrid.search(index, text, k=K)
    except Exception as exc:
        trace.notes.append(say("note.documents_unavailable", error=type(exc).__name__))
        trace.add_stage("documents", started, ok=False, detail=type(exc).__name__)
        return []
    fits = result.best_cosine is not None and result.best_cosine >= hybrid.MIN_COSINE
    passages = [
        DocumentPassage(
            n=n,
            text=hit.text,
            document=hit.document,
            path=hit.path,
            section=hit.section,
            page=hit.page,
            where=hit.where(),
            language=hit.language,
            score=round(hit.score, 5),
            found_by=hit.found_by,
            cosine=None if hit.cosine is None else round(hit.cosine, 4),
        )
        for n, hit in enumerate(result.hits, 1)
    ]
    passages = passages if fits else []
    trace.passages = passages
    trace.add_stage("documents", started, detail=say("stage.documents", n=len(passages)))
    return passages


def block(passages: list[DocumentPassage]) -> str:
    """The passages as numbered, delimited reference data with the citation rule (for any model)."""
    from desktop.core.llm.framing import data_block

    if not passages:
        return ""
    parts = [
        data_block(
            "passage", p.text, rule=False, n=str(p.n), document=p.document, where=p.where, language=p.language
        )
        for p in passages
    ]
    rule = data_block("documents", "", rule=True).split("\n")[0]  # the data-not-instructions sentence
    return f"{INSTRUCTION}\n{rule}\n<documents>\n" + "\n".join(parts) + "\n</documents>"


def with_passages(context_block: str, passages: list[DocumentPassage]) -> str:
    documents = block(passages)
    return f"{context_block}\n\n{documents}".strip() if documents else context_block


def check_citations(text: str, passages: list[DocumentPassage], trace: Trace, language: str) -> str:
    """The answer with only the citations whose passage was sent and states what the sentence says
    (``citation_check``), and its sources listed at the end; the others are removed and counted."""
    sent = {p.n: p for p in passages}
    texts = [p.text for p in passages]
    cited: list[int] = []
    invented = unsupported = 0
    pieces: list[str] = []
    done = 0
    for match in _CITATION.finditer(text):
        statement = citation_check.statement_before(text, match.start(), match.end(), done)
        valid = []
        for n in (int(n) for n in re.split(r"\s*,\s*", match.group(1))):
            if n not in sent:
                invented += 1
            elif not citation_check.best_supported(statement, sent[n].text, texts):
                unsupported += 1
            elif n not in valid:
                valid.append(n)
        cited.extend(n for n in valid if n not in cited)
        pieces += [text[done : match.start()], f"[{', '.join(str(n) for n in valid)}]" if valid else ""]
        done = match.end()
    checked = "".join(pieces) + text[done:]
    if invented or unsupported:
        checked = re.sub(r"[ \t]+([.,;:!?])", r"\1", checked)
    trace.cited_passages = [sent[n] for n in cited]
    trace.citations = Citations(sent=len(sent), cited=len(cited), dropped=invented, unsupported=unsupported)
    if invented:
        trace.notes.append(say("note.citations_dropped", n=invented))
    if unsupported:
        trace.notes.append(say("note.citations_unsupported", n=unsupported))
    if not cited:
        return checked
    t = TEXTS.get(language, TEXTS["en"])
    sources = [f"- [{n}] {sent[n].where}" for n in cited]  # a list: plain lines would run into one paragraph
    return checked.rstrip() + "\n\n" + t["sources"] + "\n" + "\n".join(sources)


def offline_section(question: str, language: str, passages: list[DocumentPassage]) -> str:
    """The passages for the offline answer: the one in the reader's language first when it is about as good,
    its answering sentence first, each with document and page or section, another language named."""
    if not passages:
        return ""
    t = TEXTS.get(language, TEXTS["en"])
    ordered = offline_order(language, offline_shown(passages))
    lines = [t["found"], ""]
    for passage in ordered:
        quote = answering_first(question, language, passage.text)
        named = ""
        if passage.language != language:
            name = LANGUAGE_NAMES.get(language, LANGUAGE_NAMES["en"]).get(passage.language, "")
            named = " " + t["in_language"].format(language=name) if name else ""
        lines += [f"[{passage.n}] **{passage.where}**{named}", "", _quoted(quote), ""]
    return "\n".join(lines).strip()


def offline_shown(passages: list[DocumentPassage], share: float | None = None) -> list[DocumentPassage]:
    """The passages close enough to the best to be quoted as answering (``SHOWN_SHARE``)."""
    if not passages:
        return []
    floor = (SHOWN_SHARE if share is None else share) * max(p.score for p in passages)
    return [p for p in passages if p.score >= floor]


def offline_order(language: str, passages: list[DocumentPassage]) -> list[DocumentPassage]:
    """The best passage first, unless one in the reader's language scores about as well (``LANGUAGE_LEAD``);
    numbered again in that order (the offline answer's [1], [2]...)."""
    if not passages:
        return []
    best = max(p.score for p in passages)
    own = [p for p in passages if p.language == language and p.score >= LANGUAGE_LEAD * best]
    ordered = own[:1] + [p for p in passages if p not in own[:1]]
    return [dataclasses.replace(p, n=n) for n, p in enumerate(ordered, 1)]


def answering_first(question: str, language: str, text: str) -> str:
    """The passage with the line or sentence that answers the question (``offline_pick``'s word overlap and
    time/number cue) moved to the front, in bold."""
    from desktop.core.chat import offline_pick

    pieces = [s for line in text.splitlines() for s in offline_pick.sentences(line) or [line]]
    if len(pieces) < 2:
        return text
    asked = offline_pick.asked_words(question, language)

    def value(piece: str) -> float:
        return offline_pick.lexical_overlap(question, piece, language, asked) + 0.2 * offline_pick.cue(
            question, piece
        )

    lead = max(pieces, key=value)
    if value(lead) <= 0 or lead == pieces[0]:
        return text
    return f"**{lead}**\n" + "\n".join(p for p in pieces if p != lead)


def _quoted(text: str) -> str:
    text = text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rsplit(" ", 1)[0] + "…"
    return BREAK.join(f"> {line}" for line in text.splitlines() if line.strip())
