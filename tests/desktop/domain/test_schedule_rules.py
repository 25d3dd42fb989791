"""The schedule's rules without a database: open hours, what a slot conflicts with, free slots, state."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from desktop.domain.errors import ValidationError
from desktop.domain.schedule import (
    AppointmentEventKind,
    AppointmentState,
    HoursException,
    ScheduleConflict,
    TimeRange,
    WeeklyHours,
)
from desktop.domain.schedule_rules import (
    check_length,
    clean_hours,
    derived_state,
    free_slots,
    local_moment,
    open_hours,
    overrides_of,
    overrides_text,
    slot_conflicts,
)

WEDNESDAY = date(2026, 11, 25)
HOURS = (WeeklyHours(2, time(13), time(17)), WeeklyHours(2, time(8), time(12)))
VACATION = HoursException(1, 1, date(2026, 11, 26), date(2026, 11, 27), "Vacances")


def slot(at: time, minutes: int, day: date = WEDNESDAY) -> TimeRange:
    start = local_moment(day, at)
    return TimeRange(start, start + timedelta(minutes=minutes))


def test_open_hours_follow_the_weekday_and_the_exceptions() -> None:
    assert open_hours(WEDNESDAY, HOURS, [VACATION]) == (slot(time(8), 240), slot(time(13), 240))
    assert open_hours(WEDNESDAY + timedelta(days=1), HOURS, [VACATION]) == ()  # on vacation
    assert open_hours(WEDNESDAY - timedelta(days=1), HOURS, []) == ()  # Tuesday: no hours


def test_a_slot_conflicts_with_an_overlap_the_hours_and_a_day_off() -> None:
    booked = [slot(time(9), 30)]
    assert slot_conflicts(slot(time(9, 30), 30), HOURS, [], booked) == ()  # end to end is no overlap
    assert slot_conflicts(slot(time(8, 45), 30), HOURS, [], booked) == (ScheduleConflict.DOUBLE_BOOKING,)
    assert slot_conflicts(slot(time(11, 45), 30), HOURS, [], booked) == (ScheduleConflict.OUTSIDE_HOURS,)
    assert slot_conflicts(slot(time(7, 30), 30), HOURS, [], booked) == (ScheduleConflict.OUTSIDE_HOURS,)
    thursday = slot(time(9), 30, WEDNESDAY + timedelta(days=1))
    assert slot_conflicts(thursday, HOURS, [VACATION], [thursday]) == (
        ScheduleConflict.CLOSED_DAY,
        ScheduleConflict.DOUBLE_BOOKING,
    )


def test_free_slots_leave_out_what_is_busy() -> None:
    opened = (slot(time(8), 60),)
    free = free_slots(opened, [slot(time(8, 15), 20)], 15)
    assert [s.starts_at.astimezone().time() for s in free] == [time(8), time(8, 45)]
    assert all(s.minutes == 15 for s in free)


def test_hours_must_be_ordered_and_apart() -> None:
    assert clean_hours(HOURS) == (HOURS[1], HOURS[0])
    for wrong in (
        [WeeklyHours(0, time(12), time(9))],
        [WeeklyHours(7, time(9), time(12))],
        [WeeklyHours(0, time(9), time(12)), WeeklyHours(0, time(11), time(14))],
    ):
        with pytest.raises(ValidationError) as refused:
            clean_hours(wrong)
        assert "Heures invalides" in refused.value.message("fr")


def test_lengths_and_state_and_overrides() -> None:
    check_length(45)
    for wrong in (0, 7, 8 * 60 + 5):
        with pytest.raises(ValidationError):
            check_length(wrong)
    assert derived_state([]) == AppointmentState.BOOKED
    assert (
        derived_state([AppointmentEventKind.BOOKED, AppointmentEventKind.RESCHEDULED])
        == AppointmentState.BOOKED
    )
    assert (
        derived_state([AppointmentEventKind.BOOKED, AppointmentEventKind.NO_SHOW]) == AppointmentState.NO_SHOW
    )
    conflicts = (ScheduleConflict.DOUBLE_BOOKING, ScheduleConflict.OUTSIDE_HOURS)
    assert overrides_of(overrides_text(conflicts)) == conflicts and overrides_of("") == ()
