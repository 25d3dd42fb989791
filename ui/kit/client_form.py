"""The client form: every field of a client file, each with its own error line; used to create and to edit.

The health insurance number is shown in full (the file is for staff); what in it does not agree with the
name, the date of birth or the sex at birth, and a card past its expiry, is said beside it in the staff
language, as a warning: the file is saved anyway."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.domain.dates import DATE_FORMS, UnreadableDateError, parse_date, read_date
from desktop.domain.enums import Language
from desktop.domain.errors import FieldError, ValidationError
from desktop.domain.nam import (
    SexAtBirth,
    encoded_sex,
    expiry_warning,
    format_card_expiry,
    format_nam,
    is_well_formed,
    nam_warnings,
    normalise_nam,
    parse_card_expiry,
)
from desktop.domain.phones import MAX_PHONES
from desktop.domain.records import ClientDraft
from desktop.domain.validation import MAX_CITY, MAX_EMAIL, MAX_NAME, MAX_STREET, phone_field, validate_client
from ui.kit.forms import PROVINCES, InlineErrors, chain_tab_order, make_error_label
from ui.kit.i18n import current_language, format_date, format_date_long, format_phone, language_label
from ui.kit.phone_list import PhoneList, kind_label
from ui.kit.retranslate import follow_language

__all__ = ["CLIENT_FIELDS", "ClientForm", "client_field_titles", "client_field_values"]

# Every row of the phone list has its own error line under these names.
_PHONE_FIELDS = tuple(phone_field(index) for index in range(MAX_PHONES))


class ClientForm(QWidget):
    """Every field of a client file, each with its own error line. Used to create and to edit."""

    edited = Signal()
    """The person changed something (not emitted when the form is filled by the program)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clientForm")
        self.errors = InlineErrors()
        # Problems the window finds itself (a date or an expiry it cannot read), by field.
        self._unreadable: dict[str, FieldError] = {}
        # The problems shown, until each field is corrected.
        self._problems: list[FieldError] = []

        self.last_name = self._line_edit(MAX_NAME)
        self.first_name = self._line_edit(MAX_NAME)
        self._titles: dict[str, QLabel] = {}
        self.date_of_birth = self._line_edit(10)
        # The date as understood, in words, under what is typed: a day read the wrong way shows.
        self.date_understood = QLabel(self)
        self.date_understood.setObjectName("dateUnderstood")
        self.date_understood.setTextFormat(Qt.TextFormat.PlainText)
        self.date_of_birth.textChanged.connect(lambda _text: self._show_understood_date())
        self.preferred_language = QComboBox(self)
        for language in (Language.FR, Language.EN):
            self.preferred_language.addItem("", language)
        self.preferred_language.activated.connect(lambda _index: self.edited.emit())
        self.health_number = self._line_edit(16)
        self.health_number.textEdited.connect(lambda _text: self._take_sex_from_number())
        self.sex_at_birth = QComboBox(self)
        for sex in (None, SexAtBirth.FEMALE, SexAtBirth.MALE):
            self.sex_at_birth.addItem("", sex)
        self.sex_at_birth.activated.connect(lambda _index: self.edited.emit())
        self.health_card_expiry = self._line_edit(7)
        # What in the number does not agree with the file, in the staff language: warned, never refused.
        self.nam_warning = QLabel(self)
        self.nam_warning.setObjectName("fieldWarning")
        self.nam_warning.setWordWrap(True)
        self.nam_warning.setTextFormat(Qt.TextFormat.PlainText)
        self.nam_warning.hide()
        for edit in (self.last_name, self.first_name, self.date_of_birth, self.health_number):
            edit.textChanged.connect(lambda _text: self._show_nam_warning())
        self.health_card_expiry.textChanged.connect(lambda _text: self._show_nam_warning())
        self.sex_at_birth.currentIndexChanged.connect(lambda _index: self._show_nam_warning())
        self.street = self._line_edit(MAX_STREET)
        self.city = self._line_edit(MAX_CITY)
        self.province = QComboBox(self)
        for code in PROVINCES:
            self.province.addItem(code, code)
        self.province.activated.connect(lambda _index: self.edited.emit())
        self.province.activated.connect(lambda _index: self._recheck_shown_problem(self.province))
        self.postal_code = self._line_edit(7)
        self.email = self._line_edit(MAX_EMAIL)
        self.phones = PhoneList(self._phone_error_line, self)
        self.phones.edited.connect(self.edited.emit)
        for phone_row in self.phones.rows:
            number = phone_row.number
            number.textEdited.connect(lambda _text, edit=number: self._recheck_shown_problem(edit))

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        # (field, row, column, column span) on a grid of four columns.
        placement = (
            ("last_name", 0, 0, 2),
            ("first_name", 0, 2, 2),
            ("date_of_birth", 1, 0, 2),
            ("preferred_language", 1, 2, 2),
            ("health_number", 2, 0, 2),
            ("sex_at_birth", 2, 2, 1),
            ("health_card_expiry", 2, 3, 1),
            ("street", 4, 0, 4),
            ("city", 5, 0, 2),
            ("province", 5, 2, 1),
            ("postal_code", 5, 3, 1),
            ("email", 6, 0, 4),
        )
        for name, row, column, span in placement:
            grid.addWidget(self._field_box(name, self.editor(name)), row, column, 1, span)
        # Right under the number, its card and the sex at birth.
        grid.addWidget(self.nam_warning, 3, 0, 1, 4)
        phones_title = QLabel(self)
        phones_title.setBuddy(self.phones.rows[0].number)
        self._titles["phones"] = phones_title
        grid.addWidget(phones_title, 7, 0, 1, 4)
        grid.addWidget(self.phones, 8, 0, 1, 4)
        for column in range(4):
            grid.setColumnStretch(column, 1)
        grid.setRowStretch(9, 1)

        chain_tab_order(*(self.editor(name) for name in CLIENT_FIELDS[:-1]), *self.phones.editors())
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        """Titles, names read aloud, hints and the choices offered, in the staff language."""
        for spec in _client_specs():
            self._titles[spec.name].setText(spec.label)
            if spec.name != "phones":
                self.editor(spec.name).setAccessibleName(spec.accessible)
        self.date_of_birth.setPlaceholderText(DATE_FORMS.get(current_language()))
        self._show_understood_date()
        self.postal_code.setPlaceholderText(self.tr("H2X 3Y7"))
        self.email.setPlaceholderText(self.tr("name@example.com"))
        self.health_number.setPlaceholderText(self.tr("TREM 8005 1512"))
        self.health_card_expiry.setPlaceholderText(self.tr("MM/YYYY"))
        for index in range(self.preferred_language.count()):
            self.preferred_language.setItemText(
                index, language_label(self.preferred_language.itemData(index))
            )
        for index in range(self.sex_at_birth.count()):
            self.sex_at_birth.setItemText(index, _sex_label(self.sex_at_birth.itemData(index)))
        self._show_nam_warning()

    # ------------------------------------------------------------ building

    def _line_edit(self, max_length: int) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setMaxLength(max_length)
        edit.textEdited.connect(lambda _text: self.edited.emit())
        edit.textEdited.connect(lambda _text: self._recheck_shown_problem(edit))
        return edit

    def _phone_error_line(self, name: str, editor: QWidget) -> QLabel:
        error = make_error_label(self)
        self.errors.add(name, editor, error)
        return error

    def _show_understood_date(self) -> None:
        day = read_date(self.date_of_birth.text())
        # Without the weekday, to fit beside the title; the month in words shows a day read the wrong way.
        self.date_understood.setText(format_date_long(day) if day is not None else "")

    def _take_sex_from_number(self) -> None:
        """The sex at birth as the card encodes it, offered when none is chosen yet."""
        nam = normalise_nam(self.health_number.text())
        if self._chosen_sex() is None and is_well_formed(nam):
            self.sex_at_birth.setCurrentIndex(self.sex_at_birth.findData(encoded_sex(nam)))

    def _chosen_sex(self) -> SexAtBirth | None:
        # A combo box hands its data back as a plain string.
        data = self.sex_at_birth.currentData()
        return SexAtBirth(data) if data else None

    def _show_nam_warning(self) -> None:
        try:
            expiry = parse_card_expiry(self.health_card_expiry.text())
        except ValueError:
            expiry = None
        warnings = nam_warnings(
            self.health_number.text(),
            last_name=self.last_name.text(),
            first_name=self.first_name.text(),
            date_of_birth=read_date(self.date_of_birth.text()),
            sex_at_birth=self._chosen_sex(),
        )
        expired = expiry_warning(expiry, date.today())
        language = current_language()
        texts = [w.get(language) for w in [*warnings, *([expired] if expired else [])]]
        self.nam_warning.setText("\n".join(texts))
        self.nam_warning.setVisible(bool(texts))

    def _field_box(self, name: str, editor: QWidget) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        label = QLabel(box)
        label.setBuddy(editor)
        self._titles[name] = label
        editor.setObjectName(f"field_{name}")
        error = make_error_label(box)
        self.errors.add(name, editor, error)
        if editor is self.date_of_birth:
            # The day understood on the title's line: no height added to a dialog sized once.
            title_row = QHBoxLayout()
            title_row.addWidget(label)
            title_row.addStretch(1)
            title_row.addWidget(self.date_understood)
            layout.addLayout(title_row)
        else:
            layout.addWidget(label)
        layout.addWidget(editor)
        layout.addWidget(error)
        layout.addStretch(1)
        return box

    # ------------------------------------------------------------ values

    @property
    def phone(self) -> QLineEdit:
        """The first number's field (the number to call)."""
        return self.phones.rows[0].number

    def editor(self, name: str) -> QWidget:
        if name in ("phones", "phone"):
            return self.phone
        return getattr(self, name)

    def first_editor(self) -> QWidget:
        return self.last_name

    def last_editor(self) -> QWidget:
        return self.phones.add_button

    def draft(self) -> ClientDraft:
        """What is typed, as the core wants it. A date or an expiry that cannot be read becomes None, its
        problem kept for :meth:`show_problems`."""
        self._unreadable = {}
        born_text = self.date_of_birth.text().strip()
        born: date | None = None
        if born_text:
            try:
                born = parse_date(born_text)
            except UnreadableDateError as unreadable:
                self._unreadable["date_of_birth"] = FieldError(
                    "date_of_birth", unreadable.code, unreadable.params
                )
        expiry: date | None = None
        try:
            expiry = parse_card_expiry(self.health_card_expiry.text())
        except ValueError:
            self._unreadable["health_card_expiry"] = FieldError("health_card_expiry", "invalid_card_expiry")
        return ClientDraft(
            last_name=self.last_name.text(),
            first_name=self.first_name.text(),
            date_of_birth=born,
            preferred_language=self.preferred_language.currentData(),
            street=self.street.text(),
            city=self.city.text(),
            province=str(self.province.currentData() or "QC"),
            postal_code=self.postal_code.text(),
            email=self.email.text(),
            phones=self.phones.phones(),
            health_number=self.health_number.text(),
            sex_at_birth=self._chosen_sex(),
            health_card_expiry=expiry,
        )

    def set_draft(self, draft: ClientDraft) -> None:
        """Fill the form (a stored record shows its numbers formatted for reading)."""
        self.last_name.setText(draft.last_name)
        self.first_name.setText(draft.first_name)
        self.date_of_birth.setText(format_date(draft.date_of_birth))
        self.preferred_language.setCurrentIndex(
            max(0, self.preferred_language.findData(draft.preferred_language))
        )
        self.health_number.setText(format_nam(draft.health_number))
        self.sex_at_birth.setCurrentIndex(max(0, self.sex_at_birth.findData(draft.sex_at_birth)))
        self.health_card_expiry.setText(format_card_expiry(draft.health_card_expiry))
        self.street.setText(draft.street)
        self.city.setText(draft.city)
        self._set_province(draft.province)
        self.postal_code.setText(draft.postal_code)
        self.email.setText(draft.email)
        self.phones.set_phones(draft.phone_list())
        for edit in (self.last_name, self.first_name, self.street, self.city, self.email):
            edit.setCursorPosition(0)
        self.clear_problems()

    def _set_province(self, code: str) -> None:
        index = self.province.findData(code.strip().upper() or "QC")
        if index < 0:
            # A value from elsewhere (an import, an older version) is shown, not silently replaced.
            self.province.addItem(code, code)
            index = self.province.count() - 1
        self.province.setCurrentIndex(index)

    # ------------------------------------------------------------ problems

    def show_problems(self, error: ValidationError | None) -> QWidget | None:
        """Show the core's messages plus the window's own (an unreadable date); focus the first."""
        problems: list[FieldError] = list(error.errors) if error is not None else []
        problems = [p for p in problems if p.field not in self._unreadable]
        problems += list(self._unreadable.values())
        self._problems = problems
        first = self.errors.show_error(ValidationError(problems) if problems else None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        return first

    def _field_of(self, editor: QWidget) -> str | None:
        for name in (*CLIENT_FIELDS, *_PHONE_FIELDS):
            if name != "phones" and self.errors.editor(name) is editor:
                return name
        return None

    def _recheck_shown_problem(self, editor: QWidget) -> None:
        """The edited field's problem goes as soon as what it holds is valid; the others stay until
        their own field is corrected."""
        name = self._field_of(editor)
        if name is None or not any(problem.field == name for problem in self._problems):
            return
        try:
            validate_client(self.draft(), today=date.today())
            still: set[str] = set()
        except ValidationError as error:
            still = {problem.field for problem in error.errors}
        still |= set(self._unreadable)
        if name not in still:
            self._problems = [problem for problem in self._problems if problem.field != name]
            self.errors.show_error(ValidationError(self._problems) if self._problems else None)

    def clear_problems(self) -> None:
        self._problems = []
        self.errors.clear()

    def problem_fields(self) -> Iterable[str]:
        return [name for name in (*CLIENT_FIELDS[:-1], *_PHONE_FIELDS) if self.errors.message(name)]


def _sex_label(sex: SexAtBirth | str | None) -> str:
    translate = QCoreApplication.translate
    # The combo box hands its data back as a plain string: compared by value, not identity.
    if sex is None:
        return translate("ClientForm", "Not given")
    return translate("ClientForm", "Female") if sex == SexAtBirth.FEMALE else translate("ClientForm", "Male")


@dataclass(frozen=True)
class _FieldSpec:
    name: str
    label: str
    accessible: str


def client_field_titles() -> list[tuple[str, str]]:
    """(field, title) for every client field, in reading order; the titles carry no mnemonic."""
    return [(spec.name, spec.accessible) for spec in _client_specs()]


def _client_specs() -> list[_FieldSpec]:
    # Mnemonics avoid the letters of the main window's menus (File, Client, View, Help).
    translate = QCoreApplication.translate
    return [
        _FieldSpec("last_name", translate("ClientForm", "&Last name"), translate("ClientForm", "Last name")),
        _FieldSpec(
            "first_name", translate("ClientForm", "Fi&rst name"), translate("ClientForm", "First name")
        ),
        _FieldSpec(
            "date_of_birth",
            translate("ClientForm", "Date of &birth"),
            translate("ClientForm", "Date of birth"),
        ),
        _FieldSpec(
            "preferred_language",
            translate("ClientForm", "Lan&guage"),
            translate("ClientForm", "Preferred language"),
        ),
        _FieldSpec(
            "health_number",
            translate("ClientForm", "Health i&nsurance number (NAM)"),
            translate("ClientForm", "Health insurance number (NAM)"),
        ),
        _FieldSpec(
            "sex_at_birth", translate("ClientForm", "&Sex at birth"), translate("ClientForm", "Sex at birth")
        ),
        _FieldSpec(
            "health_card_expiry",
            translate("ClientForm", "Card e&xpiry"),
            translate("ClientForm", "Card expiry"),
        ),
        _FieldSpec(
            "street", translate("ClientForm", "S&treet address"), translate("ClientForm", "Street address")
        ),
        _FieldSpec("city", translate("ClientForm", "Cit&y"), translate("ClientForm", "City")),
        _FieldSpec("province", translate("ClientForm", "Provinc&e"), translate("ClientForm", "Province")),
        _FieldSpec(
            "postal_code", translate("ClientForm", "P&ostal code"), translate("ClientForm", "Postal code")
        ),
        _FieldSpec("email", translate("ClientForm", "E&mail"), translate("ClientForm", "Email")),
        _FieldSpec("phones", translate("ClientForm", "&Phones"), translate("ClientForm", "Phones")),
    ]


CLIENT_FIELDS = (
    "last_name",
    "first_name",
    "date_of_birth",
    "preferred_language",
    "health_number",
    "sex_at_birth",
    "health_card_expiry",
    "street",
    "city",
    "province",
    "postal_code",
    "email",
    "phones",
)


def client_field_values(draft: ClientDraft) -> dict[str, str]:
    """What each field shows for a draft, as text (used to compare two versions side by side)."""
    return {
        "last_name": draft.last_name,
        "first_name": draft.first_name,
        "date_of_birth": format_date(draft.date_of_birth),
        "preferred_language": language_label(draft.preferred_language),
        "health_number": format_nam(draft.health_number),
        "sex_at_birth": _sex_label(draft.sex_at_birth) if draft.sex_at_birth else "",
        "health_card_expiry": format_card_expiry(draft.health_card_expiry),
        "street": draft.street,
        "city": draft.city,
        "province": draft.province,
        "postal_code": draft.postal_code,
        "email": draft.email,
        "phones": "; ".join(
            f"{format_phone(p.number, p.extension)} ({kind_label(p.kind)})" for p in draft.phone_list()
        ),
    }
