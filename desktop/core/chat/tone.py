"""What the small local model adds to an answer: a cultural note for Claude, a warm opening and closing, a
warmer rewrite.

The bundled model is a 135M SmolLM2: fast (~90 tokens/s) but weak, poor in Indonesian and Italian, and it
invents facts. So every prompt here is built for a tiny model (a short system prompt, a few-shot example, low
temperature, a strict token budget) and every output passes a gate before anyone sees it. A text that fails
its gate is replaced by "" (the note) or a short template in the user's language (opening and closing), and
the returned :class:`ToneText` says why, so the strategy can put it in the trace.
"""

from __future__ import annotations

import hashlib
import re
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any, Generic, TypeVar

from desktop.core.cancel import CancelToken
from desktop.core.llm import framing
from desktop.core.llm.base import ChatModel, Message

NOTE_MAX_TOKENS = (
    48  # ~0.5 s on the bundled model with the cached few-shot prefix: inside the 600 ms deadline
)
WARM_MAX_TOKENS = 32
TEMPERATURE = 0.2
T = TypeVar("T")


class ToneText(str):
    """A string plus how it was made: ``source`` "model" | "template" | "none", ``reason`` why (for the
    trace: "ok", "empty", "too_long", "repeated", "echo", "invented_facts", "wrong_language", ...), the
    model's ``raw`` output and ``ms`` spent."""

    source: str
    reason: str
    raw: str
    ms: float

    def __new__(cls, text: str, *, source: str, reason: str, raw: str = "", ms: float = 0.0) -> ToneText:
        obj = super().__new__(cls, text)
        obj.source, obj.reason, obj.raw, obj.ms = source, reason, raw, ms
        return obj

    def trace(self) -> dict[str, Any]:
        return {"source": self.source, "reason": self.reason, "ms": self.ms, "raw": self.raw[:300]}


# --- language gate ------------------------------------------------------------------------------------------


def _load_detector() -> Callable[[str], str] | None:
    try:
        from desktop.core.knowledge.language import detect_language
    except ImportError:  # the knowledge package is optional for the tone functions
        return None
    return detect_language


_detect: Callable[[str], str] | None = _load_detector()


_warm_lock = threading.Lock()
_warmed = False


def warm_up(background: bool = True) -> None:
    """Load the language detector's models now (seconds on a busy laptop) instead of inside the first note,
    which has only a 600 ms budget. Idempotent; strategy modules call it when they are imported."""
    global _warmed
    with _warm_lock:
        if _warmed or _detect is None:
            return
        _warmed = True
    detect = _detect
    if background:
        threading.Thread(
            target=detect, args=("warm up",), name="zantara-detector-warmup", daemon=True
        ).start()
    else:
        detect("warm up")


def language_ok(text: str, language: str) -> bool:
    """True if the detector agrees ``text`` is in ``language`` (or no detector is available)."""
    if _detect is None:
        return True
    return _detect(text) == language


# --- cleaning and gates -------------------------------------------------------------------------------------

LABEL = re.compile(
    r"^\s*(?:\*\*)?(?:cultural (?:note|context)|note|opening|closing|rewrite|rewritten(?: text)?|"
    r"here(?: is|'s) (?:a |the |my )?(?:warmer |friendly )?(?:version|rewrite|text)|catatan|nota|pembuka|"
    r"penutup|apertura|chiusura|assistant|answer|risposta|jawaban)(?:\*\*)?\s*[:\-–]\s*",
    re.I,
)
QUOTES = "\"'“”‘’«»`"
SENTENCE_END = re.compile(r"[.!?…](?=\s|$)")
DIGIT_OR_MONEY = re.compile(r"\d|[$€]|\b(?:IDR|Rp|USD|EUR)\b")
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def clean(text: str) -> str:
    """Strip the labels, quotes and markup a small model likes to add around its answer."""
    text = text.strip()
    for _ in range(2):
        text = LABEL.sub("", text).strip()
        if len(text) >= 2 and text[0] in QUOTES and text[-1] in QUOTES:
            text = text[1:-1].strip()
    return text.strip(QUOTES + " *\n")


