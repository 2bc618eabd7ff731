"""No input gives a Python traceback (issue 14, probes 4-6): bad bytes, bad settings, stdin and file messages,
export/import mistakes, and an unexpected error inside a command."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from support.knowledge import curated_store, curated_store_dir  # noqa: F401  (pytest fixtures)

from desktop.cli.main import cli
from desktop.core import paths
from desktop.core.llm.local import LocalModel
from desktop.core.settings import Settings

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("curated_store")]

BAD = b"Berapa biaya KITAS? caf\xe9 \xff\xfe".decode("utf-8", "surrogateescape")  # as Python hands argv over
INSIGHT = "Orang Bali sangat menghargai kesabaran; jangan terburu-buru saat berbicara dengan petugas."


def run(*args: str, stdin: bytes | str | None = None) -> click.testing.Result:
    return CliRunner().invoke(cli, list(args), input=stdin)


def test_non_utf8_bytes_in_knowledge_add_and_query_are_replaced_and_reported() -> None:
    added = run("knowledge", "add", "--text", INSIGHT + " " + BAD, "--language", "id", "--category",
                "bureaucracy", "--json")  # fmt: skip
    assert added.exit_code == 0, added.output
    assert "not UTF-8" in added.stderr and "Traceback" not in added.output
    assert json.loads(added.stdout)["added"] is True
    queried = run("knowledge", "query", BAD, "--json")
    assert queried.exit_code == 0 and "not UTF-8" in queried.stderr
    assert json.loads(queried.stdout)["language"]


@pytest.mark.parametrize(
    "content,expected",
    [
        ("[]", "must hold a JSON object, not list"),
        ("null", "must hold a JSON object, not null"),
        ('{"threads": "x"}', "Setting 'threads' = \"x\" is invalid: use a whole number from 0 to 256"),
        ('{"retrieval_k": "abc"}', "Setting 'retrieval_k' = \"abc\" is invalid"),
        (
            '{"retrieval_k": 100000}',
            "Setting 'retrieval_k' = 100000 is invalid: use a whole number from 0 to 20",
        ),
    ],
)
def test_a_bad_settings_file_gives_one_clear_line_and_the_command_still_runs(
    content: str, expected: str
) -> None:
    paths.settings_path().write_text(content)
    result = run("history", "--json")
    assert result.exit_code == 0, result.output
    assert expected in result.stderr and "Traceback" not in result.output
    assert paths.settings_path().read_text() == content  # left alone until the user saves


def test_export_to_a_missing_folder_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "folder" / "out.jsonl"
    result = run("knowledge", "export", str(target))
    assert result.exit_code == 1 and "does not exist" in result.stderr
    assert not (tmp_path / "no").exists()


def test_import_checks_a_supplied_id_and_rejects_non_string_fields(tmp_path: Path) -> None:
    from desktop.core.knowledge.insight import insight_id

    good = {"text": INSIGHT, "language": "id", "category": "bureaucracy"}
    lines = [
        {**good, "id": insight_id(INSIGHT, "id")},
        {**good, "text": INSIGHT + " Lagi.", "id": "not-the-right-id"},
        {**good, "text": INSIGHT + " Dua.", "category": 7},
        {**good, "text": INSIGHT + " Tiga.", "source": ["user"]},
    ]
    file = tmp_path / "in.jsonl"
    file.write_text("".join(json.dumps(line) + "\n" for line in lines))
    result = run("knowledge", "import", str(file), "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["added"] == 1
    errors = {e["line"]: e["reason"] for e in report["errors"]}
    assert set(errors) == {2, 3, 4}
    assert "'id'" in errors[2] and "does not match" in errors[2]
    assert errors[3] == "'category' must be a string (got int)"
    assert errors[4] == "'source' must be a string (got list)"


@pytest.fixture
def boom() -> Iterator[None]:
    @click.command("boom")
    def command() -> None:
        raise RuntimeError("sk-ant-api03-SECRETSECRET went wrong")

    cli.add_command(command)
    yield
    cli.commands.pop("boom")


def test_an_unexpected_error_is_logged_and_reported_in_one_line(boom: None) -> None:
    result = run("boom")
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert (
        len(lines) == 1 and "unexpected error (RuntimeError)" in lines[0] and "Traceback" not in result.output
    )
    report = Path(lines[0].split("details are in ")[1].split(". Please")[0])
    assert report.parent == paths.log_dir()
    text = report.read_text()
    assert "Traceback" in text and "RuntimeError" in text and "SECRETSECRET" not in text


def test_ask_reads_stdin_and_a_200_kb_file_through_the_budget(
    tmp_path: Path, own_model: LocalModel, own_model_path: Path
) -> None:
    # A model the app runs for whole answers (the bundled entry writes notes only): the user's own GGUF.
    _ = own_model  # loaded once; the command's Services shares it
    added = run("models", "add", str(own_model_path), "--name", "my-colleague")
    assert added.exit_code == 0, added.output
    Settings(local_model="my-colleague").save()
    piped = run(
        "ask", "-", "--offline", "--json", "--strategy", "rag", stdin="aku malu bertanya tentang visa"
    )
    assert piped.exit_code == 0, piped.output
    assert json.loads(piped.stdout)["status"] == "complete"
    big = tmp_path / "message.txt"
    big.write_bytes(("Saya perlu bantuan dengan KITAS saya. " * 6000).encode()[:200_000] + b"\xff end")
    result = run("ask", "--file", str(big), "--offline", "--json", "--strategy", "rag")
    assert result.exit_code == 0, result.output
    assert "not UTF-8" in result.stderr
    answer = json.loads(result.stdout)
    assert answer["status"] == "complete" and answer["mode"] == "offline"
    assert any("cut the message to its first" in n and "200,00" in n for n in answer["trace"]["notes"])
    assert run("ask", "--offline").exit_code == 2  # no message at all: a usage error, not a traceback


def test_the_real_command_exits_cleanly_with_its_code() -> None:
    ok = subprocess.run([sys.executable, "-m", "desktop", "--version"], capture_output=True, text=True)
    assert ok.returncode == 0 and "zantara" in ok.stdout
    bad = subprocess.run([sys.executable, "-m", "desktop", "no-such-command"], capture_output=True, text=True)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
