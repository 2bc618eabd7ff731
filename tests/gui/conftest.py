"""GUI fixtures: real Services wired with the real store, SQLite, breaker and keyring API, an in-memory
keyring backend, and a main window built exactly as ``desktop.gui.app.run`` builds it (minus the warm-up)."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from support.fake_models import ScriptedModel
from support.hub_server import HubStandIn, make_gguf
from support.keyring_backend import MemoryKeyring, use_keyring
from support.knowledge import curated_store, curated_store_dir  # noqa: F401  (pytest fixtures)
from support.messages_api import MessagesAPIStandIn

from desktop.core import secrets
from desktop.core.models.catalog import find
from desktop.core.services import Services
from desktop.core.settings import Settings
from desktop.gui import crash, i18n
from desktop.gui.workers import wait_all

LOCAL_REPLY = "Tenang saja, **tidak perlu malu**. Tim kami akan membantu Anda langkah demi langkah."
WAIT_MS = 60_000  # generous: CI machines running several suites at once are slow


@pytest.fixture
def keyring_backend() -> Iterator[MemoryKeyring]:
    backend = MemoryKeyring()
    with use_keyring(backend):
        yield backend


@pytest.fixture(autouse=True)
def _quiet_crash_dialogs(qapp: Any) -> Iterator[None]:
    """Crash reports are still written and counted, but no modal dialog blocks an offscreen test; pytest's
    own exception hooks are put back afterwards."""
    saved = sys.excepthook, threading.excepthook
    reporter = crash.install()
    reporter.interactive = False
    yield
    sys.excepthook, threading.excepthook = saved
    i18n.set_language("en")
    wait_all(10_000)


@pytest.fixture
def local_scripted() -> ScriptedModel:
    return ScriptedModel(LOCAL_REPLY, name="local-scripted", kind="local", chunk_delay=0.01)


def make_services(settings: Settings | None = None, **components: Any) -> Services:
    """Real Services; components (store, local_model) given here replace the lazily built ones."""
    services = Services(
        settings or Settings(strategy="rag", first_token_deadline_s=3.0, connect_timeout_s=1.0)
    )
    for name, value in components.items():
        setattr(services, name, value)
    return services


@pytest.fixture
def window_factory(qtbot: Any) -> Any:
    """Build the main window like the app does and wait until its startup checks are done."""
    from desktop.gui.app import build_window

    made: list[Any] = []

    def factory(services: Services) -> Any:
        window = build_window(services, warm_up=False)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.ready, timeout=WAIT_MS):
            window.show()
        made.append(window)
        return window

    yield factory
    for window in made:
        window.close()


def settings_file_text() -> str:
    from desktop.core import paths

    path: Path = paths.settings_path()
    return path.read_text(encoding="utf-8") if path.exists() else ""


@pytest.fixture
def claude_online(keyring_backend: MemoryKeyring, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Start a Messages API stand-in, point the SDK at it and store its key in the keyring."""

    def start(**kwargs: Any) -> MessagesAPIStandIn:
        api = MessagesAPIStandIn(**kwargs).start()
        monkeypatch.setenv("ANTHROPIC_BASE_URL", api.base_url)
        secrets.set_api_key(api.api_key)
        started.append(api)
        return api

    started: list[MessagesAPIStandIn] = []
    yield start
    for api in started:
        api.stop()


HUB_MODEL = (
    "llama-3.2-1b-instruct"  # a catalog entry the hub stand-in serves (downloads from the Models page)
)
HUB_CHUNK = 10 * 1024 * 1024


@pytest.fixture
def hub(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[HubStandIn]:
    """A local Hugging Face hub (HF_ENDPOINT) serving a made-up GGUF for ``HUB_MODEL``."""
    item = find(HUB_MODEL)
    data = make_gguf(tmp_path / "made.gguf", HUB_CHUNK + 400_000)
    with HubStandIn({item.repo_id: {item.file: data}}) as server:
        monkeypatch.setenv("HF_ENDPOINT", server.url)
        yield server


def fill_generate_form(dialog: Any, target: int, language: str = "en", category: str = "daily_life") -> None:
    """Set the Generate dialog's form: ``target`` insights in one language and one category."""
    from PySide6.QtCore import Qt

    dialog.target.setValue(target)
    for code, box in dialog.language_boxes.items():
        box.setChecked(code == language)
    for i in range(dialog.categories.count()):
        item = dialog.categories.item(i)
        chosen = item.data(Qt.ItemDataRole.UserRole) == category
        item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)


def text_room(combo: Any) -> int:
    """The width a combo box's style gives its text (past it, the text is elided)."""
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    opt = QStyleOptionComboBox()
    combo.initStyleOption(opt)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, opt, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    return int(field.width())


def compare_by_keys(qtbot: Any, window: Any) -> tuple[Any, dict[str, Any]]:
    """Ctrl+Shift+K on the last answer: the comparison dialog, once both answers are ready, and its view."""
    from PySide6.QtCore import Qt

    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    with qtbot.waitSignal(window.feedback.comparison_opened, timeout=WAIT_MS) as opened:
        qtbot.keyClick(window, Qt.Key.Key_K, ctrl_shift)
    dialog = opened.args[0]
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.ready, timeout=WAIT_MS) as ready:
        pass
    return dialog, ready.args[0]
