"""The main window: conversations | chat | answer context, with the toolbar that says who is answering.

The window opens instantly: Services builds nothing until asked, and everything that touches SQLite, Chroma,
the keyring, the network or the model is asked from a worker. Streamed answer events arrive as queued
signals.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.core.cancel import CancelToken
from desktop.core.errors import Cancelled, ZantaraError
from desktop.core.settings import PROFILES
from desktop.gui import status_badge as sb
from desktop.gui.chat_view import ChatView, MessageBubble, MessageInput
from desktop.gui.context_panel import ContextPanel
from desktop.gui.conversation_list import ConversationList
from desktop.gui.i18n import tr
from desktop.gui.records import as_dict, attr
from desktop.gui.workers import Task, run_in_background

log = logging.getLogger(__name__)


def _available_strategies() -> dict[str, str]:
    """Name -> English label of each strategy this build has, from the registry (imports the plugins: call it
    from a worker)."""
    from desktop.core.chat.strategies import registry

    return registry.labels()


def profile_label(name: str) -> str:
    return {"team": tr("Team member"), "client": tr("Client")}.get(name, name)


class Banner(QFrame):
    """First run without a key: explain that answers are offline and how to add a key."""

    add_key = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.button = QPushButton(self)
        self.button.clicked.connect(self.add_key)
        self.close_button = QPushButton("✕", self)
        self.close_button.setFlat(True)
        self.close_button.setFixedWidth(28)
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        layout.addWidget(self.close_button)
        self.setStyleSheet(
            "#banner { background: rgba(208,138,18,0.16); border: 1px solid rgba(208,138,18,0.55);"
            " border-radius: 8px; }"
        )
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(
            tr(
                "No Claude API key yet, so Zantara answers offline with the local model. "
                "Add your Anthropic key in Settings (Ctrl+,) and Claude will answer; it is stored in your "
                "system keyring, never in a file."
            )
        )
        self.button.setText(tr("Add API key…"))
        self.button.setAccessibleName(tr("Add API key"))
        self.close_button.setToolTip(tr("Hide this message"))
        self.close_button.setAccessibleName(tr("Hide this message"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class MainWindow(QMainWindow):
    answer_finished = Signal(object)  # the bubble, once its answer (or error/stop) is final
    breaker_changed = Signal(object)  # breaker snapshot; emitted from any thread, delivered on the GUI thread
    ready = Signal()  # startup checks done (key status, breaker, conversation list)

    def __init__(self, services: Any, *, warm_up: bool = True) -> None:
        super().__init__()
        self.services = services
        self.conversation_id: Any = None
        self.cancel_token: CancelToken | None = None
        self.answer_task: Task | None = None
        self.streaming_bubble: MessageBubble | None = None
        self._unsubscribe: Any = None
        self._dialogs: dict[str, QWidget] = {}
        self.key_status: dict[str, Any] = {}
        self._probe_timer = QTimer(self)
        self._probe_timer.setSingleShot(True)
        self._probe_timer.timeout.connect(self._probe)
        self._probing = False
        self.breaker_changed.connect(self._on_breaker)
        self.resize(1240, 800)
        self.setMinimumSize(820, 520)

        # --- toolbar --------------------------------------------------------------------------------------
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.addToolBar(self.toolbar)
        self.strategy_label = QLabel(self)
        self.strategy_combo = QComboBox(self)
        name = services.settings.strategy  # the full list arrives from the registry in _strategies_loaded
        self.strategy_labels: dict[str, str] = {}
        self.strategy_combo.addItem(name, name)
        self.profile_label = QLabel(self)
        self.profile_combo = QComboBox(self)
        for name in PROFILES:
            self.profile_combo.addItem(name, name)
        self.offline_action = QAction(self)
        self.offline_action.setCheckable(True)
        self.badge = sb.StatusBadge(self)
        self.knowledge_action = QAction(self)
        self.generate_action = QAction(self)
        self.settings_action = QAction(self)
        self.health_action = QAction(self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.toolbar.addWidget(self.strategy_label)
        self.toolbar.addWidget(self.strategy_combo)
        self.toolbar.addSeparator()
        self.toolbar.addWidget(self.profile_label)
        self.toolbar.addWidget(self.profile_combo)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.offline_action)
        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.toolbar.addWidget(self.badge)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.knowledge_action)
        self.toolbar.addAction(self.generate_action)
        self.toolbar.addAction(self.settings_action)

        # --- central area ---------------------------------------------------------------------------------
        self.conversations = ConversationList(services, self)
        self.chat = ChatView(self)
        self.context = ContextPanel(self)
        self.banner = Banner(self)
        self.banner.hide()
        self.input = MessageInput(self)
        self.send_button = QPushButton(self)
        self.send_button.setDefault(True)
        self.stop_button = QPushButton(self)
        self.stop_button.setEnabled(False)
        buttons = QVBoxLayout()
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.stop_button)
        buttons.addStretch(1)
        composer = QHBoxLayout()
        composer.addWidget(self.input, 1)
        composer.addLayout(buttons)
        middle = QWidget(self)
        mid_layout = QVBoxLayout(middle)
        mid_layout.setContentsMargins(4, 8, 4, 8)
        mid_layout.addWidget(self.banner)
        mid_layout.addWidget(self.chat, 1)
        mid_layout.addLayout(composer)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.conversations)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(self.context)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([230, 690, 320])
        self.setCentralWidget(self.splitter)

        # --- menus and shortcuts --------------------------------------------------------------------------
        self.new_action = QAction(self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.focus_action = QAction(self)
        self.focus_action.setShortcut(QKeySequence("Ctrl+L"))
        self.stop_action = QAction(self)
        self.stop_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.about_action = QAction(self)
        self.file_menu = self.menuBar().addMenu("")
        self.file_menu.addAction(self.new_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.chat_menu = self.menuBar().addMenu("")
        self.chat_menu.addAction(self.focus_action)
        self.chat_menu.addAction(self.stop_action)
        self.chat_menu.addAction(self.offline_action)
        self.tools_menu = self.menuBar().addMenu("")
        self.tools_menu.addAction(self.knowledge_action)
        self.tools_menu.addAction(self.generate_action)
        self.tools_menu.addAction(self.health_action)
        self.tools_menu.addSeparator()
        self.tools_menu.addAction(self.settings_action)
        self.help_menu = self.menuBar().addMenu("")
        self.help_menu.addAction(self.about_action)
        for action in (self.new_action, self.focus_action, self.stop_action):
            self.addAction(action)
        self.send_shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)

        # --- wiring ---------------------------------------------------------------------------------------
        self.input.submitted.connect(self.send)
        self.send_button.clicked.connect(lambda: self.send(self.input.toPlainText().strip()))
        self.send_shortcut.activated.connect(lambda: self.send(self.input.toPlainText().strip()))
        self.stop_button.clicked.connect(self.stop)
        self.stop_action.triggered.connect(self.stop)
        self.new_action.triggered.connect(self.new_chat)
        self.focus_action.triggered.connect(self.focus_input)
        self.quit_action.triggered.connect(self.close)
        self.about_action.triggered.connect(self.show_about)
        self.settings_action.triggered.connect(self.open_settings)
        self.knowledge_action.triggered.connect(self.open_knowledge)
        self.generate_action.triggered.connect(self.open_generate)
        self.health_action.triggered.connect(self.open_health)
        self.banner.add_key.connect(self.open_settings)
        self.conversations.new_requested.connect(self.new_chat)
        self.conversations.conversation_selected.connect(self.open_conversation)
        self.conversations.conversation_deleted.connect(self._conversation_deleted)
        self.conversations.error.connect(self.show_error)
        self.conversations.exported.connect(
            lambda p: self.statusBar().showMessage(tr("Saved {path}").format(path=p), 6000)
        )
        self.chat.context_requested.connect(lambda b: self.context.show_trace(b.trace))
        self.chat.regenerate_requested.connect(self.regenerate)
        self.strategy_combo.currentIndexChanged.connect(self._strategy_changed)
        self.profile_combo.currentIndexChanged.connect(self._profile_changed)

        settings = services.settings
        self.strategy_combo.setCurrentIndex(max(0, self.strategy_combo.findData(settings.strategy)))
        self.profile_combo.setCurrentIndex(max(0, self.profile_combo.findData(settings.profile)))
        self.retranslate()
        self.input.setFocus()
        self.available_strategies: list[str] | None = None
        self._pending_startup = 4
        QTimer.singleShot(0, self._startup)
        if warm_up:
            QTimer.singleShot(300, self._warm_up)

    # --- texts ----------
    def retranslate(self) -> None:
        self.setWindowTitle(tr("Zantara Desktop"))
        self.strategy_label.setText(" " + tr("Strategy:") + " ")
        self.profile_label.setText(" " + tr("Profile:") + " ")
        for i in range(self.strategy_combo.count()):
            name = self.strategy_combo.itemData(i)
            self.strategy_combo.setItemText(i, tr(self.strategy_labels.get(name, name)))
        for i in range(self.profile_combo.count()):
            self.profile_combo.setItemText(i, profile_label(self.profile_combo.itemData(i)))
        self.strategy_combo.setToolTip(tr("How Claude and the local model work together on each answer"))
        self.strategy_combo.setAccessibleName(tr("Strategy"))
        self.profile_combo.setToolTip(
            tr("Who is chatting: a team member (warm colleague) or a client (professional tone)")
        )
        self.profile_combo.setAccessibleName(tr("Profile"))
        self.offline_action.setText(tr("Offline only"))
        self.offline_action.setToolTip(tr("Answer with the local model only, without contacting Claude"))
        self.knowledge_action.setText(tr("Knowledge"))
        self.knowledge_action.setToolTip(tr("Browse, edit and approve cultural insights"))
        self.generate_action.setText(tr("Generate…"))
        self.generate_action.setToolTip(tr("Write new cultural insights with the local model"))
        self.settings_action.setText(tr("Settings…"))
        self.health_action.setText(tr("Check data…"))
        self.health_action.setToolTip(tr("Check the conversations and the knowledge store, and repair them"))
        self.settings_action.setToolTip(tr("API key, models, language and theme (Ctrl+,)"))
        self.new_action.setText(tr("New chat"))
        self.focus_action.setText(tr("Focus message input"))
        self.stop_action.setText(tr("Stop answer"))
        self.quit_action.setText(tr("Quit"))
        self.about_action.setText(tr("About Zantara"))
        self.file_menu.setTitle(tr("&File"))
        self.chat_menu.setTitle(tr("&Chat"))
        self.tools_menu.setTitle(tr("&Tools"))
        self.help_menu.setTitle(tr("&Help"))
        self.input.setPlaceholderText(tr("Write a message… (Enter sends, Shift+Enter adds a line)"))
        self.input.setAccessibleName(tr("Message input"))
        self.input.setToolTip(tr("Enter sends, Shift+Enter adds a line, Ctrl+L focuses"))
        self.send_button.setText(tr("Send"))
        self.send_button.setToolTip(tr("Send the message (Enter)"))
        self.send_button.setAccessibleName(tr("Send message"))
        self.stop_button.setText(tr("Stop"))
        self.stop_button.setToolTip(tr("Stop the answer (Esc)"))
        self.stop_button.setAccessibleName(tr("Stop answer"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- startup ----------
    def _startup(self) -> None:
        from desktop.core import secrets

        self.conversations.refresh()
        run_in_background(secrets.api_key_status, self._key_status, lambda exc: self._key_status({}))
        run_in_background(self._breaker_setup, self._breaker_ready, self._breaker_failed)
        run_in_background(self._local_model_name, self._set_local_name, lambda exc: self._step_ready())
        run_in_background(_available_strategies, self._strategies_loaded, lambda exc: self._step_ready())

    def _strategies_loaded(self, labels: dict[str, str]) -> None:
        """Offer only the strategies this build has (a missing plugin removes just that one)."""
        self.strategy_labels = labels
        names = list(labels)
        self.available_strategies = names
        wanted = self.strategy_combo.currentData()
        self.strategy_combo.blockSignals(True)
        self.strategy_combo.clear()
        for name in names:  # in the registry's order
            self.strategy_combo.addItem(tr(labels[name]), name)
        index = self.strategy_combo.findData(wanted)
        self.strategy_combo.setCurrentIndex(index if index >= 0 else 0)
        self.strategy_combo.blockSignals(False)
        self._step_ready()

    def _step_ready(self) -> None:
        self._pending_startup -= 1
        if self._pending_startup == 0:
            self.ready.emit()

    def _key_status(self, status: dict[str, Any]) -> None:
        self.key_status = status
        has_key = bool(status.get("set"))
        self.banner.setVisible(not has_key)
        if not has_key:
            self.badge.set_state(sb.OFFLINE, "no_key")
        self._step_ready()

    def _breaker_setup(self) -> dict[str, Any]:
        breaker = self.services.breaker
        self._unsubscribe = breaker.subscribe(self.breaker_changed.emit)
        return dict(breaker.snapshot())

    def _breaker_ready(self, snapshot: dict[str, Any]) -> None:
        self._on_breaker(snapshot)
        self._step_ready()

    def _on_breaker(self, snapshot: dict[str, Any]) -> None:
        """Badge follows the breaker (unless there is no key at all); an open breaker gets a timed probe."""
        state, reason = sb.state_from_snapshot(snapshot)
        if not (self.key_status and not self.key_status.get("set")):
            self.badge.set_state(sb.ONLINE if state == sb.UNKNOWN else state, reason)
        if state == sb.OFFLINE and not self._probing:
            wait_s = float(snapshot.get("seconds_until_probe") or 0.0)
            self._probe_timer.start(int(max(1.0, wait_s) * 1000))

    def _probe(self) -> None:
        """Ask the models endpoint in a worker; success closes the breaker and the badge turns green."""
        if self._probing or not self.key_status.get("set"):
            return
        self._probing = True
        services = self.services

        def work() -> bool:
            return bool(services.router.probe_claude())

        def done(_ok: Any) -> None:
            self._probing = False
            self._on_breaker(services.breaker.snapshot())

        def failed(exc: BaseException) -> None:
            self._probing = False
            log.warning("probe failed: %s", exc)

        run_in_background(work, done, failed)

    def _breaker_failed(self, exc: BaseException) -> None:
        log.warning("circuit breaker unavailable: %s", exc)
        self._step_ready()

    def _local_model_name(self) -> str:
        registry = self.services.registry
        entry = registry.resolve(self.services.settings.local_model)
        return str(attr(entry, "name", ""))

    def _set_local_name(self, name: str) -> None:
        self.badge.local_model_name = name
        self.badge.set_state(self.badge.state, self.badge.reason)
        self._step_ready()

    def _warm_up(self) -> None:
        """Open the knowledge store (first run loads the curated pack) before the first question needs it."""
        self.statusBar().showMessage(tr("Preparing the knowledge base…"))
        services = self.services
        run_in_background(
            lambda: services.store.stats().get("total", 0),
            lambda n: self.statusBar().showMessage(tr("Ready: {n} cultural insights").format(n=n), 8000),
            lambda exc: self.statusBar().showMessage(tr("Knowledge base unavailable: {err}").format(err=exc)),
        )

    # --- chat ----------
    @property
    def busy(self) -> bool:
        return self.cancel_token is not None

    def chosen_strategy(self) -> str | None:
        """The selected strategy, or None (the router's default) while the available list is unknown."""
        name = self.strategy_combo.currentData()
        if self.available_strategies is None or name not in self.available_strategies:
            return None
        return str(name)

    def focus_input(self) -> None:
        self.input.setFocus()
        self.activateWindow()

    def new_chat(self) -> None:
        if self.busy:
            self.stop()
        self.conversation_id = None
        self.conversations.select(None)
        self.chat.clear()
        self.context.show_trace({})
        self.focus_input()

    def send(self, text: str) -> None:
        text = text.strip()
        if not text:
            return
        if self.busy:
            self.statusBar().showMessage(tr("Wait for the answer or press Esc to stop it."), 4000)
            return
        self.input.clear()
        self.chat.add_message("user", text)
        bubble = self.chat.add_message("assistant")
        strategy = self.chosen_strategy()
        offline = self.offline_action.isChecked()
        cid = self.conversation_id
        services = self.services

        def work(report: Any) -> Any:  # runs on the pool: building the router (first use) happens here too
            return services.router.ask(
                text, conversation_id=cid, strategy=strategy, offline=offline, cancel=token, on_event=report
            )

        token = CancelToken()
        self._start_answer(bubble, token, work)

    def regenerate(self, bubble: MessageBubble) -> None:
        if self.busy or bubble.message_id is None:
            if bubble.message_id is None:
                self.statusBar().showMessage(
                    tr("This answer was not saved, so it cannot be regenerated."), 5000
                )
            return
        message_id = bubble.message_id
        # The router keeps the old answer and appends the new one, so the view does the same.
        bubble = self.chat.add_message("assistant")
        token = CancelToken()
        strategy = self.chosen_strategy()
        offline = self.offline_action.isChecked()

        def work(report: Any) -> Any:
            return self.services.router.regenerate(
                message_id, strategy=strategy, offline=offline, cancel=token, on_event=report
            )

        self._start_answer(bubble, token, work)

    def _start_answer(self, bubble: MessageBubble, token: CancelToken, work: Any) -> None:
        self.cancel_token = token
        self.streaming_bubble = bubble
        bubble.start_streaming()
        self._set_busy(True)
        self.answer_task = run_in_background(
            work,
            lambda answer: self._answer_done(bubble, token, answer),
            lambda exc: self._answer_failed(bubble, token, exc),
            on_progress=lambda event: self._on_event(bubble, event),
            with_report=True,
        )

    def _on_event(self, bubble: MessageBubble, event: Any) -> None:
        kind = attr(event, "kind", "")
        data = attr(event, "data", {}) or {}
        if kind == "chunk":
            bubble.append_chunk(attr(event, "text", ""))
        elif kind == "replace":
            bubble.replace_text(attr(event, "text", ""))
        elif kind == "mode":
            mode = data.get("mode", "")
            reason = data.get("reason", "")
            trace = dict(bubble.trace)
            trace.update({"mode": mode, "reason": reason})
            bubble.set_trace(trace)
            if mode == "offline" and reason not in ("offline_requested", ""):
                self.badge.set_state(sb.OFFLINE, reason)
            elif mode == "claude":
                self.badge.set_state(sb.ONLINE)
        elif kind == "insights":
            trace = dict(bubble.trace)
            trace["insights"] = data.get("insights", [])
            bubble.set_trace(trace)

    def _answer_done(self, bubble: MessageBubble, token: CancelToken, answer: Any) -> None:
        trace = as_dict(attr(answer, "trace"))
        bubble.set_trace(trace)
        status = attr(answer, "status", "complete")
        bubble.finish(attr(answer, "text", bubble.text), status=status, message_id=attr(answer, "message_id"))
        if token.cancelled:
            bubble.mark_stopped()
        self.context.show_trace(trace)
        mode, reason = trace.get("mode"), trace.get("reason", "")
        if mode == "claude":
            self.badge.set_state(sb.ONLINE)
        elif mode == "offline" and reason and reason != "offline_requested":
            self.badge.set_state(sb.OFFLINE, reason)
        cid = attr(answer, "conversation_id")
        if cid and cid != self.conversation_id:
            self.conversation_id = cid
            self.conversations.current_id = cid
        self._end_answer(bubble)
        self.conversations.refresh()

    def _answer_failed(self, bubble: MessageBubble, token: CancelToken, exc: BaseException) -> None:
        if isinstance(exc, Cancelled) or token.cancelled:
            bubble.mark_stopped()
        elif isinstance(exc, ZantaraError):
            bubble.mark_error(str(exc))
        else:
            log.error("answer failed", exc_info=exc)
            bubble.mark_error(tr("The answer failed: {err}").format(err=f"{type(exc).__name__}: {exc}"))
        self._end_answer(bubble)
        self.conversations.refresh()

    def _end_answer(self, bubble: MessageBubble) -> None:
        self.cancel_token = None
        self.streaming_bubble = None
        self.answer_task = None
        self._set_busy(False)
        self.answer_finished.emit(bubble)

    def _set_busy(self, busy: bool) -> None:
        self.stop_button.setEnabled(busy)
        self.send_button.setEnabled(not busy)
        self.stop_action.setEnabled(busy)

    def stop(self) -> None:
        if self.cancel_token is not None:
            self.cancel_token.cancel()
            self.statusBar().showMessage(tr("Stopping…"), 3000)

    # --- conversations ----------
    def open_conversation(self, cid: Any) -> None:
        if self.busy:
            self.stop()
        self.conversation_id = cid
        self.chat.clear()
        self.context.show_trace({})
        conversations = self.services.conversations
        run_in_background(
            lambda: list(conversations.messages(cid)),
            lambda msgs: self._show_messages(cid, msgs),
            lambda exc: self.show_error(str(exc)),
        )

    def _show_messages(self, cid: Any, messages: list[Any]) -> None:
        if cid != self.conversation_id:
            return  # the user moved on meanwhile
        last_trace: dict[str, Any] = {}
        for msg in messages:
            role = attr(msg, "role", "assistant")
            text = attr(msg, "content", None)
            if text is None:
                text = attr(msg, "text", "")
            bubble = self.chat.add_message("user" if role == "user" else "assistant", text or "")
            if role != "user":
                trace = attr(msg, "trace") or {}
                if isinstance(trace, str):
                    import json

                    try:
                        trace = json.loads(trace)
                    except ValueError:
                        trace = {}
                bubble.set_trace(trace)
                bubble.finish(
                    text or "",
                    status=attr(msg, "status", "complete") or "complete",
                    message_id=attr(msg, "id"),
                )
                last_trace = bubble.trace
        self.context.show_trace(last_trace)

    def _conversation_deleted(self, cid: Any) -> None:
        if cid == self.conversation_id:
            self.new_chat()

    # --- settings of the toolbar ----------
    def _strategy_changed(self, _index: int) -> None:
        self._save_setting("strategy", self.strategy_combo.currentData())

    def _profile_changed(self, _index: int) -> None:
        self._save_setting("profile", self.profile_combo.currentData())

    def _save_setting(self, name: str, value: Any) -> None:
        settings = self.services.settings
        if getattr(settings, name) == value:
            return
        try:
            settings.update(save=False, **{name: value})  # at once: the next send uses it
        except ZantaraError as exc:
            self.show_error(str(exc))
            return
        run_in_background(settings.save, None, lambda exc: self.show_error(str(exc)))

    # --- dialogs ----------
    def open_settings(self) -> None:
        from desktop.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.services, self)
        dialog.saved.connect(self._settings_saved)
        self._dialogs["settings"] = dialog
        dialog.open()

    def _settings_saved(self, changed: set[str]) -> None:
        from desktop.core import secrets

        if changed & {"key"}:
            run_in_background(secrets.api_key_status, self._key_status_after_settings, lambda exc: None)
        self.strategy_combo.setCurrentIndex(
            max(0, self.strategy_combo.findData(self.services.settings.strategy))
        )
        self.profile_combo.setCurrentIndex(
            max(0, self.profile_combo.findData(self.services.settings.profile))
        )
        if changed & {"local_model", "threads", "context_size"}:
            run_in_background(self._local_model_name, self._set_local_name_only, lambda exc: None)

    def _key_status_after_settings(self, status: dict[str, Any]) -> None:
        self.key_status = status
        self.banner.setVisible(not status.get("set"))
        if status.get("set") and self.badge.reason == "no_key":
            self.badge.set_state(sb.ONLINE)
        elif not status.get("set"):
            self.badge.set_state(sb.OFFLINE, "no_key")

    def _set_local_name_only(self, name: str) -> None:
        self.badge.local_model_name = name
        self.badge.set_state(self.badge.state, self.badge.reason)

    def open_knowledge(self) -> None:
        from desktop.gui.knowledge_browser import KnowledgeBrowser

        browser = self._dialogs.get("knowledge")
        if browser is None:
            browser = KnowledgeBrowser(self.services, self)
            browser.generate_requested.connect(self.open_generate)
            self._dialogs["knowledge"] = browser
        browser.show()
        browser.raise_()
        browser.activateWindow()

    def open_health(self) -> None:
        from desktop.gui.health_dialog import HealthDialog

        dialog = self._dialogs.get("health")
        if dialog is None:
            dialog = HealthDialog(self.services, self)
            self._dialogs["health"] = dialog
        dialog.show()
        dialog.raise_()
        dialog.check()  # type: ignore[attr-defined]

    def open_generate(self) -> None:
        from desktop.gui.generate_dialog import GenerateDialog

        dialog = self._dialogs.get("generate")
        if dialog is None or not dialog.isVisible():
            dialog = GenerateDialog(self.services, self)
            browser = self._dialogs.get("knowledge")
            if browser is not None:
                dialog.finished_run.connect(lambda _r: browser.reload())  # type: ignore[attr-defined]
            self._dialogs["generate"] = dialog
        dialog.show()
        dialog.raise_()

    def show_about(self) -> None:
        from desktop import __version__

        QMessageBox.about(
            self,
            tr("About Zantara"),
            "<h3>Zantara Desktop "
            + __version__
            + "</h3><p>"
            + tr(
                "Claude's brain, LLaMA's soul: a local-first assistant for visas, business and life in Bali."
            )
            + "</p>",
        )

    def show_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._probe_timer.stop()
        if self.cancel_token is not None:
            self.cancel_token.cancel()
        for dialog in self._dialogs.values():
            stopper = getattr(dialog, "cancel_run", None)
            if callable(stopper):
                stopper()
        if callable(self._unsubscribe):
            try:
                self._unsubscribe()
            except Exception:  # pragma: no cover - shutting down anyway
                log.debug("unsubscribe failed", exc_info=True)
        super().closeEvent(event)
