"""The editor's practitioners page: name, specialty and activity, the weekly hours (one line per weekday)
and the days off. Every change goes through ``services.schedule`` (managers only, audited)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import DATE_FORMS, UnreadableDateError, parse_date
from desktop.domain.schedule import HoursException, PractitionerRecord, WeeklyHours
from ui.kit.errors import error_text
from ui.kit.i18n import current_language, format_date
from ui.schedule.hours_text import UnreadableHours, hours_line, read_hours_line

__all__ = ["PractitionerForm", "PractitionersPage"]

Words = Callable[[], str]


class PractitionerForm:
    """What the form holds, read for a save."""

    def __init__(self, name: str, specialty: str, active: bool, hours: list[WeeklyHours]) -> None:
        self.name, self.specialty, self.active, self.hours = name, specialty, active, hours


class PractitionersPage(QWidget):
    """``save_requested(practitioner_id | None, form)``, ``day_off_requested(practitioner_id, start, end,
    reason)``, ``remove_requested(exception_id)``; ``problem`` carries words the dialog shows."""

    save_requested = Signal(object, object)
    day_off_requested = Signal(int, object, object, str)
    remove_requested = Signal(int)
    problem = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records: list[PractitionerRecord] = []
        self.list = QListWidget(self)
        self.list.setObjectName("practitionerList")
        self.new_button = QPushButton(self)
        self.name = QLineEdit(self)
        self.name.setObjectName("practitionerName")
        self.specialty = QLineEdit(self)
        self.specialty.setObjectName("practitionerSpecialty")
        self.active = QCheckBox(self)
        self.active.setChecked(True)
        self.hour_lines = [QLineEdit(self) for _ in range(7)]
        for weekday, line in enumerate(self.hour_lines):
            line.setObjectName(f"hours{weekday}")
        self.hours_hint = QLabel(self)
        self.hours_hint.setWordWrap(True)
        self.save_button = QPushButton(self)
        self.exceptions = QListWidget(self)
        self.exceptions.setObjectName("exceptionList")
        self.off_from = QLineEdit(self)
        self.off_from.setObjectName("dayOffFrom")
        self.off_to = QLineEdit(self)
        self.off_to.setObjectName("dayOffTo")
        self.off_reason = QLineEdit(self)
        self.off_reason.setObjectName("dayOffReason")
        self.add_off_button = QPushButton(self)
        self.remove_off_button = QPushButton(self)

        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, field in (("name", self.name), ("specialty", self.specialty)):
            form.addRow(self._label(key, field), field)
        form.addRow("", self.active)
        for weekday, line in enumerate(self.hour_lines):
            form.addRow(self._label(f"day{weekday}", line), line)
        form.addRow("", self.hours_hint)
        form.addRow("", self.save_button)
        self.days_off = QGroupBox(self)
        off_form = QFormLayout(self.days_off)
        off_form.addRow(self.exceptions)
        for key, field in (("from", self.off_from), ("to", self.off_to), ("reason", self.off_reason)):
            off_form.addRow(self._label(key, field), field)
        off_buttons = QHBoxLayout()
        off_buttons.addWidget(self.add_off_button)
        off_buttons.addWidget(self.remove_off_button)
        off_buttons.addStretch(1)
        off_form.addRow(off_buttons)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.new_button)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.days_off, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 2)

        self.list.currentRowChanged.connect(lambda _row: self._show_selected())
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)
        self.add_off_button.clicked.connect(self.add_day_off)
        self.remove_off_button.clicked.connect(self.remove_day_off)

    def _label(self, key: str, buddy: QWidget) -> QLabel:
        label = self.labels[key] = QLabel(self)
        label.setBuddy(buddy)
        return label

    def retranslate(self) -> None:
        words = {
            "name": self.tr("&Name:"),
            "specialty": self.tr("S&pecialty (schedule only):"),
            "from": self.tr("&From:"),
            "to": self.tr("T&o:"),
            "reason": self.tr("Rea&son:"),
        }
        days = (
            self.tr("Monday:"),
            self.tr("Tuesday:"),
            self.tr("Wednesday:"),
            self.tr("Thursday:"),
            self.tr("Friday:"),
            self.tr("Saturday:"),
            self.tr("Sunday:"),
        )
        words.update({f"day{weekday}": text for weekday, text in enumerate(days)})
        for key, label in self.labels.items():
            label.setText(words[key])
        self.list.setAccessibleName(self.tr("Practitioners of the site"))
        self.new_button.setText(self.tr("New practitioner"))
        self.active.setText(self.tr("Active (can be booked)"))
        self.hours_hint.setText(
            self.tr("Hours as 8:00-12:00, 13:00-17:00; an empty line is a day off. Booked appointments stay.")
        )
        self.save_button.setText(self.tr("Sa&ve the practitioner"))
        self.days_off.setTitle(self.tr("Days off (vacation, closed days)"))
        for field in (self.off_from, self.off_to):
            field.setPlaceholderText(DATE_FORMS.get(current_language()))
        self.add_off_button.setText(self.tr("&Add the days off"))
        self.remove_off_button.setText(self.tr("Remove the days off chosen"))
        self._show_exceptions()
        self._fill_list()

    # ------------------------------------------------------------ showing

    def show_records(self, records: list[PractitionerRecord], select: int | None = None) -> None:
        chosen = select if select is not None else self.selected_id()
        self.records = records
        self._fill_list()
        ids = [record.id for record in records]
        self.list.setCurrentRow(ids.index(chosen) if chosen in ids else (0 if ids else -1))
        self._show_selected()

    def _fill_list(self) -> None:
        row = self.list.currentRow()
        self.list.blockSignals(True)
        self.list.clear()
        for record in self.records:
            text = (
                record.display_name
                if record.active
                else self.tr("{name} (inactive)").format(name=record.display_name)
            )
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, record.id)
        self.list.setCurrentRow(row)
        self.list.blockSignals(False)

    def selected(self) -> PractitionerRecord | None:
        row = self.list.currentRow()
        return self.records[row] if 0 <= row < len(self.records) else None

    def selected_id(self) -> int | None:
        record = self.selected()
        return record.id if record is not None else None

    def _show_selected(self) -> None:
        record = self.selected()
        self.name.setText(record.display_name if record else "")
        self.specialty.setText(record.specialty if record else "")
        self.active.setChecked(record.active if record else True)
        for weekday, line in enumerate(self.hour_lines):
            line.setText(hours_line(record.hours, weekday) if record else "")
        self.days_off.setEnabled(record is not None)
        self._show_exceptions()

    def _show_exceptions(self) -> None:
        record = self.selected()
        self.exceptions.clear()
        for exception in record.exceptions if record else ():
            item = QListWidgetItem(self._exception_text(exception), self.exceptions)
            item.setData(Qt.ItemDataRole.UserRole, exception.id)

    def _exception_text(self, exception: HoursException) -> str:
        text = self.tr("{start} to {end}").format(
            start=format_date(exception.starts_on), end=format_date(exception.ends_on)
        )
        return f"{text} · {exception.reason}" if exception.reason else text

    def start_new(self) -> None:
        self.list.setCurrentRow(-1)
        self._show_selected()
        self.name.setFocus()

    # ------------------------------------------------------------ asking

    def save(self) -> None:
        if not self.name.text().strip():
            self.problem.emit(lambda: self.tr("Give the practitioner's name."))
            self.name.setFocus()
            return
        hours: list[WeeklyHours] = []
        for weekday, line in enumerate(self.hour_lines):
            try:
                hours += read_hours_line(weekday, line.text())
            except UnreadableHours as error:
                self.problem.emit(
                    lambda piece=error.piece: self.tr(
                        "“{piece}” is not hours: write them as 8:00-12:00."
                    ).format(piece=piece)
                )
                line.setFocus()
                return
        form = PractitionerForm(
            self.name.text().strip(), self.specialty.text().strip(), self.active.isChecked(), hours
        )
        self.save_requested.emit(self.selected_id(), form)

    def add_day_off(self) -> None:
        practitioner = self.selected_id()
        if practitioner is None:
            return
        days: list[date] = []
        for field in (self.off_from, self.off_to):
            text = field.text().strip() or self.off_from.text().strip()
            try:
                days.append(parse_date(text))
            except UnreadableDateError as error:
                self.problem.emit(lambda error=error: error_text(error))
                field.setFocus()
                return
        self.day_off_requested.emit(practitioner, days[0], days[1], self.off_reason.text().strip())

    def remove_day_off(self) -> None:
        item = self.exceptions.currentItem()
        if item is not None:
            self.remove_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def clear_day_off(self) -> None:
        for field in (self.off_from, self.off_to, self.off_reason):
            field.clear()
