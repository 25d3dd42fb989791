"""The "request as received" part of an opt-out request: how and when it arrived, and who asked, with
the name, phone and email exactly as given.

Its words are the opt-out dialog's (translation context ``OptOutDialog``): the box is that dialog's
left column, taken out of it only to keep each module short.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from desktop.domain.enums import OptOutVia
from ui.booking.feedback import error_label
from ui.kit.date_edits import DayEdit
from ui.kit.retranslate import follow_language

__all__ = ["OptOutRequestBox"]

translate = QCoreApplication.translate


class OptOutRequestBox(QGroupBox):
    """How the request arrived, when, and the requester's own words; ``changed`` on every edit."""

    changed = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.via_phone = QRadioButton(self)
        self.via_clinic = QRadioButton(self)
        self.via_email = QRadioButton(self)
        self.via_post = QRadioButton(self)
        self._via_group = QButtonGroup(self)
        self.vias = {
            self.via_phone: OptOutVia.PHONE,
            self.via_clinic: OptOutVia.IN_CLINIC,
            self.via_email: OptOutVia.EMAIL,
            self.via_post: OptOutVia.POST,
        }
        for button, via in self.vias.items():
            button.setObjectName(f"via_{via.value}")
            self._via_group.addButton(button)
        via_row = QGridLayout()
        via_row.addWidget(self.via_phone, 0, 0)
        via_row.addWidget(self.via_clinic, 0, 1)
        via_row.addWidget(self.via_email, 1, 0)
        via_row.addWidget(self.via_post, 1, 1)
        self.via_error = error_label(self, "viaError", "")

        self.received_on = DayEdit(self)
        self.received_on.setObjectName("receivedOn")
        self.received_on.setCalendarPopup(True)
        self.received_on.setDisplayFormat("yyyy-MM-dd")
        self.received_on.setDate(QDate(today.year, today.month, today.day))
        self.received_label = QLabel(self)
        self.received_label.setBuddy(self.received_on)
        self.received_error = error_label(self, "receivedOnError", "")

        self.requester_name = self._line_edit("requesterName")
        self.requester_phone = self._line_edit("requesterPhone")
        self.requester_email = self._line_edit("requesterEmail")
        self.note = self._line_edit("optOutNote")
        self.name_error = error_label(self, "requesterNameError", "")
        self.phone_error = error_label(self, "requesterPhoneError", "")
        self.email_error = error_label(self, "requesterEmailError", "")
        self.note_error = error_label(self, "noteError", "")

        form = QFormLayout(self)
        self._via_label = QLabel(self)
        form.addRow(self._via_label, via_row)
        form.addRow("", self.via_error)
        form.addRow(self.received_label, self.received_on)
        form.addRow("", self.received_error)
        self._field_labels: list[QLabel] = []
        for edit, error in (
            (self.requester_name, self.name_error),
            (self.requester_phone, self.phone_error),
            (self.requester_email, self.email_error),
            (self.note, self.note_error),
        ):
            buddy = QLabel(self)
            buddy.setBuddy(edit)
            self._field_labels.append(buddy)
            form.addRow(buddy, edit)
            form.addRow("", error)
        self._hint = QLabel(self)
        self._hint.setWordWrap(True)
        self._hint.setStyleSheet("color: #555555;")
        form.addRow("", self._hint)

        self._via_group.buttonToggled.connect(lambda *_: self._via_changed())
        self.received_on.dateChanged.connect(lambda *_: self.changed.emit())
        for edit in self.edits():
            edit.textEdited.connect(lambda *_: self.changed.emit())
        follow_language(self, self.retranslate)

    def _line_edit(self, name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        return edit

    def retranslate(self) -> None:
        """Every word in the staff language; what is typed and chosen stays."""
        self.setTitle(translate("OptOutDialog", "Request as received"))
        for button, text in (
            (self.via_phone, translate("OptOutDialog", "By &phone")),
            (self.via_clinic, translate("OptOutDialog", "&In clinic")),
            (self.via_email, translate("OptOutDialog", "By &email")),
            (self.via_post, translate("OptOutDialog", "By p&ost")),
        ):
            button.setText(text)
            button.setAccessibleName(
                translate("OptOutDialog", "Received: {how}").format(how=text.replace("&", ""))
            )
        self._via_label.setText(translate("OptOutDialog", "Received:"))
        self._follow_via()
        self.received_on.setAccessibleName(translate("OptOutDialog", "Date received"))
        for edit, accessible in zip(
            self.edits(),
            (
                translate("OptOutDialog", "Requester's name, as given"),
                translate("OptOutDialog", "Requester's phone, as given"),
                translate("OptOutDialog", "Requester's email, as given"),
                translate("OptOutDialog", "Note (optional)"),
            ),
            strict=True,
        ):
            edit.setAccessibleName(accessible)
            edit.setPlaceholderText(accessible)
        labels = (
            translate("OptOutDialog", "Requester's &name:"),
            translate("OptOutDialog", "P&hone:"),
            translate("OptOutDialog", "E&mail:"),
            translate("OptOutDialog", "No&te:"),
        )
        for label, text in zip(self._field_labels, labels, strict=True):
            label.setText(text)
        self._hint.setText(
            translate("OptOutDialog", "Type the name, phone and email exactly as the requester gave them.")
        )
        for error, accessible in (
            (self.via_error, translate("OptOutDialog", "Problem with how the request was received")),
            (self.received_error, translate("OptOutDialog", "Problem with the date received")),
            (self.name_error, translate("OptOutDialog", "Problem with the requester's name")),
            (self.phone_error, translate("OptOutDialog", "Problem with the phone")),
            (self.email_error, translate("OptOutDialog", "Problem with the email")),
            (self.note_error, translate("OptOutDialog", "Problem with the note")),
        ):
            error.setAccessibleName(accessible)

    def _via_changed(self) -> None:
        self._follow_via()
        self.changed.emit()

    def _follow_via(self) -> None:
        """The date's label says what the date is for the way the request arrived."""
        arrived = {
            OptOutVia.POST: translate("OptOutDialog", "&Date the letter arrived:"),
            OptOutVia.EMAIL: translate("OptOutDialog", "&Date the email arrived:"),
        }
        via = self.received_via()
        self.received_label.setText(
            arrived[via] if via in arrived else translate("OptOutDialog", "&Date received:")
        )

    # ------------------------------------------------------------------ reading

    def edits(self) -> tuple[QLineEdit, ...]:
        return (self.requester_name, self.requester_phone, self.requester_email, self.note)

    def received_via(self) -> OptOutVia | None:
        return next((via for button, via in self.vias.items() if button.isChecked()), None)

    def received_date(self) -> date:
        day = self.received_on.date()
        return date(day.year(), day.month(), day.day())

    def set_inputs_enabled(self, enabled: bool) -> None:
        for widget in (*self.vias, self.received_on, *self.edits()):
            widget.setEnabled(enabled)
