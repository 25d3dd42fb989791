"""Forms with their problems written right under the field concerned, and the client form itself.

Validation belongs to the core (it raises ``ValidationError`` with one ``FieldError`` per field); the
window only shows those messages next to the right field, keeps everything that was typed, and puts
the cursor on the first field to correct.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import DATE_FORMS, UnreadableDateError, parse_date, read_date
from desktop.domain.enums import Language
from desktop.domain.errors import FieldError, ValidationError
from desktop.domain.records import ClientDraft
from desktop.domain.validation import MAX_CITY, MAX_EMAIL, MAX_NAME, MAX_STREET, validate_client
from ui.kit.errors import field_messages
from ui.kit.i18n import current_language, format_date, format_date_long, format_phone, language_label
from ui.kit.retranslate import follow_language

__all__ = [
    "CLIENT_FIELDS",
    "ClientForm",
    "InlineErrors",
    "client_field_values",
    "em",
    "error_messages",
    "make_error_label",
    "set_invalid",
]

PROVINCES = ("QC", "ON", "NB", "NS", "PE", "NL", "MB", "SK", "AB", "BC", "YT", "NT", "NU")


def em(widget: QWidget, count: float) -> int:
    """``count`` times the width of "M" in the widget's font: sizes that follow the font and scaling."""
    return int(widget.fontMetrics().horizontalAdvance("M") * count)


def fit_height(window: QWidget) -> None:
    """Grow ``window`` to the height its wrapped sentences need at its current width (never shrink it).

    A window sized once at start-up otherwise squeezes a message that appears later into one line."""
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    width = window.width()
    needed = (
        layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
    )
    if needed > window.height():
        window.resize(width, needed)


def chain_tab_order(*widgets: QWidget) -> None:
    """Tab moves through ``widgets`` in the order given."""
    for before, after in zip(widgets, widgets[1:], strict=False):
        QWidget.setTabOrder(before, after)


def make_error_label(parent: QWidget | None = None) -> QLabel:
    """An empty, hidden label that shows one field's problem in words."""
    label = QLabel(parent)
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    label.hide()
    return label


def set_invalid(editor: QWidget, invalid: bool) -> None:
    """Mark an editor for the style sheet (red border) without touching what it contains."""
    if bool(editor.property("invalid")) == invalid:
        return
    editor.setProperty("invalid", invalid)
    editor.style().unpolish(editor)
    editor.style().polish(editor)


# A message shown under a field: a sentence, or how to make it again in the staff language.
Message = str | Callable[[], str]


class InlineErrors:
    """Field names mapped to their editor and error label, in the order the person reads them.

    Messages given as a :class:`ValidationError` (:meth:`show_error`) or as callables are made again in
    the new language when the staff language changes; plain strings stay as given.
    """

    def __init__(self) -> None:
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        self._shown: Mapping[str, Message] = {}

    def add(self, name: str, editor: QWidget, label: QLabel) -> None:
        if not self._fields:
            # Every widget receives the language change; the first error label carries it to the messages.
            follow_language(label, self.retranslate, now=False)
        self._fields[name] = (editor, label)

    def editor(self, name: str) -> QWidget:
        return self._fields[name][0]

    def message(self, name: str) -> str:
        label = self._fields[name][1]
        return label.text() if not label.isHidden() else ""

    def clear(self) -> None:
        self.show({})

    def show(self, messages: Mapping[str, Message]) -> QWidget | None:
        """Show these messages (hide the others); return the first editor with a problem."""
        self._shown = dict(messages)
        first: QWidget | None = None
        for name, (editor, label) in self._fields.items():
            message = messages.get(name, "")
            text = message() if callable(message) else message
            label.setText(text)
            label.setVisible(bool(text))
            set_invalid(editor, bool(text))
            editor.setAccessibleDescription(text)
            if text and first is None:
                first = editor
        return first

    def show_error(self, error: ValidationError | None) -> QWidget | None:
        """Show the core's messages for ``error`` (None: no problem), kept in the staff language."""
        return self.show(error_messages(error) if error is not None else {})

    def retranslate(self) -> None:
        """Make the messages shown again in the staff language (what is typed is not touched)."""
        if self._shown:
            self.show(self._shown)

    def unplaced(self, messages: Mapping[str, Message]) -> dict[str, str]:
        """Messages for fields this form does not have (shown elsewhere, never dropped)."""
        return {
            name: text() if callable(text) else text
            for name, text in messages.items()
            if name not in self._fields
        }


