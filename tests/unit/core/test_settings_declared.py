"""Each setting is declared once (rule, description, what it rebuilds); the CLI and Services read that alone,
and settings.py imports no registry."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import fields
from functools import cached_property

from click.testing import CliRunner

from desktop.cli.main import cli
from desktop.core.services import Services
from desktop.core.settings import RULES, Settings, bounds, rebuilt_by


def test_every_field_is_declared_with_a_description() -> None:
    declared = [r.name for r in RULES]
    assert declared == [f.name for f in fields(Settings) if f.name not in {"extra", "problems"}]
    assert all(r.doc.endswith(".") and len(r.doc) > 15 for r in RULES), [r.name for r in RULES if not r.doc]
    assert {r.kind for r in RULES} == {int, float, str}


def test_what_a_setting_rebuilds_names_real_components() -> None:
    components = {name for name, value in vars(Services).items() if isinstance(value, cached_property)}
    rebuilt = {c for r in RULES for c in r.rebuilds}
    assert rebuilt and rebuilt <= components
    assert rebuilt_by({"threads", "retrieval_k"}) == {"local_model", "router"}
    assert rebuilt_by({"retrieval_k"}) == set()  # read per request


def test_ranges_come_in_the_field_type() -> None:
    assert bounds("threads") == (0, 256) and isinstance(bounds("threads")[0], int)
    assert bounds("connect_timeout_s") == (0.1, 60.0)


def test_settings_imports_no_registry_until_a_name_is_checked() -> None:
    code = (
        "import sys, desktop.core.settings as s\n"
        "loaded = lambda: sorted(m for m in sys.modules if m.endswith(('strategies.registry', 'llm.backends',"
        " 'desktop.core.plugins')))\n"
        "before = loaded()\n"
        "s.Settings().validate()\n"
        "print(before, loaded())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split("] [")[0] == "["
    assert "strategies.registry" in out  # and the check itself asked the registry


def test_cli_describe_is_generated_from_the_declarations() -> None:
    result = CliRunner().invoke(cli, ["settings", "describe", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [row["name"] for row in rows] == [r.name for r in RULES]
    enrich = next(row for row in rows if row["name"] == "enrich_deadline_ms")
    assert enrich["accepts"] == "a whole number from 50 to 10000" and "note" in enrich["description"]
    strategy = next(row for row in rows if row["name"] == "strategy")
    assert strategy["accepts"].startswith("one of combo, rag")


def test_cli_set_parses_by_the_declared_type_and_rejects_out_of_range() -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["settings", "set", "hedge_after_s", "4"]).exit_code == 0
    assert Settings.load().hedge_after_s == 4.0
    bad = runner.invoke(cli, ["settings", "set", "retrieval_k", "99"])
    assert bad.exit_code != 0 and "from 0 to 20" in bad.output
    assert Settings.load().retrieval_k == 3
