"""The two forms of the clinic settings: the organisation (identity and rules) and one site.

Each form only shows and reads what is typed; the core validates (``validate_organisation``,
``validate_site``) and its messages are shown under the field concerned, in the staff language.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QSpinBox, QWidget

from desktop.domain.business_days import EASTER_NAMES
from desktop.domain.clinic_identity import (
    IDLE_LOCK_RANGE,
    MAX_OPT_OUT_DELAY_DAYS,
    EasterHoliday,
    OrganisationDraft,
    OrganisationRecord,
    SiteDraft,
)
from desktop.domain.errors import ValidationError
from desktop.domain.records import ClinicRecord
from desktop.domain.retention import RETENTION_YEARS_MAX, RETENTION_YEARS_MIN
from ui.kit.forms import PROVINCES, InlineErrors, em, make_error_label
from ui.kit.i18n import current_language, format_phone
from ui.kit.retranslate import follow_language

__all__ = ["OrganisationForm", "SiteForm"]


class _Form(QWidget):
    """Rows of label, editor and the editor's problem underneath, in reading order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = InlineErrors()
        self._grid = QGridLayout(self)
        self._labels: dict[str, QLabel] = {}
        self._editors: dict[str, QWidget] = {}

    def _row(self, name: str, editor: QWidget) -> None:
        row = self._grid.rowCount()
        label = QLabel(self)
        label.setBuddy(editor)
        editor.setObjectName(name)
        error = make_error_label(self)
        self._grid.addWidget(label, row, 0)
        self._grid.addWidget(editor, row, 1)
        self._grid.addWidget(error, row + 1, 1)
        self._labels[name] = label
        self._editors[name] = editor
        self.errors.add(name, editor, error)

    def _line(self, name: str, max_length: int) -> QLineEdit:
        editor = QLineEdit(self)
        editor.setMaxLength(max_length)
        editor.setMinimumWidth(em(editor, 30))
        self._row(name, editor)
        return editor

    def _set_labels(self, titles: dict[str, str]) -> None:
        for name, title in titles.items():
            self._labels[name].setText(title)
            self._editors[name].setAccessibleName(title.replace("&", "").rstrip(" :\u00a0"))

    def editor(self, name: str) -> QWidget:
        return self._editors[name]

    def inputs(self) -> list[QWidget]:
        return list(self._editors.values())

    def show_problems(self, error: ValidationError | None) -> QWidget | None:
        """The core's messages under their fields (kept in the staff language); the first to correct."""
        first = self.errors.show_error(error)
        if first is not None:
            first.setFocus()
        return first


