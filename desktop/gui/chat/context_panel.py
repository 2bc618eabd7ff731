"""Per-answer context: what shaped this answer. This is what GPT4All and Jan do not show.

Renders an answer's trace (insights used, strategy, who answered and why, fact-guard verdict, stage
timings) as simple HTML in a read-only browser, re-rendered on language or palette changes.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from desktop.core.chat.trace import (
    DocumentPassage,
    EnrichInfo,
    FactGuard,
    Insight,
    MemoryUse,
    Stage,
    Trace,
    Usage,
)
from desktop.gui.chat.answer_labels import answered_by, part_label, writers
from desktop.gui.i18n import tr
from desktop.gui.texts.core_text import (
    duration_ms,
    language_label,
    localize,
    number,
    role_label,
    source_label,
    stage_label,
)
from desktop.gui.texts.failure_texts import retrieval_failed_text
from desktop.gui.texts.trace_texts import note_text, stage_detail
from desktop.gui.tools.knowledge_chart import category_label
from desktop.gui.widgets import theme
from desktop.gui.window.status_badge import reason_text

_fmt_ms = duration_ms  # the locale's decimal separator; "ms"/"s" translated


def _strategy_label(name: str) -> str:
    from desktop.core.chat.strategies import registry

    label = registry.labels().get(name)
    return tr(label) if label else name


def _enrich_reason(reason: str) -> str:
    """Why the live note was (not) used: the enrich strategy's codes, "empty (gate)" for a rejected note."""
    code, _, gate = reason.partition(" (")
    labels = {
        "ok": tr("ready in time"),
        "late": tr("too late"),
        "failed": tr("failed"),
        "empty": tr("rejected"),
        "offline": tr("offline"),
    }
    text = labels.get(code, stage_detail(code))
    return f"{text} ({stage_detail(gate.rstrip(')'))})" if gate else text


def _date(value: Any) -> str:
    """An ISO date or timestamp as "30 Nov 2026" with the UI language's month names (unambiguous, short)."""
    from PySide6.QtCore import QDate, QLocale

    day = QDate.fromString(str(value)[:10], "yyyy-MM-dd")
    return QLocale().toString(day, "d MMM yyyy") if day.isValid() else str(value)[:10]


def _esc(value: Any) -> str:
    return html.escape(str(value))


def render_trace(trace: Trace | None) -> str:
    """The HTML for one trace (pure function, so tests can check it without a widget)."""
    if trace is None:
        hint = tr("Select an answer to see the insights and timings behind it.")
        return f"<p style='color:gray'>{_esc(hint)}</p>"
    out = _render_answer(trace)
    out += _render_writers(trace)
    out += _render_passages(trace)
    out += _render_insights(trace)
    out += _render_enrich(trace.enrich)
    out += _render_offline(trace)
    out += _render_fact_guard(trace.fact_guard)
    out += _render_timings(trace)
    if trace.embedding:
        line = tr("Message embedded by {engine}").format(engine=trace.embedding)
        out.append(f"<p style='color:gray'>{_esc(line)}</p>")
    out += _render_usage(trace.usage)
    for note in trace.notes:
        out.append(f"<p style='color:gray'>{_esc(note_text(note, trace))}</p>")
    return "".join(out)


def _render_answer(trace: Trace) -> list[str]:
    """Who answered, with which model and strategy, in which language, and why offline or stopped."""
    who, model = answered_by(trace)
    out = [f"<h3>{_esc(tr('Answer'))}</h3><table cellspacing='2'>"]
    rows = [
        (tr("Answered by"), who),
        (tr("Model"), model),
        (tr("Strategy"), _strategy_label(trace.strategy)),
        (tr("Language"), language_label(trace.language)),
    ]
    if trace.reason:  # a stopped Claude answer has a reason too, and was not offline
        label = tr("Why offline") if trace.mode == "offline" else tr("Why it stopped")
        rows.append((label, reason_text(trace.reason)))
    for role, name in trace.models.items():
        if role != "answer":
            rows.append((tr("Model ({role})").format(role=role_label(role)), name))
    for label, value in rows:
        if value:
            out.append(f"<tr><td><b>{_esc(label)}</b></td><td>{_esc(value)}</td></tr>")
    out.append("</table>")
    return out


def _render_enrich(enrich: EnrichInfo | None) -> list[str]:
    if enrich is None:
        return []
    used = tr("used") if enrich.used else tr("not used")
    detail = f"{used}, {_fmt_ms(enrich.ms)}"
    if enrich.reason:
        detail += f" ({_enrich_reason(enrich.reason)})"
    out = [f"<h3>{_esc(tr('Live cultural note'))}</h3><p>{_esc(detail)}</p>"]
    if enrich.note:
        out.append(f"<p><i>{_esc(enrich.note)}</i></p>")
    return out


