"""The parent or tutor who gives a minor's consent answers: a name and a capacity, on one row.

The service records a grant for a client under 14 only with that person named on the event; the
booking's consent page and the client file's consent update both ask for them with this row.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from desktop.domain.enums import SignerCapacity
from desktop.domain.records import Representative
from ui.kit.retranslate import follow_language

__all__ = ["RepresentativeFields"]


class RepresentativeFields(QWidget):
    """The "Answers given by" row: the parent's or tutor's full name and which of the two they are."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.name = QLineEdit(self)
        self.name.setObjectName("consentRepresentativeName")
        self.capacity = QComboBox(self)
        self.capacity.setObjectName("consentRepresentativeCapacity")
        for capacity in (SignerCapacity.PARENT, SignerCapacity.TUTOR):
            self.capacity.addItem("", capacity)
        self.label.setBuddy(self.name)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.name, 2)
        row.addWidget(self.capacity, 1)
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        self.label.setText(self.tr("Answers given by (client under 14):"))
        self.name.setPlaceholderText(self.tr("Parent's or tutor's full name"))
        self.name.setAccessibleName(self.tr("Parent's or tutor's full name"))
        self.capacity.setAccessibleName(self.tr("Parent or tutor"))
        self.capacity.setItemText(0, self.tr("Parent"))
        self.capacity.setItemText(1, self.tr("Tutor"))

    def representative(self) -> Representative | None:
        """The person named, or None while no name is typed (the service then says one is needed)."""
        name = self.name.text().strip()
        if not name:
            return None
        return Representative(name, SignerCapacity(self.capacity.currentData()))

    def set_inputs_enabled(self, enabled: bool) -> None:
        self.name.setEnabled(enabled)
        self.capacity.setEnabled(enabled)
