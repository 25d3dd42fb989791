"""The editor's kinds page: the clinic's appointment kinds, their names in both languages and default
length. A kind's code never changes (appointments keep it); a kind no longer offered is deactivated."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.schedule import MAX_APPOINTMENT_MINUTES, AppointmentKindRecord, KindDraft
from ui.kit.i18n import current_language

__all__ = ["KindsPage"]


class KindsPage(QWidget):
    """``add_requested(KindDraft)``, ``update_requested(code, KindDraft, active)``; ``problem`` carries
    words the dialog shows."""

    add_requested = Signal(object)
    update_requested = Signal(str, object, bool)
    problem = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records: list[AppointmentKindRecord] = []
        self.list = QListWidget(self)
        self.list.setObjectName("kindList")
        self.new_button = QPushButton(self)
        self.code = QLineEdit(self)
        self.code.setObjectName("kindCode")
        self.name_fr = QLineEdit(self)
        self.name_fr.setObjectName("kindNameFr")
        self.name_en = QLineEdit(self)
        self.name_en.setObjectName("kindNameEn")
        self.minutes = QSpinBox(self)
        self.minutes.setObjectName("kindMinutes")
        self.minutes.setRange(5, MAX_APPOINTMENT_MINUTES)
        self.minutes.setSingleStep(5)
        self.active = QCheckBox(self)
        self.save_button = QPushButton(self)
        self.labels = [QLabel(self) for _ in range(4)]
        form = QFormLayout()
        for label, field in zip(
            self.labels, (self.code, self.name_fr, self.name_en, self.minutes), strict=True
        ):
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow("", self.active)
        form.addRow("", self.save_button)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.new_button)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 2)
        self.list.currentRowChanged.connect(lambda _row: self._show_selected())
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)

    def retranslate(self) -> None:
        for label, text in zip(
            self.labels,
            (
                self.tr("&Code:"),
                self.tr("French &name:"),
                self.tr("&English name:"),
                self.tr("Default &length:"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.list.setAccessibleName(self.tr("Appointment kinds"))
        self.code.setPlaceholderText(self.tr("for example: follow_up"))
        self.minutes.setSuffix(self.tr(" min"))
        self.active.setText(self.tr("Offered when booking"))
        self.new_button.setText(self.tr("New kind"))
        self.save_button.setText(self.tr("Save the &kind"))
        self._fill_list()

    def show_records(self, records: list[AppointmentKindRecord], select: str | None = None) -> None:
        current = self.selected()
        chosen = select if select is not None else (current.code if current is not None else None)
        self.records = records
        self._fill_list()
        codes = [record.code for record in records]
        self.list.setCurrentRow(codes.index(chosen) if chosen in codes else (0 if codes else -1))
        self._show_selected()

    def _fill_list(self) -> None:
        row = self.list.currentRow()
        language = current_language()
        self.list.blockSignals(True)
        self.list.clear()
        for record in self.records:
            minutes = self.tr("{name} · {minutes} min").format(
                name=record.name(language), minutes=record.default_minutes
            )
            text = minutes if record.active else self.tr("{kind} (not offered)").format(kind=minutes)
            QListWidgetItem(text, self.list).setData(Qt.ItemDataRole.UserRole, record.code)
        self.list.setCurrentRow(row)
        self.list.blockSignals(False)

    def selected(self) -> AppointmentKindRecord | None:
        row = self.list.currentRow()
        return self.records[row] if 0 <= row < len(self.records) else None

    def _show_selected(self) -> None:
        record = self.selected()
        self.code.setText(record.code if record else "")
        self.code.setReadOnly(record is not None)
        self.name_fr.setText(record.name_fr if record else "")
        self.name_en.setText(record.name_en if record else "")
        self.minutes.setValue(record.default_minutes if record else 30)
        self.active.setChecked(record.active if record else True)

    def start_new(self) -> None:
        self.list.setCurrentRow(-1)
        self._show_selected()
        self.code.setFocus()

    def save(self) -> None:
        missing: Callable[[], str] | None = None
        if not self.name_fr.text().strip() or not self.name_en.text().strip():
            missing = lambda: self.tr("Give the kind's name in French and in English.")  # noqa: E731
        if not self.code.text().strip():
            missing = lambda: self.tr("Give the kind a short code (letters, digits and _).")  # noqa: E731
        if missing is not None:
            self.problem.emit(missing)
            return
        draft = KindDraft(
            self.code.text().strip(),
            self.name_fr.text().strip(),
            self.name_en.text().strip(),
            self.minutes.value(),
        )
        if self.selected() is None:
            self.add_requested.emit(draft)
        else:
            self.update_requested.emit(draft.code, draft, self.active.isChecked())
