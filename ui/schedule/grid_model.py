"""The schedule as a table: one row per slot of the day, one column per practitioner's day.

The day view gives one column per practitioner of the site (and one for the appointments booked
before practitioners existed); the week view gives one column per day of one practitioner. Both are the
same model over :class:`~desktop.domain.schedule.PractitionerDay` records from the core. Every cell is
worked out once when the data arrives (a few thousand at most), so painting only reads a list.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import Enum
from functools import cache
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.domain.schedule import AppointmentState, PractitionerDay, ScheduledAppointment, TimeRange
from ui.kit.i18n import current_language, format_time

__all__ = ["CELL_ROLE", "Cell", "CellKind", "GridColumn", "ScheduleGridModel", "state_label"]

AnyIndex = QModelIndex | QPersistentModelIndex
CELL_ROLE = Qt.ItemDataRole.UserRole + 2

#: The hours shown when no practitioner works that day and nothing is booked.
DEFAULT_FIRST = time(8, 0)
DEFAULT_LAST = time(17, 0)


class CellKind(Enum):
    CLOSED = "closed"  # outside the practitioner's hours, or a day off
    FREE = "free"
    APPOINTMENT = "appointment"


@dataclass(frozen=True)
class GridColumn:
    """One column: a practitioner's day, or the day's appointments with no practitioner
    (``practitioner_id`` None, no hours: every slot outside hours but those booked)."""

    title: str
    tooltip: str
    day: date
    practitioner_id: int | None
    practitioner_day: PractitionerDay | None
    appointments: tuple[ScheduledAppointment, ...]


@dataclass(frozen=True)
class Cell:
    kind: CellKind
    starts_at: datetime
    ends_at: datetime
    column: GridColumn
    #: The appointments the slot holds, the one drawn first.
    appointments: tuple[ScheduledAppointment, ...] = ()
    #: True in the slot where the first appointment begins (its name is written there).
    first: bool = False

    @property
    def appointment(self) -> ScheduledAppointment | None:
        return self.appointments[0] if self.appointments else None


# Background, text: never colour alone (the state is written in the cell too).
STATE_COLOURS = {
    AppointmentState.BOOKED: ("#dbe7fb", "#10325f"),
    AppointmentState.ARRIVED: ("#dff3e4", "#0b5d1e"),
    AppointmentState.NO_SHOW: ("#fbe0e3", "#8a1020"),
    AppointmentState.CANCELLED: ("#f1f3f5", "#5c6570"),
}
FREE_COLOUR = "#ffffff"
CLOSED_COLOUR = "#d9dde2"


@cache
def _brush(colour: str) -> QBrush:
    return QBrush(QColor(colour))


@cache
def _font(*, bold: bool, struck: bool) -> QFont:
    font = QFont()
    font.setBold(bold)
    font.setStrikeOut(struck)
    return font


def state_label(state: AppointmentState) -> str:
    return {
        AppointmentState.BOOKED: QCoreApplication.translate("Schedule", "Booked"),
        AppointmentState.ARRIVED: QCoreApplication.translate("Schedule", "✔ Arrived"),
        AppointmentState.NO_SHOW: QCoreApplication.translate("Schedule", "✖ No-show"),
        AppointmentState.CANCELLED: QCoreApplication.translate("Schedule", "⊘ Cancelled"),
    }[state]


def _local(day: date, minutes: int) -> datetime:
    """The workstation's local moment ``minutes`` after midnight on ``day``."""
    return (datetime.combine(day, time()) + timedelta(minutes=minutes)).astimezone()


def _minutes_of(moment: datetime) -> int:
    local = moment.astimezone()
    return local.hour * 60 + local.minute


def _ranges(column: GridColumn) -> list[TimeRange]:
    return list(column.practitioner_day.open_hours) if column.practitioner_day else []