def first_sentences(text: str, limit: int) -> str:
    """At most ``limit`` complete sentences; an unfinished trailing sentence (token budget hit) is dropped."""
    ends = [m.end() for m in SENTENCE_END.finditer(text)]
    if not ends:
        return text.strip()
    return text[: ends[min(limit, len(ends)) - 1]].strip()


def repeated(text: str) -> bool:
    """A phrase (3 words) said twice, or one word making up a third of the text: a looping small model."""
    words = [w.casefold() for w in WORD.findall(text)]
    trigrams = [tuple(words[i : i + 3]) for i in range(len(words) - 2)]
    if len(trigrams) != len(set(trigrams)):
        return True
    return bool(words) and len(words) >= 6 and max(words.count(w) for w in set(words)) / len(words) > 0.34


def echoes(text: str, *sources: str) -> bool:
    """Half of the output's 3-word phrases come straight from a prompt text (message, few-shot example)."""
    grams = _trigrams(text)
    if not grams:
        return False
    return any(len(grams & _trigrams(source)) / len(grams) >= 0.5 for source in sources)


def _trigrams(text: str) -> set[tuple[str, ...]]:
    words = [w.casefold() for w in WORD.findall(text)]
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


def _generate(
    model: ChatModel,
    system: str,
    shots: list[tuple[str, str]],
    prompt: str,
    max_tokens: int,
    cancel: CancelToken | None,
    tag: str = "message",
) -> str:
    """Every user turn (the shots' too, so the small model sees one format) is ``<tag>``-framed data, and
    the system prompt says so: a message cannot pose as an instruction (:mod:`desktop.core.llm.framing`)."""
    messages: list[Message] = []
    for user, assistant in shots:
        messages += [Message("user", frame(tag, user)), Message("assistant", assistant)]
    messages.append(Message("user", frame(tag, prompt)))
    system = f"{system} {framing.DATA_RULE.format(tag=tag)}"
    return model.complete(
        messages, system=system, max_tokens=max_tokens, temperature=TEMPERATURE, cancel=cancel
    )


def frame(tag: str, text: str) -> str:
    return framing.data_block(tag, text, rule=False)


# --- the cultural note --------------------------------------------------------------------------------------

NOTE_SYSTEM = (
    "You advise a customer-service assistant in Bali. In one or two short sentences, say how the person "
    "feels and how to answer them kindly. No facts, no numbers."
)
NOTE_SHOTS = [
    (
        "aku malu bertanya tentang visa",
        "The person feels malu (shy) about asking. Reassure them warmly and thank them for asking.",
    ),
    (
        "my partner says yes but nothing happens",
        "In Indonesia a polite yes can hide a no. Explain this gently and suggest a clear next step.",
    ),
]


def cultural_note(
    model: ChatModel,
    message: str,
    language: str,
    insights: list[dict[str, Any]] | None = None,
    cancel: CancelToken | None = None,
) -> ToneText:
    """A 1-2 sentence note (English, it is for Claude) on how to answer this very message, or "" if junk.

    ``insights`` (retrieved ones, optional) are offered as a hint: the small model paraphrases better than it
    invents. The note must carry no figures: anything with a digit or a currency is an invented fact.
    """
    started = time.perf_counter()
    hint = next((str(i.get("text", "")) for i in insights or [] if i.get("text")), "")
    system = NOTE_SYSTEM
    if hint:  # a retrieved insight, as framed data in the system prompt
        system += "\nA related cultural insight:\n" + frame("hint", hint[:240])
    raw = _generate(model, system, NOTE_SHOTS, message.strip()[:400], NOTE_MAX_TOKENS, cancel)
    ms = round((time.perf_counter() - started) * 1000, 1)
    text = first_sentences(clean(raw), 3)
    reason = _note_problem(text, message, hint)
    if reason:
        return ToneText("", source="none", reason=reason, raw=raw, ms=ms)
    return ToneText(text, source="model", reason="ok", raw=raw, ms=ms)


