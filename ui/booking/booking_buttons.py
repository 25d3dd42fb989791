"""The buttons under the steps of a booking: cancel on the left, back, next and save on the right."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from ui.kit.retranslate import follow_language

__all__ = ["BookingButtons"]


class BookingButtons(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.back = QPushButton(self)
        self.back.setObjectName("bookingBack")
        self.next = QPushButton(self)
        self.next.setObjectName("bookingNext")
        self.save = QPushButton(self)
        self.save.setObjectName("bookingSave")
        self.cancel = QPushButton(self)
        self.cancel.setObjectName("bookingCancel")
        for button in (self.back, self.next, self.save, self.cancel):
            # Enter in a field must never save or move on by surprise.
            button.setAutoDefault(False)
            button.setDefault(False)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.cancel)
        row.addStretch(1)
        row.addWidget(self.back)
        row.addWidget(self.next)
        row.addWidget(self.save)
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        self.back.setText(self.tr("&Back"))
        self.next.setText(self.tr("&Next"))
        self.save.setText(self.tr("&Save booking"))
        self.save.setToolTip(self.tr("Ctrl+Enter"))
        self.cancel.setText(self.tr("Cancel"))
        self.back.setAccessibleName(self.tr("Back to the previous step"))
        self.next.setAccessibleName(self.tr("Next step"))
        self.save.setAccessibleName(self.tr("Save the booking"))
        self.cancel.setAccessibleName(self.tr("Cancel the booking"))
