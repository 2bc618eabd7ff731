"""First start offline: offer the one local model that fits this laptop, where a new user meets the gap.

With no key and only the bundled model (it cannot write Indonesian or Italian), plain visa questions got answers
made only of cultural notes, and the fix (Settings → Models) was left for the user to find. The offer sits in the
"no key" banner and under the first offline answer: the model that suits this laptop's cores, RAM and the team's
languages (``catalog.suggest_for_laptop``), its size and licence, and one button. Nothing is downloaded before
that click; the download is a job of the window (``gui/jobs.py``), so it goes on when the offer is gone, and the
model it installs becomes the offline answers' model.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from desktop.core.cancel import CancelToken
from desktop.core.models.catalog import Suggestion
from desktop.gui.i18n import tr
from desktop.gui.jobs import Job
from desktop.gui.texts.core_text import compact, number
from desktop.gui.workers import run_in_background

if TYPE_CHECKING:
    from desktop.core.services import Services
    from desktop.gui.chat.chat_view import MessageBubble
    from desktop.gui.jobs import JobManager
    from desktop.gui.window.connection_monitor import Banner

log = logging.getLogger(__name__)


def suggestion_text(s: Suggestion) -> str:
    """Why this model, in figures the user can check (Settings → Models)."""
    return tr(
        "Suggested for this laptop ({cores} cores, {ram} GB RAM): {title}. It writes Indonesian, Italian and "
        "English at about {speed} tokens/s here; larger models would be too slow on {cores} cores."
    ).format(cores=s.cores, ram=compact(s.ram_gb), title=s.model.title, speed=compact(s.tokens_per_s))


def offer_text(s: Suggestion) -> str:
    return tr(
        "Offline answers in Indonesian, Italian and English need a bigger local model. This laptop can run "
        "{title} ({size} GB download, licence: {licence})."
    ).format(title=s.model.title, size=number(s.model.size_bytes / 1e9, 1), licence=s.model.license)


def short_offer_text(s: Suggestion) -> str:
    return tr("Offline answers in your languages: {title}, {size} GB, licence: {licence}.").format(
        title=s.model.title, size=number(s.model.size_bytes / 1e9, 1), licence=s.model.license
    )


def find_offer(services: Services) -> Suggestion | None:
    """The model to offer, or None when there is nothing to offer (blocking: a worker calls it): the offline
    answers already have a model of the user's choice, or the suggested one is installed."""
    from desktop.core.models.catalog import laptop, suggest_for_laptop

    if services.settings.model_for_role("offline_answers"):
        return None
    suggestion = suggest_for_laptop(*laptop())
    if suggestion is None:
        return None
    installed = {entry.path.name for entry in services.registry.list(with_metadata=False)}
    return None if suggestion.model.file in installed else suggestion