def error_messages(error: ValidationError) -> dict[str, Callable[[], str]]:
    """One message per field, each made in the staff language of the moment it is shown."""

    def message_of(name: str) -> Callable[[], str]:
        return lambda: field_messages(error, current_language())[name]

    return {name: message_of(name) for name in dict.fromkeys(problem.field for problem in error.errors)}


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
            "street", translate("ClientForm", "S&treet address"), translate("ClientForm", "Street address")
        ),
        _FieldSpec("city", translate("ClientForm", "Cit&y"), translate("ClientForm", "City")),
        _FieldSpec("province", translate("ClientForm", "Provinc&e"), translate("ClientForm", "Province")),
        _FieldSpec(
            "postal_code", translate("ClientForm", "P&ostal code"), translate("ClientForm", "Postal code")
        ),
        _FieldSpec("phone", translate("ClientForm", "&Phone"), translate("ClientForm", "Phone")),
        _FieldSpec("email", translate("ClientForm", "E&mail"), translate("ClientForm", "Email")),
    ]


CLIENT_FIELDS = (
    "last_name",
    "first_name",
    "date_of_birth",
    "preferred_language",
    "street",
    "city",
    "province",
    "postal_code",
    "phone",
    "email",
)


def client_field_values(draft: ClientDraft) -> dict[str, str]:
    """What each field shows for a draft, as text (used to compare two versions side by side)."""
    return {
        "last_name": draft.last_name,
        "first_name": draft.first_name,
        "date_of_birth": format_date(draft.date_of_birth),
        "preferred_language": language_label(draft.preferred_language),
        "street": draft.street,
        "city": draft.city,
        "province": draft.province,
        "postal_code": draft.postal_code,
        "phone": _phone_text(draft),
        "email": draft.email,
    }


def _phone_text(draft: ClientDraft) -> str:
    """A stored number formatted for reading, its extension with it; text being typed as it is."""
    if draft.phone.startswith("+"):
        return format_phone(draft.phone, draft.phone_extension)
    return draft.phone


