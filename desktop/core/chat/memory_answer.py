"""The offline answer made of what Zantara already knows: earlier Claude answers and cultural insights.

Shown instead of the local model's text when that text fails the readability guard (or the local model cannot
run). It never pretends to be a new answer: it says, in the user's language, that these are earlier answers,
to which question, when, by whom and how close. The memory only returns answers to the same question (asked
in other words or another language) as answers; when there is none, an earlier answer to a *related* question
may follow the insights, after "not answered before" and under a label that names it and its question, so it
is never read as the answer. A capable local model gets the same hits as context instead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from desktop.core.knowledge.memory import MemoryHit

ANSWER_CHARS = 700  # per earlier answer shown
CONTEXT_CHARS = 350  # per earlier answer given to the local model as context
MAX_INSIGHTS = 3

TEMPLATES: dict[str, dict[str, str]] = {
    "en": {
        "why": "Claude cannot be reached right now.",
        "why_claude_late": "Claude is slow to answer; meanwhile, here is what Zantara already knows.",
        "why_offline_requested": "Offline mode is on.",
        "why_no_key": "There is no Claude API key yet (Settings → Claude, or `zantara key set`).",
        "intro": "The local model cannot write a reliable answer to this, so here is what Zantara already knows.",
        "memory_same": "Claude answered this same question before (check that the answer still applies):",
        "memory": "Claude answered this question before, asked in other words (check that the answer still "
        "applies):",
        "hit": '**"{question}"** (asked by {who} on {date}, conversation "{title}", similarity {sim:.0%})',
        "none": "Claude has not answered this question before.",
        "related": "Claude answered another question before that may be related, not yours: its answer may "
        "not answer what you asked.",
        "related_hit": '**Possibly related question: "{question}"** (asked by {who} on {date}, conversation "{title}")',
        "insights": "Cultural notes:",
        "later": "Ask Claude again later for an answer to your exact question.",
        "later_no_key": "Add a Claude API key for an answer to your exact question.",
        "later_claude_late": "If Claude answers, its answer to your exact question replaces this one.",
        "later_offline_requested": "Turn offline mode off for Claude's answer to your exact question.",
        "upgrade": "For answers written offline, install a larger local model: Settings → Models "
        "(or `zantara models catalog`).",
        "someone": "a colleague",
    },
    "id": {
        "why": "Claude sedang tidak dapat dihubungi.",
        "why_claude_late": "Claude lambat menjawab; sementara itu, inilah yang sudah diketahui Zantara.",
        "why_offline_requested": "Mode offline sedang aktif.",
        "why_no_key": "Belum ada kunci API Claude (Pengaturan → Claude, atau `zantara key set`).",
        "intro": "Model lokal tidak bisa menulis jawaban yang dapat diandalkan untuk ini, jadi berikut yang "
        "sudah diketahui Zantara.",
        "memory_same": "Claude pernah menjawab pertanyaan yang sama ini (periksa apakah jawabannya masih berlaku):",
        "memory": "Claude pernah menjawab pertanyaan ini, dengan kata-kata lain (periksa apakah jawabannya "
        "masih berlaku):",
        "hit": '**"{question}"** (ditanyakan oleh {who} pada {date}, percakapan "{title}", '
        "kemiripan {sim:.0%})",
        "none": "Claude belum pernah menjawab pertanyaan ini.",
        "related": "Claude pernah menjawab pertanyaan lain yang mungkin berkaitan, bukan pertanyaan Anda: "
        "jawabannya mungkin tidak menjawab yang Anda tanyakan.",
        "related_hit": '**Pertanyaan yang mungkin berkaitan: "{question}"** (ditanyakan oleh {who} pada {date}, '
        'percakapan "{title}")',
        "insights": "Catatan budaya:",
        "later": "Tanyakan lagi ke Claude nanti untuk jawaban atas pertanyaan Anda yang persis.",
        "later_no_key": "Tambahkan kunci API Claude untuk jawaban atas pertanyaan Anda yang persis.",
        "later_claude_late": "Jika Claude menjawab, jawabannya atas pertanyaan Anda yang persis akan menggantikan ini.",
        "later_offline_requested": "Matikan mode offline untuk jawaban Claude atas pertanyaan Anda yang persis.",
        "upgrade": "Agar bisa dijawab saat offline, pasang model lokal yang lebih besar: Pengaturan → Model "
        "(atau `zantara models catalog`).",
        "someone": "seorang rekan",
    },
    "it": {
        "why": "Claude non è raggiungibile in questo momento.",
        "why_claude_late": "Claude è lento a rispondere; nel frattempo, ecco ciò che Zantara sa già.",
        "why_offline_requested": "La modalità offline è attiva.",
        "why_no_key": "Non c'è ancora una chiave API di Claude (Impostazioni → Claude, o `zantara key set`).",
        "intro": "Il modello locale non riesce a scrivere una risposta affidabile a questo, quindi ecco ciò che "
        "Zantara sa già.",
        "memory_same": "Claude ha già risposto a questa stessa domanda (verifica che la risposta valga ancora):",
        "memory": "Claude ha già risposto a questa domanda, posta con altre parole (verifica che la risposta "
        "valga ancora):",
        "hit": '**"{question}"** (chiesto da {who} il {date}, conversazione "{title}", '
        "somiglianza {sim:.0%})",
        "none": "Claude non ha ancora risposto a questa domanda.",
        "related": "Claude ha risposto a un'altra domanda, forse correlata, non alla tua: la sua risposta "
        "potrebbe non rispondere a ciò che hai chiesto.",
        "related_hit": '**Domanda forse correlata: "{question}"** (chiesta da {who} il {date}, conversazione "{title}")',
        "insights": "Note culturali:",
        "later": "Richiedi più tardi a Claude per una risposta alla tua domanda precisa.",
        "later_no_key": "Aggiungi una chiave API di Claude per una risposta alla tua domanda precisa.",
        "later_claude_late": "Se Claude risponde, la sua risposta alla tua domanda precisa sostituirà questa.",
        "later_offline_requested": "Disattiva la modalità offline per la risposta di Claude alla tua domanda precisa.",
        "upgrade": "Per risposte scritte anche offline, installa un modello locale più grande: "
        "Impostazioni → Modelli (o `zantara models catalog`).",
        "someone": "un collega",
    },
}

CONTEXT_HEADER = {
    "en": "Earlier answers by the consultancy to this question (reference; do not invent beyond them):",
    "id": "Jawaban konsultan sebelumnya untuk pertanyaan ini (referensi; jangan mengarang di luarnya):",
    "it": "Risposte precedenti della consulenza a questa domanda (riferimento; non inventare oltre):",
}


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split()) if limit < 400 else text.strip()
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def compose(
    hits: Sequence[MemoryHit],
    insights: Sequence[dict[str, Any]],
    language: str,
    reason: str = "",
    documents: str = "",
    backend: str = "Claude",
    related: MemoryHit | None = None,
    question: str = "",
) -> str:
    """The memory + insights answer, in ``language`` (English for any other). ``reason`` is why Claude is not
    answering (the trace's reason: offline_requested, no_key, claude_late, or anything else = unreachable).
    ``backend``: the online model the texts name (another backend than Claude is named as itself).
    ``related``: an earlier answer to a related question, shown only when ``hits`` is empty, after saying that
    this question has no earlier answer, under its own question and a label that says it is not the answer.
    ``question``: the message asked; when the best earlier answer was asked in the same words, the header
    does not say "in other words"."""
    t = {
        key: text.replace("Claude", backend) for key, text in TEMPLATES.get(language, TEMPLATES["en"]).items()
    }
    why = t.get(f"why_{reason}", t["why"])
    # claude_late (the hedged answer while Claude is only slow): its "why" already says what follows
    parts = [why if reason == "claude_late" else f"{why} {t['intro']}", ""]
    if documents:  # the team's own passages answer first (chat/documents_step.py)
        parts += [documents, ""]
    # The notes that fit come first; an earlier answer (only one judged to be to the same question, see
    # knowledge/memory_match.py) follows them, marked as written for the question asked before.
    tips = [str(i.get("text", "")).strip() for i in insights[:MAX_INSIGHTS] if str(i.get("text", "")).strip()]
    if tips:
        parts.append(t["insights"])
        parts += [f"- {tip}" for tip in tips]
        parts.append("")
    if hits:
        same = bool(question) and _words(hits[0].question) == _words(question)
        parts += [t["memory_same"] if same else t["memory"], ""]
        for n, hit in enumerate(hits, 1):
            # Each earlier answer under its own bold question line (not a list item), with blank lines around,
            # so its own numbered lists start afresh instead of running on from an outer list.
            parts.append(
                t["hit"].format(
                    n=n,
                    question=_clip(hit.question, 160),
                    who=_who(hit, t["someone"]),
                    date=hit.date[:10],
                    title=_clip(hit.conversation_title or hit.question, 60),
                    sim=hit.similarity,
                )
            )
            parts += ["", _clip(hit.answer, ANSWER_CHARS), ""]
    else:
        parts += [t["none"], ""]
        if related is not None:
            parts += [t["related"], "", _hit_line(t["related_hit"], related, t["someone"]), ""]
            parts += [_clip(related.answer, ANSWER_CHARS), ""]
    parts.append(t.get(f"later_{reason}", t["later"]))
    parts.append(t["upgrade"])
    return "\n".join(parts).strip()


def _words(text: str) -> list[str]:
    """A question's words, case and punctuation aside: "Visa fee?" and "visa fee" are asked the same way."""
    return re.findall(r"\w+", text.casefold())


def _hit_line(template: str, hit: MemoryHit, someone: str) -> str:
    return template.format(
        question=_clip(hit.question, 160),
        who=_who(hit, someone),
        date=hit.date[:10],
        title=_clip(hit.conversation_title or hit.question, 60),
        sim=hit.similarity,
    )


def settle_late(text: str) -> str:
    """The hedged answer once Claude's request was closed: it no longer promises that Claude's answer will
    replace it, and says Claude could not be reached (in the language it was written in)."""
    for t in TEMPLATES.values():
        text = text.replace(t["later_claude_late"], t["later"])
        text = text.replace(t["why_claude_late"], f"{t['why']} {t['intro']}")
    return text


def _who(hit: MemoryHit, colleague: str) -> str:
    """Who asked; an answer synced from a colleague's laptop says so."""
    if hit.colleague:
        return f"{hit.user_name or hit.colleague} ({colleague})"
    return hit.user_name or colleague


def context_note(hits: Sequence[MemoryHit], language: str) -> str:
    """Earlier answers as reference for a local model that passes the guard ("" when there are none)."""
    if not hits:
        return ""
    from desktop.core.llm.framing import data_block

    pairs = [f"Q: {_clip(hit.question, 160)}\nA: {_clip(hit.answer, CONTEXT_CHARS)}" for hit in hits[:2]]
    # Earlier answers are text a user steered: data, never instructions, like every other prompt input.
    return (
        CONTEXT_HEADER.get(language, CONTEXT_HEADER["en"])
        + "\n"
        + data_block("earlier_answers", "\n".join(pairs))
    )
