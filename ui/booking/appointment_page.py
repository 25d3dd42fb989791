"""The first page of a booking: when, what kind, in clinic or remote, and how it is being made.

Started from a slot of the schedule (:class:`~ui.booking.slot.BookingSlot`), it also says with whom
and how long, and offers the clinic's own kinds, each bringing its default length."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from desktop.domain.enums import AppointmentKind, AppointmentMode, BookedVia
from desktop.domain.records import AppointmentDraft
from desktop.domain.schedule import MAX_APPOINTMENT_MINUTES, AppointmentKindRecord
from ui.booking.feedback import Message, as_maker, error_label
from ui.booking.slot import BookingSlot
from ui.kit.date_edits import MomentEdit
from ui.kit.i18n import appointment_kind_label, current_language, format_date_long, format_time
from ui.kit.retranslate import follow_language

__all__ = ["FIELD_WIDTH", "AppointmentPage", "next_quarter_hour"]

FIELD_WIDTH = 320


def next_quarter_hour(now: datetime) -> datetime:
    """The first quarter hour strictly after ``now``, in the workstation's time zone."""
    local = now.astimezone().replace(second=0, microsecond=0)
    return local + timedelta(minutes=15 - local.minute % 15)


class AppointmentPage(QWidget):
    """When, what kind, in clinic or remote, and how the booking is being made."""

    changed = Signal()

    def __init__(
        self, default_start: datetime, parent: QWidget | None = None, slot: BookingSlot | None = None
    ) -> None:
        super().__init__(parent)
        self._errors: dict[QLabel, Callable[[], str]] = {}
        self._slot = slot
        if slot is not None:
            default_start = slot.starts_at
        self.when = MomentEdit(self)
        self.when.setObjectName("appointmentStart")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(default_start.timestamp())))
        self.when_hint = QLabel(self)
        self.when_hint.setObjectName("appointmentStartHint")
        self.when_error = error_label(self, "appointmentStartError")

        self.kind = QComboBox(self)
        self.kind.setObjectName("appointmentKind")
        for kind in slot.kinds if slot and slot.kinds else list(AppointmentKind):
            self.kind.addItem("", kind)
        self.practitioner = QLabel(slot.practitioner_name if slot else "", self)
        self.practitioner.setObjectName("appointmentPractitioner")
        self.length = QSpinBox(self)
        self.length.setObjectName("appointmentLength")
        self.length.setRange(5, MAX_APPOINTMENT_MINUTES)
        self.length.setSingleStep(5)
        self._length_chosen = slot is not None and slot.length_minutes is not None
        self.length.setValue(slot.length_minutes or self._kind_length() or 15 if slot else 15)

        self.mode = QComboBox(self)
        self.mode.setObjectName("appointmentMode")
        for mode in (AppointmentMode.IN_CLINIC, AppointmentMode.TELEMEDICINE):
            self.mode.addItem("", mode)

        # No default for how the booking is made: it decides how consent is recorded (verbally on the
        # phone or signed at the desk), so the person must say it.
        self.via_phone = QRadioButton(self)
        self.via_phone.setObjectName("bookedViaPhone")
        self.via_desk = QRadioButton(self)
        self.via_desk.setObjectName("bookedViaDesk")
        self._via_group = QButtonGroup(self)
        self._via_group.addButton(self.via_phone)
        self._via_group.addButton(self.via_desk)
        self.via_error = error_label(self, "bookedViaError")
        via_row = QHBoxLayout()
        via_row.addWidget(self.via_phone)
        via_row.addWidget(self.via_desk)
        via_row.addStretch(1)

        # Short values in short boxes: a full-width date box is harder to read at a glance.
        for widget in (self.when, self.kind, self.mode, self.length):
            widget.setMaximumWidth(FIELD_WIDTH)
        form = QFormLayout(self)
        self.when_label = QLabel(self)
        self.when_label.setBuddy(self.when)
        self.kind_label = QLabel(self)
        self.kind_label.setBuddy(self.kind)
        self.mode_label = QLabel(self)
        self.mode_label.setBuddy(self.mode)
        self.via_label = QLabel(self)
        self.practitioner_label = QLabel(self)
        self.length_label = QLabel(self)
        self.length_label.setBuddy(self.length)
        if slot is not None:
            form.addRow(self.practitioner_label, self.practitioner)
        form.addRow(self.when_label, self.when)
        form.addRow("", self.when_hint)
        form.addRow("", self.when_error)
        form.addRow(self.kind_label, self.kind)
        if slot is not None:
            form.addRow(self.length_label, self.length)
        else:
            self.length.hide()
        form.addRow(self.mode_label, self.mode)
        form.addRow(self.via_label, via_row)
        form.addRow("", self.via_error)

        self.when.dateTimeChanged.connect(self._when_changed)
        for signal in (self.kind.currentIndexChanged, self.mode.currentIndexChanged):
            signal.connect(lambda *_: self.changed.emit())
        self.kind.currentIndexChanged.connect(lambda *_: self._kind_changed())
        self.length.valueChanged.connect(lambda *_: self._length_edited())
        self._via_group.buttonToggled.connect(lambda *_: self._via_changed())
        follow_language(self, self.retranslate)
        self._when_changed()

    def retranslate(self) -> None:
        """The staff's words, the date spelt out and any problem shown, in the staff language."""
        self.when.setAccessibleName(self.tr("Date and time of the appointment"))
        self.when_error.setAccessibleName(self.tr("Problem with the date and time"))
        self.kind.setAccessibleName(self.tr("Kind of appointment"))
        language = current_language()
        for index in range(self.kind.count()):
            kind = self.kind.itemData(index)
            label = (
                kind.name(language)
                if isinstance(kind, AppointmentKindRecord)
                else appointment_kind_label(kind)
            )
            self.kind.setItemText(index, label)
        self.length.setAccessibleName(self.tr("Length of the appointment in minutes"))
        self.length.setSuffix(self.tr(" min"))
        self.practitioner_label.setText(self.tr("Practitioner:"))
        self.length_label.setText(self.tr("&Length:"))
        self.mode.setAccessibleName(self.tr("In clinic or telemedicine"))
        for index, label in enumerate((self.tr("In clinic"), self.tr("Telemedicine"))):
            self.mode.setItemText(index, label)
        self.via_phone.setText(self.tr("By &phone"))
        self.via_phone.setAccessibleName(self.tr("Booked by phone"))
        self.via_desk.setText(self.tr("At the &desk"))
        self.via_desk.setAccessibleName(self.tr("Booked at the desk"))
        self.via_error.setAccessibleName(self.tr("Problem with how the booking is made"))
        self.when_label.setText(self.tr("Date and &time:"))
        self.kind_label.setText(self.tr("&Kind:"))
        self.mode_label.setText(self.tr("&Mode:"))
        self.via_label.setText(self.tr("Booked:"))
        self._show_when()
        for error, make in self._errors.items():
            error.setText(make())

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
        kind = self.kind.currentData()
        return AppointmentDraft(
            starts_at=self.starts_at(),
            kind=kind.code if isinstance(kind, AppointmentKindRecord) else AppointmentKind(kind),
            mode=AppointmentMode(self.mode.currentData()),
            booked_via=via,
            uid=uid,
            practitioner_id=self._slot.practitioner_id if self._slot else None,
            length_minutes=self.length.value() if self._slot else None,
        )

    def _kind_length(self) -> int | None:
        kind = self.kind.currentData()
        return kind.default_minutes if isinstance(kind, AppointmentKindRecord) else None

    def _length_edited(self) -> None:
        self._length_chosen = True
        self.changed.emit()

    def _kind_changed(self) -> None:
        """Each kind brings its default length, until the person chooses one."""
        length = self._kind_length()
        if length is not None and not self._length_chosen:
            self.length.blockSignals(True)
            self.length.setValue(length)
            self.length.blockSignals(False)

    def show_error(self, field: str, text: Message) -> None:
        """Show a problem beside its input; given as a function, it is said again in a new language."""
        label = self.when_error if field == "starts_at" else self.via_error
        self._errors[label] = as_maker(text)
        label.setText(self._errors[label]())
        label.show()

    def clear_errors(self) -> None:
        self._errors.clear()
        for label in (self.when_error, self.via_error):
            label.clear()
            label.hide()

    def focus_chain(self) -> list[QWidget]:
        """The inputs in the order Tab goes through them."""
        return [self.when, self.kind, self.length, self.mode, self.via_phone, self.via_desk]

    def set_inputs_enabled(self, enabled: bool) -> None:
        for widget in (self.when, self.kind, self.length, self.mode, self.via_phone, self.via_desk):
            widget.setEnabled(enabled)

    def _show_when(self) -> None:
        chosen = self.starts_at().astimezone()
        self.when_hint.setText(f"{format_date_long(chosen.date(), weekday=True)}, {format_time(chosen)}")

    def _when_changed(self) -> None:
        self._show_when()
        self.when_error.hide()
        self.changed.emit()

    def _via_changed(self) -> None:
        self.via_error.hide()
        self.changed.emit()
