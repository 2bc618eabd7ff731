"""`zantara feedback report` (which strategy wins per language and profile) and `zantara feedback list`."""

from __future__ import annotations

import click

from desktop.cli.output import json_option, print_json


@click.group("feedback")
def feedback() -> None:
    """Ratings and blind comparisons of answers, and what they say about the strategies."""


@feedback.command("report")
@click.option("--fresh", is_flag=True, help="Re-read the team's shared ratings now (else cached 10 min).")
@json_option
def report_cmd(fresh: bool, as_json: bool) -> None:
    """Which strategy wins, per language and profile, with counts and 95 % intervals."""
    from desktop.core.feedback import actions
    from desktop.core.services import Services

    data = actions.report(Services(), fresh=fresh)
    if as_json:
        print_json(data)
        return
    click.echo(
        f"{data['ratings']} rating(s), {data['comparisons']} comparison(s). Default: "
        f"{data['configured_strategy']}; learning {'on' if data['learning'] else 'off'} "
        f"(needs {data['min_evidence']} per group, P(best) >= {data['threshold']})."
    )
    if data["sharing"].get("team"):
        click.echo(f"Pooled with {data['sharing']['team_records']} team record(s).")
    elif data["sharing"].get("team_error"):
        click.echo(f"zantara: team ratings unavailable: {data['sharing']['team_error']}", err=True)
    for group in data["groups"]:
        click.echo(
            click.style(
                f"\n{group['language']} / {group['profile']}: {group['ratings']} rating(s), "
                f"{group['comparisons']} comparison(s)",
                bold=True,
            )
        )
        for s in group["strategies"]:
            low, high = s["ci95"]
            click.echo(
                f"  {s['strategy']:<8} 👍{s['up']:>3} 👎{s['down']:>3}  won {s['wins']:>2} lost {s['losses']:>2}"
                f"  score {s['mean']:.2f} [{low:.2f}-{high:.2f}]  P(best) {s['p_best']:.2f}"
            )
        d = group["decision"]
        click.echo(f"  → {d['strategy']}{' (switched)' if d['switch'] else ''}: {d['reason']}")


@feedback.command("list")
@click.option("--conversation", "conversation_id", metavar="ID", help="Only this conversation.")
@json_option
def list_cmd(conversation_id: str | None, as_json: bool) -> None:
    """Every rating and comparison (newest last)."""
    from desktop.core.feedback import actions
    from desktop.core.services import Services

    fb = actions.feedback(Services())
    data = {"ratings": fb.ratings(conversation_id), "comparisons": fb.comparisons(conversation_id)}
    if as_json:
        print_json(data)
        return
    for r in data["ratings"]:
        extra = "".join(f" · {x}" for x in (r["reason"], r["note"]) if x)
        click.echo(f"{r['message_id']:>6} {'👍' if r['verdict'] == 'up' else '👎'} {r['strategy']}{extra}")
    for c in data["comparisons"]:
        click.echo(
            f"compare #{c['id']}: A={c['a_strategy']} B={c['b_strategy']} → {c['winner'] or '(not picked)'}"
        )


def register(cli: click.Group) -> None:
    cli.add_command(feedback)


def register_all(cli: click.Group) -> None:
    """Every feedback command: rate, compare, feedback, usage."""
    from desktop.cli import compare_cmd, rate_cmd, usage_cmd

    for module in (rate_cmd, compare_cmd, usage_cmd):
        module.register(cli)
    register(cli)
