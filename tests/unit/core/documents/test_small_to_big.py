"""Small passages are matched and given back with their section neighbours (one window, never twice), and the
glossary lets the words index reach a document written in another language (real index, real embedder)."""

from __future__ import annotations

from pathlib import Path

from desktop.core.documents import glossary, hybrid
from desktop.core.documents.index import DocumentIndex

ROWS = "\n".join(f"| Permit Z{n:02d} | IDR {n}.{n:03d}.000 | {n} working days |" for n in range(1, 25))
DOC = f"""# Fee table

## Immigration services

| Service | Fee | Time |
|---|---|---|
{ROWS}

## Refunds

A refused application is refunded at 50% of the service fee. Government fees are never refunded.
"""


def test_a_matched_row_comes_back_with_its_neighbours_and_the_header_once(
    tmp_path: Path, doc_index: DocumentIndex
) -> None:
    path = tmp_path / "fees.md"
    path.write_text(DOC, encoding="utf-8")
    assert doc_index.add_file(path).passages > 3  # 24 rows do not fit one 300-character passage
    hits = hybrid.search(doc_index, "Z12 fee", k=3).hits
    first = hits[0]
    assert "Permit Z12 | IDR 12.012.000" in first.text
    assert first.section == "Immigration services"
    assert hybrid.WINDOW_CHARS - 60 < len(first.text) <= hybrid.WINDOW_CHARS + 40  # one header line over
    assert first.text.count("Service | Fee | Time") == 1
    assert "refunded" not in first.text  # a window stays in its section
    rows = [set(h.text.splitlines()[1:]) for h in hits]
    assert not any(a & b for n, a in enumerate(rows) for b in rows[n + 1 :])  # no passage given twice


def test_window_is_the_passage_alone_when_it_fills_the_window(
    doc_index: DocumentIndex, tmp_path: Path
) -> None:
    path = tmp_path / "fees.md"
    path.write_text(DOC, encoding="utf-8")
    doc_index.add_file(path)
    hit = hybrid.search(doc_index, "Z03", k=1).hits[0]
    row = doc_index.passages_by_id([hit.passage_id])[hit.passage_id]
    assert hybrid.window(doc_index, row, max_chars=len(row["text"])) == ([hit.passage_id], row["text"])


def test_glossary_names_the_concept_in_the_other_languages() -> None:
    across = glossary.across("se l'immigrazione rifiuta la domanda, rimborsiamo qualcosa?")
    assert {"refund", "pengembalian dana", "rejected", "ditolak"} <= set(across)
    assert "rimborso" not in across  # the question's own language is already in the words query
    assert glossary.concepts("biaya EPO brp?") == glossary.concepts("EPO fee?")
    assert glossary.across("hello there") == []


def test_words_across_languages_reach_the_english_policy(tmp_path: Path, doc_index: DocumentIndex) -> None:
    (tmp_path / "refund.md").write_text(
        "# Refund policy\n\nWhen the application is rejected, the refund is 50% of the service fee.\n",
        encoding="utf-8",
    )
    (tmp_path / "ufficio.md").write_text(
        "# Ufficio\n\nL'ufficio apre alle 9. La domanda va consegnata in ufficio.\n", encoding="utf-8"
    )
    doc_index.add([tmp_path])
    index = doc_index
    question = "rimborsiamo qualcosa se rifiutano la domanda?"
    alone = hybrid.search(index, question, k=2, mode="words").hits
    assert all(h.path.endswith("ufficio.md") for h in alone)  # the question's own words: Italian only
    fused = hybrid.search(index, question, k=2).hits
    refund = next(h for h in fused if h.path.endswith("refund.md"))
    assert refund.ranks.get("across") == 1 and "words" not in refund.ranks  # found by its English words
    plain = hybrid.search(index, question, k=2, across_weight=0).hits
    assert all("across" not in h.ranks for h in plain)