def _render_fact_guard(guard: FactGuard | None) -> list[str]:
    if guard is None:
        return []
    if guard.passed:
        verdict = f"<span style='color:{theme.GREEN}'>✔ {_esc(tr('Rewrite kept every fact'))}</span>"
    else:
        verdict = f"<span style='color:{theme.RED}'>✘ {_esc(tr('Rewrite rejected; original shown'))}</span>"
    out = [f"<h3>{_esc(tr('Fact guard'))}</h3><p>{verdict}</p>"]
    for items, label in ((guard.missing, tr("Lost")), (guard.added, tr("Added"))):
        if items:
            out.append(f"<p><b>{_esc(label)}:</b> {_esc(', '.join(map(str, items)))}</p>")
    return out


def _render_timings(trace: Trace) -> list[str]:
    timings = trace.timings_ms
    out = [f"<h3>{_esc(tr('Timings'))}</h3><table cellspacing='2'>"]
    labels = (
        (tr("Retrieval"), timings.retrieval),
        (tr("First token"), timings.first_token),
        (tr("Total"), timings.total),
    )
    for label, ms in labels:
        out.append(f"<tr><td>{_esc(label)}</td><td align='right'>{_fmt_ms(ms)}</td></tr>")
    for stage in trace.stages:
        ok = "" if stage.ok else " ✘"
        detail = f" <span style='color:gray'>{_esc(_stage_detail(stage))}</span>" if stage.detail else ""
        out.append(
            f"<tr><td>· {_esc(stage_label(stage.name))}{ok}</td>"
            f"<td align='right'>{_fmt_ms(stage.ms)}</td><td>{detail}</td></tr>"
        )
    out.append("</table>")
    return out


def _render_usage(usage: Usage) -> list[str]:
    """Claude's own token counts."""
    if not usage.calls:
        return []
    line = tr("{inp} input tokens ({ins} from the insights), {out} output tokens, about ${cost}").format(
        inp=number(usage.input_tokens or 0),
        ins=number(usage.insight_input_tokens or 0),
        out=number(usage.output_tokens or 0),
        cost=number(float(usage.cost_usd or 0.0), 4),
    )
    return [f"<h3>{_esc(tr('Claude usage'))}</h3><p>" + _esc(line) + "</p>"]


def _stage_detail(stage: Stage) -> str:
    if stage.name.startswith("enrich"):
        return _enrich_reason(stage.detail)
    return stage_detail(stage.detail)


def _render_writers(trace: Trace) -> list[str]:
    """Who wrote which part, when more than one model (or a fixed phrase, or the memory) took part."""
    found = writers(trace)
    if len(found) <= 1:
        return []
    out = [f"<h3>{_esc(tr('Who wrote what'))}</h3><table cellspacing='2'>"]
    for w in found:
        who = f"{w.who} · {w.model}" if w.model else w.who
        out.append(f"<tr><td><b>{_esc(part_label(w.part, trace))}</b></td><td>{_esc(who)}</td></tr>")
    out.append("</table>")
    return out


def _insight_html(ins: Insight) -> str:
    meta = " · ".join(
        _esc(x)
        for x in (
            ins.language,
            category_label(ins.category) if ins.category else "",
            source_label(ins.source) if ins.source else "",
        )
        if x
    )
    if ins.score is not None:
        meta += f" · {number(ins.score, 2)}"
    if ins.from_colleague:
        colleague = ins.from_colleague
        meta += " · " + _esc(
            tr("from {name}'s laptop, {date}").format(name=colleague.name or "?", date=_date(colleague.at))
        )
    return (
        f"<p style='margin-bottom:6px'><span style='color:{theme.GREY}'>{meta}</span><br>{_esc(ins.text)}</p>"
    )


def _passage_html(passage: DocumentPassage) -> str:
    place = tr("page {page}").format(page=passage.page) if passage.page else passage.section
    meta = " · ".join(_esc(x) for x in (passage.document, place, passage.language) if x)
    return (
        f"<p style='margin-bottom:6px'><a name='cite-{passage.n}'></a><b>[{passage.n}]</b> "
        f"<span style='color:{theme.GREY}'>{meta}</span><br>"
        + _esc(passage.text).replace("\n", "<br>")
        + "</p>"
    )


def _render_passages(trace: Trace) -> list[str]:
    """The team's document passages the answer cites (document, page or section), then those sent but not
    cited, and how many citations matched no passage, or cited one that does not state the sentence, and
    were removed."""
    if not trace.passages:
        return []
    cited = trace.cited_passages
    out = [f"<h3>{_esc(tr('Document passages cited'))} ({len(cited)})</h3>"]
    out += [_passage_html(p) for p in cited]
    dropped = trace.citations.dropped if trace.citations is not None else 0
    if dropped:
        text = tr("{n} citation(s) matched no passage sent and were removed.").format(n=number(dropped))
        out.append(f"<p style='color:{theme.RED}'>{_esc(text)}</p>")
    unsupported = trace.citations.unsupported if trace.citations is not None else 0
    if unsupported:
        text = tr("{n} citation(s) cited a passage that does not state the sentence and were removed.")
        out.append(f"<p style='color:{theme.RED}'>{_esc(text.format(n=number(unsupported)))}</p>")
    texts = {p.text for p in cited}
    rest = [p for p in trace.passages if p.text not in texts]
    if rest:
        out.append(f"<h3>{_esc(tr('Document passages sent, not cited'))} ({len(rest)})</h3>")
        out += [_passage_html(p) for p in rest]
    return out


