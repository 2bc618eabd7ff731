"""Settings dialog: the key goes to the keyring (never to a file or a widget), settings persist, the Claude
model list comes from the stand-in's models endpoint, local models come from the real registry; and the UI
language switches at run time through the compiled Qt translation files."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import WAIT_MS, make_services, settings_file_text
from support.keyring_backend import MemoryKeyring

from desktop.core import secrets
from desktop.core.settings import Settings
from desktop.gui import i18n
from desktop.gui.tools.settings_dialog import SettingsDialog
from desktop.gui.widgets import theme

pytestmark = pytest.mark.gui

KEY = "sk-ant-api03-test-0123456789abcdefghij"


def open_settings(qtbot: Any, window: Any) -> SettingsDialog:
    window.open_settings()
    dialog: SettingsDialog = window._dialogs["settings"]
    qtbot.waitUntil(lambda: bool(dialog.key_status), timeout=WAIT_MS)
    return dialog


def test_saving_the_key_stores_it_in_the_keyring_only(
    qtbot: Any, window_factory: Any, keyring_backend: MemoryKeyring
) -> None:
    window = window_factory(make_services())
    assert window.banner.isVisible()
    dialog = open_settings(qtbot, window)
    assert "No key" in dialog.key_state.text()
    assert not dialog.delete_key_button.isEnabled()

    qtbot.keyClicks(dialog.key_edit, KEY)
    key_set = lambda st: st.set  # noqa: E731  (a KeyStatus record)
    with qtbot.waitSignal(dialog.key_status_changed, timeout=WAIT_MS, check_params_cb=key_set):
        dialog.save_key_button.click()
    assert keyring_backend.passwords[(secrets.SERVICE, secrets.USERNAME)] == KEY
    assert dialog.key_edit.text() == ""  # not kept in the widget
    assert KEY not in dialog.key_state.text() and "keyring" in dialog.key_state.text()
    assert dialog.delete_key_button.isEnabled()
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=WAIT_MS)

    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        dialog.apply(close=True)
    assert KEY not in settings_file_text()

    dialog = open_settings(qtbot, window)
    with qtbot.waitSignal(
        dialog.key_status_changed, timeout=WAIT_MS, check_params_cb=lambda st: not key_set(st)
    ):
        dialog.delete_key_button.click()
    assert (secrets.SERVICE, secrets.USERNAME) not in keyring_backend.passwords
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=WAIT_MS)


def test_settings_persist_and_apply_live(
    qtbot: Any,
    window_factory: Any,
    keyring_backend: MemoryKeyring,
) -> None:
    window = window_factory(make_services())
    dialog = open_settings(qtbot, window)
    dialog.deadline.setValue(5.5)
    dialog.connect_timeout.setValue(2.0)
    dialog.threads.setValue(3)
    dialog.chroma_server.setChecked(True)
    dialog.chroma_url.setText("http://127.0.0.1:8123")
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.chat_model.setCurrentText("claude-haiku-4-5-20251001")
    with qtbot.waitSignal(dialog.chroma_checked, timeout=WAIT_MS):  # nothing listens there: it asks first
        dialog.apply(close=False)
    assert dialog.keep_url_button.isVisible() and "8123" in dialog.error.text()
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS) as saved:
        dialog.keep_url_button.click()
    assert {"first_token_deadline_s", "theme", "chroma_url", "threads"} <= saved.args[0]

    stored = Settings.load()
    assert stored.first_token_deadline_s == 5.5 and stored.connect_timeout_s == 2.0 and stored.threads == 3
    assert stored.chroma_url == "http://127.0.0.1:8123" and stored.theme == "dark"
    assert stored.claude_chat_model == "claude-haiku-4-5-20251001"
    assert window.services.settings.first_token_deadline_s == 5.5  # the shared settings object changed too
    assert theme.is_dark()  # applied at once

    dialog.theme.setCurrentIndex(dialog.theme.findData("light"))
    dialog.chroma_local.setChecked(True)
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        dialog.apply(close=True)
    assert not theme.is_dark() and Settings.load().chroma_url == ""


def test_invalid_values_are_reported_not_saved(qtbot: Any, keyring_backend: MemoryKeyring) -> None:
    services = make_services()
    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    dialog.chroma_server.setChecked(True)
    dialog.ui_language.addItem("Klingon", "tlh")
    dialog.ui_language.setCurrentIndex(dialog.ui_language.count() - 1)
    dialog.apply(close=False)
    assert "ui_language" in dialog.error.text() and "en, it, id" in dialog.error.text()
    assert settings_file_text() == ""


def test_claude_models_come_from_the_models_endpoint(qtbot: Any, claude_online: Any) -> None:
    claude_online()
    dialog = SettingsDialog(make_services())
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.models_loaded, timeout=WAIT_MS):
        dialog.refresh_models_button.click()
    ids = [dialog.chat_model.itemText(i) for i in range(dialog.chat_model.count())]
    assert len(ids) >= 2 and all(i.startswith("claude") for i in ids), ids
    assert "models available" in dialog.models_state.text()


def test_local_model_picker_shows_registry_metadata_and_adds_gguf(
    qtbot: Any, keyring_backend: MemoryKeyring, bundled_model_path: Path, tmp_path: Path
) -> None:
    dialog = SettingsDialog(make_services())
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.local_model.count() >= 1, timeout=WAIT_MS)
    assert "llama" in dialog.local_info.text().lower()  # architecture from the GGUF header
    assert "(default)" in dialog.local_model.itemText(dialog.local_model.currentIndex())

    bad = tmp_path / "broken.gguf"
    bad.write_bytes(b"not a gguf at all")
    dialog.add_gguf(str(bad))
    qtbot.waitUntil(lambda: bool(dialog.error.text()), timeout=WAIT_MS)

    copy = tmp_path / "MyTeam-Model.gguf"
    shutil.copyfile(bundled_model_path, copy)
    dialog.add_gguf(str(copy))
    qtbot.waitUntil(
        lambda: dialog.local_model.count() >= 2 and str(copy) in dialog.local_info.text(), timeout=WAIT_MS
    )
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS) as saved:
        dialog.apply(close=True)
    assert "local_model" in saved.args[0]
    assert Settings.load().local_model == dialog.local_model.currentData().name


def test_language_switches_at_run_time(
    qtbot: Any, window_factory: Any, keyring_backend: MemoryKeyring
) -> None:
    window = window_factory(make_services())
    assert window.send_button.text() == "Send"
    dialog = open_settings(qtbot, window)
    dialog.ui_language.setCurrentIndex(dialog.ui_language.findData("it"))
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        dialog.apply(close=False)
    assert window.send_button.text() == "Invia"
    assert window.tools_menu.title() == "S&trumenti"
    assert "Nuova chat" in window.conversations.new_button.text()
    assert dialog.windowTitle() == "Impostazioni"  # open dialogs follow too
    assert "chiave" in window.banner.label.text()
    assert Settings.load().ui_language == "it"

    i18n.set_language("id")  # Qt posts LanguageChange to every window; it lands on the next event-loop turn
    qtbot.waitUntil(lambda: window.send_button.text() == "Kirim", timeout=WAIT_MS)
    assert window.badge.text().startswith("● Offline")
    assert "Tanyakan" in window.chat._empty.text()
    i18n.set_language("en")
    qtbot.waitUntil(lambda: window.send_button.text() == "Send", timeout=WAIT_MS)


def test_every_ui_string_has_a_translation() -> None:
    from desktop.gui.i18n import build

    assert build.missing("it") == [] and build.missing("id") == []
    for lang in build.TARGETS:
        qm = i18n.qm_path(lang)
        assert qm.exists() and qm.stat().st_mtime >= (i18n.HERE / f"{lang}.json").stat().st_mtime - 1


def test_the_online_model_can_be_an_openai_compatible_server(
    qtbot: Any, keyring_backend: MemoryKeyring
) -> None:
    services = make_services()
    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    assert not dialog.openai_url.isEnabled()  # only for the OpenAI-compatible backend
    dialog.backend.setCurrentIndex(dialog.backend.findData("openai"))
    assert dialog.openai_url.isEnabled()
    dialog.openai_url.setText("http://127.0.0.1:11434/v1")
    dialog.openai_model.setText("qwen2.5:3b")
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS) as saved:
        dialog.apply(close=False)
    assert {"backend", "openai_base_url", "openai_model"} <= saved.args[0]
    stored = Settings.load()
    assert (stored.backend, stored.openai_base_url, stored.openai_model) == (
        "openai",
        "http://127.0.0.1:11434/v1",
        "qwen2.5:3b",
    )
    online = services.router.claude()  # the router builds the chosen backend from the shared settings
    assert online.kind == "openai" and online.name == "qwen2.5:3b" and not online.capabilities.needs_key
