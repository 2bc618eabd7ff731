"""A citation is shown only when its passage states what the sentence citing it says: a wrong fee, a passage
about something else or a number never sent is removed and counted (no model: figures, codes, key terms)."""

from __future__ import annotations

from desktop.core.chat import citation_check, documents_step
from desktop.core.chat.trace import DocumentPassage, Trace

FEES = (
    "Service | Service fee | Government fee\n"
    "Investor KITAS E28A – 1 year | IDR 12.500.000 | IDR 4.250.000\n"
    "EPO exit permit | IDR 1.750.000 | IDR 500.000"
)
BIOMETRICS = (
    "Biometrics at Kantor Imigrasi Denpasar: the client brings the original passport; 1–3 working days."
)


def sent() -> list[DocumentPassage]:
    return [
        DocumentPassage(n=1, text=FEES, where="Fee Table 2026, 2. Immigration services", language="en"),
        DocumentPassage(n=2, text=BIOMETRICS, where="E28A procedure, 4. Biometrics", language="en"),
    ]


def test_supports_needs_the_figures_codes_and_terms_of_the_statement() -> None:
    assert citation_check.supports("The government fee for a one-year E28A is IDR 4,250,000", FEES).supported
    assert citation_check.supports("La tassa governativa del KITAS E28A è IDR 4.250.000", FEES).supported
    wrong_fee = citation_check.supports("The E28A government fee is IDR 5.000.000", FEES)
    assert not wrong_fee.supported and wrong_fee.missing == ("5000000",)
    assert not citation_check.supports("The C312 fee is IDR 4.250.000", FEES).supported  # code not there
    assert not citation_check.supports(
        "The client brings the original passport to biometrics", FEES
    ).supported
    assert not citation_check.supports("", FEES).supported


def test_the_cited_passage_must_state_it_as_well_as_any_other_sent() -> None:
    statement = "Biometrics are at Kantor Imigrasi Denpasar and the client brings the original passport"
    assert citation_check.best_supported(statement, BIOMETRICS, [FEES, BIOMETRICS])
    near = "Biometrics at Kantor Imigrasi Denpasar: the client brings a copy."
    assert not citation_check.best_supported(statement, near, [near, BIOMETRICS])


def test_statement_is_the_clause_before_the_citation_or_the_sentence_it_opens() -> None:
    text = (
        "The fee is IDR 4.250.000 [1], and biometrics take 1–3 working days [2]. [1] EPO costs IDR 500.000."
    )
    first = text.index("[1]")
    assert citation_check.statement_before(text, first, first + 3, 0) == "The fee is IDR 4.250.000"
    second = text.index("[2]")
    assert citation_check.statement_before(text, second, second + 3, first + 3) == (
        ", and biometrics take 1–3 working days"
    )
    third = text.index("[1]", second)
    assert citation_check.statement_before(text, third, third + 3, second + 3) == "EPO costs IDR 500.000."


def test_check_keeps_supported_drops_wrong_passage_and_invented_and_counts_them() -> None:
    answer = (
        "The government fee for a one-year E28A is IDR 4.250.000 [1]. "
        "The client brings the original passport to biometrics in Denpasar [1]. "
        "An EPO costs IDR 1.750.000 [7]. "
        "Biometrics take 1–3 working days at Kantor Imigrasi Denpasar [1, 2]."
    )
    trace = Trace()
    checked = documents_step.check_citations(answer, sent(), trace, "en")
    body, sources = checked.split("\n\nSources:\n")
    assert "IDR 4.250.000 [1]." in body
    assert "original passport to biometrics in Denpasar." in body  # [1] is the fee table: removed
    assert "IDR 1.750.000." in body and "[7]" not in body
    assert "Denpasar [2]." in body
    assert sources.splitlines() == [
        "- [1] Fee Table 2026, 2. Immigration services",
        "- [2] E28A procedure, 4. Biometrics",
    ]
    assert trace.citations is not None
    assert (trace.citations.dropped, trace.citations.unsupported, trace.citations.cited) == (1, 2, 2)
    assert any("2 citation(s) whose passage does not state" in note for note in trace.notes)


def test_offline_quotes_only_passages_near_the_best() -> None:
    passages = [
        DocumentPassage(n=1, text="a", score=0.25),
        DocumentPassage(n=2, text="b", score=0.24),
        DocumentPassage(n=3, text="c", score=0.10),
    ]
    assert [p.n for p in documents_step.offline_shown(passages)] == [1, 2]
    assert documents_step.offline_shown([]) == []


def test_the_sources_render_as_one_line_each() -> None:
    """The sources under an answer are a Markdown list: as plain lines they ran into one paragraph."""
    import markdown_it

    answer = "The fee is IDR 4.250.000 [1], and biometrics take 1–3 working days in Denpasar [2]."
    checked = documents_step.check_citations(answer, sent(), Trace(), "en")
    items = [t for t in markdown_it.MarkdownIt().parse(checked) if t.type == "list_item_open"]
    assert len(items) == 2
