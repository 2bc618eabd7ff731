"""Settings: Claude (key, models, timeouts), local model, bigger models and roles, knowledge store, language
and theme.

The API key goes straight to the OS keyring and is never shown back: the dialog only says whether one is set
and where it comes from. Everything that may block (keyring, models endpoint, GGUF metadata, saving) runs in
workers.
Language and theme apply at once, without a restart.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import ZantaraError
from desktop.core.llm.backends import BACKENDS
from desktop.core.models.registry import ModelEntry
from desktop.core.secrets import KeyStatus
from desktop.core.services import Services
from desktop.core.settings import Settings, bounds
from desktop.gui import crash, i18n
from desktop.gui.i18n import tr
from desktop.gui.texts import key_texts
from desktop.gui.texts.core_text import localize
from desktop.gui.tools import chroma_check, model_check
from desktop.gui.tools.models_page import ModelsPage, fitted_size
from desktop.gui.widgets import theme
from desktop.gui.workers import run_in_background


def model_summary(entry: ModelEntry) -> str:
    """One paragraph of registry metadata for the model picker."""
    info = entry.info
    lines = []
    if info is not None:
        size_mb = (info.size_bytes or 0) / 1e6
        lines.append(
            f"{info.architecture} · {info.size_label} · {info.quantization}"
            f" · {tr('context')} {info.context_length} · {size_mb:.0f} MB"
        )
        if info.license:
            lines.append(tr("License: {lic}").format(lic=info.license))
    elif entry.error:
        lines.append(localize(entry.error))
    if entry.notes:
        lines.append(localize(entry.notes))
    lines.append(str(entry.path))
    return "\n".join(lines)


class SettingsDialog(QDialog):
    saved = Signal(object)  # set of changed field names (+ "key" when the key changed)
    key_status_changed = Signal(object)
    models_loaded = Signal()  # Claude models list arrived (or failed)
    local_models_loaded = Signal()
    chroma_checked = Signal(object)  # a ServerCheck, once the team server URL being applied was tested

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.key_status: KeyStatus | None = None  # None until the keyring answered
        self.last_error = ""
        self.checked_names: list[str] = []  # the server listed them, or could not be asked about them
        self.name_warning = ""  # shown once they are saved: a name that could not be checked
        self.setModal(True)
        self.resize(640, 520)
        s: Settings = services.settings
        self.tabs = QTabWidget(self)
        # pages are built in tab order: widget creation order is the keyboard tab order
        claude = self._build_claude(s)
        local = self._build_local(s)
        knowledge = self._build_knowledge(s)
        appearance = self._build_appearance(s)
        self.models_page = ModelsPage(services, self)
        self.models_page.download_finished.connect(lambda entry: self.load_local_models())
        self.tabs.addTab(claude, "")
        self.tabs.addTab(local, "")
        self.tabs.addTab(self.models_page, "")
        self.tabs.addTab(knowledge, "")
        self.tabs.addTab(appearance, "")
        self._build_bottom()
        self.retranslate()
        self.resize(fitted_size(self))  # the Models table whole (models_page.py), at least 640x520
        self.refresh_key_status()
        self.load_local_models()

    # --- pages ----------
    def _build_claude(self, s: Settings) -> QWidget:
        """The Claude page: key, models, timeouts, then the online backend."""
        claude = QWidget(self)
        key_row = self._build_key_row(claude)
        self._build_claude_models(claude, s)
        self.claude_labels = [QLabel(claude) for _ in range(6)]
        form = QFormLayout(claude)
        form.addRow(self.claude_labels[0], self.key_state)
        form.addRow(self.claude_labels[1], key_row)
        form.addRow(self.claude_labels[2], self.chat_model)
        form.addRow(self.claude_labels[3], self.strong_model)
        models_row = QHBoxLayout()
        models_row.addWidget(self.refresh_models_button)
        models_row.addWidget(self.models_state, 1)
        form.addRow("", models_row)
        form.addRow(self.claude_labels[4], self.connect_timeout)
        form.addRow(self.claude_labels[5], self.deadline)
        self.retries_label = QLabel(claude)
        form.addRow(self.retries_label, self.retries)
        self._build_backend(claude, form, s)
        return claude

    def _build_key_row(self, claude: QWidget) -> QVBoxLayout:
        """The key field and its buttons; the key itself goes to the keyring, never back to the field."""
        self.key_state = QLabel(claude)
        self.key_state.setWordWrap(True)
        self.key_edit = QLineEdit(claude)
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.save_key_button = QPushButton(claude)
        self.delete_key_button = QPushButton(claude)
        self.file_key_button = QPushButton(claude)  # offered where no system keyring exists (key_texts.py)
        self.file_key_button.hide()
        self.save_key_button.clicked.connect(lambda: self.save_key())
        self.file_key_button.clicked.connect(lambda: self.save_key(to_file=True))
        self.delete_key_button.clicked.connect(self.delete_key)
        key_row = (
            QVBoxLayout()
        )  # the field gets the full width; the buttons (three where no keyring) below it
        key_row.addWidget(self.key_edit)
        key_buttons = QHBoxLayout()
        key_buttons.addWidget(self.save_key_button)
        key_buttons.addWidget(self.file_key_button)
        key_buttons.addWidget(self.delete_key_button)
        key_buttons.addStretch(1)
        key_row.addLayout(key_buttons)
        return key_row

    def _build_claude_models(self, claude: QWidget, s: Settings) -> None:
        self.chat_model = QComboBox(claude)
        self.chat_model.setEditable(True)
        self.chat_model.addItem(s.claude_chat_model)
        self.strong_model = QComboBox(claude)
        self.strong_model.setEditable(True)
        self.strong_model.addItem(s.claude_strong_model)
        self.refresh_models_button = QPushButton(claude)
        self.refresh_models_button.clicked.connect(self.load_claude_models)
        self.models_state = QLabel(claude)
        self.connect_timeout = QDoubleSpinBox(claude)
        self.connect_timeout.setRange(*bounds("connect_timeout_s"))
        self.connect_timeout.setSuffix(" s")
        self.connect_timeout.setValue(s.connect_timeout_s)
        self.deadline = QDoubleSpinBox(claude)
        self.deadline.setRange(*bounds("first_token_deadline_s"))
        self.deadline.setSuffix(" s")
        self.deadline.setValue(s.first_token_deadline_s)
        self.retries = QSpinBox(claude)
        self.retries.setRange(*bounds("claude_max_retries"))
        self.retries.setValue(s.claude_max_retries)

    def _build_backend(self, claude: QWidget, form: QFormLayout, s: Settings) -> None:
        """The online model: Claude, or an OpenAI-compatible server (llm/backends.py)."""
        self.backend = QComboBox(claude)
        for name in BACKENDS:
            self.backend.addItem(name, name)
        self.backend.setCurrentIndex(max(0, self.backend.findData(s.backend)))
        self.openai_url = QLineEdit(s.openai_base_url, claude)
        self.openai_model = QLineEdit(s.openai_model, claude)
        self.backend_labels = [QLabel(claude) for _ in range(3)]
        form.addRow(self.backend_labels[0], self.backend)
        form.addRow(self.backend_labels[1], self.openai_url)
        form.addRow(self.backend_labels[2], self.openai_model)
        self.backend.currentIndexChanged.connect(lambda _i: self._backend_changed())
        self._backend_changed()

    def _build_local(self, s: Settings) -> QWidget:
        local = QWidget(self)
        self.local_model = QComboBox(local)
        self.local_info = QLabel(local)
        self.local_info.setWordWrap(True)
        self.add_gguf_button = QPushButton(local)
        self.add_gguf_button.clicked.connect(lambda: self.add_gguf())
        self.threads = QSpinBox(local)
        self.threads.setRange(*bounds("threads"))
        self.threads.setValue(s.threads)
        self.context_size = QSpinBox(local)
        self.context_size.setRange(*bounds("context_size"))
        self.context_size.setSingleStep(256)
        self.context_size.setValue(s.context_size)
        self.local_labels = [QLabel(local) for _ in range(3)]
        lform = QFormLayout(local)
        model_row = QHBoxLayout()
        model_row.addWidget(self.local_model, 1)
        model_row.addWidget(self.add_gguf_button)
        lform.addRow(self.local_labels[0], model_row)
        lform.addRow("", self.local_info)
        lform.addRow(self.local_labels[1], self.threads)
        lform.addRow(self.local_labels[2], self.context_size)
        self.local_model.currentIndexChanged.connect(self._local_changed)
        return local

    def _build_knowledge(self, s: Settings) -> QWidget:
        """The knowledge store: local or team-synced, and how retrieval and the live note behave."""
        knowledge = QWidget(self)
        self.chroma_local = QRadioButton(knowledge)
        self.chroma_server = QRadioButton(knowledge)
        self.chroma_group = QButtonGroup(self)
        self.chroma_group.addButton(self.chroma_local)
        self.chroma_group.addButton(self.chroma_server)
        self.chroma_url = QLineEdit(knowledge)
        self.chroma_url.setText(s.chroma_url)
        (self.chroma_server if s.chroma_url else self.chroma_local).setChecked(True)
        self.chroma_url.setEnabled(bool(s.chroma_url))
        self.chroma_server.toggled.connect(self.chroma_url.setEnabled)
        self.team_token = QLineEdit(knowledge)  # saved to the keyring on apply, never to the settings file
        self.team_token.setEchoMode(QLineEdit.EchoMode.Password)
        self.team_test = QPushButton(knowledge)
        self.team_test.clicked.connect(self.test_team_server)
        self.team_result = QLabel(knowledge)
        self.team_result.setWordWrap(True)
        for widget in (self.team_token, self.team_test):
            widget.setEnabled(bool(s.chroma_url))
            self.chroma_server.toggled.connect(widget.setEnabled)
        self.retrieval_k = QSpinBox(knowledge)
        self.retrieval_k.setRange(*bounds("retrieval_k"))
        self.retrieval_k.setValue(s.retrieval_k)
        self.enrich_deadline = QSpinBox(knowledge)
        self.enrich_deadline.setRange(*bounds("enrich_deadline_ms"))
        self.enrich_deadline.setSuffix(" ms")
        self.enrich_deadline.setValue(s.enrich_deadline_ms)
        self.enrich_wait = QCheckBox(knowledge)  # off: adaptive, the note never adds latency
        self.enrich_wait.setChecked(s.enrich_wait == "deadline")
        self.knowledge_labels = [QLabel(knowledge) for _ in range(3)]
        kform = QFormLayout(knowledge)
        kform.addRow(self.knowledge_labels[0], self.chroma_local)
        kform.addRow("", self.chroma_server)
        self.team_url_label, self.team_token_label = QLabel(knowledge), QLabel(knowledge)
        self.team_url_label.setBuddy(self.chroma_url)  # a filled field still says what it holds
        self.team_token_label.setBuddy(self.team_token)
        kform.addRow(self.team_url_label, self.chroma_url)
        kform.addRow(self.team_token_label, self.team_token)
        kform.addRow(self.team_test, self.team_result)
        kform.addRow(self.knowledge_labels[1], self.retrieval_k)
        kform.addRow(self.knowledge_labels[2], self.enrich_deadline)
        kform.addRow("", self.enrich_wait)
        return knowledge

    def _build_appearance(self, s: Settings) -> QWidget:
        appearance = QWidget(self)
        self.ui_language = QComboBox(appearance)
        for code, name in i18n.LANGUAGES.items():
            self.ui_language.addItem(name, code)
        self.ui_language.setCurrentIndex(max(0, self.ui_language.findData(s.ui_language)))
        self.theme = QComboBox(appearance)
        for code in ("system", "light", "dark"):
            self.theme.addItem(code, code)
        self.theme.setCurrentIndex(max(0, self.theme.findData(s.theme)))
        self.appearance_labels = [QLabel(appearance) for _ in range(2)]
        aform = QFormLayout(appearance)
        aform.addRow(self.appearance_labels[0], self.ui_language)
        aform.addRow(self.appearance_labels[1], self.theme)
        return appearance

    def _build_bottom(self) -> None:
        """Below the tabs: the error line with its "Keep anyway", and Ok / Cancel / Apply."""
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {theme.RED}")
        self.keep_url_button = QPushButton(self)  # "Keep anyway", shown when the server did not answer
        self.keep_url_button.hide()
        self._pending_close = False
        self._refused_url = ""  # the team server address the last check could not reach ("Keep anyway")
        self.keep_url_button.clicked.connect(
            lambda: self.apply(self._pending_close, confirmed_url=self.chroma_url.text().strip())
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply,
            self,
        )
        self.buttons.accepted.connect(lambda: self.apply(close=True))
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(
            lambda: self.apply(close=False)
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        error_row = QHBoxLayout()
        error_row.addWidget(self.error, 1)
        error_row.addWidget(self.keep_url_button)
        layout.addLayout(error_row)
        layout.addWidget(self.buttons)
        self.tabs.currentChanged.connect(lambda _i: self._sync_keep_button())
        self.chroma_url.textEdited.connect(lambda _t: self._sync_keep_button())

    # --- texts ----------
    def retranslate(self) -> None:
        self.setWindowTitle(tr("Settings"))
        self.keep_url_button.setText(tr("Keep anyway"))
        self.keep_url_button.setToolTip(tr("Save this server address although it did not answer now"))
        titles = (tr("Claude"), tr("Local model"), tr("Models"), tr("Knowledge"), tr("Appearance"))
        for i, title in enumerate(titles):
            self.tabs.setTabText(i, title)
        self._retranslate_claude()
        self._retranslate_local()
        self._retranslate_knowledge()
        self._retranslate_appearance()
        self._show_key_status()

    def _retranslate_claude(self) -> None:
        for label, text in zip(
            self.claude_labels,
            (
                tr("API key:"),
                tr("New key:"),
                tr("Chat model:"),
                tr("Strong model:"),
                tr("Connect timeout:"),
                tr("First-token deadline:"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.retries_label.setText(tr("Retries:"))
        self._retranslate_backend()
        self.key_edit.setPlaceholderText(tr("Paste an Anthropic key (sk-ant-…)"))
        self.key_edit.setAccessibleName(tr("New API key"))
        self.save_key_button.setText(tr("Save key"))
        self.delete_key_button.setText(tr("Remove key"))
        self.delete_key_button.setToolTip(tr("Delete the stored key"))
        self.file_key_button.setText(tr("Store in an encrypted file"))
        self.file_key_button.setToolTip(
            tr("Keep the key in an encrypted file in Zantara's data folder (for systems without a keyring)")
        )
        self.chat_model.setAccessibleName(tr("Claude chat model"))
        self.chat_model.setToolTip(tr("Used for conversation (a fast Haiku by default)"))
        self.strong_model.setAccessibleName(tr("Claude strong model"))
        self.strong_model.setToolTip(tr("Used by strategies that want the stronger model"))
        self.refresh_models_button.setText(tr("Load models from Anthropic"))
        self.refresh_models_button.setToolTip(
            tr("Ask the models endpoint which Claude models your key can use")
        )
        self.connect_timeout.setToolTip(tr("Give up connecting after this long and answer offline"))
        self.connect_timeout.setAccessibleName(tr("Connect timeout"))
        self.deadline.setToolTip(
            tr("If Claude has not started answering by then, Zantara answers from this laptop")
        )
        self.deadline.setAccessibleName(tr("First-token deadline"))
        self.retries.setAccessibleName(tr("Retries"))

    def _retranslate_backend(self) -> None:
        for label, text in zip(
            self.backend_labels,
            (tr("Online model:"), tr("Server address:"), tr("Server model:")),
            strict=True,
        ):
            label.setText(text)
        backend_names = {
            "claude": tr("Claude (Anthropic)"),
            "openai": tr("OpenAI-compatible server (llama-server, Ollama…)"),
        }
        for i in range(self.backend.count()):
            name = self.backend.itemData(i)
            self.backend.setItemText(i, backend_names.get(name, name))
        self.openai_model.setPlaceholderText(tr("empty: the server's default model"))

    def _retranslate_local(self) -> None:
        for label, text in zip(
            self.local_labels, (tr("Model:"), tr("Threads:"), tr("Context size:")), strict=True
        ):
            label.setText(text)
        self.local_model.setAccessibleName(tr("Local model"))
        self.add_gguf_button.setText(tr("Add GGUF…"))
        self.add_gguf_button.setToolTip(tr("Register a GGUF model file from disk (it is not copied)"))
        self.threads.setSpecialValueText(tr("automatic"))
        self.threads.setAccessibleName(tr("Threads"))
        self.context_size.setAccessibleName(tr("Context size"))

    def _retranslate_knowledge(self) -> None:
        for label, text in zip(
            self.knowledge_labels,
            (tr("Store:"), tr("Insights per answer:"), tr("Live note deadline:")),
            strict=True,
        ):
            label.setText(text)
        self.chroma_local.setText(tr("Local (in the data folder)"))
        self.chroma_server.setText(tr("Local, synced with a team server"))
        self.chroma_url.setPlaceholderText("https://team.example.com:8443")
        self.chroma_url.setAccessibleName(tr("Team server URL"))
        self.team_token.setPlaceholderText(tr("Team token (kept in the keyring; empty: keep the stored one)"))
        self.team_token.setAccessibleName(tr("Team token"))
        self.team_url_label.setText(tr("Team server URL") + ":")
        self.team_token_label.setText(tr("Team token") + ":")
        self.team_test.setText(tr("Test connection"))
        self.retrieval_k.setAccessibleName(tr("Insights per answer"))
        self.enrich_deadline.setAccessibleName(tr("Live note deadline"))
        self.enrich_deadline.setToolTip(tr("How long Claude waits for the local model's live cultural note"))
        self.enrich_wait.setText(tr("Always wait for the live note, up to the deadline"))
        self.enrich_wait.setToolTip(
            tr("Off: Claude never waits for the note longer than retrieval takes, so it adds no delay")
        )

    def _retranslate_appearance(self) -> None:
        """Language and theme, and the Models page (its own widget, retranslated with the dialog)."""
        self.appearance_labels[0].setText(tr("Language:"))
        self.appearance_labels[1].setText(tr("Theme:"))
        self.ui_language.setAccessibleName(tr("Interface language"))
        self.theme.setAccessibleName(tr("Theme"))
        self.models_page.retranslate()
        for i, text in enumerate((tr("Follow the system"), tr("Light"), tr("Dark"))):
            self.theme.setItemText(i, text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _backend_changed(self) -> None:
        openai = self.backend.currentData() == "openai"
        for widget in (self.openai_url, self.openai_model, *self.backend_labels[1:]):
            widget.setEnabled(openai)

    # --- API key ----------
    def refresh_key_status(self) -> None:
        from desktop.core import secrets

        def failed(exc: BaseException) -> None:
            self._key_status(KeyStatus(False, None, "", keyring_usable=False, error=str(exc)))

        run_in_background(secrets.key_status, self._key_status, failed)

    def _key_status(self, status: KeyStatus) -> None:
        self.key_status = status
        self._show_key_status()
        self.key_status_changed.emit(status)

    def _show_key_status(self) -> None:
        st = self.key_status
        self.key_state.setText(key_texts.status_text(st))
        self.delete_key_button.setEnabled(st is not None and st.stored)
        no_keyring = st is not None and not st.error and not st.keyring_usable
        if no_keyring:
            self.file_key_button.show()
        # Where no keyring works, "Save key" could only fail after the click: it says why instead
        self.save_key_button.setEnabled(not no_keyring)
        self.save_key_button.setToolTip(
            tr("No system keyring on this computer: use “Store in an encrypted file”.")
            if no_keyring
            else tr("Store the key in the OS keyring; it is never written to a file")
        )

    def save_key(self, to_file: bool = False, then: Callable[[bool], None] | None = None) -> None:
        """Store the typed key; the field is cleared only once it is stored (a failure keeps what was typed
        and, when the keyring refused, offers the encrypted file)."""
        from desktop.core import secrets

        key = self.key_edit.text().strip()
        if not key:
            return
        crash.remember_secret(key)
        store = secrets.FILE if to_file else secrets.KEYRING

        def stored() -> None:
            if self.key_edit.text().strip() == key:
                self.key_edit.clear()  # never keep the key in a widget longer than needed
            if then is not None:
                then(True)

        def refused(exc: BaseException) -> str:
            if not to_file:
                self.file_key_button.show()
            if then is not None:
                then(False)
            return key_texts.save_failed_text(exc, to_file)

        self._run_key_change(lambda: _set_key(key, store), stored, refused)

    def delete_key(self) -> None:
        from desktop.core import secrets

        self._run_key_change(secrets.delete_api_key)

    def _run_key_change(
        self,
        fn: Any,
        on_done: Callable[[], None] | None = None,
        explain: Callable[[BaseException], str] | None = None,
    ) -> None:
        self._refused_url = ""  # the error line now speaks of the key: "Keep anyway" no longer applies
        self._sync_keep_button()

        def done(_r: Any) -> None:
            if on_done is not None:
                on_done()
            self.error.clear()
            self.saved.emit({"key"})
            self.refresh_key_status()

        def failed(exc: BaseException) -> None:
            self.last_error = explain(exc) if explain is not None else str(exc)
            self.error.setText(self.last_error)
            self.refresh_key_status()

        run_in_background(fn, done, failed)

    # --- Claude models ----------
    def load_claude_models(self) -> None:
        """Offer the models endpoint's list (needs a key and a connection); typed ids keep working."""
        self.models_state.setText(tr("Loading…"))
        settings = self.services.settings

        def work() -> list[dict[str, str]]:
            from desktop.core.llm import backends

            return backends.build("claude", settings, None).list_models()  # None: the key in the keyring

        run_in_background(work, self._claude_models, self._claude_models_failed)

    def _claude_models(self, models: list[dict[str, str]]) -> None:
        for combo in (self.chat_model, self.strong_model):
            current = combo.currentText()
            combo.clear()
            for m in models:
                combo.addItem(f"{m['id']}", m["id"])
                combo.setItemData(combo.count() - 1, m.get("display_name", ""), Qt.ItemDataRole.ToolTipRole)
            combo.setCurrentText(current)
        self.models_state.setText(tr("%n model(s) available", len(models)))
        self.models_loaded.emit()

    def _claude_models_failed(self, exc: BaseException) -> None:
        self.models_state.setText(tr("Could not load the list: {err}").format(err=exc))
        self.models_loaded.emit()

    # --- local models ----------
    def load_local_models(self, select: str = "") -> None:
        registry = self.services.registry
        run_in_background(
            lambda: list(registry.list()),
            lambda entries: self._local_models(entries, select),
            lambda exc: self.local_info.setText(str(exc)),
        )

    def _local_models(self, entries: list[ModelEntry], select: str = "") -> None:
        if not shiboken6.isValid(self.local_model):
            return  # the dialog closed before the registry answered
        wanted = select or self.services.settings.local_model
        self.local_model.blockSignals(True)
        self.local_model.clear()
        for entry in entries:
            name = entry.name
            label = name + (" " + tr("(default)") if entry.default else "")
            if entry.status != "ok":
                label += " — " + tr("unavailable")
            self.local_model.addItem(label, entry)
            if name == wanted or (not wanted and entry.default):
                self.local_model.setCurrentIndex(self.local_model.count() - 1)
        self.local_model.blockSignals(False)
        self._local_changed(self.local_model.currentIndex())
        self.local_models_loaded.emit()

    def _local_changed(self, _index: int) -> None:
        entry = self.local_model.currentData()
        self.local_info.setText(model_summary(entry) if entry is not None else "")

    def add_gguf(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, tr("Add a GGUF model"), str(Path.home()), tr("GGUF models (*.gguf)")
            )
            if not path:
                return
        registry = self.services.registry
        chosen = Path(path)

        def done(entry: ModelEntry) -> None:
            self.error.clear()
            self.load_local_models(select=entry.name)

        def failed(exc: BaseException) -> None:
            self.last_error = str(exc)
            self.error.setText(str(exc))

        run_in_background(lambda: registry.add(chosen), done, failed)

    # --- saving ----------
    def collect(self) -> Settings:
        """A validated copy of the settings with the dialog's values (raises SettingsError)."""
        current: Settings = self.services.settings
        entry: ModelEntry | None = self.local_model.currentData()
        local_name = entry.name if entry is not None else current.local_model
        if entry is not None and entry.default and not current.local_model:
            local_name = ""  # keep "the bundled default" rather than pinning its name
        new = dataclasses.replace(
            current,
            claude_chat_model=self.chat_model.currentText().strip() or current.claude_chat_model,
            claude_strong_model=self.strong_model.currentText().strip() or current.claude_strong_model,
            connect_timeout_s=float(self.connect_timeout.value()),
            first_token_deadline_s=float(self.deadline.value()),
            claude_max_retries=int(self.retries.value()),
            backend=str(self.backend.currentData()),
            openai_base_url=self.openai_url.text().strip() or current.openai_base_url,
            openai_model=self.openai_model.text().strip(),
            local_model=local_name,
            threads=int(self.threads.value()),
            context_size=int(self.context_size.value()),
            chroma_url=self.chroma_url.text().strip() if self.chroma_server.isChecked() else "",
            retrieval_k=int(self.retrieval_k.value()),
            enrich_deadline_ms=int(self.enrich_deadline.value()),
            enrich_wait="deadline" if self.enrich_wait.isChecked() else "adaptive",
            ui_language=self.ui_language.currentData(),
            theme=self.theme.currentData(),
            extra=dict(current.extra),
        )
        for name, value in self.models_page.role_choices().items():
            setattr(new, name, value)
        new.validate()
        return new

    def apply(self, close: bool, confirmed_url: str = "", key_saved: bool = False) -> None:
        """Save; a new team server URL is tested first (in a worker) and kept only if it answers or the user
        says "Keep anyway" (``confirmed_url``); a typed key is stored first, and a refusal stops here with the
        key still in the field."""
        try:
            new = self.collect()
        except ZantaraError as exc:
            self.error.setText(str(exc))
            return
        current: Settings = self.services.settings
        changes = {
            f.name: getattr(new, f.name)
            for f in dataclasses.fields(Settings)
            if f.name not in ("extra", "problems") and getattr(new, f.name) != getattr(current, f.name)
        }
        self._refused_url = ""
        self.keep_url_button.hide()
        names = model_check.changed_names(new, changes)
        bad = model_check.malformed(names)
        if bad:
            self.error.setText(model_check.malformed_text(bad))
            return
        if names and names != self.checked_names:
            self._check_model_names(new, names, lambda: self.apply(close, confirmed_url, key_saved))
            return
        url = str(changes.get("chroma_url") or "")
        if url and url != confirmed_url:
            self._check_chroma_url(url, close)
            return
        pending_key = self.key_edit.text().strip()
        if pending_key and not key_saved:
            # Only the keyring, never the encrypted file unasked: where no keyring works the refusal keeps the
            # dialog open and points to "Store in an encrypted file", the user's own choice.
            self.save_key(then=lambda ok: self.apply(close, confirmed_url, key_saved=True) if ok else None)
            return
        if "ui_language" in changes:  # the look applies at once (validated by collect()), saving follows
            i18n.set_language(new.ui_language)
        if "theme" in changes:
            theme.apply(new.theme)

        def done(changed: set[str]) -> None:
            # Every core component saw the change already: Settings.update notified its subscribers.
            warning, self.name_warning = self.name_warning, ""
            self.error.setText(warning)  # a model name saved unchecked: the dialog stays open to say so
            self.saved.emit(changed | ({"key"} if key_saved else set()))
            if close and not warning:
                self.accept()

        def failed(exc: BaseException) -> None:
            self.last_error = str(exc)
            self.error.setText(tr("Could not save the settings: {err}").format(err=exc))

        token = self.team_token.text().strip()

        def save() -> set[str]:
            if token:
                from desktop.core.sync.token import set_team_token

                set_team_token(token)
            return current.update(**changes)

        # validate + save atomically + notify subscribers (Services forgets what depends on them)
        run_in_background(save, done, failed)

    def test_team_server(self) -> None:
        """Connect with the address and token in the dialog (the stored token when the field is empty)."""
        from desktop.core.sync.service import check_team_server

        url, token = self.chroma_url.text().strip(), self._team_token()
        self.team_result.setText(tr("Checking {url}…").format(url=url))

        def shown(result: Any) -> None:
            if result.ok:
                self.team_result.setText(tr("Connected: the team server accepted the token."))
            else:
                self.team_result.setText(localize(result.detail))

        run_in_background(
            lambda: check_team_server(url, token, self.services.settings),
            shown,
            lambda exc: self.team_result.setText(localize(str(exc))),
        )

    def _team_token(self) -> str:
        """The token typed in the dialog, else the stored one (what the next sync would send)."""
        from desktop.core.sync.token import get_team_token

        return self.team_token.text().strip() or get_team_token()

    def _check_model_names(self, new: Settings, names: list[str], go_on: Callable[[], None]) -> None:
        """Ask the backend for its models (in a worker): a name it does not have is refused with the list; when
        it cannot be asked, the settings are saved with a warning that the name is unchecked."""
        self.error.setText(tr("Checking the model name with the server…"))

        def done(known: list[str]) -> None:
            unknown = [n for n in names if n not in known]
            if unknown:
                self.error.setText(model_check.unknown_text(unknown, known))
                return
            self.checked_names, self.name_warning = names, ""
            self.error.clear()
            go_on()

        def failed(exc: BaseException) -> None:
            self.checked_names, self.name_warning = names, model_check.unchecked_text(names, exc)
            go_on()

        run_in_background(lambda: model_check.known_models(new), done, failed)

    def _check_chroma_url(self, url: str, close: bool) -> None:
        from desktop.core.knowledge.server_check import ServerCheck
        from desktop.core.sync.service import check_team_server

        self.error.setText(tr("Checking {url}…").format(url=url))
        self._pending_close = close

        def done(result: ServerCheck) -> None:
            if self.chroma_url.text().strip() != url:
                return  # edited meanwhile: the next Apply checks the new text
            if result.ok:
                self.error.clear()
                self.chroma_checked.emit(result)
                self.apply(close, confirmed_url=url)
                return
            self.last_error = chroma_check.unreachable_text(result)
            self.error.setText(self.last_error)
            self._refused_url = url
            self.tabs.setCurrentIndex(3)  # the Knowledge tab, where the address is
            self._sync_keep_button()
            self.chroma_checked.emit(result)

        def failed(exc: BaseException) -> None:
            done(ServerCheck(url, False, "failed", str(exc)))

        token, settings = self._team_token(), self.services.settings
        run_in_background(lambda: check_team_server(url, token, settings), done, failed)

    def _sync_keep_button(self) -> None:
        """ "Keep anyway" answers the team-server check only: shown while that check is pending (the refused
        address unchanged, the Knowledge tab open), hidden everywhere else."""
        pending = bool(self._refused_url) and self.chroma_url.text().strip() == self._refused_url
        self.keep_url_button.setVisible(pending and self.tabs.currentIndex() == 3)


def _set_key(key: str, store: str) -> None:
    from desktop.core import secrets

    secrets.set_api_key(key, store=store)
