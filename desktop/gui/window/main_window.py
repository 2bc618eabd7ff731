"""The main window: conversations | chat | answer context, with the toolbar that says who is answering.

The window lays out the widgets and wires them; controllers do the work, each given the widgets and signals it
uses (docs/architecture.md): :class:`~desktop.gui.chat.answer_session.AnswerSession` (send, stream, stop, show a
conversation), :class:`~desktop.gui.window.connection_monitor.ConnectionMonitor` (key, breaker, badge, probe),
:class:`~desktop.gui.chat.feedback_bar.FeedbackController` (ratings, comparisons) and
:class:`~desktop.gui.window.dialogs.DialogManager` (tool windows). It opens instantly: Services builds nothing until
asked, and everything that touches SQLite, Chroma, the keyring, the network or the model runs in a worker.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QSplitter, QVBoxLayout, QWidget

from desktop.core.errors import ZantaraError
from desktop.core.services import Services
from desktop.gui.chat.answer_session import AnswerSession, SessionViews
from desktop.gui.chat.chat_view import ChatView, MessageBubble
from desktop.gui.chat.composer import Composer
from desktop.gui.chat.context_panel import ContextPanel
from desktop.gui.chat.draft_prefetch import DraftPrefetch
from desktop.gui.chat.query_prefetch import QueryPrefetch
from desktop.gui.events import app_events, bridge_settings
from desktop.gui.i18n import tr
from desktop.gui.jobs import JobManager
from desktop.gui.texts.core_text import localize
from desktop.gui.tools.document_watch import DocumentWatch
from desktop.gui.window import keyboard, window_geometry
from desktop.gui.window import status_badge as sb
from desktop.gui.window.connection_monitor import Banner, ConnectionMonitor
from desktop.gui.window.conversation_actions import ConversationActions
from desktop.gui.window.conversation_list import ConversationList
from desktop.gui.window.dialogs import DialogManager
from desktop.gui.window.jobs_panel import JobsIndicator, confirm_quit
from desktop.gui.window.model_offer import OfferController
from desktop.gui.window.team_sync import TeamSync
from desktop.gui.window.toolbar import MainToolbar, available_strategies
from desktop.gui.workers import Task, run_in_background

WATCH_AFTER_MS = 2000  # the document folders are followed once the window's own start-up work is done

log = logging.getLogger(__name__)

__all__ = ["Banner", "MainWindow"]


class MainWindow(QMainWindow):
    answer_finished = Signal(object)  # the bubble, once its answer (or error/stop) is final
    ready = Signal()  # startup checks done (key status, breaker, local model, strategies)

    def __init__(self, services: Services, *, warm_up: bool = True) -> None:
        super().__init__()
        self.services = services
        self.setMinimumSize(820, 520)
        window_geometry.place(self)  # fits the screen it opens on, or the size it had there
        self.jobs = JobManager(self)  # long jobs outlive the dialogs that start them (gui/jobs.py)
        # the document folders added are followed while the app runs (gui/tools/document_watch.py)
        self.document_watch = DocumentWatch(services, self)
        self.dialogs = DialogManager(
            self, services, self.jobs, self.settings_saved, document_watch=self.document_watch
        )
        self._unbridge = bridge_settings(services.settings)
        app_events().settings_changed.connect(self._settings_changed)

        self.toolbar = MainToolbar(services.settings.strategy, self)
        self.addToolBar(self.toolbar)
        t = self.toolbar  # the names tests and controllers use
        self.strategy_combo, self.profile_combo, self.badge = t.strategy_combo, t.profile_combo, t.badge
        self.offline_action, self.settings_action = t.offline_action, t.settings_action
        self.knowledge_action, self.generate_action = t.knowledge_action, t.generate_action
        self.health_action = t.health_action

        self._build_central()
        self._build_menus()
        self._wire()
        from desktop.gui.chat.feedback_bar import FeedbackController

        self.feedback = FeedbackController(  # ratings, Compare, Feedback and Usage pages
            services, self.session, self.chat, self.tools_menu, self, self.show_error
        )
        self.conversation_actions = ConversationActions(  # rename/export/delete in File, with keys
            self, self.conversations, self.file_menu, self.new_action, self.show_error
        )
        self.tab_order = keyboard.install(self, self.chat, self.tab_stops())  # Tab follows the layout

        settings = services.settings
        self.strategy_combo.setCurrentIndex(max(0, self.strategy_combo.findData(settings.strategy)))
        self.profile_combo.setCurrentIndex(max(0, self.profile_combo.findData(settings.profile)))
        self.retranslate()
        self.input.setFocus()
        self._pending_startup = 4
        QTimer.singleShot(0, self._startup)
        if warm_up:  # tests that build windows without background work leave the watcher off too
            QTimer.singleShot(300, self.session.warm_up)
            QTimer.singleShot(WATCH_AFTER_MS, self.document_watch.start)
        self.team_sync.start()

    def _build_central(self) -> None:
        """Conversations | chat (banner, bubbles, composer) | answer context; the answer session drives them."""
        services = self.services
        self.conversations = ConversationList(services, self)
        self.chat = ChatView(self)
        self.context = ContextPanel(self)
        self.banner = Banner(self)
        self.banner.hide()
        self.monitor = ConnectionMonitor(services, self.badge, self.banner, self)
        self.composer = Composer(self)
        self.input, self.send_button, self.stop_button = (
            self.composer.input,
            self.composer.send_button,
            self.composer.stop_button,
        )
        self.session = AnswerSession(
            services,
            SessionViews(
                self.chat,
                self.context,
                self.input,
                self.conversations,
                self.statusBar(),
                self.offline_action,
                self.chosen_strategy,
                self.set_busy,
                self.show_error,
            ),
            self,
        )
        # the live note starts while the user types, and the message's query vector is embedded
        self.prefetch = DraftPrefetch(
            services, self.composer, self.session, self.chosen_strategy, self.offline_action, self
        )
        self.query_prefetch = QueryPrefetch(services, self.composer, self.session, self)
        middle = QWidget(self)
        mid_layout = QVBoxLayout(middle)
        mid_layout.setContentsMargins(4, 8, 4, 8)
        mid_layout.addWidget(self.banner)
        mid_layout.addWidget(self.chat, 1)
        mid_layout.addWidget(self.composer)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.conversations)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(self.context)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([230, 690, 320])
        self.setCentralWidget(self.splitter)

    def _build_menus(self) -> None:
        """File, Chat, Tools and Help, with their shortcuts."""
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
        self.jobs_action = QAction(self)
        self.jobs_action.setShortcut(QKeySequence("Ctrl+J"))
        self.tools_menu.addAction(self.jobs_action)
        self.documents_action = QAction(self)
        self.documents_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.tools_menu.addAction(self.documents_action)
        self.jobs_indicator = JobsIndicator(self.jobs, self)
        self.statusBar().addPermanentWidget(self.jobs_indicator)
        self.team_sync = TeamSync(
            self.services, self
        )  # status-bar indicator + Sync now (gui/window/team_sync.py)
        self.statusBar().addPermanentWidget(self.team_sync.label)
        self.statusBar().addPermanentWidget(self.team_sync.button)
        self.tools_menu.addSeparator()
        self.tools_menu.addAction(self.settings_action)
        self.help_menu = self.menuBar().addMenu("")
        self.help_menu.addAction(self.about_action)
        for action in (self.new_action, self.focus_action, self.stop_action):
            self.addAction(action)
        self.send_shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)

    def _wire(self) -> None:
        """Widgets' signals to the window's slots and the controllers."""
        self.input.submitted.connect(self.send)
        self.send_button.clicked.connect(lambda: self.send(self.composer.text()))
        self.send_shortcut.activated.connect(lambda: self.send(self.composer.text()))
        self.stop_button.clicked.connect(self.stop)
        self.stop_action.triggered.connect(self.stop)
        self.new_action.triggered.connect(self.new_chat)
        self.focus_action.triggered.connect(self.focus_input)
        self.quit_action.triggered.connect(self.close)
        self.about_action.triggered.connect(self.dialogs.about)
        self.settings_action.triggered.connect(self.dialogs.settings)
        self.knowledge_action.triggered.connect(self.dialogs.knowledge)
        self.generate_action.triggered.connect(self.dialogs.generate)
        self.health_action.triggered.connect(self.dialogs.health)
        self.jobs_action.triggered.connect(self.dialogs.jobs)
        self.documents_action.triggered.connect(self.dialogs.documents)
        self.jobs_indicator.clicked.connect(self.dialogs.jobs)
        self.banner.add_key.connect(self.dialogs.settings)
        self.conversations.new_requested.connect(self.new_chat)
        self.conversations.conversation_selected.connect(self.session.open_conversation)
        self.conversations.conversation_deleted.connect(self.session.conversation_deleted)
        self.conversations.error.connect(self.show_error)
        self.conversations.exported.connect(
            lambda p: self.statusBar().showMessage(tr("Saved {path}").format(path=p), 6000)
        )
        self.chat.context_requested.connect(lambda b: self.context.show_trace(b.trace))
        self.chat.citation_requested.connect(lambda b, n: self.context.show_passage(b.trace, n))
        self.chat.regenerate_requested.connect(self.session.regenerate)
        self.session.answer_finished.connect(self.answer_finished)
        self.session.chat_cleared.connect(self.new_chat)
        self.session.answered_offline.connect(lambda reason: self.badge.set_state(sb.OFFLINE, reason))
        self.session.claude_answered.connect(self.monitor.claude_answered)
        self.strategy_combo.currentIndexChanged.connect(
            lambda _i: self._save_setting("strategy", self.strategy_combo.currentData())
        )
        self.profile_combo.currentIndexChanged.connect(
            lambda _i: self._save_setting("profile", self.profile_combo.currentData())
        )

    # --- texts ----------
    def retranslate(self) -> None:
        self.setWindowTitle(tr("Zantara Desktop"))
        self.new_action.setText(tr("New chat"))
        self.focus_action.setText(tr("Focus message input"))
        self.stop_action.setText(tr("Stop answer"))
        self.quit_action.setText(tr("Quit"))
        self.about_action.setText(tr("About Zantara"))
        self.jobs_action.setText(tr("Jobs"))
        self.documents_action.setText(tr("Documents…"))
        self.file_menu.setTitle(tr("&File"))
        self.chat_menu.setTitle(tr("&Chat"))
        self.tools_menu.setTitle(tr("&Tools"))
        self.help_menu.setTitle(tr("&Help"))
        self.team_sync.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- startup ----------
    def _startup(self) -> None:
        self.conversations.refresh()
        self.monitor.key_checked.connect(self._step_ready)
        self.monitor.breaker_checked.connect(self._step_ready)
        self.monitor.start()
        # first start: the local model that fits this laptop, in the banner and under the first offline answer
        self.model_offer = OfferController(self.services, self.banner, self.jobs, self)
        self.answer_finished.connect(self.model_offer.answer_finished)
        self.model_offer.start()
        run_in_background(self._local_model_name, self._set_local_name, lambda exc: self._step_ready())
        run_in_background(available_strategies, self._strategies_loaded, lambda exc: self._step_ready())

    def _strategies_loaded(self, labels: dict[str, str]) -> None:
        self.toolbar.set_strategies(labels)
        self._step_ready()

    def _step_ready(self) -> None:
        self._pending_startup -= 1
        if self._pending_startup == 0:
            self.ready.emit()

    def _local_model_name(self) -> str:
        return self.services.registry.resolve(self.services.settings.local_model).name

    def _set_local_name(self, name: str, startup: bool = True) -> None:
        self.badge.local_model_name = name
        self.badge.set_state(self.badge.state, self.badge.reason)
        if startup:
            self._step_ready()

    # --- chat (the answer session does the work) ----------
    @property
    def busy(self) -> bool:
        return self.session.busy

    @property
    def answer_task(self) -> Task | None:
        return self.session.answer_task

    @property
    def streaming_bubble(self) -> MessageBubble | None:
        return self.session.streaming_bubble

    @property
    def conversation_id(self) -> str | None:
        """The conversation on screen (None: a new chat); the answer session keeps it."""
        return self.session.conversation_id

    @conversation_id.setter
    def conversation_id(self, value: str | None) -> None:
        self.session.conversation_id = value

    def send(self, text: str) -> None:
        self.session.send(text)

    def stop(self) -> None:
        self.session.stop()

    def chosen_strategy(self) -> str | None:
        name, settings = self.toolbar.chosen_strategy(), self.services.settings
        if settings.learn_strategy == "on" and name == settings.strategy:
            return None  # the default: the router may use the one ratings proved better
        return name

    def focus_input(self) -> None:
        self.input.setFocus()
        self.activateWindow()

    def new_chat(self) -> None:
        if self.busy:
            self.stop()
        self.conversation_id = None
        self.conversations.select(None)
        self.chat.clear()
        self.context.show_trace(None)
        self.focus_input()

    def set_busy(self, busy: bool) -> None:
        self.composer.set_busy(busy)
        self.stop_action.setEnabled(busy)

    # --- settings ----------
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

    def _settings_changed(self, changed: set[str]) -> None:
        """Any Settings.update (dialog, toolbar, another window): show the values this window displays."""
        settings = self.services.settings
        self.strategy_combo.setCurrentIndex(max(0, self.strategy_combo.findData(settings.strategy)))
        self.profile_combo.setCurrentIndex(max(0, self.profile_combo.findData(settings.profile)))
        if changed & {"chroma_url", "team_url"}:
            self.team_sync.start()
        if changed & {"local_model", "threads", "context_size"}:
            run_in_background(
                self._local_model_name, lambda n: self._set_local_name(n, False), lambda e: None
            )

    def settings_saved(self, changed: set[str]) -> None:
        """The Settings dialog saved; the key is not a setting, so its change arrives only here."""
        if "key" in changed:
            self.monitor.recheck_key()

    # --- dialogs and messages ----------
    @property
    def _dialogs(self) -> dict[str, QWidget]:
        return self.dialogs.open_dialogs

    def open_settings(self) -> None:
        self.dialogs.settings()

    def _probe(self) -> None:
        self.monitor.probe()

    def tab_stops(self) -> list[QWidget]:
        """The window's Tab stops in layout order (``keyboard.main_chain``)."""
        return keyboard.main_chain(
            self.toolbar, self.conversations, self.banner, self.chat, self.composer, self.context
        )

    def show_error(self, message: str) -> None:
        self.statusBar().showMessage(localize(message), 10000)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not confirm_quit(self.jobs, self):  # "Keep running": the window stays, the jobs go on
            event.ignore()
            return
        window_geometry.remember(self)
        self.session.stop()
        self.team_sync.stop()
        self.document_watch.stop()
        self.monitor.close()
        self.dialogs.close_all()
        self._unbridge()
        super().closeEvent(event)