class ScheduleGridModel(QAbstractTableModel):
    """Rows are slots (``slot_minutes`` long) from the earliest hour to the latest any column needs."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns: list[GridColumn] = []
        self._slot = 15
        self._first_minute = DEFAULT_FIRST.hour * 60
        self._rows = 0
        self._cells: list[list[Cell]] = []
        self._show_cancelled = False
        self._row_labels: dict[int, str] = {}

    # ------------------------------------------------------------ contents

    def set_columns(self, columns: Sequence[GridColumn], slot_minutes: int) -> None:
        self.beginResetModel()
        self._columns = list(columns)
        self._slot = max(5, slot_minutes)
        self._lay_out()
        self.endResetModel()

    def set_show_cancelled(self, shown: bool) -> None:
        if shown == self._show_cancelled:
            return
        self.beginResetModel()
        self._show_cancelled = shown
        self._lay_out()
        self.endResetModel()

    @property
    def show_cancelled(self) -> bool:
        return self._show_cancelled

    @property
    def slot_minutes(self) -> int:
        return self._slot

    def columns(self) -> list[GridColumn]:
        return list(self._columns)

    def cell(self, row: int, column: int) -> Cell | None:
        if 0 <= row < self._rows and 0 <= column < len(self._columns):
            return self._cells[column][row]
        return None

    def find(self, appointment_id: int) -> tuple[int, int] | None:
        """Where an appointment begins (row, column), if it is shown."""
        for column, cells in enumerate(self._cells):
            for row, cell in enumerate(cells):
                if cell.first and any(a.id == appointment_id for a in cell.appointments):
                    return row, column
        return None

    def row_of(self, moment: datetime) -> int | None:
        row = (_minutes_of(moment) - self._first_minute) // self._slot
        return row if 0 <= row < self._rows else None

    def column_of(self, practitioner_id: int | None, day: date) -> int | None:
        for index, column in enumerate(self._columns):
            if column.practitioner_id == practitioner_id and column.day == day:
                return index
        return None

    def language_changed(self) -> None:
        self._row_labels.clear()
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        if self._rows:
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self._rows - 1)
            self.dataChanged.emit(self.index(0, 0), self.index(self._rows - 1, len(self._columns) - 1))

    def _visible(self, appointment: ScheduledAppointment) -> bool:
        return self._show_cancelled or appointment.state != AppointmentState.CANCELLED

    def _lay_out(self) -> None:
        """Which minutes the rows cover, then what every cell holds."""
        starts: list[int] = []
        ends: list[int] = []
        for column in self._columns:
            for hours in _ranges(column):
                starts.append(_minutes_of(hours.starts_at))
                ends.append(_minutes_of(hours.ends_at) or 24 * 60)
            for appointment in column.appointments:
                if self._visible(appointment):
                    starts.append(_minutes_of(appointment.starts_at))
                    ends.append(min(24 * 60, _minutes_of(appointment.starts_at) + appointment.length_minutes))
        first = min(starts, default=DEFAULT_FIRST.hour * 60)
        last = max(ends, default=DEFAULT_LAST.hour * 60)
        self._first_minute = first - first % self._slot
        self._rows = max(1, -(-(last - self._first_minute) // self._slot))
        self._cells = [self._column_cells(column) for column in self._columns]
        self._row_labels.clear()

    def _column_cells(self, column: GridColumn) -> list[Cell]:
        hours = _ranges(column)
        shown = sorted(
            (a for a in column.appointments if self._visible(a)),
            key=lambda a: (a.state == AppointmentState.CANCELLED, a.starts_at),
        )
        top = _local(column.day, self._first_minute)
        slot = timedelta(minutes=self._slot)
        last = self._rows - 1
        # Each appointment and each interval of hours marks the rows it covers (not every row tested
        # against every appointment: a day of twenty practitioners is laid out in a few milliseconds).
        held: list[list[ScheduledAppointment]] = [[] for _ in range(self._rows)]
        for appointment in shown:
            first_row = max(0, (appointment.starts_at - top) // slot)
            last_row = min(last, -(-(appointment.ends_at - top) // slot) - 1)
            for row in range(first_row, last_row + 1):
                held[row].append(appointment)
        free = [False] * self._rows
        for hours_range in hours:
            first_row = max(0, -(-(hours_range.starts_at - top) // slot))
            last_row = min(last, (hours_range.ends_at - top) // slot - 1)
            for row in range(first_row, last_row + 1):
                free[row] = True
        cells = []
        for row in range(self._rows):
            begins = top + row * slot
            ends = begins + slot
            if held[row]:
                first = held[row][0].starts_at >= begins or row == 0
                cells.append(Cell(CellKind.APPOINTMENT, begins, ends, column, tuple(held[row]), first))
            else:
                cells.append(Cell(CellKind.FREE if free[row] else CellKind.CLOSED, begins, ends, column))
        return cells

    # ------------------------------------------------------------ words

    def cell_text(self, cell: Cell) -> str:
        appointment = cell.appointment
        if appointment is None:
            return ""
        if not cell.first:
            return "┆"
        language = current_language()
        # The state before the kind: in a narrow column the end of the text is what gets cut.
        parts = [appointment.client_name, appointment.kind_name(language)]
        if appointment.state != AppointmentState.BOOKED:
            parts.insert(1, state_label(appointment.state))
        text = " · ".join(parts)
        others = len(cell.appointments) - 1
        if others:
            text = QCoreApplication.translate("Schedule", "⚠ {text} (+{count})").format(
                text=text, count=others
            )
        return text

    def cell_description(self, cell: Cell) -> str:
        """What a screen reader and the tooltip say about a slot."""
        when = format_time(cell.starts_at)
        if cell.kind == CellKind.CLOSED:
            return QCoreApplication.translate("Schedule", "{time}: outside hours").format(time=when)
        if cell.kind == CellKind.FREE:
            return QCoreApplication.translate("Schedule", "{time}: free").format(time=when)
        language = current_language()
        lines = [
            QCoreApplication.translate(
                "Schedule", "{start}–{end}: {name} (file {file}), {kind}, {state}"
            ).format(
                start=format_time(a.starts_at),
                end=format_time(a.ends_at),
                name=a.client_name,
                file=a.file_number,
                kind=a.kind_name(language),
                state=state_label(a.state),
            )
            for a in cell.appointments
        ]
        return "\n".join(lines)

    # ------------------------------------------------------------ Qt model interface

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() or not self._columns else self._rows

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            column = self._columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return column.title
            if role == Qt.ItemDataRole.ToolTipRole:
                return column.tooltip or None
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return self._row_label(section)
        return None

    def _row_label(self, row: int) -> str:
        """The slot's time, made once per layout and language (a paint asks for it many times)."""
        label = self._row_labels.get(row)
        if label is None:
            day = self._columns[0].day if self._columns else date.today()
            label = self._row_labels[row] = format_time(_local(day, self._first_minute + row * self._slot))
        return label

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cell = self._cells[index.column()][index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(cell)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.cell_description(cell)
        if role == Qt.ItemDataRole.BackgroundRole:
            return _brush(self._background(cell))
        if role == Qt.ItemDataRole.ForegroundRole and cell.appointment is not None:
            return _brush(STATE_COLOURS[cell.appointment.state][1])
        if role == Qt.ItemDataRole.FontRole and cell.appointment is not None:
            state = cell.appointment.state
            return _font(
                bold=cell.first and state == AppointmentState.BOOKED,
                struck=state == AppointmentState.CANCELLED,
            )
        if role == CELL_ROLE:
            return cell
        return None

    @staticmethod
    def _background(cell: Cell) -> str:
        if cell.appointment is not None:
            return STATE_COLOURS[cell.appointment.state][0]
        return FREE_COLOUR if cell.kind == CellKind.FREE else CLOSED_COLOUR
