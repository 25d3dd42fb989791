"""The first page of a booking: when, what kind, in clinic or remote, and how it is being made."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QWidget,
)

from desktop.domain.enums import AppointmentKind, AppointmentMode, BookedVia
from desktop.domain.records import AppointmentDraft
from ui.booking.feedback import error_label
from ui.kit.i18n import format_date_long, format_time

__all__ = ["FIELD_WIDTH", "AppointmentPage", "next_quarter_hour"]

FIELD_WIDTH = 320


def next_quarter_hour(now: datetime) -> datetime:
    """The first quarter hour strictly after ``now``, in the workstation's time zone."""
    local = now.astimezone().replace(second=0, microsecond=0)
    return local + timedelta(minutes=15 - local.minute % 15)


class AppointmentPage(QWidget):
    """When, what kind, in clinic or remote, and how the booking is being made."""

    changed = Signal()

    def __init__(self, default_start: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.when = QDateTimeEdit(self)
        self.when.setObjectName("appointmentStart")
        self.when.setAccessibleName(self.tr("Date and time of the appointment"))
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(default_start.timestamp())))
        self.when_hint = QLabel(self)
        self.when_hint.setObjectName("appointmentStartHint")
        self.when_error = error_label(
            self, "appointmentStartError", self.tr("Problem with the date and time")
        )

        self.kind = QComboBox(self)
        self.kind.setObjectName("appointmentKind")
        self.kind.setAccessibleName(self.tr("Kind of appointment"))
        for kind, label in (
            (AppointmentKind.CONSULTATION, self.tr("Consultation")),
            (AppointmentKind.TREATMENT, self.tr("Treatment")),
            (AppointmentKind.PROCEDURE, self.tr("Procedure")),
        ):
            self.kind.addItem(label, kind)

        self.mode = QComboBox(self)
        self.mode.setObjectName("appointmentMode")
        self.mode.setAccessibleName(self.tr("In clinic or telemedicine"))
        for mode, label in (
            (AppointmentMode.IN_CLINIC, self.tr("In clinic")),
            (AppointmentMode.TELEMEDICINE, self.tr("Telemedicine")),
        ):
            self.mode.addItem(label, mode)

        # No default for how the booking is made: it decides how consent is recorded (verbally on the
        # phone or signed at the desk), so the person must say it.
        self.via_phone = QRadioButton(self.tr("By &phone"), self)
        self.via_phone.setObjectName("bookedViaPhone")
        self.via_phone.setAccessibleName(self.tr("Booked by phone"))
        self.via_desk = QRadioButton(self.tr("At the &desk"), self)
        self.via_desk.setObjectName("bookedViaDesk")
        self.via_desk.setAccessibleName(self.tr("Booked at the desk"))
        self._via_group = QButtonGroup(self)
        self._via_group.addButton(self.via_phone)
        self._via_group.addButton(self.via_desk)
        self.via_error = error_label(self, "bookedViaError", self.tr("Problem with how the booking is made"))
        via_row = QHBoxLayout()
        via_row.addWidget(self.via_phone)
        via_row.addWidget(self.via_desk)
        via_row.addStretch(1)

        # Short values in short boxes: a full-width date box is harder to read at a glance.
        for widget in (self.when, self.kind, self.mode):
            widget.setMaximumWidth(FIELD_WIDTH)
        form = QFormLayout(self)
        when_label = QLabel(self.tr("Date and &time:"), self)
        when_label.setBuddy(self.when)
        kind_label = QLabel(self.tr("&Kind:"), self)
        kind_label.setBuddy(self.kind)
        mode_label = QLabel(self.tr("&Mode:"), self)
        mode_label.setBuddy(self.mode)
        form.addRow(when_label, self.when)
        form.addRow("", self.when_hint)
        form.addRow("", self.when_error)
        form.addRow(kind_label, self.kind)
        form.addRow(mode_label, self.mode)
        form.addRow(self.tr("Booked:"), via_row)
        form.addRow("", self.via_error)

        self.when.dateTimeChanged.connect(self._when_changed)
        for signal in (self.kind.currentIndexChanged, self.mode.currentIndexChanged):
            signal.connect(lambda *_: self.changed.emit())
        self._via_group.buttonToggled.connect(lambda *_: self._via_changed())
        self._when_changed()

    def starts_at(self) -> datetime:
        """The chosen local date and time as an aware UTC datetime."""
        return datetime.fromtimestamp(self.when.dateTime().toSecsSinceEpoch(), UTC)

    def booked_via(self) -> BookedVia | None:
        if self.via_phone.isChecked():
            return BookedVia.PHONE
        if self.via_desk.isChecked():
            return BookedVia.AT_DESK
        return None

    def draft(self, uid: uuid.UUID, via: BookedVia) -> AppointmentDraft:
        return AppointmentDraft(
            starts_at=self.starts_at(),
            kind=AppointmentKind(self.kind.currentData()),
            mode=AppointmentMode(self.mode.currentData()),
            booked_via=via,
            uid=uid,
        )

    def show_error(self, field: str, text: str) -> None:
        label = self.when_error if field == "starts_at" else self.via_error
        label.setText(text)
        label.show()

    def clear_errors(self) -> None:
        for label in (self.when_error, self.via_error):
            label.clear()
            label.hide()

    def set_inputs_enabled(self, enabled: bool) -> None:
        for widget in (self.when, self.kind, self.mode, self.via_phone, self.via_desk):
            widget.setEnabled(enabled)

    def _when_changed(self) -> None:
        chosen = self.starts_at().astimezone()
        self.when_hint.setText(f"{format_date_long(chosen.date(), weekday=True)}, {format_time(chosen)}")
        self.when_error.hide()
        self.changed.emit()

    def _via_changed(self) -> None:
        self.via_error.hide()
        self.changed.emit()