class ClientForm(QWidget):
    """Every field of a client file, each with its own error line. Used to create and to edit."""

    edited = Signal()
    """The person changed something (not emitted when the form is filled by the program)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clientForm")
        self.errors = InlineErrors()
        self._unreadable_date: FieldError | None = None
        #: The problems shown, until each field is corrected.
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
        self.street = self._line_edit(MAX_STREET)
        self.city = self._line_edit(MAX_CITY)
        self.province = QComboBox(self)
        for code in PROVINCES:
            self.province.addItem(code, code)
        self.province.activated.connect(lambda _index: self.edited.emit())
        self.province.activated.connect(lambda _index: self._recheck_shown_problem(self.province))
        self.postal_code = self._line_edit(7)
        self.phone = self._line_edit(40)
        self.email = self._line_edit(MAX_EMAIL)

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
            ("street", 2, 0, 4),
            ("city", 3, 0, 2),
            ("province", 3, 2, 1),
            ("postal_code", 3, 3, 1),
            ("phone", 4, 0, 2),
            ("email", 4, 2, 2),
        )
        for name, row, column, span in placement:
            grid.addWidget(self._field_box(name, self.editor(name)), row, column, 1, span)
        for column in range(4):
            grid.setColumnStretch(column, 1)
        grid.setRowStretch(len(placement), 1)

        chain_tab_order(*(self.editor(name) for name in CLIENT_FIELDS))
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        """Titles, names read aloud, hints and the languages offered, in the staff language."""
        for spec in _client_specs():
            self._titles[spec.name].setText(spec.label)
            self.editor(spec.name).setAccessibleName(spec.accessible)
        self.date_of_birth.setPlaceholderText(DATE_FORMS.get(current_language()))
        self._show_understood_date()
        self.postal_code.setPlaceholderText(self.tr("H2X 3Y7"))
        self.phone.setPlaceholderText(self.tr("418 555-0123"))
        self.email.setPlaceholderText(self.tr("name@example.com"))
        for index in range(self.preferred_language.count()):
            self.preferred_language.setItemText(
                index, language_label(self.preferred_language.itemData(index))
            )

    # ------------------------------------------------------------ building

    def _line_edit(self, max_length: int) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setMaxLength(max_length)
        edit.textEdited.connect(lambda _text: self.edited.emit())
        edit.textEdited.connect(lambda _text: self._recheck_shown_problem(edit))
        return edit

    def _show_understood_date(self) -> None:
        day = read_date(self.date_of_birth.text())
        # Without the weekday, to fit beside the title; the month in words shows a day read the wrong way.
        self.date_understood.setText(format_date_long(day) if day is not None else "")

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

    def editor(self, name: str) -> QWidget:
        return getattr(self, name)

    def first_editor(self) -> QWidget:
        return self.last_name

    def draft(self) -> ClientDraft:
        """What is typed, as the core wants it. A date that cannot be read becomes None, its problem kept
        for :meth:`show_problems`."""
        born_text = self.date_of_birth.text().strip()
        born: date | None = None
        self._unreadable_date = None
        if born_text:
            try:
                born = parse_date(born_text)
            except UnreadableDateError as unreadable:
                self._unreadable_date = FieldError("date_of_birth", unreadable.code, unreadable.params)
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
            phone=self.phone.text(),
        )

    def set_draft(self, draft: ClientDraft) -> None:
        """Fill the form (a stored record shows its phone number formatted for reading)."""
        self.last_name.setText(draft.last_name)
        self.first_name.setText(draft.first_name)
        self.date_of_birth.setText(format_date(draft.date_of_birth))
        self.preferred_language.setCurrentIndex(
            max(0, self.preferred_language.findData(draft.preferred_language))
        )
        self.street.setText(draft.street)
        self.city.setText(draft.city)
        self._set_province(draft.province)
        self.postal_code.setText(draft.postal_code)
        self.email.setText(draft.email)
        self.phone.setText(_phone_text(draft))
        for edit in (self.last_name, self.first_name, self.street, self.city, self.email, self.phone):
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
        if self._unreadable_date is not None:
            problems = [p for p in problems if p.field != "date_of_birth"]
            problems.append(self._unreadable_date)
        self._problems = problems
        first = self.errors.show_error(ValidationError(problems) if problems else None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        return first

    def _recheck_shown_problem(self, editor: QWidget) -> None:
        """The edited field's problem goes as soon as what it holds is valid; the others stay until
        their own field is corrected."""
        name = next((field for field in CLIENT_FIELDS if self.editor(field) is editor), None)
        if name is None or not any(problem.field == name for problem in self._problems):
            return
        try:
            validate_client(self.draft(), today=date.today())
            still: set[str] = set()
        except ValidationError as error:
            still = {problem.field for problem in error.errors}
        if self._unreadable_date is not None:
            still.add("date_of_birth")
        if name not in still:
            self._problems = [problem for problem in self._problems if problem.field != name]
            self.errors.show_error(ValidationError(self._problems) if self._problems else None)

    def clear_problems(self) -> None:
        self._problems = []
        self.errors.clear()

    def problem_fields(self) -> Iterable[str]:
        return [name for name in CLIENT_FIELDS if self.errors.message(name)]
