"""The English texts the core writes into traces, reports and errors, each under a code with named fields.

The core has no Qt and no translations: it writes ``say(code, **fields)``, plain English that the CLI prints
and SQLite stores. The GUI translates at its edge (``desktop/gui/texts/core_text.py``): it matches a stored text
against these templates, translates the template with ``tr()`` and fills the fields in again (themselves
translated when they are texts of their own). Because it works on the stored text, answers saved before a
language switch, or by an older version, are shown in the user's language too. The translation build adds
every template to the catalog (``desktop/gui/i18n/build.py``), so a new template without an Italian and
Indonesian translation fails ``test_every_ui_string_has_a_translation``.

Fields are written pre-formatted (``f"{x:.0%}"``), so templates carry no format specs.
"""

from __future__ import annotations

TEMPLATES: dict[str, str] = {
    # need decision (knowledge/need.py): why a message does or does not get cultural insights
    "need.empty": "empty message",
    "need.no_words": "no words in the message (not text)",
    "need.feeling": "feeling word '{word}'",
    "need.term": "cultural term '{word}'",
    "need.quoted": "quoted cultural word '{word}'",
    "need.code": "code or spreadsheet question",
    "need.conversion": "unit or currency conversion",
    "need.arithmetic": "arithmetic",
    "need.etiquette": "etiquette or relationship question ('{word}')",
    "need.small_talk": "acknowledgement or small talk",
    "need.nothing": "no feeling, cultural term or etiquette question found",
    "need.semantic": "semantic: {verdict}, p={p} (threshold {threshold}){nearest}",
    "need.nearest": "; nearest: '{text}' ({verdict}, {similarity})",
    "need.cultural": "cultural",
    "need.neutral": "neutral",
    # the router and the strategies (chat/): notes and stage details in the trace
    "note.stopped": "stopped by the user",
    "note.kept_partial": "kept {n} characters Claude streamed before the failure",
    "note.failed": "failed: {error}",
    "note.retrieval_unavailable": "retrieval unavailable: {error}",
    "note.memory_not_indexed": "answer memory: not indexed ({error})",
    "note.note_overlapped": "cultural note started before retrieval (overlapped)",
    "note.note_typing": "cultural note started while the user typed",
    "note.hedge_adopted": "the offline answer started beside Claude (hedge) is the answer",
    "note.note_offline": "offline: live cultural note skipped (no online answer to enrich)",
    "note.wrap_offline": "offline: the local model answers warmly itself; opening/closing skipped",
    "note.team_unfit": "team profile: {why}; Claude answers as the colleague",
    "note.team_local": "team profile: the local model answers as a colleague (by design)",
    "note.client_offline": "client profile, offline: the local model answers",
    "note.rewrite_offline": "offline: rewrite skipped (the local model wrote the answer itself)",
    "note.rewrite_short": "rewrite skipped: answer of {n} characters",
    "note.rewrite_stopped": "rewrite stopped: Claude's original kept",
    "note.rewrite_failed": "rewrite failed ({error}): Claude's original kept",
    "note.rewrite_rejected": "rewrite rejected by the fact guard: Claude's original kept",
    "note.memory_unavailable": "answer memory unavailable: {error}",
    "note.memory_fallback": "{why}: showing {n} earlier answer(s) and the cultural insights instead",
    "note.memory_related_fallback": "{why}: showing the cultural insights and, labelled as such, an earlier "
    "answer to another, possibly related question",
    "note.insights_fallback": "{why}: showing the cultural insights instead",
    "note.insights_not_looked_up": "insights in {language} not looked up: {error}",
    "note.offline_pick_failed": "insights shown in retrieval's order: the one answering the question not picked ({error})",
    "note.local_unusable": "the local model could not be used ({error})",
    "note.wrap": "wrap: opening {opening}, closing {closing}",
    "note.claude_unavailable": "Claude: {error}",
    # why a local opening/closing/note/rewrite was (not) used: stage details are the bare codes, the GUI and
    # the notes show these phrases (tone.py and the strategies write the codes)
    "reason.ok": "used",
    "reason.late": "too late",
    "reason.failed": "failed",
    "reason.no answer": "no answer from Claude",
    "reason.empty": "empty",
    "reason.too_long": "too long",
    "reason.length": "wrong length",
    "reason.repeated": "repeats itself",
    "reason.echo": "repeats the question",
    "reason.invented_facts": "invents facts",
    "reason.wrong_language": "wrong language",
    "reason.unknown_words": "too many unknown words",
    "reason.unfit_model": "model too small",
    "stage.memory_hits": "{n} earlier answer(s)",
    "cli.related_memory": "shown: an earlier answer to another, possibly related question, not to this one",
    "stage.memory_related": "no earlier answer to this question; one to another, possibly related question: "
    "'{question}'",
    "stage.cancelled": "Cancelled",
    "stage.stopped": "stopped",
    # the readability guard (chat/readability.py): why a local answer was not shown
    "readability.no_words": "the local model wrote no words",
    "readability.unknown_words": "the local model is too small for {language}: {share} known words",
    "readability.unknown_long": "the local model is too small for {language}: {share} known long words",
    "readability.wrong_language": "the local model answered in {found}, not {language}",
    "readability.repeats": "the local model repeats itself: {share} repeated word trigrams",
    "readability.copies": "the local model copied the previous answer: {share} of its word 4-grams",
    # the local model's fit (chat/local_fit.py): why it does not write an answer
    "fit.no_notes": "the local model {model} is too small for cultural notes (they misread the message); none sent",
    "fit.notes_only": "the local model {model} is too small to write answers (it makes facts up); it writes notes only",
    "fit.manifest": "the local model {model} is too small for {language} (its manifest lists {languages})",
    "fit.unreadable": (
        "the local model {model} is too small for {language}: {unreadable} of its last {n} answers were unreadable"
    ),
    # the local model's context budget (llm/budget.py): what was trimmed to fit; the note joins the parts
    # with ", " (the GUI splits them there to translate each)
    "budget.note": "local context ({n} tokens): {parts}",
    "budget.history": "left out the {n} oldest history message(s)",
    "budget.insights": "left out {n} insight(s)",
    "budget.message": "cut the message to its first {kept} of {original} characters",
    "budget.system": "cut the system prompt to {kept} of {original} characters",
    "budget.answer": "shortened the answer budget to {n} tokens",
    # the strategy learned from ratings (feedback/bandit.py), noted in the trace by the router
    "note.learned": "strategy learned from ratings: {reason}",
    "learn.too_little": "too little evidence: {have} of the {needed} needed",
    "learn.configured_leads": "the configured strategy leads (P(best) {p})",
    "learn.few_ratings": "{strategy} leads but has only {n} of {needed} ratings",
    "learn.no_winner": "no clear winner ({strategy}: P(best) {p} < {threshold})",
    "learn.wins": "{strategy} wins with P(best) {p} over {n} ratings and comparisons",
    # the team sync (sync/): errors say what happened and what to do; local work is never touched
    "team.not_set": "No team server is set.",
    "team.not_set_hint": "Set its address: `zantara settings set team_url https://HOST:PORT` (or ZANTARA_TEAM_URL).",
    "team.bad_url": "'{url}' is not a team server address.",
    "team.bad_url_hint": "Use https://HOST:PORT.",
    "team.plain_http": "Refusing plain http to {host}: the team server holds what clients asked.",
    "team.plain_http_hint": (
        "Use the team server's https address (make team-server serves one), or, if you really must, "
        "`zantara settings set team_allow_http on`."
    ),
    "team.no_token": "The team server at {url} needs a token and none is set.",
    "team.wrong_token": "The team server at {url} refused the token.",
    "team.token_hint": "Set the right one in Settings → Knowledge, with `zantara sync token` or ZANTARA_TEAM_TOKEN.",
    "team.untrusted": "The team server's certificate at {url} is not trusted ({reason}).",
    "team.untrusted_hint": (
        "Point the team_ca setting at the server's certificate (make team-server prints it), or set "
        "team_verify_tls off for a first try."
    ),
    "team.unreachable": "The team server at {url} is unreachable ({reason}).",
    "team.unreachable_hint": "Working from this laptop's copy; the next sync sends what is waiting.",
    "team.busy": "A sync is already running for this data folder.",
    "team.busy_hint": "Wait for it to finish.",
    # the data check (health/doctor.py)
    "doctor.fine": "Everything is fine: the conversations database and the knowledge store passed every check.",
    "doctor.repaired_conversations": "Repaired: {messages} messages in {conversations} conversations salvaged.",
    "doctor.repaired_knowledge": (
        "Repaired: knowledge store rebuilt with {total} insights ({own} of your own, from the {own_from})."
    ),
    "doctor.damaged_copy": "The damaged files are kept in {path}.",
    "doctor.run_repair": "Run `zantara doctor --repair` to rebuild what is damaged.",
    "doctor.loss": (
        "The {store} holds {now} where backup {backup} holds {then}: it vanished or was emptied."
    ),
    "doctor.loss_hint": "Run `zantara restore {backup}` to bring it back (what is there now is kept aside).",
    "doctor.nothing_changed": "Nothing was changed: {reason}",
    "doctor.kept_where": "Your data is where it was: conversations in {database}, insights in {store}.",
    "doctor.memory_rebuilt": "Answer memory rebuilt from the conversations: {answers} earlier answers.",
    # a full disk (health/disk.py): told apart from damage everywhere
    "disk.full": "The disk is full ({free} free where the data lives, {folder}).",
    "disk.full_hint": "Free some space and try again; nothing is damaged, there is nothing to repair.",
    "disk.not_enough": "Not enough free disk space to {action}: it needs about {need}, {free} are free.",
    "disk.not_enough_hint": "Free some space and run it again; nothing was changed.",
    "note.documents_unavailable": "the team's documents could not be searched ({error})",
    "note.citations_dropped": "{n} citation(s) matching no passage sent were removed",
    "note.citations_unsupported": "{n} citation(s) whose passage does not state the cited sentence were removed",
    "stage.documents": "{n} passages from the team's documents",
    # the team's documents (documents/parse.py, documents/index.py): one message per file that is not indexed
    "doc.unsupported": "{name}: files of type {suffix} are not read.",
    "doc.unsupported_hint": "Add PDF, DOCX, Markdown, plain text or HTML files.",
    "doc.missing": "{name}: no such file or folder.",
    "doc.missing_hint": "Check the path.",
    "doc.vanished": "{name} disappeared while it was being indexed.",
    "doc.vanished_hint": "Nothing of it was added; add it again if it comes back.",
    "doc.unreadable": "{name} cannot be read ({error}).",
    "doc.unreadable_hint": "Check that your account may read the file.",
    "doc.too_large": "{name} is too large to index ({mb} MB).",
    "doc.too_large_hint": "Split it into smaller files.",
    "doc.too_many_pages": "{name} has {pages} pages, more than the {limit} indexed per file.",
    "doc.too_many_pages_hint": "Split it into smaller files.",
    "doc.corrupt": "{name} is damaged and cannot be read ({error}).",
    "doc.corrupt_hint": "Open it in its own program and save it again.",
    "doc.encrypted": "{name} is protected by a password.",
    "doc.encrypted_hint": "Save a copy without the password and add that.",
    "doc.scanned": "{name} is a scan: its {pages} pages have no text layer.",
    "doc.scanned_hint": "Run it through OCR (for example ocrmypdf) and add the result.",
    "doc.binary": "{name} is not a text file (binary content).",
    "doc.binary_hint": "Give it the right extension, or leave it out.",
    "doc.bomb": "{name} unpacks to {mb} MB ({ratio}x its size): refused as a possible zip bomb.",
    "doc.bomb_hint": "Open it in Word and save it again; a real document is far smaller.",
    "doc.empty": "{name} has no text.",
    "doc.empty_hint": "Nothing to index.",
    "doc.failed": "{name} could not be indexed ({error}).",
    "doc.failed_hint": "Nothing of it was added; try again with `zantara docs add`.",
    # the model registry (models/registry.py)
    "model.found_in_folder": "found in models folder",
    # language names the core writes into texts
    "language.en": "English",
    "language.id": "Indonesian",
    "language.it": "Italian",
}
# str(TeamError) is the message and the hint; the GUI shows it whole.
for _code, _hint in (
    ("team.not_set", "team.not_set_hint"),
    ("team.bad_url", "team.bad_url_hint"),
    ("team.plain_http", "team.plain_http_hint"),
    ("team.no_token", "team.token_hint"),
    ("team.wrong_token", "team.token_hint"),
    ("team.untrusted", "team.untrusted_hint"),
    ("team.unreachable", "team.unreachable_hint"),
    ("team.busy", "team.busy_hint"),
):
    TEMPLATES[f"{_code}_full"] = f"{TEMPLATES[_code]} {TEMPLATES[_hint]}"


def say(code: str, **fields: object) -> str:
    """The English text for ``code`` with its fields filled in."""
    return TEMPLATES[code].format(**fields)


def reason(code: str) -> str:
    """The phrase for a stage reason code ("late" -> "too late"); unknown codes as they are."""
    return TEMPLATES.get(f"reason.{code}", code)


def templates() -> list[str]:
    """Every template, for the translation catalog."""
    return list(TEMPLATES.values())
