"""A local model is not asked to write an answer it is known not to write well: declared in the manifest (the
bundled SmolLM2 writes notes only, in English) or learned from the readability guard's verdicts on its answers."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.fake_models import ScriptedModel
from support.keyring_backend import MemoryKeyring, use_keyring
from support.knowledge import curated_store, curated_store_dir  # noqa: F401
from support.messages_api import MessagesAPIStandIn

from desktop.core import paths
from desktop.core.chat import local_fit, memory_answer
from desktop.core.chat.trace import ReadabilityInfo
from desktop.core.knowledge.store import KnowledgeStore
from desktop.core.services import Services
from desktop.core.settings import Settings

REPO = Path(__file__).resolve().parents[4]
BUNDLED = REPO / "models" / "SmolLM2-135M-Instruct.Q4_1.gguf"


def user_gguf(name: str = "my-model.gguf") -> Path:
    path = paths.user_models_dir() / name
    path.write_bytes(b"GGUF" + b"\0" * 64)
    return path


def test_the_bundled_model_declares_notes_only_in_english() -> None:
    found = local_fit.declared(BUNDLED)
    assert found.languages == ("en",) and local_fit.ANSWERS not in (found.roles or ())
    for language in ("en", "id", "it"):
        reason = local_fit.skip_reason(BUNDLED, language)
        assert "too small to write answers" in reason and "SmolLM2-135M-Instruct.Q4_1" in reason


def test_the_bundled_model_is_declared_unfit_for_cultural_notes_and_other_models_are_not(
    tmp_path: Path,
) -> None:
    reason = local_fit.note_skip_reason(BUNDLED)
    assert "too small for cultural notes" in reason and "SmolLM2-135M-Instruct.Q4_1" in reason
    assert local_fit.NOTES in local_fit.declared(BUNDLED).unfit_for
    assert (
        local_fit.note_skip_reason(tmp_path / "my-own-8b.gguf") == ""
    )  # nothing measured: its notes are used
    assert local_fit.note_skip_reason(None) == ""


def test_catalog_models_declare_their_languages() -> None:
    catalog = json.loads((REPO / "models" / "catalog.json").read_text(encoding="utf-8"))
    writers = [m for m in catalog["models"] if local_fit.ANSWERS in m["roles"]]
    multilingual = next(m for m in writers if "id" in m["languages"])
    assert local_fit.skip_reason(Path(multilingual["file"]), "id") == ""
    english_italian = next(m for m in writers if "id" not in m["languages"])
    assert "too small for Indonesian" in local_fit.skip_reason(Path(english_italian["file"]), "id")


def test_an_unknown_model_is_tried_until_its_answers_prove_unreadable() -> None:
    model = user_gguf()
    assert local_fit.declared(model) == local_fit.Declared(None, None)
    assert local_fit.skip_reason(model, "id") == ""
    local_fit.record(model, "id", readable=False)
    local_fit.record(model, "id", readable=False)
    assert local_fit.skip_reason(model, "id") == ""  # two verdicts are not enough evidence
    local_fit.record(model, "id", readable=False)
    assert "3 of its last 3 answers were unreadable" in local_fit.skip_reason(model, "id")
    assert local_fit.skip_reason(model, "it") == ""  # per language


def test_a_model_that_is_mostly_readable_keeps_answering() -> None:
    model = user_gguf()
    for readable in (True, False, True, False, False):
        local_fit.record(model, "it", readable=readable)
    assert local_fit.skip_reason(model, "it") == ""  # 3 of 5 unreadable is under the bar
    for _ in range(local_fit.RECENT):
        local_fit.record(model, "it", readable=True)
    assert json.loads((paths.data_dir() / "local-language-record.json").read_text())  # kept on disk


def test_a_replaced_file_starts_a_fresh_record() -> None:
    model = user_gguf()
    for _ in range(3):
        local_fit.record(model, "id", readable=False)
    assert local_fit.skip_reason(model, "id")
    model.write_bytes(b"GGUF" + b"\0" * 128)  # another file under the same name
    assert local_fit.skip_reason(model, "id") == ""


def test_a_damaged_record_is_ignored_and_rewritten() -> None:
    model = user_gguf()
    (paths.data_dir() / "local-language-record.json").write_text("{not json", encoding="utf-8")
    assert local_fit.skip_reason(model, "id") == ""
    local_fit.record(model, "id", readable=False)
    assert json.loads((paths.data_dir() / "local-language-record.json").read_text())


class LocalAt(ScriptedModel):
    """A scripted local model that says which GGUF file it is, as the real LocalModel does."""

    def __init__(self, reply: str, path: Path) -> None:
        super().__init__(reply, name=path.stem, kind="local")
        self.path = path


@pytest.fixture
def services(
    curated_store: KnowledgeStore,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Services]:
    with use_keyring(MemoryKeyring()), MessagesAPIStandIn(reply="Claude risponde.") as api:
        monkeypatch.setenv("ANTHROPIC_BASE_URL", api.base_url)
        monkeypatch.setenv("ANTHROPIC_API_KEY", api.api_key)
        s = Services(Settings(strategy="rag", first_token_deadline_s=1.5, connect_timeout_s=1.0))
        s.store = curated_store  # type: ignore[misc]
        yield s


@pytest.mark.slow
def test_offline_the_bundled_model_is_not_run_for_an_answer(services: Services) -> None:
    local = LocalAt("Questa risposta non deve mai apparire.", BUNDLED)
    services.local_model = local  # type: ignore[misc, assignment]
    answer = services.router.ask("Posso rimproverare lo staff davanti a tutti?", offline=True)
    assert local.calls == []  # not even started: no waiting for text the user could not use
    t = memory_answer.TEMPLATES["it"]
    assert answer.text.startswith(f"{t['why_offline_requested']} {t['intro']}")  # says why: offline mode
    assert answer.text.endswith(t["upgrade"])  # the way to a model that can
    verdict = answer.trace.readability or ReadabilityInfo()
    assert verdict.skipped and "too small to write answers" in (verdict.reason or "")
    assert answer.trace.models["answer"] == "answer-memory"
    # nothing was asked before: the note names what is shown, not "0 earlier answer(s)"
    assert answer.trace.memory == []
    assert any(n.endswith("showing the cultural insights instead") for n in answer.trace.notes)
    assert not any("earlier answer(s)" in n for n in answer.trace.notes)


@pytest.mark.slow
def test_offline_a_model_declared_for_english_answers_is_not_run_for_italian(services: Services) -> None:
    catalog = json.loads((REPO / "models" / "catalog.json").read_text(encoding="utf-8"))
    english_italian = next(m for m in catalog["models"] if "id" not in m["languages"])
    local = LocalAt("Jawaban ini tidak boleh muncul.", paths.user_models_dir() / english_italian["file"])
    services.local_model = local  # type: ignore[misc, assignment]
    answer = services.router.ask("Aku malu bertanya soal visa ke petugas imigrasi", offline=True)
    assert local.calls == [] and memory_answer.TEMPLATES["id"]["intro"] in answer.text
    assert "too small for Indonesian" in ((answer.trace.readability or ReadabilityInfo()).reason or "")


@pytest.mark.slow
def test_offline_an_unknown_model_answers_until_proven_unreadable(services: Services) -> None:
    reply = "In Bali it is better to talk to a staff member in private, calmly, and never in front of others."
    local = LocalAt(reply, user_gguf())
    services.local_model = local  # type: ignore[misc, assignment]
    answer = services.router.ask("Can I scold my staff in front of everyone?", offline=True)
    assert answer.text == reply and len(local.calls) == 1
    gibberish = LocalAt(
        "Saya adalah melaluke kami, yang berita di pastinya bukan mencebangka visa " * 3, local.path
    )
    services.local_model = gibberish  # type: ignore[misc, assignment]
    for _ in range(local_fit.MIN_VERDICTS):
        services.router.ask("Aku malu bertanya soal visa ke petugas imigrasi", offline=True)
    assert len(gibberish.calls) == local_fit.MIN_VERDICTS  # tried, and the guard stopped each one
    last = services.router.ask("Aku sungkan menagih klien yang telat bayar", offline=True)
    assert len(gibberish.calls) == local_fit.MIN_VERDICTS  # learned: not tried again for Indonesian
    assert "answers were unreadable" in ((last.trace.readability or ReadabilityInfo()).reason or "")
    services.local_model = local  # type: ignore[misc, assignment]
    assert services.router.ask("Can I scold my staff in front of everyone?", offline=True).text == reply


@pytest.mark.slow
def test_team_profile_online_lets_claude_answer_a_language_the_local_model_cannot_write(
    services: Services,
) -> None:
    local = LocalAt("Non deve apparire.", BUNDLED)
    services.local_model = local  # type: ignore[misc, assignment]
    services.settings.profile = "team"
    answer = services.router.ask("Come rispondo a un collega che si sente in imbarazzo?", strategy="team")
    assert answer.mode == "claude" and answer.text == "Claude risponde." and local.calls == []
    assert any("Claude answers as the colleague" in note for note in answer.trace.notes)


@pytest.mark.slow
def test_a_missing_local_model_file_gives_memory_and_insights_not_an_error(services: Services) -> None:
    services.settings.model_offline_answers = "no-such-model"
    answer = services.router.ask("Aku malu bertanya soal visa ke petugas imigrasi", offline=True)
    assert answer.status == "complete"
    assert memory_answer.TEMPLATES["id"]["intro"] in answer.text
    assert any("could not be used" in note for note in answer.trace.notes)
    assert answer.trace.insights and memory_answer.TEMPLATES["id"]["insights"] in answer.text


@pytest.mark.slow
@pytest.mark.parametrize(
    ("message", "language"),
    [("aku malu bertanya ke petugas imigrasi soal visa, gimana ya?", "id"),
     ("Posso rimproverare lo staff davanti a tutti?", "it")],
)  # fmt: skip
def test_the_offline_answer_shows_cultural_notes_in_the_users_language(
    services: Services, message: str, language: str
) -> None:
    from desktop.core.knowledge.language import detect_language

    services.local_model = LocalAt("unused", BUNDLED)  # type: ignore[misc, assignment]
    answer = services.router.ask(message, offline=True)
    t = memory_answer.TEMPLATES[language]
    notes = answer.text.split(t["insights"], 1)[1].split(t["later_offline_requested"], 1)[0]
    bullets = [line[2:] for line in notes.splitlines() if line.startswith("- ")]
    assert bullets, answer.text
    assert [detect_language(b) for b in bullets] == [language] * len(bullets), bullets
    # the context panel lists the notes the user reads, not the ones Claude would have been given
    assert [i.text for i in answer.trace.insights] == bullets


@pytest.mark.parametrize("language", ["id", "it", "en"])
def test_the_offline_answer_says_why_and_what_to_do_for_each_reason(language: str) -> None:
    t = memory_answer.TEMPLATES[language]
    for reason, why, then in (
        ("no_key", t["why_no_key"], t["later_no_key"]),
        ("offline_requested", t["why_offline_requested"], t["later_offline_requested"]),
        ("connect_error", t["why"], t["later"]),
    ):
        text = memory_answer.compose([], [], language, reason)
        assert text.startswith(why) and then in text and text.endswith(t["upgrade"])
