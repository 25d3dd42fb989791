"""The schedule's vocabulary and records: practitioners and their hours, appointment kinds as clinic
data, appointment events (an append-only ledger) and the day and week views built from them.

Times of day (hours, exceptions) are the clinic's local time; moments (``datetime``) are aware.
The rules that read these records (overlap, hours, free slots, derived state) are in
:mod:`desktop.domain.schedule_rules`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from uuid import UUID

from desktop.domain.enums import AppointmentMode, Language
from desktop.domain.errors import FrontDeskError
from desktop.domain.messages import message


class AppointmentEventKind(StrEnum):
    BOOKED = "booked"
    CANCELLED = "cancelled"
    #: A new time, practitioner or length; the event keeps what it became, earlier events what it was.
    RESCHEDULED = "rescheduled"
    ARRIVED = "arrived"
    NO_SHOW = "no_show"


class CancelledBy(StrEnum):
    CLIENT = "client"
    CLINIC = "clinic"


class AppointmentState(StrEnum):
    """What an appointment is now, derived from its events (never stored)."""

    BOOKED = "booked"
    CANCELLED = "cancelled"
    ARRIVED = "arrived"
    NO_SHOW = "no_show"


class ScheduleConflict(StrEnum):
    """Why a slot is refused unless a manager confirms it."""

    #: It overlaps another appointment of the same practitioner that is not cancelled.
    DOUBLE_BOOKING = "double_booking"
    #: It is not wholly inside one of the practitioner's intervals that day.
    OUTSIDE_HOURS = "outside_hours"
    #: The practitioner is away that day (vacation, closed day).
    CLOSED_DAY = "closed_day"


#: Monday is 0, as ``date.weekday()`` counts.
WEEKDAYS = range(7)
DEFAULT_SLOT_MINUTES = 15
MAX_APPOINTMENT_MINUTES = 8 * 60


@dataclass(frozen=True)
class WeeklyHours:
    """One interval of a practitioner's week: ``weekday`` from 0 (Monday), local times, starts < ends."""

    weekday: int
    starts: time
    ends: time


@dataclass(frozen=True)
class HoursException:
    """Days a practitioner does not work (vacation, closed day), both ends included."""

    id: int
    practitioner_id: int
    starts_on: date
    ends_on: date
    reason: str = ""


@dataclass(frozen=True)
class PractitionerDraft:
    display_name: str
    clinic_id: int
    #: Shown in the schedule only, never in a reminder.
    specialty: str = ""


@dataclass(frozen=True)
class PractitionerRecord:
    id: int
    clinic_id: int
    display_name: str
    specialty: str
    active: bool
    hours: tuple[WeeklyHours, ...] = ()
    exceptions: tuple[HoursException, ...] = ()


@dataclass(frozen=True)
class KindDraft:
    #: Short and stable (letters, digits, underscores): appointments keep it.
    code: str
    name_fr: str
    name_en: str
    default_minutes: int


@dataclass(frozen=True)
class AppointmentKindRecord:
    id: int
    code: str
    name_fr: str
    name_en: str
    default_minutes: int
    active: bool

    def name(self, language: Language) -> str:
        return self.name_fr if language == Language.FR else self.name_en


@dataclass(frozen=True)
class AppointmentEventRecord:
    id: int
    uid: UUID
    appointment_id: int
    client_id: int
    kind: AppointmentEventKind
    recorded_at: datetime
    recorded_by: str
    #: The appointment as this event leaves it (for ``booked`` and ``rescheduled``: its new time).
    starts_at: datetime
    length_minutes: int
    practitioner_id: int | None
    practitioner_name: str
    cancelled_by: CancelledBy | None = None
    #: A cancellation's reason as given (blank once erased).
    reason: str = ""
    #: What a manager confirmed against the rules when recording this event.
    overrides: tuple[ScheduleConflict, ...] = ()


@dataclass(frozen=True)
class TimeRange:
    starts_at: datetime
    ends_at: datetime

    @property
    def minutes(self) -> int:
        return int((self.ends_at - self.starts_at) / timedelta(minutes=1))


@dataclass(frozen=True)
class ScheduledAppointment:
    """One appointment as the schedule shows it."""

    id: int
    uid: UUID
    client_id: int
    client_name: str
    file_number: str
    practitioner_id: int | None
    starts_at: datetime
    length_minutes: int
    kind: str
    kind_name_fr: str
    kind_name_en: str
    mode: AppointmentMode
    state: AppointmentState

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.length_minutes)

    def kind_name(self, language: Language) -> str:
        return self.kind_name_fr if language == Language.FR else self.kind_name_en


@dataclass(frozen=True)
class PractitionerDay:
    """One practitioner's day: a column of the day view, a day of the week view."""

    practitioner: PractitionerRecord
    day: date
    #: The day's working intervals (empty on a day off or an exception).
    open_hours: tuple[TimeRange, ...]
    #: The exception that closes the day, if any.
    exception: HoursException | None
    appointments: tuple[ScheduledAppointment, ...]
    #: Slot-sized pieces of the open hours that no appointment (not cancelled) overlaps.
    free_slots: tuple[TimeRange, ...]


@dataclass(frozen=True)
class DaySchedule:
    clinic_id: int
    day: date
    slot_minutes: int
    #: One per active practitioner of the site, by name.
    columns: tuple[PractitionerDay, ...]
    #: The site's appointments of the day with no practitioner (those booked before practitioners).
    unassigned: tuple[ScheduledAppointment, ...]


@dataclass(frozen=True)
class WeekSchedule:
    practitioner: PractitionerRecord
    first_day: date
    slot_minutes: int
    #: Seven days from ``first_day``.
    days: tuple[PractitionerDay, ...]


class ScheduleConflictError(FrontDeskError):
    """A slot the rules refuse: each conflict said in full, then who may confirm it. The GUI offers a
    manager to confirm (the service's ``confirm_conflicts``); a receptionist chooses another slot."""

    code = "schedule_conflict"

    def __init__(
        self,
        conflicts: tuple[ScheduleConflict, ...],
        *,
        practitioner: str,
        starts_at: datetime,
        ends_at: datetime,
        reason: str = "",
        may_confirm: bool = False,
    ) -> None:
        self.conflicts = conflicts
        self.may_confirm = may_confirm
        # The end as a time of day and the day as a date, in the workstation's zone (the clinic's).
        super().__init__(
            practitioner=practitioner,
            start=starts_at,
            end=ends_at.astimezone().time(),
            day=starts_at.astimezone().date(),
            reason=f" ({reason})" if reason else "",
        )

    def message(self, language: Language | str = Language.FR) -> str:
        said = [message(f"schedule_{conflict.value}", language, **self.params) for conflict in self.conflicts]
        tail = "schedule_manager_may_confirm" if self.may_confirm else "schedule_only_manager_confirms"
        return " ".join([*said, message(tail, language)])
