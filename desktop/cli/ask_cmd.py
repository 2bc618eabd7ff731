"""`zantara ask`, `zantara history`, `zantara status`: the chat from the shell.

Human mode streams the answer to stdout as it arrives and says on stderr when the local model answered
and why; ``--json`` prints the whole answer with its trace once it is done (:meth:`~desktop.core.chat.trace.Answer.to_dict`).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from desktop.cli.output import json_option, own_streams, print_json
from desktop.cli.textinput import clean_text, read_message
from desktop.cli.transcript import Transcript
from desktop.core.cancel import CancelToken
from desktop.core.chat.trace import Event, Trace

CLI_TEXTS = {
    "late": "[dim]({backend} is late: the offline answer meanwhile)[/]",
    "superseded": "[dim]({backend} answered: the text above was the local draft)[/]",
}


def say_cli(code: str, **fields: str) -> str:
    return CLI_TEXTS[code].format(**fields)


def _backend(services: Any) -> str:
    """The online backend's name as the user knows it (Claude, or the OpenAI-compatible server's model)."""
    try:
        return str(services.router.claude().label)
    except Exception:
        return "the online model"


def _store_hint(url: str) -> str:
    """What to do about a failed knowledge search: check the local store, or reach the team's server."""
    from desktop.core.messages import say

    if url:
        return say("store.unreachable_hint")
    return "Run `zantara doctor` to check it; `zantara doctor --repair` rebuilds it."


def _services() -> Any:
    from desktop.core.services import Services

    return Services()


@click.command("ask")
@click.argument("text", required=False)
@click.option(
    "--file",
    "file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Read the message from this file (TEXT '-' reads standard input).",
)
@click.option("--conversation", "conversation_id", metavar="ID", help="Continue this conversation.")
@click.option(
    "--strategy", metavar="NAME", help="rag, enrich, combo, wrap, rewrite or team (default: settings)."
)
@click.option("--offline", is_flag=True, help="Answer with the local model only; never contact Claude.")
@json_option
def ask(
    text: str | None,
    file: Path | None,
    conversation_id: str | None,
    strategy: str | None,
    offline: bool,
    as_json: bool,
) -> None:
    """Ask Zantara. Claude answers; the local model takes over when Claude cannot.

    TEXT is the message; `-` reads it from standard input, `--file F` from a file. A message longer than
    the local model's context is cut to fit it (the trace says so).
    """
    text = _message(text, file)
    services = _services()
    out, err_console = own_streams()
    transcript = Transcript(out)
    on_event = (lambda _event: None) if as_json else _printer(services, transcript, err_console)
    cancel = CancelToken()
    try:
        answer = services.router.ask(
            text,
            conversation_id=conversation_id,
            strategy=strategy,
            offline=offline,
            cancel=cancel,
            on_event=on_event,
        )
    finally:
        cancel.cancel()  # stop leftover background local-model work (a late cultural note) ...
        services.router.wait_idle()  # ... and let it return before the interpreter shuts down
    if as_json:
        data = answer.to_dict()
        data["message_id"] = answer.message_id
        out.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
        out.flush()
        return
    transcript.finish(answer.text)
    err_console.print(_summary_line(answer), highlight=False)


def _message(text: str | None, file: Path | None) -> str:
    """The message from TEXT, standard input (``-``) or ``--file``, cleaned."""
    if file is not None and text is not None:
        raise click.UsageError("Give the message as TEXT or with --file, not both.")
    if file is not None:
        return read_message(path=file)
    if text == "-":
        return read_message(stream=sys.stdin.buffer)
    if text is None:
        raise click.UsageError("Missing the message: give TEXT, '-' for standard input, or --file F.")
    return clean_text(text, "message")