class ModelOffer(QWidget):
    """One sentence, the download button and its progress; shown in the banner and under an answer."""

    download = Signal()
    ROOM = 560  # the compact form (the banner's) shows only where its row has this much width

    def __init__(self, suggestion: Suggestion, parent: QWidget | None = None, compact: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("modelOffer")
        self.suggestion = suggestion
        self.compact = compact
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.button = QPushButton(self)
        self.button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.button.clicked.connect(self.download)
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.state.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        if compact:  # one row: the sentence, then the button
            row.addWidget(self.label, 1)
        row.addWidget(self.button)
        row.addWidget(self.state, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        if not compact:
            layout.addWidget(self.label)
        layout.addLayout(row)
        self.retranslate()

    def retranslate(self) -> None:
        s = self.suggestion
        self.label.setText(short_offer_text(s) if self.compact else offer_text(s))
        self.label.setToolTip(suggestion_text(s))
        self.button.setToolTip(suggestion_text(s))
        size = number(s.model.size_bytes / 1e9, 1)
        self.button.setText(tr("Download") if self.compact else tr("Download ({size} GB)").format(size=size))
        self.button.setAccessibleName(tr("Download the suggested model"))

    def show_job(self, job: Job) -> None:
        self.button.setEnabled(not job.active and job.state != "done")
        self.state.setVisible(True)
        if job.active:
            self.state.setText(tr("Downloading… {percent}").format(percent=f"{(job.fraction or 0):.0%}"))
        else:
            self.state.setText(job.summary)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class OfferController(QObject):
    """Places the offer in the banner and under the first offline answer, and runs its download job."""

    def __init__(self, services: Services, banner: Banner, jobs: JobManager, parent: QObject) -> None:
        """Main window wires ``answer_finished`` to :meth:`answer_finished` (the first offline answer)."""
        super().__init__(parent)
        self.services, self.banner, self.jobs = services, banner, jobs
        self.suggestion: Suggestion | None = None
        self.offers: list[ModelOffer] = []
        self.job: Job | None = None
        self.answered_offline = False
        jobs.progress.connect(self._job_changed)
        jobs.finished.connect(self._job_changed)
        jobs.failed.connect(self._job_changed)

    def start(self) -> None:
        services = self.services
        run_in_background(
            lambda: find_offer(services), self._found, lambda exc: log.warning("model offer: %s", exc)
        )

    def _found(self, suggestion: Suggestion | None) -> None:
        self.suggestion = suggestion
        if suggestion is None:
            return
        banner = self.banner
        offer = self._make(banner, compact=True)
        banner.grid.addWidget(offer, 2, 0, 1, 3)
        banner.extra_stops.append(offer.button)
        QWidget.setTabOrder(banner.close_button, offer.button)  # Tab reads the banner row by row
        banner.installEventFilter(
            self
        )  # the offer shows where the banner has room (a narrow one stays short)
        offer.setVisible(banner.width() >= ModelOffer.ROOM)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.banner and event.type() == QEvent.Type.Resize:
            for offer in self.offers:
                if offer.compact:
                    offer.setVisible(self.banner.width() >= ModelOffer.ROOM)
        return False

    def _make(self, parent: QWidget, compact: bool = False) -> ModelOffer:
        assert self.suggestion is not None
        offer = ModelOffer(self.suggestion, parent, compact)
        offer.download.connect(self.download)
        if self.job is not None:
            offer.show_job(self.job)
        self.offers.append(offer)
        offer.destroyed.connect(lambda _o=None, ref=offer: self._forget(ref))
        return offer

    def _forget(self, offer: ModelOffer) -> None:
        if offer in self.offers:
            self.offers.remove(offer)

    def answer_finished(self, bubble: MessageBubble) -> None:
        """The first offline answer of this window gets the offer under its text."""
        offline = bubble.trace is not None and bubble.trace.mode == "offline"
        if self.suggestion is None or self.answered_offline or not offline:
            return
        if self.job is not None and self.job.state == "done":
            return
        self.answered_offline = True
        layout = bubble.layout()
        if not isinstance(layout, QVBoxLayout):
            return
        offer = self._make(bubble)
        layout.insertWidget(layout.indexOf(bubble.note) + 1, offer)
        bubble.extra_stops.append(offer.button)
        anchor = bubble.copy_button.previousInFocusChain()
        if anchor is not None:  # Tab reaches the offer where it is laid out: above Copy
            QWidget.setTabOrder(anchor, offer.button)
            QWidget.setTabOrder(offer.button, bubble.copy_button)

    def download(self) -> None:
        """The user's click: download the suggested model as a job and make it the offline answers' model."""
        if self.suggestion is None or (self.job is not None and self.job.active):
            return
        from desktop.core.models import catalog
        from desktop.gui.tools.models_page import ModelsPage

        item, services, token = self.suggestion.model, self.services, CancelToken()

        def work(report: Any) -> Any:
            entry = catalog.install(
                item.repo_id,
                item.file,
                name=item.name,
                registry=services.registry,
                progress=report,
                cancel=token,
            )
            services.settings.update(model_offline_answers=entry.name)
            return entry

        def summarize(job: Job) -> str:
            if job.error is not None:
                return str(job.error)
            if job.state == "cancelled":
                return tr("Download cancelled.")
            return tr("{title} is installed: it writes the offline answers now.").format(title=item.title)

        self.job = self.jobs.start(
            "download",
            tr("Download {title}").format(title=item.title),
            work,
            token=token,
            describe=lambda p: (p.fraction, ModelsPage.progress_line(p)),
            summarize=summarize,
        )
        self._job_changed(self.job)

    def _job_changed(self, job: Job) -> None:
        if job is not self.job:
            return
        for offer in self.offers:
            offer.show_job(job)