def _note_problem(text: str, message: str, hint: str) -> str:
    words = WORD.findall(text)
    if len(words) < 5:
        return "empty"
    if len(words) > 60:
        return "too_long"
    if repeated(text):
        return "repeated"
    if echoes(text, message, NOTE_SYSTEM, *(answer for _, answer in NOTE_SHOTS)):
        return "echo"
    if DIGIT_OR_MONEY.search(text):
        return "invented_facts"
    if not language_ok(text, "en"):
        return "wrong_language"
    _ = hint  # copying the retrieved insight is fine: it is curated text
    return ""


# --- warm opening and closing -------------------------------------------------------------------------------

OPENING_SYSTEM = (
    "Write one short, warm opening sentence in {language} that thanks the person for the question. "
    "Do not answer it. No facts, no numbers."
)
CLOSING_SYSTEM = (
    "Write one short, warm closing sentence in {language} that offers more help. No facts, no numbers."
)
LANGUAGE_NAMES = {"en": "English", "it": "Italian", "id": "Indonesian"}
OPENING_SHOTS = {
    "en": [("What documents do I need for a KITAS?", "Great question, I'm happy to walk you through it!")],
    "it": [("Quali documenti servono per il KITAS?", "Ottima domanda, te lo spiego volentieri!")],
    "id": [("Dokumen apa saja untuk KITAS?", "Pertanyaan bagus, dengan senang hati saya bantu jelaskan!")],
}
CLOSING_SHOTS = {
    "en": [("What documents do I need for a KITAS?", "Hope this helps, just ask if anything is unclear!")],
    "it": [
        ("Quali documenti servono per il KITAS?", "Spero ti sia utile, chiedimi pure se hai altri dubbi!")
    ],
    "id": [("Dokumen apa saja untuk KITAS?", "Semoga membantu, jangan ragu bertanya lagi ya!")],
}
OPENING_TEMPLATES = {
    "en": ("Great question, I'm happy to help!", "Thanks for asking, let's sort this out together."),
    "it": ("Ottima domanda, ti aiuto volentieri!", "Grazie per la domanda, vediamo insieme."),
    "id": (
        "Pertanyaan bagus, dengan senang hati saya bantu!",
        "Terima kasih sudah bertanya, mari kita bahas.",
    ),
}
CLOSING_TEMPLATES = {
    "en": ("Hope this helps, just ask if anything is unclear!", "I'm here if you need anything else."),
    "it": ("Spero di esserti stato utile, chiedimi pure se hai altri dubbi!", "Sono qui se ti serve altro."),
    "id": ("Semoga membantu, jangan ragu bertanya lagi ya!", "Saya siap membantu kalau ada pertanyaan lain."),
}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: The bundled model writes fluent-looking nonsense in Indonesian and Italian ("mengenarumia", "pamperla")
#: that a language detector happily accepts. In those languages a warm sentence may only use known warm
#: words (or words of the user's own message); anything else falls back to a template.
WARM_LEXICON = {
    "id": _words(
        """halo hai selamat pagi siang sore malam terima kasih banyak sudah bertanya pertanyaan bagus sekali
        senang hati dengan saya kami bantu membantu jelaskan menjelaskan tentu saja mari kita bahas bersama
        semoga jangan ragu lagi tanya kalau ada apa yang lain siap selalu untuk anda kamu bapak ibu kakak
        tenang santai baik informasi penjelasan ini itu perlu butuh hubungi langsung sama-sama ya dong nih
        pasti bisa dibantu urus mengurus proses semangat"""
    ),
    "it": _words(
        """ciao buongiorno buonasera grazie mille per della domanda ottima bella bellissima davvero felice
        lieto lieta volentieri piacere aiuto aiutarti aiutarla spiego spiegare vediamo insieme subito certo
        certamente chiedimi chiedere pure altro altri altre dubbi dubbio domande spero sia stato stata utile
        sono qui sempre disposizione serve servisse serve qualsiasi cosa scrivimi presto tranquillo
        tranquilla nessun problema cominciamo partiamo passo molto bene giusto chiarire tutto sarò felice
        esserti esserle buona giornata contattarmi ancora"""
    ),
}  # fmt: skip


