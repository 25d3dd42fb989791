"""The organisation: its name, the parent organisation its policy names, its privacy officer and the
rules it chose (the Easter holiday it observes, the opt-out delay, the idle-lock delay)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QSpinBox, QVBoxLayout, QWizardPage

from desktop.domain.clinic_identity import (
    DEFAULT_IDLE_LOCK_MINUTES,
    IDLE_LOCK_RANGE,
    MAX_OPT_OUT_DELAY_DAYS,
    EasterHoliday,
    OrganisationDraft,
    validate_organisation,
)
from desktop.domain.errors import ValidationError
from ui.kit.retranslate import follow_language
from ui.setup.fields import LabelledFields, line_edit

__all__ = ["ORGANISATION_FIELDS", "OrganisationPage"]

ORGANISATION_FIELDS = (
    "organisation_name",
    "parent_name",
    "privacy_officer_name",
    "privacy_officer_title",
    "privacy_officer_contact",
    "easter_holiday",
    "opt_out_delay_days",
    "idle_lock_minutes",
)


class OrganisationPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("organisationPage")
        self.fields = LabelledFields(self)
        add = self.fields.add
        self.name = add("organisation_name", line_edit(self, 200))
        self.parent_name = add("parent_name", line_edit(self, 200))
        self.officer_name = add("privacy_officer_name", line_edit(self, 200))
        self.officer_title = add("privacy_officer_title", line_edit(self, 200))
        self.officer_contact = add("privacy_officer_contact", line_edit(self, 300))
        self.easter = QComboBox(self)
        for holiday in EasterHoliday:
            self.easter.addItem("", holiday)
        add("easter_holiday", self.easter)
        self.opt_out_delay = QSpinBox(self)
        self.opt_out_delay.setRange(1, MAX_OPT_OUT_DELAY_DAYS)
        self.opt_out_delay.setValue(MAX_OPT_OUT_DELAY_DAYS)
        add("opt_out_delay_days", self.opt_out_delay)
        self.idle_lock = QSpinBox(self)
        self.idle_lock.setRange(*IDLE_LOCK_RANGE)
        self.idle_lock.setValue(DEFAULT_IDLE_LOCK_MINUTES)
        add("idle_lock_minutes", self.idle_lock)
        self.note = QLabel(self)
        self.note.setObjectName("smallPrint")
        self.note.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(self.fields.layout)
        layout.addWidget(self.note)
        layout.addStretch(1)
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        self.setTitle(self.tr("The organisation"))
        self.setSubTitle(
            self.tr("Its name and its privacy officer appear on every document a client reads or signs.")
        )
        texts = (
            ("organisation_name", self.tr("Or&ganisation name"), self.tr("Organisation name")),
            ("parent_name", self.tr("Pa&rent organisation"), self.tr("Parent organisation")),
            ("privacy_officer_name", self.tr("Privacy &officer"), self.tr("Privacy officer's name")),
            ("privacy_officer_title", self.tr("Officer's &title"), self.tr("Privacy officer's title")),
            (
                "privacy_officer_contact",
                self.tr("How to rea&ch them"),
                self.tr("How to reach the privacy officer"),
            ),
            ("easter_holiday", self.tr("&Easter holiday"), self.tr("Easter holiday observed")),
            ("opt_out_delay_days", self.tr("Opt-out &delay"), self.tr("Opt-out processing delay")),
            ("idle_lock_minutes", self.tr("&Lock after"), self.tr("Idle-lock delay")),
        )
        for name, label, accessible in texts:
            self.fields.set_texts(name, label, accessible)
        self.parent_name.setPlaceholderText(self.tr("None (leave empty)"))
        self.officer_title.setPlaceholderText(self.tr("e.g. Clinic manager"))
        self.officer_contact.setPlaceholderText(self.tr("e.g. 418 555-0123 or privacy@clinic.ca"))
        labels = {
            EasterHoliday.GOOD_FRIDAY: self.tr("Good Friday"),
            EasterHoliday.EASTER_MONDAY: self.tr("Easter Monday"),
        }
        for index in range(self.easter.count()):
            self.easter.setItemText(index, labels[self.easter.itemData(index)])
        self.opt_out_delay.setSuffix(self.tr(" business days"))
        self.idle_lock.setSuffix(self.tr(" minutes without activity"))
        self.note.setText(
            self.tr(
                "The law allows at most {max} business days to act on an opt-out received by email or post; "
                "the clinic may choose less. Quebec employers observe either Good Friday or Easter Monday."
            ).format(max=MAX_OPT_OUT_DELAY_DAYS)
        )

    def draft(self) -> OrganisationDraft:
        return OrganisationDraft(
            name=self.name.text(),
            privacy_officer_name=self.officer_name.text(),
            privacy_officer_title=self.officer_title.text(),
            privacy_officer_contact=self.officer_contact.text(),
            parent_name=self.parent_name.text(),
            easter_holiday=self.easter.currentData(),
            opt_out_delay_days=self.opt_out_delay.value(),
            idle_lock_minutes=self.idle_lock.value(),
        )

    def show_error(self, error: ValidationError | None) -> None:
        self.fields.show_error(error)

    def validatePage(self) -> bool:
        try:
            validate_organisation(self.draft())
        except ValidationError as error:
            self.show_error(error)
            return False
        self.show_error(None)
        return True
