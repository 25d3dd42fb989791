"""Everything the set-up will write, to read once more before Finish."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWizardPage

from desktop.domain.clinic_identity import EasterHoliday, OrganisationDraft, SiteDraft
from desktop.domain.records import PolicyDraft
from ui.kit.i18n import format_date
from ui.kit.retranslate import follow_language

__all__ = ["Overview", "SummaryPage"]


@dataclass(frozen=True)
class Overview:
    """What the pages hold, as the summary shows it."""

    where: str
    organisation: OrganisationDraft
    sites: tuple[SiteDraft, ...]
    workstation_index: int
    policy: PolicyDraft
    manager: str


class SummaryPage(QWizardPage):
    """Its ``validatePage`` is the wizard's: Finish leads on only once the set-up has been written."""

    def __init__(self, finish: Callable[[], bool]) -> None:
        super().__init__()
        self.setObjectName("summaryPage")
        self._finish = finish
        self._busy = False
        self._overview: Callable[[], Overview | None] = lambda: None
        self.text = QLabel(self)
        self.text.setObjectName("setupSummary")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.text)
        self.message = QLabel(self)
        self.message.setObjectName("formMessage")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        follow_language(self, self.retranslate)

    def set_source(self, overview: Callable[[], Overview | None]) -> None:
        self._overview = overview

    def initializePage(self) -> None:
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Summary"))
        self.setSubTitle(self.tr("Check everything, then press Finish: the set-up is written all at once."))
        overview = self._overview()
        if overview is None:
            self.text.clear()
            return
        organisation, policy = overview.organisation, overview.policy
        easter = {
            EasterHoliday.GOOD_FRIDAY: self.tr("Good Friday"),
            EasterHoliday.EASTER_MONDAY: self.tr("Easter Monday"),
        }
        rows = [
            (self.tr("Data"), overview.where),
            (self.tr("Organisation name"), organisation.name),
            (self.tr("Parent organisation"), organisation.parent_name or self.tr("None")),
            (
                self.tr("Privacy officer"),
                f"{organisation.privacy_officer_name}, {organisation.privacy_officer_title} — "
                f"{organisation.privacy_officer_contact}",
            ),
            (self.tr("Easter holiday"), easter.get(EasterHoliday(organisation.easter_holiday), "")),
            (
                self.tr("Opt-out delay"),
                self.tr("{days} business days").format(days=organisation.opt_out_delay_days),
            ),
            (
                self.tr("Lock after"),
                self.tr("{minutes} minutes without activity").format(minutes=organisation.idle_lock_minutes),
            ),
        ]
        for number, site in enumerate(overview.sites, start=1):
            title = self.tr("Clinic {number}").format(number=number)
            if number - 1 == overview.workstation_index:
                title = self.tr("{clinic} (this workstation)").format(clinic=title)
            address = f"{site.street}, {site.city} {site.postal_code}"
            rows.append((title, f"{site.name} — {address} — {site.phone} — {site.email}"))
        rows += [
            (self.tr("Policy in force from"), format_date(policy.effective_date)),
            (
                self.tr("Policy texts"),
                self.tr("French {fr} characters, English {en} characters; summaries {sfr} and {sen}").format(
                    fr=len(policy.text_fr),
                    en=len(policy.text_en),
                    sfr=len(policy.summary_fr),
                    sen=len(policy.summary_en),
                ),
            ),
            (self.tr("First manager"), overview.manager),
        ]
        cells = "".join(
            f"<tr><td style='padding-right:1em'><b>{escape(label)}</b></td><td>{escape(value)}</td></tr>"
            for label, value in rows
        )
        self.text.setText(f"<table>{cells}</table>")

    # ------------------------------------------------------------ Finish

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self._busy

    def validatePage(self) -> bool:
        return self._finish()