def unknown_words(text: str, language: str, message: str) -> list[str]:
    """Words (4+ letters) of ``text`` that are neither known warm words nor words of the user's message."""
    lexicon = WARM_LEXICON.get(language)
    if lexicon is None:
        return []
    allowed = lexicon | {w.casefold() for w in WORD.findall(message)}
    for phrases in (OPENING_TEMPLATES, CLOSING_TEMPLATES):
        for phrase in phrases.get(language, ()):
            allowed |= {w.casefold() for w in WORD.findall(phrase)}
    for shots in (OPENING_SHOTS, CLOSING_SHOTS):
        for _, phrase in shots.get(language, []):
            allowed |= {w.casefold() for w in WORD.findall(phrase)}
    return [w for w in WORD.findall(text) if len(w) >= 4 and w.casefold() not in allowed]


def template(templates: Mapping[str, tuple[str, ...]], language: str, message: str) -> str:
    """A fixed sentence in the user's language, varied by message so replies do not all look the same."""
    options = templates.get(language) or templates["en"]
    return options[int(hashlib.sha1(message.encode()).hexdigest(), 16) % len(options)]


def _warm_sentence(
    model: ChatModel,
    message: str,
    language: str,
    cancel: CancelToken | None,
    system: str,
    shots: dict[str, list[tuple[str, str]]],
    templates: Mapping[str, tuple[str, ...]],
) -> ToneText:
    started = time.perf_counter()
    lang_shots = shots.get(language) or shots["en"]
    system = system.format(language=LANGUAGE_NAMES.get(language, "English"))
    raw = _generate(model, system, lang_shots, message.strip()[:400], WARM_MAX_TOKENS, cancel)
    ms = round((time.perf_counter() - started) * 1000, 1)
    text = first_sentences(clean(raw), 1)
    reason = _warm_problem(text, message, language, [a for _, a in lang_shots])
    if reason:
        return ToneText(
            template(templates, language, message), source="template", reason=reason, raw=raw, ms=ms
        )
    return ToneText(text, source="model", reason="ok", raw=raw, ms=ms)


def _warm_problem(text: str, message: str, language: str, examples: list[str]) -> str:
    words = WORD.findall(text)
    if len(words) < 3:
        return "empty"
    if len(words) > 25:
        return "too_long"
    if repeated(text):
        return "repeated"
    if text.rstrip().endswith("?") or echoes(text, message):
        return "echo"
    if DIGIT_OR_MONEY.search(text) or re.search(r"\b[A-Z]{2,}\b", text):
        return "invented_facts"  # an opening names no figures and no KITAS/PT PMA: that is the answer's job
    if text.strip() in examples:
        return "echo"
    if not language_ok(text, language):
        return "wrong_language"
    if unknown_words(text, language, message):
        return "unknown_words"
    return ""


def warm_opening(
    model: ChatModel, message: str, language: str, cancel: CancelToken | None = None
) -> ToneText:
    """One warm sentence in the user's language to open the answer (a template when the model's fails)."""
    return _warm_sentence(model, message, language, cancel, OPENING_SYSTEM, OPENING_SHOTS, OPENING_TEMPLATES)


def warm_closing(
    model: ChatModel, message: str, language: str, cancel: CancelToken | None = None
) -> ToneText:
    """One warm sentence in the user's language to close the answer (a template when the model's fails)."""
    return _warm_sentence(model, message, language, cancel, CLOSING_SYSTEM, CLOSING_SHOTS, CLOSING_TEMPLATES)


# --- the warmer rewrite -------------------------------------------------------------------------------------

