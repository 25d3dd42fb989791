"""The editor of a confidentiality incident: every field the regulation lists (s. 7), its problems written
under the field concerned, nothing typed ever lost.

A date or a number left empty is not known yet, as the regulation allows (the period of the incident, the
number of people). The risk-of-serious-injury box starts unticked for a new incident: the officer ticks it
after the assessment, never by default.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import DATE_FORMS, UnreadableDateError, parse_date
from desktop.domain.errors import FieldError, ValidationError
from desktop.domain.incidents import MAX_PEOPLE, IncidentDraft, IncidentRecord
from ui.kit.forms import InlineErrors, chain_tab_order, em, make_error_label
from ui.kit.i18n import current_language
from ui.kit.retranslate import follow_language

__all__ = ["IncidentForm"]

_TEXTS = ("circumstances", "information_concerned", "not_describable_reason", "risk_assessment", "measures")
_DATES = ("occurred_from", "occurred_to", "discovered_on", "commission_notified_on", "people_notified_on")
# A long text field with a problem is marked as the line fields are (the shared style names those).
_INVALID_TEXT = 'QPlainTextEdit[invalid="true"] { border: 2px solid #b00020; background: #fff6f7; }'


class IncidentForm(QWidget):
    """What is known of an incident. ``edited`` is emitted at each change the person makes."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("incidentForm")
        self.setStyleSheet(_INVALID_TEXT)
        self.errors = InlineErrors()
        self._unreadable: dict[str, FieldError] = {}
        self._labels: dict[str, QLabel] = {}
        self._filling = False

        self.circumstances = self._text_edit(4)
        self.information_concerned = self._text_edit(3)
        self.not_describable_reason = self._text_edit(2)
        self.occurred_from = self._line_edit(10)
        self.occurred_to = self._line_edit(10)
        self.discovered_on = self._line_edit(10)
        self.people_concerned = self._line_edit(12)
        self.serious_injury_risk = QCheckBox(self)
        self.serious_injury_risk.setChecked(False)
        self.serious_injury_risk.toggled.connect(lambda _on: self._changed())
        self.risk_assessment = self._text_edit(3)
        self.commission_notified_on = self._line_edit(10)
        self.people_notified_on = self._line_edit(10)
        self.measures = self._text_edit(3)
        for edit in (self.occurred_from, self.occurred_to, self.discovered_on) + (
            self.commission_notified_on,
            self.people_notified_on,
        ):
            edit.setMaximumWidth(em(edit, 11))
        self.people_concerned.setMaximumWidth(em(self.people_concerned, 8))

        self.what_box = QGroupBox(self)
        what = QVBoxLayout(self.what_box)
        for name in ("circumstances", "information_concerned", "not_describable_reason"):
            what.addLayout(self._field(name))
        # The number of people on a line of its own: beside the three dates it squeezed them.
        what.addLayout(self._row("occurred_from", "occurred_to", "discovered_on"))
        what.addLayout(self._row("people_concerned"))
        self.risk_box = QGroupBox(self)
        risk = QVBoxLayout(self.risk_box)
        risk.addWidget(self.serious_injury_risk)
        self._error_under(risk, "serious_injury_risk", self.serious_injury_risk)
        risk.addLayout(self._field("risk_assessment"))
        self.notice_box = QGroupBox(self)
        notice = QVBoxLayout(self.notice_box)
        notice.addLayout(self._row("commission_notified_on", "people_notified_on"))
        notice.addLayout(self._field("measures"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for box in (self.what_box, self.risk_box, self.notice_box):
            layout.addWidget(box)
        layout.addStretch(1)
        chain_tab_order(
            self.circumstances,
            self.information_concerned,
            self.not_describable_reason,
            self.occurred_from,
            self.occurred_to,
            self.discovered_on,
            self.people_concerned,
            self.serious_injury_risk,
            self.risk_assessment,
            self.commission_notified_on,
            self.people_notified_on,
            self.measures,
        )
        follow_language(self, self.retranslate)

    # ------------------------------------------------------------------ building

    def _changed(self) -> None:
        if not self._filling:
            self.edited.emit()

    def _text_edit(self, lines: int) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
        edit.textChanged.connect(self._changed)
        return edit

    def _line_edit(self, max_length: int) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setMaxLength(max_length)
        edit.textEdited.connect(lambda _text: self._changed())
        return edit

    def _field(self, name: str) -> QVBoxLayout:
        """A field's label, its editor, and its problem under it."""
        editor: QWidget = getattr(self, name)
        label = QLabel(self)
        label.setWordWrap(True)
        label.setBuddy(editor)
        self._labels[name] = label
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(label)
        column.addWidget(editor)
        self._error_under(column, name, editor)
        return column

    def _row(self, *names: str) -> QHBoxLayout:
        """Short fields side by side, at the left."""
        row = QHBoxLayout()
        row.setSpacing(em(self, 1.5))
        for name in names:
            column = self._field(name)
            self._labels[name].setWordWrap(False)  # a short field's label keeps its width
            column.addStretch(1)
            row.addLayout(column)
        row.addStretch(1)
        return row

    def _error_under(self, layout: QVBoxLayout, name: str, editor: QWidget) -> None:
        error = make_error_label(self)
        layout.addWidget(error)
        self.errors.add(name, editor, error)

    def retranslate(self) -> None:
        self.what_box.setTitle(self.tr("What happened"))
        self.risk_box.setTitle(self.tr("Risk of serious injury"))
        self.notice_box.setTitle(self.tr("Notices and measures"))
        names = {
            "circumstances": self.tr("Brief description of the &circumstances"),
            "information_concerned": self.tr("Personal &information concerned"),
            "not_describable_reason": self.tr("If it cannot be described, &why"),
            "occurred_from": self.tr("Incident &from"),
            "occurred_to": self.tr("Incident &to"),
            "discovered_on": self.tr("&Discovered on (required)"),
            "people_concerned": self.tr("Num&ber of people concerned"),
            "risk_assessment": self.tr(
                "&Assessment: sensitivity, anticipated consequences, likelihood of misuse"
            ),
            "commission_notified_on": self.tr("C&ommission notified on"),
            "people_notified_on": self.tr("&People concerned notified on"),
            "measures": self.tr("&Measures taken"),
        }
        for name, text in names.items():
            self._labels[name].setText(text)
            self.errors.editor(name).setAccessibleName(text.replace("&", ""))
        self.serious_injury_risk.setText(self.tr("There is a risk of &serious injury"))
        self.serious_injury_risk.setAccessibleName(self.tr("There is a risk of serious injury"))
        unknown = self.tr("{forms} — empty: not known yet").format(forms=DATE_FORMS.get(current_language()))
        for name in ("occurred_from", "occurred_to", "commission_notified_on", "people_notified_on"):
            editor = self.errors.editor(name)
            assert isinstance(editor, QLineEdit)
            editor.setPlaceholderText(DATE_FORMS.get(current_language()).split(",")[0])
            editor.setToolTip(unknown)
        self.discovered_on.setPlaceholderText(DATE_FORMS.get(current_language()).split(",")[0])
        self.discovered_on.setToolTip(DATE_FORMS.get(current_language()))
        self.people_concerned.setPlaceholderText(self.tr("not known"))
        self.people_concerned.setToolTip(self.tr("A whole number; empty: not known yet"))

    # ------------------------------------------------------------------ values

    def set_values(self, record: IncidentRecord | None, today: date) -> None:
        """The record's current version, or an empty form for a new incident (discovered today)."""
        self._filling = True
        try:
            self.errors.clear()
            self._unreadable = {}
            for name in _TEXTS:
                editor = self.errors.editor(name)
                assert isinstance(editor, QPlainTextEdit)
                editor.setPlainText(getattr(record, name) if record is not None else "")
            for name in _DATES:
                editor = self.errors.editor(name)
                assert isinstance(editor, QLineEdit)
                value = (
                    getattr(record, name)
                    if record is not None
                    else (today if name == "discovered_on" else None)
                )
                editor.setText(value.isoformat() if value is not None else "")
            people = record.people_concerned if record is not None else None
            self.people_concerned.setText(str(people) if people is not None else "")
            # Never ticked by default: only a recorded assessment ticks it.
            self.serious_injury_risk.setChecked(record.serious_injury_risk if record is not None else False)
        finally:
            self._filling = False

    def _date(self, name: str) -> date | None:
        editor = self.errors.editor(name)
        assert isinstance(editor, QLineEdit)
        typed = editor.text().strip()
        if not typed:
            return None
        try:
            return parse_date(typed)
        except UnreadableDateError as unreadable:
            self._unreadable[name] = FieldError(name, unreadable.code, unreadable.params)
            return None

    def draft(self) -> IncidentDraft:
        """What is typed, as the core wants it. A date or number that cannot be read becomes None, its
        problem kept for :meth:`show_problems` (the core would otherwise take it for "not known")."""
        self._unreadable = {}
        dates: dict[str, Any] = {name: self._date(name) for name in _DATES}
        texts: dict[str, Any] = {name: getattr(self, name).toPlainText() for name in _TEXTS}
        typed = self.people_concerned.text().strip().replace(" ", "").replace("\u00a0", "")
        people: int | None = None
        if typed:
            if typed.isascii() and typed.isdigit():
                people = int(typed)
            else:
                self._unreadable["people_concerned"] = FieldError(
                    "people_concerned", "incident_people_out_of_range", {"max": MAX_PEOPLE}
                )
        return IncidentDraft(
            **texts,
            **dates,
            people_concerned=people,
            serious_injury_risk=self.serious_injury_risk.isChecked(),
        )

    def unreadable(self) -> list[FieldError]:
        """The dates and number :meth:`draft` could not read."""
        return list(self._unreadable.values())

    def show_problems(self, error: ValidationError | None) -> QWidget | None:
        """Show the core's problems with those of the fields that could not be read; the first field
        with a problem gets the cursor. Nothing typed is touched."""
        problems = list(self._unreadable.values())
        if error is not None:
            problems += [p for p in error.errors if p.field not in self._unreadable]
        first = self.errors.show_error(ValidationError(problems) if problems else None)
        if first is not None:
            first.setFocus()
        return first
