"""A client's phone numbers in the form: one row per number (kind, number, remove), up to the most a file
keeps; texts go to the first one marked mobile. An extension is typed after its number, as in every phone
field ("418 555-0123, poste 12"), and shown there again.

The rows are made once and shown as needed, so each keeps its own error line under a fixed field name
(``phone``, ``phone_2``…) however many are added and removed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.phones import MAX_PHONES, Phone, PhoneKind
from desktop.domain.validation import phone_field
from ui.kit.i18n import format_phone
from ui.kit.retranslate import follow_language

__all__ = ["PhoneList", "kind_label"]

# The kinds offered, in the order of the list; "not specified" last (a number kept from before kinds).
KINDS = (PhoneKind.MOBILE, PhoneKind.HOME, PhoneKind.WORK, PhoneKind.UNSPECIFIED)


def kind_label(kind: PhoneKind) -> str:
    translate = QCoreApplication.translate
    return {
        PhoneKind.MOBILE: translate("PhoneList", "Mobile (texts)"),
        PhoneKind.HOME: translate("PhoneList", "Home"),
        PhoneKind.WORK: translate("PhoneList", "Work"),
        PhoneKind.UNSPECIFIED: translate("PhoneList", "Not specified"),
    }[kind]


def _number_text(phone: Phone) -> str:
    """A stored number formatted for reading, its extension with it; text being typed as it is."""
    return format_phone(phone.number, phone.extension) if phone.number.startswith("+") else phone.number


class PhoneRow(QWidget):
    edited = Signal()
    remove_requested = Signal()

    def __init__(self, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = phone_field(index)
        self.setObjectName(f"phoneRow{index + 1}")
        self.kind = QComboBox(self)
        self.kind.setObjectName(f"phoneKind{index + 1}")
        for kind in KINDS:
            self.kind.addItem("", kind)
        self.kind.activated.connect(lambda _index: self.edited.emit())
        self.number = QLineEdit(self)
        self.number.setObjectName(f"field_{self.field}")
        self.number.setMaxLength(40)
        self.number.textEdited.connect(lambda _text: self.edited.emit())
        self.remove = QPushButton(self)
        self.remove.setObjectName(f"removePhone{index + 1}")
        self.remove.clicked.connect(self.remove_requested.emit)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.kind, 0, 0)
        grid.addWidget(self.number, 0, 1)
        grid.addWidget(self.remove, 0, 2)
        grid.setColumnStretch(1, 1)

    def phone(self) -> Phone:
        # A combo box hands its data back as a plain string.
        return Phone(self.number.text(), PhoneKind(self.kind.currentData()))

    def set_phone(self, phone: Phone) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(phone.kind)))
        self.number.setText(_number_text(phone))
        self.number.setCursorPosition(0)


class PhoneList(QWidget):
    """The rows shown, an "Add a number" button; each row's error line is given by the form."""

    edited = Signal()

    def __init__(
        self, add_error_line: Callable[[str, QWidget], QLabel], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("phoneList")
        self.rows = [PhoneRow(index, self) for index in range(MAX_PHONES)]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for row in self.rows:
            row.edited.connect(self.edited.emit)
            row.remove_requested.connect(lambda row=row: self._remove(row))
            layout.addWidget(row)
            layout.addWidget(add_error_line(row.field, row.number))
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("addPhone")
        self.add_button.clicked.connect(self.add_row)
        layout.addWidget(self.add_button)
        self._shown = 1
        self._show_rows()
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add a number"))
        for position, row in enumerate(self.rows, start=1):
            for index, kind in enumerate(KINDS):
                row.kind.setItemText(index, kind_label(kind))
            row.kind.setAccessibleName(self.tr("Kind of number %1").replace("%1", str(position)))
            row.number.setAccessibleName(self.tr("Phone %1").replace("%1", str(position)))
            row.number.setPlaceholderText(self.tr("418 555-0123"))
            row.remove.setText(self.tr("Remove"))
            row.remove.setAccessibleName(self.tr("Remove phone %1").replace("%1", str(position)))

    def _show_rows(self) -> None:
        for index, row in enumerate(self.rows):
            row.setVisible(index < self._shown)
        self.add_button.setEnabled(self._shown < len(self.rows))

    def add_row(self) -> None:
        if self._shown < len(self.rows):
            self._shown += 1
            self._show_rows()
            self.rows[self._shown - 1].number.setFocus()
            self.edited.emit()

    def _remove(self, row: PhoneRow) -> None:
        phones = [r.phone() for r in self.rows[: self._shown] if r is not row]
        self.set_phones(tuple(phones), keep_one_row=True)
        self.edited.emit()

    def phones(self) -> tuple[Phone, ...]:
        """The numbers typed, in order (blank rows are dropped by the core)."""
        return tuple(row.phone() for row in self.rows[: self._shown])

    def set_phones(self, phones: tuple[Phone, ...], *, keep_one_row: bool = True) -> None:
        self._shown = max(1 if keep_one_row else 0, min(len(phones), len(self.rows)))
        for index, row in enumerate(self.rows):
            row.set_phone(phones[index] if index < len(phones) else Phone(""))
        self._show_rows()

    def editors(self) -> list[QWidget]:
        """Every focusable widget of the rows shown, in reading order, then the add button."""
        widgets: list[QWidget] = []
        for row in self.rows:
            widgets += [row.kind, row.number, row.remove]
        return [*widgets, self.add_button]
