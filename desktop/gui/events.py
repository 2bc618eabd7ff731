"""App-wide events, one object per application (Anki's ``operation_did_execute`` idea).

Views do not wire themselves to each other by hand: whoever changes data says so with
``app_events().data_changed.emit(CONVERSATIONS)`` (or ``INSIGHTS``), and every view showing that data refreshes.
Settings changes made anywhere (``Settings.update``: the dialog, the toolbar, a worker) arrive as
``settings_changed`` on the GUI thread through :func:`bridge_settings`.

Connect these signals to methods of a QObject (a widget), never to bare lambdas: Qt then delivers an emission
from a worker thread on the receiver's (GUI) thread, and forgets the connection when the widget is destroyed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop.core.settings import Settings

CONVERSATIONS = "conversations"  # a conversation or message was added, renamed, deleted
INSIGHTS = "insights"  # cultural insights were added, edited, approved or deleted


class AppEvents(QObject):
    data_changed = Signal(str)  # CONVERSATIONS or INSIGHTS
    settings_changed = Signal(object)  # set of changed setting names


_events: AppEvents | None = None


def app_events() -> AppEvents:
    """The application's event hub (created on first use, owned by the QApplication)."""
    global _events
    if _events is None:
        _events = AppEvents(QCoreApplication.instance())
        _events.destroyed.connect(_forget)
    return _events


def _forget() -> None:
    global _events
    _events = None


def bridge_settings(settings: Settings) -> Callable[[], None]:
    """Re-emit every change of ``settings`` as ``settings_changed``; returns the unsubscribe function."""
    events = app_events()
    return settings.subscribe(lambda changed: events.settings_changed.emit(set(changed)))
