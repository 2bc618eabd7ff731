"""The dialog manager: opens each tool window once (settings, knowledge, data check, generation, jobs, about).
Their long work runs as jobs of the window's JobManager (``gui/jobs.py``), which outlive them. A new panel is one ``open_*`` method here plus an
action in the window (docs/architecture.md, "Add a panel")."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.gui.i18n import tr

if TYPE_CHECKING:
    from desktop.core.services import Services
    from desktop.gui.jobs import JobManager
    from desktop.gui.tools.document_watch import DocumentWatch


class DialogManager(QObject):
    """Gets what the tool windows need (the services, the window's jobs, where saved settings go), not the
    window: the tool windows are parented to ``parent`` and know nothing of its layout."""

    def __init__(
        self,
        parent: QWidget,
        services: Services,
        jobs: JobManager,
        settings_saved: Callable[[set[str]], None],
        document_watch: DocumentWatch | None = None,
    ) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.services = services
        self.job_manager = jobs
        self.document_watch = document_watch
        self._settings_saved = settings_saved
        self.open_dialogs: dict[str, QWidget] = {}

    def settings(self) -> None:
        from desktop.gui.tools.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.services, self.parent_widget)
        dialog.saved.connect(self._settings_saved)
        self.open_dialogs["settings"] = dialog
        dialog.open()

    def knowledge(self) -> None:
        from desktop.gui.tools.knowledge_browser import KnowledgeBrowser

        browser = self.open_dialogs.get("knowledge")
        if browser is None:
            browser = KnowledgeBrowser(self.services, self.parent_widget)
            browser.generate_requested.connect(self.generate)
            self.open_dialogs["knowledge"] = browser
        browser.show()
        browser.raise_()
        browser.activateWindow()

    def health(self) -> None:
        from desktop.gui.tools.health_dialog import HealthDialog

        dialog = self.open_dialogs.get("health")
        if not isinstance(dialog, HealthDialog):
            dialog = HealthDialog(self.services, self.parent_widget)
            self.open_dialogs["health"] = dialog
        dialog.show()
        dialog.raise_()
        dialog.check()

    def generate(self) -> None:
        from desktop.gui.tools.generate_dialog import GenerateDialog

        dialog = self.open_dialogs.get("generate")
        if dialog is None or not dialog.isVisible():
            # the knowledge browser reloads through app_events().data_changed when the run adds insights
            dialog = GenerateDialog(self.services, self.parent_widget)
            self.open_dialogs["generate"] = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def about(self) -> None:
        from desktop import __version__

        QMessageBox.about(
            self.parent_widget,
            tr("About Zantara"),
            "<h3>Zantara Desktop "
            + __version__
            + "</h3><p>"
            + tr(
                "Claude's brain, LLaMA's soul: a local-first assistant for visas, business and life in Bali."
            )
            + "</p>",
        )

    def jobs(self) -> None:
        """The Jobs panel: generation runs, downloads and imports, running or ended (gui/window/jobs_panel.py)."""
        from desktop.gui.window.jobs_panel import JobsDialog

        dialog = self.open_dialogs.get("jobs")
        if not isinstance(dialog, JobsDialog):
            dialog = JobsDialog(self.job_manager, self.parent_widget)
            self.open_dialogs["jobs"] = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def documents(self) -> None:
        """The team's documents (gui/tools/documents_page.py); adding them runs as a job of the window."""
        from desktop.gui.tools.documents_page import DocumentsDialog

        dialog = self.open_dialogs.get("documents")
        if not isinstance(dialog, DocumentsDialog):
            dialog = DocumentsDialog(
                self.services, self.job_manager, self.parent_widget, watch=self.document_watch
            )
            self.open_dialogs["documents"] = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def close_all(self) -> None:
        """Called when the main window closes. Long jobs are not the tool windows' to stop: the window asked
        about them first (``jobs_panel.confirm_quit``) and the JobManager cancelled them."""
        jobs = self.open_dialogs.get("jobs")
        if jobs is not None:
            jobs.close()
