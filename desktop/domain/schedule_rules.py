"""The schedule's rules: a practitioner's open hours on a day, what a slot conflicts with, the free
slots of a day, and an appointment's state from its events. Pure functions, no database.

Hours are the clinic's local time, that is the workstation's zone (as the rest of FrontDesk reads
a day): a moment is placed on a day by ``astimezone()``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta

from desktop.domain.errors import FieldError, ValidationError
from desktop.domain.schedule import (
    MAX_APPOINTMENT_MINUTES,
    AppointmentEventKind,
    AppointmentState,
    HoursException,
    ScheduleConflict,
    TimeRange,
    WeeklyHours,
)

#: The events that end an appointment's "booked" state (nothing is recorded after them but a mistake).
_FINAL = {
    AppointmentEventKind.CANCELLED: AppointmentState.CANCELLED,
    AppointmentEventKind.ARRIVED: AppointmentState.ARRIVED,
    AppointmentEventKind.NO_SHOW: AppointmentState.NO_SHOW,
}
LENGTH_STEP_MINUTES = 5
KIND_CODE = re.compile(r"[a-z][a-z0-9_]{0,31}")


def local_moment(day: date, at: time) -> datetime:
    """``at`` on ``day`` in the clinic's zone, as an aware moment."""
    return datetime.combine(day, at).astimezone()


def local_day(moment: datetime) -> date:
    return moment.astimezone().date()


def overlaps(a: TimeRange, b: TimeRange) -> bool:
    """Half-open ranges: one ending when the other starts does not overlap it."""
    return a.starts_at < b.ends_at and b.starts_at < a.ends_at


def clean_hours(hours: Iterable[WeeklyHours]) -> tuple[WeeklyHours, ...]:
    """The week sorted; ValidationError when an interval is empty, reversed, on no weekday, or
    overlaps another of its day."""
    ordered = tuple(sorted(hours, key=lambda h: (h.weekday, h.starts)))
    for index, interval in enumerate(ordered):
        wrong = interval.weekday not in range(7) or not interval.starts < interval.ends
        previous = ordered[index - 1] if index else None
        if wrong or (previous and previous.weekday == interval.weekday and previous.ends > interval.starts):
            raise ValidationError([FieldError("hours", "invalid_hours")])
    return ordered


def check_exception_dates(starts_on: date, ends_on: date) -> None:
    if ends_on < starts_on:
        raise ValidationError([FieldError("ends_on", "invalid_exception_dates")])


def check_length(minutes: int) -> None:
    if not (LENGTH_STEP_MINUTES <= minutes <= MAX_APPOINTMENT_MINUTES) or minutes % LENGTH_STEP_MINUTES:
        raise ValidationError(
            [FieldError("length_minutes", "invalid_length", {"max": MAX_APPOINTMENT_MINUTES})]
        )


def check_kind_code(code: str) -> None:
    if not KIND_CODE.fullmatch(code):
        raise ValidationError([FieldError("code", "invalid_kind_code")])


def exception_on(day: date, exceptions: Iterable[HoursException]) -> HoursException | None:
    return next((e for e in exceptions if e.starts_on <= day <= e.ends_on), None)


def open_hours(
    day: date, hours: Iterable[WeeklyHours], exceptions: Iterable[HoursException]
) -> tuple[TimeRange, ...]:
    """The day's working intervals; none on a day off or during an exception."""
    if exception_on(day, exceptions) is not None:
        return ()
    weekday = day.weekday()
    return tuple(
        TimeRange(local_moment(day, h.starts), local_moment(day, h.ends))
        for h in sorted(hours, key=lambda h: h.starts)
        if h.weekday == weekday
    )


def slot_conflicts(
    slot: TimeRange,
    hours: Iterable[WeeklyHours],
    exceptions: Iterable[HoursException],
    others: Iterable[TimeRange],
) -> tuple[ScheduleConflict, ...]:
    """What refuses ``slot`` for one practitioner: a day off, hours that do not hold it whole, another
    of their appointments (not cancelled) overlapping it. Empty: the slot is free."""
    found: list[ScheduleConflict] = []
    day = local_day(slot.starts_at)
    exception = exception_on(day, exceptions)
    if exception is not None:
        found.append(ScheduleConflict.CLOSED_DAY)
    elif not any(
        o.starts_at <= slot.starts_at and slot.ends_at <= o.ends_at for o in open_hours(day, hours, ())
    ):
        found.append(ScheduleConflict.OUTSIDE_HOURS)
    if any(overlaps(slot, other) for other in others):
        found.append(ScheduleConflict.DOUBLE_BOOKING)
    return tuple(found)


def free_slots(
    opened: Sequence[TimeRange], busy: Iterable[TimeRange], slot_minutes: int
) -> tuple[TimeRange, ...]:
    """Slot-sized pieces of the open hours, counted from each interval's start, that overlap nothing busy."""
    step = timedelta(minutes=slot_minutes)
    taken = list(busy)
    slots: list[TimeRange] = []
    for interval in opened:
        start = interval.starts_at
        while start + step <= interval.ends_at:
            slot = TimeRange(start, start + step)
            if not any(overlaps(slot, b) for b in taken):
                slots.append(slot)
            start += step
    return tuple(slots)


def derived_state(kinds: Iterable[AppointmentEventKind]) -> AppointmentState:
    """The state the last final event gave (cancelled, arrived, no-show), else booked."""
    state = AppointmentState.BOOKED
    for kind in kinds:
        state = _FINAL.get(kind, state)
    return state


def overrides_text(conflicts: Iterable[ScheduleConflict]) -> str:
    return ",".join(c.value for c in conflicts)


def overrides_of(text: str) -> tuple[ScheduleConflict, ...]:
    return tuple(ScheduleConflict(v) for v in text.split(",") if v)
