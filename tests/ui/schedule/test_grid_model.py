"""The day view's slots from the core's records: which are free, outside hours or taken, where each
appointment's name is written, cancelled appointments hidden until asked for."""

from __future__ import annotations

from datetime import date, datetime, time
from uuid import uuid4

from PySide6.QtCore import Qt

from desktop.domain.enums import AppointmentMode
from desktop.domain.schedule import (
    AppointmentState,
    DaySchedule,
    HoursException,
    PractitionerDay,
    PractitionerRecord,
    ScheduledAppointment,
    TimeRange,
)
from ui.schedule.columns import day_columns
from ui.schedule.grid_model import CellKind, ScheduleGridModel

DAY = date(2026, 11, 25)


def at(hour: int, minute: int = 0) -> datetime:
    return datetime.combine(DAY, time(hour, minute)).astimezone()


def appointment(
    ident: int, name: str, start: datetime, minutes: int, state: AppointmentState
) -> ScheduledAppointment:
    return ScheduledAppointment(
        ident, uuid4(), ident, name, f"{ident:06d}", 1, start, minutes,
        "consultation", "Consultation", "Consultation", AppointmentMode.IN_CLINIC, state,
    )  # fmt: skip


def practitioner_day(ident: int, name: str, hours: tuple[TimeRange, ...], *booked: ScheduledAppointment,
                     away: HoursException | None = None) -> PractitionerDay:  # fmt: skip
    record = PractitionerRecord(ident, 1, name, "", True)
    return PractitionerDay(record, DAY, hours, away, booked, ())


def model_of(
    *columns: PractitionerDay, unassigned: tuple[ScheduledAppointment, ...] = ()
) -> ScheduleGridModel:
    model = ScheduleGridModel()
    model.set_columns(day_columns(DaySchedule(1, DAY, 15, columns, unassigned)), 15)
    return model


def kinds(model: ScheduleGridModel, column: int) -> str:
    """One letter a slot: . free, # outside hours, A an appointment's first slot, a its others."""
    letters = []
    for row in range(model.rowCount()):
        cell = model.cell(row, column)
        assert cell is not None
        if cell.kind == CellKind.APPOINTMENT:
            letters.append("A" if cell.first else "a")
        else:
            letters.append("." if cell.kind == CellKind.FREE else "#")
    return "".join(letters)


def test_slots_follow_the_hours_and_the_appointments() -> None:
    morning = (TimeRange(at(9), at(10)), TimeRange(at(10, 30), at(11)))
    booked = appointment(1, "Léa Gagnon", at(9, 15), 30, AppointmentState.ARRIVED)
    # Ten minutes past a slot's start: the slot is taken, the next one too.
    odd = appointment(2, "Samuel Roy", at(10, 40), 10, AppointmentState.BOOKED)
    late = appointment(3, "Maëlle Bouchard", at(11, 30), 15, AppointmentState.BOOKED)  # after hours
    model = model_of(practitioner_day(7, "Dre Tremblay", morning, booked, odd, late))
    # From 9:00 (the first hour) to 11:45 (the last appointment's end), by quarter hours.
    assert model.rowCount() == 11
    assert model.headerData(0, Qt.Orientation.Vertical) == "09:00"
    assert kinds(model, 0) == ".Aa.##Aa##A"
    first = model.index(1, 0)
    assert model.data(first) == "Léa Gagnon · ✔ Arrived · Consultation"
    assert model.data(model.index(2, 0)) == "┆"
    assert model.find(3) == (10, 0)
    assert model.column_of(7, DAY) == 0
    assert "outside hours" in model.data(model.index(4, 0), Qt.ItemDataRole.ToolTipRole)


def test_cancelled_appointments_free_their_slot_until_shown() -> None:
    hours = (TimeRange(at(9), at(10)),)
    cancelled = appointment(1, "Léa Gagnon", at(9), 30, AppointmentState.CANCELLED)
    model = model_of(practitioner_day(1, "Dre Tremblay", hours, cancelled))
    assert kinds(model, 0) == "...."
    model.set_show_cancelled(True)
    assert kinds(model, 0) == "Aa.."
    font = model.data(model.index(0, 0), Qt.ItemDataRole.FontRole)
    assert font.strikeOut()


def test_a_day_off_and_the_unassigned_column_are_said_in_their_headers() -> None:
    away = HoursException(1, 2, DAY, DAY, "Congrès")
    old = appointment(9, "Zoé Côté", at(9, 30), 30, AppointmentState.BOOKED)
    model = model_of(
        practitioner_day(1, "Dre Tremblay", (TimeRange(at(9), at(10)),)),
        practitioner_day(2, "Dr Benali", (), away=away),
        unassigned=(old,),
    )
    titles = [model.headerData(column, Qt.Orientation.Horizontal) for column in range(model.columnCount())]
    assert titles == ["Dre Tremblay", "Dr Benali\n(Congrès)", "Unassigned"]
    assert kinds(model, 1) == "####"
    assert kinds(model, 2) == "##Aa"
    assert model.cell(2, 2).column.practitioner_id is None
