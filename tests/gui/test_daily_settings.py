"""Settings that check what they are given: model names against the server's list, "Save key" only where a
keyring can keep it, and a model suggestion that counts this laptop's cores as well as its memory."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import WAIT_MS, make_services, settings_file_text
from test_qa_settings import file_only_chainer  # noqa: F401  (pytest fixture)

from desktop.core.settings import Settings
from desktop.gui import i18n
from desktop.gui.tools.models_page import ModelsPage
from desktop.gui.tools.settings_dialog import SettingsDialog

pytestmark = pytest.mark.gui

GB = 10**9


def test_the_suggestion_counts_cores_and_says_why(qtbot: Any) -> None:
    small = ModelsPage(make_services(), total_ram=16 * GB, cores=2)
    qtbot.addWidget(small)
    assert small.suggested is not None and "7B" not in small.suggested.title, "a 7B crawls on 2 cores"
    text = small.suggestion.text()
    assert small.suggested.title in text and "2" in text and "16" in text, text
    big = ModelsPage(make_services(), total_ram=32 * GB, cores=8)
    qtbot.addWidget(big)
    assert big.suggested is not None and big.suggested.size_bytes > small.suggested.size_bytes


def open_dialog(qtbot: Any) -> SettingsDialog:
    dialog = SettingsDialog(make_services())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.key_status is not None, timeout=WAIT_MS)
    return dialog


def test_a_name_that_is_no_model_is_refused_at_once(qtbot: Any, claude_online: Any) -> None:
    claude_online()
    dialog = open_dialog(qtbot)
    dialog.chat_model.setCurrentText("banana model!!")
    dialog.apply(close=False)
    assert "banana model!!" in dialog.error.text()
    assert "banana" not in settings_file_text() and Settings.load().claude_chat_model != "banana model!!"


@pytest.mark.slow
def test_a_model_the_server_does_not_list_is_refused_with_the_list(qtbot: Any, claude_online: Any) -> None:
    claude_online()
    dialog = open_dialog(qtbot)
    dialog.chat_model.setCurrentText("claude-banana-9")
    dialog.apply(close=False)
    qtbot.waitUntil(lambda: "claude-haiku-5-5" in dialog.error.text(), timeout=WAIT_MS)
    assert "claude-banana-9" in dialog.error.text()
    assert "claude-banana-9" not in settings_file_text()
    dialog.chat_model.setCurrentText("claude-haiku-5-5")  # listed: saved
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        dialog.apply(close=False)
    assert Settings.load().claude_chat_model == "claude-haiku-5-5"


@pytest.mark.slow
def test_a_name_that_cannot_be_checked_is_saved_with_a_warning(qtbot: Any, keyring_backend: Any) -> None:
    i18n.set_language("it")
    dialog = open_dialog(qtbot)  # no key: the server cannot be asked
    dialog.chat_model.setCurrentText("claude-future-9")
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        dialog.apply(close=True)
    assert Settings.load().claude_chat_model == "claude-future-9"
    assert "claude-future-9" in dialog.error.text() and "verificare" in dialog.error.text()
    assert dialog.isVisible(), "the dialog stays open to show the warning"


def test_save_key_is_disabled_with_the_reason_where_no_keyring_works(
    qtbot: Any,
    file_only_chainer: Any,  # noqa: F811
) -> None:
    dialog = open_dialog(qtbot)
    assert not dialog.save_key_button.isEnabled()
    assert "encrypted file" in dialog.save_key_button.toolTip()
    assert dialog.file_key_button.isVisible() and dialog.file_key_button.isEnabled()
