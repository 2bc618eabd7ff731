"""Start the desktop app: QApplication, crash handler, language, theme, then the main window.

Nothing here touches the store, the model or the network: the window must appear at once, and the first
run with no key must work offline straight away.
"""

from __future__ import annotations

import logging
import signal
import sys
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop.core import paths
from desktop.core.errors import SettingsError
from desktop.core.settings import Settings

if TYPE_CHECKING:
    from desktop.core.services import Services
    from desktop.gui.window.main_window import MainWindow
from desktop.gui import crash, i18n
from desktop.gui.widgets import localized_widgets, theme

ICON = i18n.HERE.parent / "icons" / "zantara.svg"


def setup_logging() -> None:
    root = logging.getLogger()
    if any(isinstance(h, RotatingFileHandler) for h in root.handlers):
        return
    handler = RotatingFileHandler(paths.log_dir() / "zantara-gui.log", maxBytes=1_000_000, backupCount=3)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def make_app(argv: list[str]) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv)
    app.setApplicationName("Zantara")
    app.setApplicationDisplayName("Zantara")
    app.setOrganizationName("Zantara")
    if ICON.exists():
        app.setWindowIcon(QIcon(str(ICON)))
    return app


def load_settings() -> tuple[Settings, str]:
    """Settings, or defaults plus a warning when the file is broken (the app must still open)."""
    try:
        settings = Settings.load()
    except SettingsError as exc:
        return Settings(), str(exc)
    return settings, " ".join(settings.problems)


def handle_sigint(parent: QObject, quit_app: Callable[[], object]) -> QTimer:
    """Ctrl-C in the terminal quits the app cleanly (windows close, workers are waited for).

    Python runs signal handlers only between bytecodes, and Qt's event loop runs in C++: a short timer gives
    the interpreter a moment every 200 ms, so the handler runs while the window is idle.
    """
    signal.signal(signal.SIGINT, lambda _signum, _frame: quit_app())
    timer = QTimer(parent)
    timer.timeout.connect(lambda: None)
    timer.start(200)
    return timer


def build_window(services: Services, *, warm_up: bool = True) -> MainWindow:
    """Apply language and theme from the settings and create the main window (tests use this too)."""
    from desktop.gui.window.main_window import MainWindow

    localized_widgets.install()  # Qt's standard buttons in our languages; drop-downs fit translated items
    i18n.set_language(services.settings.ui_language)
    theme.apply(services.settings.theme)
    return MainWindow(services, warm_up=warm_up)


def run(argv: list[str]) -> int:
    paths.make_private()  # before the log file and the databases are created
    setup_logging()
    app = make_app(argv)
    crash.install()
    from desktop.core.services import Services

    settings, warning = load_settings()
    services = Services(settings)
    window = build_window(services)
    handle_sigint(app, app.closeAllWindows)
    window.show()
    from desktop.core.health.backup import backup_if_due
    from desktop.gui.workers import run_in_background

    run_in_background(backup_if_due)  # the daily backup, off the GUI thread
    if warning:
        window.statusBar().showMessage(warning, 15000)
    code = app.exec()
    from desktop.gui.workers import wait_all

    wait_all(3000)
    return int(code)


if __name__ == "__main__":
    sys.exit(run(sys.argv))