def _render_insights(trace: Trace) -> list[str]:
    """Only the insights the answer's writer received count as used (the trace's ``sent_insights``); found but
    not sent ones are listed apart; a failed search is said first, in red."""
    insights, sent = trace.insights, trace.sent_insights
    used = insights if sent is None else [i for i in insights if i.id in sent]
    unsent = [] if sent is None else [i for i in insights if i.id not in sent]
    failed = retrieval_failed_text(trace.retrieval_error)
    out = [f"<h3>{_esc(tr('Cultural insights used'))} ({len(used)})</h3>"]
    if failed:
        out.append(f"<p style='color:{theme.RED}'>✘ {_esc(failed)}</p>")
    elif not used and unsent:
        out.append(f"<p>{_esc(tr('None were sent to the model that wrote this answer.'))}</p>")
    elif not used:
        reason = tr("No cultural context was needed.") if not trace.needs_context else tr("None found.")
        out.append(f"<p>{_esc(reason)}</p>")
    out += [_insight_html(ins) for ins in used]
    if unsent:
        out.append(f"<h3>{_esc(tr('Found but not sent'))} ({len(unsent)})</h3>")
        out.append(
            f"<p style='color:{theme.GREY}'>"
            + _esc(tr("Retrieved, but not in the prompt of the model that wrote this answer."))
            + "</p>"
        )
        out += [_insight_html(ins) for ins in unsent]
    return out


def _render_offline(trace: Trace) -> list[str]:
    """The readability verdict on a local answer and the earlier Claude answers used offline."""
    out: list[str] = []
    verdict = trace.readability
    if verdict is not None:
        if verdict.ok:
            line = f"<span style='color:{theme.GREEN}'>✔ {_esc(tr('readable'))}</span>"
        else:
            line = (
                f"<span style='color:{theme.RED}'>✘ {_esc(tr('Local answer not shown'))}</span>: "
                f"{_esc(localize(verdict.reason or ''))}"
            )
        out.append(f"<h3>{_esc(tr('Readability'))}</h3><p>{line}</p>")
    if trace.memory:
        out.append(f"<h3>{_esc(tr('Earlier Claude answers'))} ({len(trace.memory)})</h3>")
    out += [_memory_html(hit) for hit in trace.memory]
    if trace.related_memory:  # shown under its own label: never the answer to this question
        out.append(
            f"<h3>{_esc(tr('Earlier answer to another, possibly related question, not this one'))}</h3>"
        )
    out += [_memory_html(hit) for hit in trace.related_memory]
    return out


def _memory_html(hit: MemoryUse) -> str:
    asked = tr("asked by {who} on {date} in “{title}”").format(
        who=hit.user_name or "?",
        date=_date(hit.date),
        title=hit.conversation_title,
    )
    meta = _esc(asked)
    if hit.colleague:
        meta += " · " + _esc(tr("a colleague's answer, synced from their laptop"))
    if hit.similarity is not None:
        meta += f" · {_esc(tr('Similarity'))} {number(hit.similarity, 2)}"
    answer = hit.answer if len(hit.answer) <= 300 else hit.answer[:299].rsplit(" ", 1)[0] + "…"
    return (
        f"<p style='margin-bottom:6px'><span style='color:{theme.GREY}'>{meta}</span><br>"
        f"<b>{_esc(hit.question)}</b><br>{_esc(answer)}</p>"
    )


class ContextPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.trace: Trace | None = None
        self.title = QLabel(self)
        self.title.setObjectName("panelTitle")
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 8, 8, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.browser, 1)
        self.retranslate()

    def show_trace(self, trace: Trace | None) -> None:
        self.trace = trace
        self.browser.setHtml(render_trace(self.trace))

    def show_passage(self, trace: Trace | None, n: int) -> None:
        """The answer's trace, scrolled to its passage [n] (a citation clicked in the answer)."""
        self.show_trace(trace)
        self.browser.scrollToAnchor(f"cite-{n}")

    def retranslate(self) -> None:
        self.title.setText("<b>" + html.escape(tr("Answer context")) + "</b>")
        self.browser.setAccessibleName(tr("Answer context"))
        self.setToolTip(tr("The insights, strategy and timings behind the selected answer"))
        self.browser.setHtml(render_trace(self.trace))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