def _printer(services: Any, transcript: Transcript, err_console: Any) -> Callable[[Event], None]:
    """What the terminal shows of the router's events: the streamed text and one line per notable event."""

    def on_event(event: Event) -> None:
        if event.kind == "chunk":
            transcript.chunk(event.text)
        elif event.kind == "replace":
            transcript.replace(event.text)
        elif event.kind == "hedge" and event.state == "started":
            err_console.print(say_cli("late", backend=_backend(services)), highlight=False)
        elif event.kind == "hedge" and event.state == "superseded":
            err_console.print(say_cli("superseded", backend=_backend(services)), highlight=False)
        elif event.kind == "mode" and event.mode == "offline":
            message = event.message or event.reason
            err_console.print(f"[dim](offline: {event.reason}) {message}[/]", highlight=False)
        elif event.kind == "insights" and event.retrieval_error is not None:
            problem = event.retrieval_error
            said = f"{problem.message or problem.error} {_store_hint(problem.url)}"
            err_console.print(
                f"zantara: no cultural insights for this answer: {said}",
                highlight=False,
                soft_wrap=True,
                markup=False,
            )

    return on_event


def _summary_line(answer: Any) -> str:
    """The dim line under an answer: who answered, with what, how long, in which conversation."""
    from desktop.core.messages import say

    trace = answer.trace
    related = f"{say('cli.related_memory')} · " if trace.related_memory else ""
    return (
        f"[dim]{answer.mode} · {trace.answer_model} · {trace.strategy} · {trace.language} · "
        f"{len(trace.insights)} insight(s) · {related}{trace.timings_ms.total} ms · "
        f"conversation {answer.conversation_id}[/]"
    )


def _history_row(row: dict[str, Any]) -> dict[str, Any]:
    trace = Trace.from_json(row.get("trace"))
    return {
        "id": row["id"],
        "conversation_id": row["conversation_id"],
        "conversation_title": row.get("conversation_title", ""),
        "role": row["role"],
        "content": row["content"],
        "mode": row["mode"],
        "reason": trace.reason,
        "model": row["model"],
        "status": row["status"],
        "strategy": row["strategy"],
        "created_at": row["created_at"],
    }


@click.command("history")
@click.option("--conversation", "conversation_id", metavar="ID", help="Only this conversation.")
@click.option(
    "--limit", default=50, show_default=True, type=click.IntRange(1, 10000), help="How many messages."
)
@json_option
def history(conversation_id: str | None, limit: int, as_json: bool) -> None:
    """Recent messages, oldest first (answers show mode, model and status)."""
    convs = _services().conversations
    if conversation_id:
        convs.require(conversation_id)
    rows = [_history_row(r) for r in convs.history(limit, conversation_id)]
    if as_json:
        print_json(
            {
                "messages": rows,
                "conversations": convs.list() if not conversation_id else [convs.get(conversation_id)],
            }
        )
        return
    current = None
    for row in rows:
        if row["conversation_id"] != current:
            current = row["conversation_id"]
            click.echo(
                click.style(f"\n# {row['conversation_title'] or '(untitled)'}  [{current}]", bold=True)
            )
        if row["role"] == "user":
            click.echo(f"you: {row['content']}")
        else:
            tag = f"{row['mode'] or '?'}, {row['model'] or '?'}"
            if row["reason"]:
                tag += f", {row['reason']}"
            if row["status"] != "complete":
                tag += f", {row['status']}"
            click.echo(f"zantara ({tag}): {row['content']}")


@click.command("status")
@json_option
def status(as_json: bool) -> None:
    """Claude reachability (circuit breaker), API key source, the local model and any broken plugin."""
    from desktop.core.plugins import problems

    data = _services().router.status()
    data["plugin_problems"] = problems()
    if as_json:
        print_json(data)
        return
    b, k, local = data["breaker"], data["key"], data["local_model"]
    line = f"Claude: {b['state']}"
    if b["state"] != "closed":
        line += f" ({b['reason']}; next probe in {b['seconds_until_probe']:.0f} s)"
    click.echo(line)
    click.echo(
        f"API key: {'set (' + str(k['source']) + ')' if k['set'] else 'not set'}  [keyring: {k['backend']}]"
    )
    click.echo(
        f"Local model: {local.get('name') or '?'} ({'ok' if local.get('available') else 'unavailable'})"
    )
    click.echo(f"Strategy: {data['strategy']}  (available: {', '.join(data['strategies'])})")
    for plugin, why in data["plugin_problems"].items():
        click.echo(f"Unavailable {plugin}: {why}")


def register(cli: click.Group) -> None:
    cli.add_command(ask)
    cli.add_command(history)
    cli.add_command(status)