class OrganisationForm(_Form):
    """The organisation's name, parent, privacy officer, Easter holiday, opt-out and idle-lock delays, and
    the retention rule (files reviewed so many years after the last contact)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = self._line("organisation_name", 200)
        self.parent_name = self._line("parent_name", 200)
        self.officer_name = self._line("privacy_officer_name", 200)
        self.officer_title = self._line("privacy_officer_title", 200)
        self.officer_contact = self._line("privacy_officer_contact", 300)
        self.easter = QComboBox(self)
        for holiday in EasterHoliday:
            self.easter.addItem("", holiday)
        self._row("easter_holiday", self.easter)
        # The ranges are the core's: the law's 10 business days at most, the idle lock's bounds.
        self.opt_out_delay = QSpinBox(self)
        self.opt_out_delay.setRange(1, MAX_OPT_OUT_DELAY_DAYS)
        self._row("opt_out_delay_days", self.opt_out_delay)
        self.idle_lock = QSpinBox(self)
        self.idle_lock.setRange(*IDLE_LOCK_RANGE)
        self._row("idle_lock_minutes", self.idle_lock)
        self.retention_years = QSpinBox(self)
        self.retention_years.setRange(RETENTION_YEARS_MIN, RETENTION_YEARS_MAX)
        self.retention_years.valueChanged.connect(lambda _years: self._say_retention_years())
        self._row("retention_years", self.retention_years)
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        """Every word in the staff language; what is typed and chosen stays."""
        self._set_labels(
            {
                "organisation_name": self.tr("Organisation &name:"),
                "parent_name": self.tr("&Parent organisation (empty if none):"),
                "privacy_officer_name": self.tr("Privacy &officer:"),
                "privacy_officer_title": self.tr("Officer's &title:"),
                "privacy_officer_contact": self.tr("How to &reach the officer:"),
                "easter_holiday": self.tr("&Easter holiday observed:"),
                "opt_out_delay_days": self.tr("Opt-out &delay (business days, at most {max}):").format(
                    max=MAX_OPT_OUT_DELAY_DAYS
                ),
                "idle_lock_minutes": self.tr("&Lock the screen after (minutes idle):"),
                "retention_years": self.tr("Review &files:"),
            }
        )
        self._say_retention_years()
        language = current_language()
        for index in range(self.easter.count()):
            words = EASTER_NAMES[EasterHoliday(self.easter.itemData(index))].get(language)
            self.easter.setItemText(index, words[:1].upper() + words[1:])

    def _say_retention_years(self) -> None:
        """The rule read whole: « Réviser les dossiers : 7 ans après le dernier contact »."""
        years = self.retention_years.value()
        self.retention_years.setSuffix(
            self.tr(" year after the last contact")
            if years == 1
            else self.tr(" years after the last contact")
        )
        self.retention_years.setAccessibleName(
            self.tr("Review files {years} years after the last contact").format(years=years)
        )

    def set_record(self, record: OrganisationRecord) -> None:
        self.name.setText(record.name)
        self.parent_name.setText(record.parent_name)
        self.officer_name.setText(record.privacy_officer_name)
        self.officer_title.setText(record.privacy_officer_title)
        self.officer_contact.setText(record.privacy_officer_contact)
        self.easter.setCurrentIndex(self.easter.findData(record.easter_holiday))
        self.opt_out_delay.setValue(record.opt_out_delay_days)
        self.idle_lock.setValue(record.idle_lock_minutes)
        self.retention_years.setValue(record.retention_years)
        for editor in (
            self.name,
            self.parent_name,
            self.officer_name,
            self.officer_title,
            self.officer_contact,
        ):
            editor.setCursorPosition(0)  # the beginning of a long value shows, not its end

    def draft(self) -> OrganisationDraft:
        return OrganisationDraft(
            name=self.name.text(),
            parent_name=self.parent_name.text(),
            privacy_officer_name=self.officer_name.text(),
            privacy_officer_title=self.officer_title.text(),
            privacy_officer_contact=self.officer_contact.text(),
            easter_holiday=EasterHoliday(self.easter.currentData()),
            opt_out_delay_days=self.opt_out_delay.value(),
            idle_lock_minutes=self.idle_lock.value(),
            retention_years=self.retention_years.value(),
        )


def _site_draft(record: ClinicRecord) -> SiteDraft:
    return SiteDraft(
        record.name,
        record.street,
        record.city,
        record.postal_code,
        # The extension shown with its number (where it is typed), read back apart when saved.
        format_phone(record.phone, record.phone_extension) if record.phone_extension else record.phone,
        record.email,
        record.province,
    )


class SiteForm(_Form):
    """One clinic (site): its name, address, phone and email."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.site_name = self._line("site_name", 200)
        self.street = self._line("street", 200)
        self.city = self._line("city", 100)
        self.province = QComboBox(self)
        self.province.addItems(PROVINCES)
        self._row("province", self.province)
        self.postal_code = self._line("postal_code", 10)
        self.phone = self._line("phone", 40)
        self.email = self._line("email", 254)
        # What the form held when it was last filled: typing that differs is unsaved work.
        self._shown = self.draft()
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        self._set_labels(
            {
                "site_name": self.tr("Clinic &name:"),
                "street": self.tr("&Street:"),
                "city": self.tr("&City:"),
                "province": self.tr("&Province:"),
                "postal_code": self.tr("Postal &code:"),
                "phone": self.tr("&Phone:"),
                "email": self.tr("&Email:"),
            }
        )

    def set_site(self, record: ClinicRecord | None) -> None:
        """Fill the form with ``record``; None empties it for a new site."""
        draft = _site_draft(record) if record is not None else SiteDraft("", "", "", "", "", "")
        fields: list[tuple[QLineEdit, str]] = [
            (self.site_name, draft.name),
            (self.street, draft.street),
            (self.city, draft.city),
            (self.postal_code, draft.postal_code),
            (self.phone, draft.phone),
            (self.email, draft.email),
        ]
        for editor, value in fields:
            editor.setText(value)
        self.province.setCurrentIndex(max(0, self.province.findText(draft.province)))
        self.errors.clear()
        self._shown = self.draft()

    def draft(self) -> SiteDraft:
        return SiteDraft(
            name=self.site_name.text(),
            street=self.street.text(),
            city=self.city.text(),
            postal_code=self.postal_code.text(),
            phone=self.phone.text(),
            email=self.email.text(),
            province=self.province.currentText(),
        )

    def is_changed(self) -> bool:
        return self.draft() != self._shown
