"""The main toolbar: the strategy and profile pickers, "offline only", the status badge and the tool actions."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QSizePolicy, QToolBar, QWidget

from desktop.core.settings import PROFILES
from desktop.gui.i18n import tr
from desktop.gui.window import status_badge as sb
from desktop.gui.window.strategy_combo import StrategyCombo


def available_strategies() -> dict[str, str]:
    """Name -> English label of each strategy this build has, from the registry (imports the plugins: call it
    from a worker)."""
    from desktop.core.chat.strategies import registry

    return registry.labels()


def with_shortcut(tip: str, action: QAction) -> str:
    """A tooltip that names the action's shortcut, as the menus do."""
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    return f"{tip} ({keys})" if keys else tip


def profile_label(name: str) -> str:
    return {"team": tr("Team member"), "client": tr("Client")}.get(name, name)


class MainToolbar(QToolBar):
    def __init__(self, strategy: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainToolbar")
        self.setMovable(False)
        self.strategy_labels: dict[str, str] = {}
        self.available_strategies: list[str] | None = None  # None until the registry answered
        self.strategy_label = QLabel(self)
        self.strategy_combo = StrategyCombo(self)  # closed, a short label (strategy_combo.py)
        self.strategy_combo.addItem(strategy, strategy)  # the full list arrives in set_strategies()
        self.profile_label = QLabel(self)
        self.profile_combo = QComboBox(self)
        for name in PROFILES:
            self.profile_combo.addItem(name, name)
        self.offline_action = QAction(self)
        self.offline_action.setCheckable(True)
        self.badge = sb.StatusBadge(self)
        self.offline_action.toggled.connect(self.badge.set_offline_chosen)
        self.knowledge_action = QAction(self)
        self.generate_action = QAction(self)
        self.settings_action = QAction(self)
        self.health_action = QAction(self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.offline_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.knowledge_action.setShortcut(QKeySequence("Ctrl+K"))
        self.generate_action.setShortcut(QKeySequence("Ctrl+G"))
        self.health_action.setShortcut(QKeySequence("Ctrl+Shift+D"))
        for combo in (self.strategy_combo, self.profile_combo):
            # Never narrower than the chosen label (it was cut at 1024 px): see fit_captions for the room.
            combo.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.captions = [self.addWidget(self.strategy_label)]
        self.addWidget(self.strategy_combo)
        self.addSeparator()
        self.captions.append(self.addWidget(self.profile_label))
        self.addWidget(self.profile_combo)
        self.addSeparator()
        self.addAction(self.offline_action)
        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.addWidget(spacer)
        self.addWidget(self.badge)
        self.addSeparator()
        self.addAction(self.knowledge_action)
        self.addAction(self.generate_action)
        self.addAction(self.settings_action)
        self.retranslate()

    def set_strategies(self, labels: dict[str, str]) -> None:
        """Offer only the strategies this build has (a missing plugin removes just that one)."""
        self.strategy_labels = labels
        self.available_strategies = list(labels)
        wanted = self.strategy_combo.currentData()
        self.strategy_combo.blockSignals(True)
        self.strategy_combo.clear()
        for name, label in labels.items():  # in the registry's order
            self.strategy_combo.addItem(tr(label), name)
        index = self.strategy_combo.findData(wanted)
        self.strategy_combo.setCurrentIndex(index if index >= 0 else 0)
        self.strategy_combo.blockSignals(False)
        self.strategy_combo.set_short_labels()

    def chosen_strategy(self) -> str | None:
        """The selected strategy, or None (the router's default) while the available list is unknown."""
        name = self.strategy_combo.currentData()
        if self.available_strategies is None or name not in self.available_strategies:
            return None
        return str(name)

    def retranslate(self) -> None:
        self.strategy_label.setText(" " + tr("Strategy:") + " ")
        self.profile_label.setText(" " + tr("Profile:") + " ")
        for i in range(self.strategy_combo.count()):
            name = self.strategy_combo.itemData(i)
            self.strategy_combo.setItemText(i, tr(self.strategy_labels.get(name, name)))
        self.strategy_combo.set_short_labels()
        for i in range(self.profile_combo.count()):
            self.profile_combo.setItemText(i, profile_label(self.profile_combo.itemData(i)))
        self.strategy_combo.set_about(tr("How Claude and the local model work together on each answer"))
        self.strategy_combo.setAccessibleName(tr("Strategy"))
        self.profile_combo.setToolTip(
            tr("Who is chatting: a team member (warm colleague) or a client (professional tone)")
        )
        self.profile_combo.setAccessibleName(tr("Profile"))
        self.offline_action.setText(tr("Offline only"))
        self.offline_action.setToolTip(
            with_shortcut(
                tr("Answer with the local model only, without contacting Claude"), self.offline_action
            )
        )
        self.knowledge_action.setText(tr("Knowledge"))
        self.knowledge_action.setToolTip(
            with_shortcut(tr("Browse, edit and approve cultural insights"), self.knowledge_action)
        )
        self.generate_action.setText(tr("Generate…"))
        self.generate_action.setToolTip(
            with_shortcut(tr("Write new cultural insights with the local model"), self.generate_action)
        )
        self.settings_action.setText(tr("Settings…"))
        self.health_action.setText(tr("Check data…"))
        self.health_action.setToolTip(
            with_shortcut(
                tr("Check the conversations and the knowledge store, and repair them"), self.health_action
            )
        )
        self.settings_action.setToolTip(tr("API key, models, language and theme (Ctrl+,)"))

    def fit_captions(self) -> None:
        """A narrow window (1024 px in Italian or Indonesian) has no room for every item: the pickers'
        captions go first (each combo keeps its tooltip and accessible name), so the strategy's label and
        the tool buttons stay whole. Narrower still (the 820 px minimum with a long status badge), the combos
        may shrink and elide their label before Settings would move into Qt's » menu."""
        hidden = [self.widgetForAction(a) for a in self.captions if not a.isVisible()]
        layout = self.layout()
        spacing = layout.spacing() if layout is not None else 0
        full = self.sizeHint().width() + sum(w.sizeHint().width() + spacing for w in hidden if w is not None)
        fits = full <= self.width()
        for action in self.captions:
            if action.isVisible() != fits:
                action.setVisible(fits)
        captions = sum(
            w.sizeHint().width() + spacing
            for w in (self.widgetForAction(a) for a in self.captions)
            if w is not None
        )
        whole = full - (0 if fits else captions) <= self.width()
        policy = QSizePolicy.Policy.Minimum if whole else QSizePolicy.Policy.Preferred
        for combo in (self.strategy_combo, self.profile_combo):
            if combo.sizePolicy().horizontalPolicy() != policy:
                combo.setSizePolicy(policy, QSizePolicy.Policy.Fixed)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            self.fit_captions()  # the width changed, or a text did (a language switch, the badge)
        return handled

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
