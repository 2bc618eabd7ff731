"""Per-answer context: what shaped this answer. This is what GPT4All and Jan do not show.

Renders an answer's trace (insights used, strategy, who answered and why, fact-guard verdict, stage
timings) as simple HTML in a read-only browser, re-rendered on language or palette changes.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from desktop.gui import theme
from desktop.gui.answer_labels import answered_by, part_label, writers
from desktop.gui.core_text import (
    duration_ms,
    language_label,
    localize,
    number,
    role_label,
    source_label,
    stage_label,
)
from desktop.gui.failure_texts import retrieval_failed_text
from desktop.gui.i18n import tr
from desktop.gui.knowledge_chart import category_label
from desktop.gui.status_badge import reason_text
from desktop.gui.trace_texts import note_text, stage_detail

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


def render_trace(trace: dict[str, Any]) -> str:
    """The HTML for one trace (pure function, so tests can check it without a widget)."""
    if not trace:
        hint = tr("Select an answer to see the insights and timings behind it.")
        return f"<p style='color:gray'>{_esc(hint)}</p>"
    out: list[str] = []
    who, model = answered_by(trace)
    models = trace.get("models") or {}
    out.append(f"<h3>{_esc(tr('Answer'))}</h3><table cellspacing='2'>")
    rows = [
        (tr("Answered by"), who),
        (tr("Model"), model),
        (tr("Strategy"), _strategy_label(str(trace.get("strategy", "")))),
        (tr("Language"), language_label(str(trace.get("language", "")))),
    ]
    if trace.get("reason"):  # a stopped Claude answer has a reason too, and was not offline
        label = tr("Why offline") if trace.get("mode") == "offline" else tr("Why it stopped")
        rows.append((label, reason_text(str(trace["reason"]))))
    for role, name in models.items():
        if role != "answer":
            rows.append((tr("Model ({role})").format(role=role_label(role)), name))
    for label, value in rows:
        if value:
            out.append(f"<tr><td><b>{_esc(label)}</b></td><td>{_esc(value)}</td></tr>")
    out.append("</table>")
    out += _render_writers(trace)
    out += _render_insights(trace)

    enrich = trace.get("enrich")
    if enrich:
        used = tr("used") if enrich.get("used") else tr("not used")
        detail = f"{used}, {_fmt_ms(enrich.get('ms'))}"
        if enrich.get("reason"):
            detail += f" ({_enrich_reason(str(enrich['reason']))})"
        out.append(f"<h3>{_esc(tr('Live cultural note'))}</h3><p>{_esc(detail)}</p>")
        if enrich.get("note"):
            out.append(f"<p><i>{_esc(enrich['note'])}</i></p>")

    out += _render_offline(trace)

    guard = trace.get("fact_guard")
    if guard:
        if guard.get("passed"):
            verdict = f"<span style='color:{theme.GREEN}'>✔ {_esc(tr('Rewrite kept every fact'))}</span>"
        else:
            verdict = (
                f"<span style='color:{theme.RED}'>✘ {_esc(tr('Rewrite rejected; original shown'))}</span>"
            )
        out.append(f"<h3>{_esc(tr('Fact guard'))}</h3><p>{verdict}</p>")
        for key, label in (("missing", tr("Lost")), ("added", tr("Added"))):
            items = guard.get(key) or []
            if items:
                out.append(f"<p><b>{_esc(label)}:</b> {_esc(', '.join(map(str, items)))}</p>")

    timings = trace.get("timings_ms") or {}
    stages = trace.get("stages") or []
    out.append(f"<h3>{_esc(tr('Timings'))}</h3><table cellspacing='2'>")
    labels = {"retrieval": tr("Retrieval"), "first_token": tr("First token"), "total": tr("Total")}
    for key, label in labels.items():
        if key in timings:
            out.append(f"<tr><td>{_esc(label)}</td><td align='right'>{_fmt_ms(timings.get(key))}</td></tr>")
    for stage in stages:
        ok = "" if stage.get("ok", True) else " ✘"
        detail = (
            f" <span style='color:gray'>{_esc(_stage_detail(stage))}</span>" if stage.get("detail") else ""
        )
        out.append(
            f"<tr><td>· {_esc(stage_label(str(stage.get('name', ''))))}{ok}</td>"
            f"<td align='right'>{_fmt_ms(stage.get('ms'))}</td><td>{detail}</td></tr>"
        )
    out.append("</table>")
    if trace.get("embedding"):
        line = tr("Message embedded by {engine}").format(engine=trace["embedding"])
        out.append(f"<p style='color:gray'>{_esc(line)}</p>")
    usage = trace.get("usage") or {}
    if usage.get("calls"):  # Claude's own token counts (issue 18)
        out.append(
            f"<h3>{_esc(tr('Claude usage'))}</h3><p>"
            + _esc(
                tr("{inp} input tokens ({ins} from the insights), {out} output tokens, about ${cost}").format(
                    inp=number(usage.get("input_tokens", 0)),
                    ins=number(usage.get("insight_input_tokens", 0)),
                    out=number(usage.get("output_tokens", 0)),
                    cost=number(float(usage.get("cost_usd", 0.0)), 4),
                )
            )
            + "</p>"
        )
    for note in trace.get("notes") or []:
        out.append(f"<p style='color:gray'>{_esc(note_text(str(note), trace))}</p>")
    return "".join(out)


def _stage_detail(stage: dict[str, Any]) -> str:
    detail = str(stage.get("detail", ""))
    if str(stage.get("name", "")).startswith("enrich"):
        return _enrich_reason(detail)
    return stage_detail(detail)


def _render_writers(trace: dict[str, Any]) -> list[str]:
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


def _insight_html(ins: dict[str, Any]) -> str:
    meta = " · ".join(
        _esc(x)
        for x in (
            ins.get("language", ""),
            category_label(str(ins.get("category", ""))) if ins.get("category") else "",
            source_label(str(ins.get("source", ""))) if ins.get("source") else "",
        )
        if x
    )
    score = ins.get("score")
    if isinstance(score, int | float):
        meta += f" · {number(score, 2)}"
    colleague = ins.get("from_colleague")
    if isinstance(colleague, dict):
        meta += " · " + _esc(
            tr("from {name}'s laptop, {date}").format(
                name=colleague.get("name") or "?", date=_date(str(colleague.get("at", "")))
            )
        )
    return (
        f"<p style='margin-bottom:6px'><span style='color:{theme.GREY}'>{meta}</span><br>"
        f"{_esc(ins.get('text', ''))}</p>"
    )


def _render_insights(trace: dict[str, Any]) -> list[str]:
    """Only the insights the answer's writer received count as used (the trace's ``sent_insights``); found but
    not sent ones are listed apart; a failed search is said first, in red."""
    insights = trace.get("insights") or []
    sent = trace.get("sent_insights")
    used = insights if sent is None else [i for i in insights if i.get("id") in sent]
    unsent = [] if sent is None else [i for i in insights if i.get("id") not in sent]
    failed = retrieval_failed_text(trace.get("retrieval_error"))
    out = [f"<h3>{_esc(tr('Cultural insights used'))} ({len(used)})</h3>"]
    if failed:
        out.append(f"<p style='color:{theme.RED}'>✘ {_esc(failed)}</p>")
    elif not used and unsent:
        out.append(f"<p>{_esc(tr('None were sent to the model that wrote this answer.'))}</p>")
    elif not used:
        reason = (
            tr("No cultural context was needed.") if not trace.get("needs_context") else tr("None found.")
        )
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


def _render_offline(trace: dict[str, Any]) -> list[str]:
    """The readability verdict on a local answer and the earlier Claude answers used offline."""
    out: list[str] = []
    verdict = trace.get("readability")
    if verdict:
        if verdict.get("ok"):
            line = f"<span style='color:{theme.GREEN}'>✔ {_esc(tr('readable'))}</span>"
        else:
            line = (
                f"<span style='color:{theme.RED}'>✘ {_esc(tr('Local answer not shown'))}</span>: "
                f"{_esc(localize(str(verdict.get('reason', ''))))}"
            )
        out.append(f"<h3>{_esc(tr('Readability'))}</h3><p>{line}</p>")
    memory = trace.get("memory") or []
    if memory:
        out.append(f"<h3>{_esc(tr('Earlier Claude answers'))} ({len(memory)})</h3>")
    for hit in memory:
        asked = tr("asked by {who} on {date} in “{title}”").format(
            who=hit.get("user_name") or "?",
            date=_date(hit.get("date", "")),
            title=hit.get("conversation_title", ""),
        )
        similarity = hit.get("similarity")
        meta = _esc(asked)
        if hit.get("colleague"):
            meta += " · " + _esc(tr("a colleague's answer, synced from their laptop"))
        if isinstance(similarity, int | float):
            meta += f" · {_esc(tr('Similarity'))} {number(similarity, 2)}"
        answer = str(hit.get("answer", ""))
        answer = answer if len(answer) <= 300 else answer[:299].rsplit(" ", 1)[0] + "…"
        out.append(
            f"<p style='margin-bottom:6px'><span style='color:{theme.GREY}'>{meta}</span><br>"
            f"<b>{_esc(hit.get('question', ''))}</b><br>{_esc(answer)}</p>"
        )
    return out


class ContextPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.trace: dict[str, Any] = {}
        self.title = QLabel(self)
        self.title.setObjectName("panelTitle")
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 8, 8, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.browser, 1)
        self.retranslate()

    def show_trace(self, trace: dict[str, Any]) -> None:
        self.trace = trace or {}
        self.browser.setHtml(render_trace(self.trace))

    def retranslate(self) -> None:
        self.title.setText("<b>" + html.escape(tr("Answer context")) + "</b>")
        self.browser.setAccessibleName(tr("Answer context"))
        self.setToolTip(tr("The insights, strategy and timings behind the selected answer"))
        self.browser.setHtml(render_trace(self.trace))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
