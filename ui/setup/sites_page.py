"""The organisation's clinics (sites): at least one, each with its address and how clients reach it, and
the one this workstation is at."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from desktop.domain.clinic_identity import SiteDraft, validate_site
from desktop.domain.errors import FieldError, ValidationError
from ui.kit.retranslate import follow_language
from ui.setup.fields import LabelledFields, line_edit

__all__ = ["SetupSiteForm", "SitesPage", "site_errors"]


def site_errors(error: ValidationError) -> dict[int, ValidationError]:
    """The set-up's ``site2.phone`` problems, by site number (1 first), named as one site's form names them."""
    found: dict[int, list[FieldError]] = {}
    for problem in error.errors:
        site, _, inner = problem.field.partition(".")
        if inner and site.startswith("site") and site[4:].isdigit():
            found.setdefault(int(site[4:]), []).append(FieldError(inner, problem.code, problem.params))
    return {number: ValidationError(problems) for number, problems in found.items()}


class SetupSiteForm(QGroupBox):
    """One clinic's name, address, phone and email."""

    removed = Signal(object)
    renamed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("siteForm")
        self.fields = LabelledFields(self)
        add = self.fields.add
        self.name = add("site_name", line_edit(self, 200))
        self.street = add("street", line_edit(self, 200))
        self.city = add("city", line_edit(self, 100))
        self.postal_code = add("postal_code", line_edit(self, 7))
        self.phone = add("phone", line_edit(self, 40))
        self.email = add("email", line_edit(self, 254))
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("removeSite")
        self.remove_button.clicked.connect(lambda: self.removed.emit(self))
        self.name.textChanged.connect(lambda _text: self.renamed.emit())
        layout = QVBoxLayout(self)
        layout.addLayout(self.fields.layout)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.remove_button)
        layout.addLayout(row)
        self.number = 1
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Clinic {number}").format(number=self.number))
        texts = (
            ("site_name", self.tr("Clinic &name"), self.tr("Clinic name")),
            ("street", self.tr("Street &address"), self.tr("Street address")),
            ("city", self.tr("Cit&y"), self.tr("City")),
            ("postal_code", self.tr("P&ostal code"), self.tr("Postal code")),
            ("phone", self.tr("&Phone"), self.tr("Phone")),
            ("email", self.tr("E&mail"), self.tr("Email")),
        )
        for name, label, accessible in texts:
            self.fields.set_texts(name, label, accessible)
        self.postal_code.setPlaceholderText(self.tr("H2X 3Y7"))
        self.phone.setPlaceholderText(self.tr("418 555-0123"))
        self.email.setPlaceholderText(self.tr("reception@clinic.ca"))
        self.remove_button.setText(self.tr("Remove this clinic"))

    def set_number(self, number: int) -> None:
        self.number = number
        self.retranslate()

    def draft(self) -> SiteDraft:
        return SiteDraft(
            name=self.name.text(),
            street=self.street.text(),
            city=self.city.text(),
            postal_code=self.postal_code.text(),
            phone=self.phone.text(),
            email=self.email.text(),
        )

    def show_error(self, error: ValidationError | None) -> QWidget | None:
        return self.fields.show_error(error)


class SitesPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("sitesPage")
        self.forms: list[SetupSiteForm] = []
        self._holder = QWidget(self)
        self._column = QVBoxLayout(self._holder)
        self._column.setContentsMargins(0, 0, 0, 0)
        # The clinics keep their full height and the area scrolls (the error lines' word wrap would
        # otherwise let the scroll area squeeze them).
        self._column.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self._column.addStretch(1)
        self.scroller = QScrollArea(self)
        self.scroller.setWidgetResizable(True)
        self.scroller.setWidget(self._holder)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("addSite")
        self.add_button.clicked.connect(self.add_site)
        self.workstation_site = QComboBox(self)
        self.workstation_site.setObjectName("workstationSite")
        self.workstation_label = QLabel(self)
        self.workstation_label.setBuddy(self.workstation_site)
        here = QFormLayout()
        here.addRow(self.workstation_label, self.workstation_site)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.scroller, 1)
        layout.addLayout(buttons)
        layout.addLayout(here)
        self.add_site()
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        self.setTitle(self.tr("The clinics"))
        self.setSubTitle(
            self.tr(
                "Each clinic of the organisation, as clients find it. Several clinics share one database."
            )
        )
        self.add_button.setText(self.tr("&Add a clinic"))
        self.workstation_label.setText(self.tr("This &workstation is at"))
        self.workstation_site.setAccessibleName(self.tr("The clinic this workstation is at"))
        self._list_sites()

    # ------------------------------------------------------------ the list

    def add_site(self) -> SetupSiteForm:
        form = SetupSiteForm(self._holder)
        form.removed.connect(self.remove_site)
        form.renamed.connect(self._list_sites)
        self._column.insertWidget(len(self.forms), form)
        self.forms.append(form)
        self._renumber()
        if len(self.forms) > 1:
            form.name.setFocus()
            self.scroller.ensureWidgetVisible(form)
        return form

    def remove_site(self, form: SetupSiteForm) -> None:
        if len(self.forms) == 1 or form not in self.forms:
            return
        chosen = self.workstation_site.currentIndex()
        index = self.forms.index(form)
        self.forms.remove(form)
        form.hide()
        form.deleteLater()
        self._renumber()
        if chosen > index:
            chosen -= 1
        self.workstation_site.setCurrentIndex(min(max(chosen, 0), len(self.forms) - 1))

    def _renumber(self) -> None:
        for number, form in enumerate(self.forms, start=1):
            form.set_number(number)
            form.remove_button.setEnabled(len(self.forms) > 1)
        self._list_sites()

    def _list_sites(self) -> None:
        chosen = max(self.workstation_site.currentIndex(), 0)
        self.workstation_site.blockSignals(True)
        self.workstation_site.clear()
        for form in self.forms:
            name = form.name.text().strip()
            title = self.tr("Clinic {number}").format(number=form.number)
            self.workstation_site.addItem(f"{title} — {name}" if name else title)
        self.workstation_site.setCurrentIndex(min(chosen, len(self.forms) - 1))
        self.workstation_site.blockSignals(False)

    # ------------------------------------------------------------ values and problems

    def drafts(self) -> tuple[SiteDraft, ...]:
        return tuple(form.draft() for form in self.forms)

    @property
    def workstation_index(self) -> int:
        """Which of the clinics (0 first) this workstation is at."""
        return max(self.workstation_site.currentIndex(), 0)

    def show_errors(self, by_site: Mapping[int, ValidationError]) -> None:
        first: QWidget | None = None
        for number, form in enumerate(self.forms, start=1):
            editor = form.show_error(by_site.get(number))
            if editor is not None and first is None:
                first = editor
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            self.scroller.ensureWidgetVisible(first)

    def validatePage(self) -> bool:
        problems: dict[int, ValidationError] = {}
        for number, form in enumerate(self.forms, start=1):
            try:
                validate_site(form.draft())
            except ValidationError as error:
                problems[number] = error
        self.show_errors(problems)
        return not problems
