"""`zantara knowledge eval` on the test split: the figures issue-level targets are judged on.

The test split of knowledge/messages is never used to choose anything (thresholds and weights were chosen on
the dev split); this test runs the real command on it and holds the figures the README reports.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from support.knowledge import curated_store, curated_store_dir  # noqa: F401  (pytest fixtures)

from desktop.cli.main import cli

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("curated_store")]


def test_eval_json_on_the_test_split(capsys: pytest.CaptureFixture[str]) -> None:
    result = CliRunner().invoke(cli, ["knowledge", "eval", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["split"] == "test"
    per = report["per_language"]
    assert set(per) == {"id", "it", "en"}
    lines = [
        "",
        "knowledge eval (test split)",
        "  lang  n    recall  false-enr  hit@3 dec  hit@3 forced  language",
    ]
    for name, row in [*per.items(), ("all", report["overall"])]:
        lines.append(
            f"  {name:<4} {row['messages']:>4}  {row['recall']:7.1%}  {row['false_enrichment']:9.1%}"
            f"  {row['hit3_with_decision']:9.1%}  {row['hit3_without_decision']:12.1%}  {row['language_accuracy']:8.1%}"
        )
    lines.append(f"  latency {report['latency_ms']}")
    with capsys.disabled():
        print("\n".join(lines))
    for lang, row in per.items():
        assert row["messages"] >= 60, lang
        assert row["recall"] >= 0.95, (lang, row)
        assert row["false_enrichment"] <= 0.15, (lang, row)
    overall = report["overall"]
    # Regression guards a few points under the recorded figures (README: 92.5% hit@3, 96.2% language);
    # the targets (93%, 97%) are not met yet and are reported as such, not hidden by a lower bar elsewhere.
    assert overall["hit3_with_decision"] >= 0.88, overall
    assert overall["language_accuracy"] >= 0.94, overall
    assert {"retrieval_p50", "retrieval_p95"} <= set(report["latency_ms"])


def test_query_force_bypasses_the_decision() -> None:
    plain = CliRunner().invoke(cli, ["knowledge", "query", "berapa 15% dari 2 juta?", "--json"])
    forced = CliRunner().invoke(cli, ["knowledge", "query", "berapa 15% dari 2 juta?", "--force", "--json"])
    assert plain.exit_code == forced.exit_code == 0
    plain_data, forced_data = json.loads(plain.stdout), json.loads(forced.stdout)
    assert plain_data["needs_context"] is False and plain_data["insights"] == []
    assert forced_data["forced"] is True and len(forced_data["insights"]) == 3
    assert forced_data["needs_context"] is False  # the decision is still reported
    assert forced_data["need"]["method"] == "semantic"
