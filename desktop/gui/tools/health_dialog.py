"""Tools ▸ Check data…: runs the same check (and repair) as `zantara doctor` in a worker and shows its report."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from desktop.core.services import Services
from desktop.gui.i18n import tr
from desktop.gui.texts.core_text import localize
from desktop.gui.workers import run_in_background


class HealthDialog(QDialog):
    report_ready = Signal(object)  # the doctor's report (dict), after a check or a repair

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.report: dict[str, Any] = {}
        self.setWindowTitle(tr("Check data"))
        self.resize(640, 360)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(tr("Check report"))
        self.check_button = QPushButton(tr("Check again"), self)
        self.repair_button = QPushButton(tr("Repair"), self)
        self.repair_button.setEnabled(False)
        self.close_button = QPushButton(tr("Close"), self)
        row = QHBoxLayout()
        row.addWidget(self.check_button)
        row.addWidget(self.repair_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.text, 1)
        layout.addLayout(row)
        self.check_button.clicked.connect(self.check)
        self.repair_button.clicked.connect(self.repair)
        self.close_button.clicked.connect(self.close)

    def check(self) -> None:
        self._start(repair=False)

    def repair(self) -> None:
        self._start(repair=True)

    def _start(self, repair: bool) -> None:
        from desktop.core.health import doctor

        self.check_button.setEnabled(False)
        self.repair_button.setEnabled(False)
        self.summary.setText(tr("Repairing…") if repair else tr("Checking…"))
        if repair:  # the repair replaces files the window's components hold open
            self.services.reset("store", "conversations", "router")
        run_in_background(lambda: doctor.run(repair=repair), self._done, self._failed, long=True)

    def _done(self, report: dict[str, Any]) -> None:
        from desktop.core.health import doctor

        self.report = report
        self.summary.setText(tr("Everything is fine.") if report["ok"] else tr("Problems found."))
        self.text.setPlainText("\n".join(localize(line) for line in doctor.describe(report)))
        self.check_button.setEnabled(True)
        self.repair_button.setEnabled(not report["ok"])
        self.report_ready.emit(report)

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText(tr("The check failed: {err}").format(err=localize(str(exc))))
        self.check_button.setEnabled(True)
        self.report_ready.emit({"ok": False, "problems": [], "error": str(exc)})