REWRITE_SYSTEM = (
    "Rewrite the text in {language} in a warmer, friendly tone. Keep every fact, number, name and list item "
    "exactly. Do not add anything new."
)
REWRITE_SHOT = {
    "en": ("Office hours: 9-17. Bring your passport.", "Happy to help! Our office is open 9-17, and please "
           "remember to bring your passport."),
    "it": ("Orari: 9-17. Porta il passaporto.", "Con piacere! Siamo aperti dalle 9-17, e ricordati di "
           "portare il passaporto."),
    "id": ("Jam kantor: 9-17. Bawa paspor.", "Dengan senang hati! Kantor kami buka 9-17, jangan lupa bawa "
           "paspor ya."),
}  # fmt: skip


def rewrite_warmer(
    model: ChatModel, original: str, language: str, cancel: CancelToken | None = None
) -> ToneText:
    """The original in a warmer tone, or "" (with the reason) if junk. The caller runs the fact guard."""
    started = time.perf_counter()
    system = REWRITE_SYSTEM.format(language=LANGUAGE_NAMES.get(language, "English"))
    shot = REWRITE_SHOT.get(language) or REWRITE_SHOT["en"]
    budget = min(600, 40 + int(len(original) / 2.5))  # ~1.6x the original's tokens, at ~4 characters a token
    raw = _generate(model, system, [shot], original.strip(), budget, cancel, tag="text")
    ms = round((time.perf_counter() - started) * 1000, 1)
    text = clean(raw)
    reason = _rewrite_problem(text, original, language)
    if reason:
        return ToneText("", source="none", reason=reason, raw=raw, ms=ms)
    return ToneText(text, source="model", reason="ok", raw=raw, ms=ms)


def _rewrite_problem(text: str, original: str, language: str) -> str:
    """What the fact guard cannot see: a text with no facts passes it whatever the model wrote."""
    if len(WORD.findall(text)) < 3:
        return "empty"
    if not 0.5 <= len(text) / max(1, len(original)) <= 3.0:
        return "length"
    if repeated(text):
        return "repeated"
    if not language_ok(text, language):
        return "wrong_language"
    return ""


# --- running a tone function beside the main answer ---------------------------------------------------------


class Job(Generic[T]):
    """A tone function running in a daemon thread with its own cancel token.

    Strategies start the small model's work at once and wait for it only up to a deadline. A late job is
    cancelled, and the shared local model stops between two tokens, so it is free again for an offline answer.
    The user's Stop (``parent``) cancels the job too.
    """

    def __init__(
        self, fn: Callable[[CancelToken], T], parent: CancelToken | None = None, name: str = "tone"
    ) -> None:
        self.token = CancelToken()
        self.parent = parent
        self.started = time.perf_counter()
        self.finished: float | None = None
        self.result: T | None = None
        self.error: BaseException | None = None
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(fn,), name=f"zantara-{name}", daemon=True)
        self._thread.start()

    def _run(self, fn: Callable[[CancelToken], T]) -> None:
        try:
            self.result = fn(self.token)
        except BaseException as exc:  # reported to the waiting strategy, never raised in this thread
            self.error = exc
        finally:
            self.finished = time.perf_counter()
            self._done.set()

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def wait(self, timeout: float) -> bool:
        """Wait up to ``timeout`` s, in small slices so the user's Stop is seen; True if the job finished."""
        end = time.perf_counter() + max(0.0, timeout)
        while not self._done.is_set():
            if self.parent is not None and self.parent.cancelled and not self.token.cancelled:
                self.cancel()
            left = end - time.perf_counter()
            if left <= 0:
                return False
            self._done.wait(min(left, 0.02))
        return True

    def cancel(self) -> None:
        self.token.cancel()

    def join(self, timeout: float = 2.0) -> None:
        self._thread.join(timeout)

    @property
    def ms(self) -> float:
        end = self.finished if self.finished is not None else time.perf_counter()
        return round((end - self.started) * 1000, 1)
