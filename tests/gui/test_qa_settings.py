"""QA walk-through, Settings → Claude on a desktop with no OS keyring (Italian): keyring's chainer then holds
only file backends (keyrings.alt's, and Zantara's own encrypted file). Each test is one finding."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import keyring.backend
import pytest
from conftest import WAIT_MS, make_services
from jaraco.classes import properties
from keyring.backends.chainer import ChainerBackend
from support.chroma_server import free_port
from support.keyring_backend import use_keyring

from desktop.core import secrets
from desktop.core.errors import KeyringUnavailable
from desktop.gui import i18n
from desktop.gui.texts import key_texts
from desktop.gui.tools.settings_dialog import SettingsDialog

pytestmark = pytest.mark.gui

KEY = "sk-ant-api03-qa-0123456789abcdef"


class NoSecretServiceChainer(ChainerBackend):
    """keyring's chainer as built on a desktop without a Secret Service: only the file backends are viable
    (the test suite's in-memory keyring is left out). Priority 0: keyring never picks it by itself."""

    priority = 0  # type: ignore[assignment]

    @properties.classproperty
    def backends(cls) -> list[keyring.backend.KeyringBackend]:
        return [
            b
            for b in keyring.backend.get_all_keyring()
            if (type(b).__module__.startswith("keyrings.alt") or isinstance(b, secrets.FileKeyring))
        ]


@pytest.fixture
def file_only_chainer(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Any:
    """keyring's own choice where no Secret Service exists: a chainer of keyrings.alt file backends."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))  # keyrings.alt's files, never the user's
    with use_keyring(NoSecretServiceChainer()) as backend:
        yield backend


def open_dialog(qtbot: Any) -> SettingsDialog:
    i18n.set_language("it")
    dialog = SettingsDialog(make_services())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.key_status is not None, timeout=WAIT_MS)
    return dialog


def test_a_chainer_of_file_backends_is_no_system_keyring_and_the_file_key_is_reported_as_such(
    qtbot: Any, file_only_chainer: Any
) -> None:
    """(a) "Save key" gave "Impossibile salvare la chiave: ." (keyrings.alt asked a terminal for a password):
    it is now disabled, saying why; (c) the key stored in the encrypted file was then reported as "in the
    system keyring"."""
    assert secrets.keyring_usable() is False
    dialog = open_dialog(qtbot)
    assert not dialog.file_key_button.isHidden(), "the encrypted file is offered at once"
    dialog.key_edit.setText(KEY)
    assert not dialog.save_key_button.isEnabled() and "file cifrato" in dialog.save_key_button.toolTip()
    assert dialog.key_edit.text() == KEY

    with qtbot.waitSignal(dialog.key_status_changed, timeout=WAIT_MS, check_params_cb=lambda st: st.set):
        dialog.file_key_button.click()
    assert dialog.key_status is not None and dialog.key_status.source == secrets.FILE
    assert (
        "file cifrato" in dialog.key_state.text() and "portachiavi di sistema)" not in dialog.key_state.text()
    )
    assert secrets.get_api_key() == KEY


def test_a_failure_without_a_message_still_gives_a_reason() -> None:
    i18n.set_language("it")
    text = key_texts.save_failed_text(EOFError(), to_file=True)
    assert ": ." not in text and "EOFError" in text
    assert "portachiavi" in key_texts.save_failed_text(KeyringUnavailable(""), to_file=False)


def test_the_new_key_field_keeps_its_width_and_the_status_line_is_not_clipped(
    qtbot: Any, file_only_chainer: Any
) -> None:
    """(b) with "Store in an encrypted file" shown the field shrank to ~70 px and the status line was cut."""
    dialog = open_dialog(qtbot)
    assert dialog.file_key_button.isVisible()
    qtbot.waitUntil(lambda: dialog.key_edit.width() >= 300, timeout=5000)
    label = dialog.key_state
    assert label.height() >= label.heightForWidth(label.width()), "the key status line is clipped"


def test_keep_anyway_belongs_to_the_team_server_check_only(qtbot: Any, keyring_backend: Any) -> None:
    """(d) a "Keep anyway" left from a refused Chroma URL stayed visible in the Claude tab."""
    dialog = open_dialog(qtbot)
    dialog.chroma_server.setChecked(True)
    dialog.chroma_url.setText(f"http://127.0.0.1:{free_port()}")
    with qtbot.waitSignal(dialog.chroma_checked, timeout=WAIT_MS):
        dialog.apply(close=False)
    assert dialog.keep_url_button.isVisible()
    dialog.tabs.setCurrentIndex(0)  # Claude
    assert not dialog.keep_url_button.isVisible()
    dialog.tabs.setCurrentIndex(3)
    assert dialog.keep_url_button.isVisible(), "back on the pending check, the question is still there"
    dialog.key_edit.setText(KEY)
    with qtbot.waitSignal(dialog.key_status_changed, timeout=WAIT_MS):
        dialog.save_key_button.click()
    assert dialog.keep_url_button.isHidden()
