"""The plugin tables: a module that raises on import is reported and skipped, the others load; names come
without importing any plugin."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.chat.strategies import registry
from desktop.core.plugins import PluginTable


@pytest.fixture
def modules(tmp_path: Path) -> Iterator[None]:
    (tmp_path / "zp_good.py").write_text("class Good:\n    label = 'Good'\n")
    (tmp_path / "zp_bad.py").write_text("raise RuntimeError('half-installed')\n")
    sys.path.insert(0, str(tmp_path))
    yield
    sys.path.remove(str(tmp_path))
    for name in ("zp_good", "zp_bad"):
        sys.modules.pop(name, None)


def test_a_module_that_raises_is_reported_and_the_others_load(modules: None) -> None:
    table = PluginTable(
        "strategy", "zantara.tests-none", {"bad": ("zp_bad", "Bad"), "good": ("zp_good", "Good")}
    )
    assert table.names() == ("bad", "good") and "zp_good" not in sys.modules  # names import nothing
    assert list(table.load_all()) == ["good"]
    assert table.errors() == {"bad": "RuntimeError: half-installed"}
    assert table.load("bad") is None and table.known("bad") and not table.known("nope")
    table.add("bad", object)  # replaced at run time: usable again
    assert table.load("bad") is object and table.errors() == {}
    table.add("extra", int)  # added at run time: listed after the others
    assert table.names() == ("bad", "good", "extra") and list(table.load_all()) == ["bad", "good", "extra"]


def test_unknown_strategy_error_names_the_choices() -> None:
    with pytest.raises(Exception, match="Choose one of: combo, rag"):
        registry.get_strategy("nope")


def test_a_built_in_strategy_loads_without_reading_entry_points() -> None:
    """importlib.metadata costs ~0.15 s to import: a cold command using a built-in strategy must not pay it."""
    code = (
        "import sys\n"
        "from desktop.core.chat.strategies import registry\n"
        "from desktop.core.settings import Settings\n"
        "Settings(strategy='rag').validate(); registry.get_strategy('rag')\n"
        "print('importlib.metadata' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False", out.stderr
