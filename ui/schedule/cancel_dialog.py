"""Cancelling an appointment asks who cancels (the client or the clinic) and why; both are recorded on
the appointment's ``cancelled`` event."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.schedule import CancelledBy, ScheduledAppointment
from ui.kit.forms import make_error_label
from ui.kit.i18n import format_datetime
from ui.kit.retranslate import follow_language

__all__ = ["CancelDialog"]


class CancelDialog(QDialog):
    """Who cancels and why; OK only records once both are given (the reason is required)."""

    def __init__(self, appointment: ScheduledAppointment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cancelAppointmentDialog")
        self._appointment = appointment
        self.what = QLabel(self)
        self.what.setTextFormat(Qt.TextFormat.PlainText)
        self.what.setWordWrap(True)
        self.by_client = QRadioButton(self)
        self.by_client.setObjectName("cancelledByClient")
        self.by_clinic = QRadioButton(self)
        self.by_clinic.setObjectName("cancelledByClinic")
        self._by = QButtonGroup(self)
        self._by.addButton(self.by_client)
        self._by.addButton(self.by_clinic)
        self.by_client.setChecked(True)  # most cancellations are the client's call
        by_row = QHBoxLayout()
        by_row.addWidget(self.by_client)
        by_row.addWidget(self.by_clinic)
        by_row.addStretch(1)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("cancelReason")
        self.reason.setMaxLength(200)
        self.reason_error = make_error_label(self)
        self.by_label = QLabel(self)
        self.reason_label = QLabel(self)
        self.reason_label.setBuddy(self.reason)
        form = QFormLayout()
        form.addRow(self.by_label, by_row)
        form.addRow(self.reason_label, self.reason)
        form.addRow("", self.reason_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.what)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.reason.setFocus()
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        appointment = self._appointment
        self.setWindowTitle(self.tr("Cancel an appointment"))
        self.what.setText(
            self.tr("Cancel {name}'s appointment of {when}? It stays in the file, marked cancelled.").format(
                name=appointment.client_name, when=format_datetime(appointment.starts_at)
            )
        )
        self.by_label.setText(self.tr("Cancelled by:"))
        self.by_client.setText(self.tr("the &client"))
        self.by_clinic.setText(self.tr("the c&linic"))
        self.reason_label.setText(self.tr("&Reason:"))
        self.reason.setPlaceholderText(self.tr("For example: sick, schedule conflict, practitioner away"))
        if self.reason_error.isVisible():
            self.reason_error.setText(self._missing_reason())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Cancel the &appointment"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Keep it"))

    def _missing_reason(self) -> str:
        return self.tr("Say why the appointment is cancelled.")

    def cancelled_by(self) -> CancelledBy:
        return CancelledBy.CLINIC if self.by_clinic.isChecked() else CancelledBy.CLIENT

    def reason_text(self) -> str:
        return self.reason.text().strip()

    def accept(self) -> None:
        if not self.reason_text():
            self.reason_error.setText(self._missing_reason())
            self.reason_error.show()
            self.reason.setFocus()
            return
        super().accept()
