"""The schedule: the GUI's one door to practitioners, their hours, appointment kinds, the day and week
views, and the appointment events (cancel, reschedule, arrived, no-show).

Receptionists read the schedule and record events (``WORK_CLIENT_FILES``); managers edit
practitioners, hours, exceptions and kinds (``MANAGE_CLINIC``) and alone may confirm a slot the rules
refuse (a double booking, a slot outside hours or on a day off): the confirmation is recorded on the
event. Booking itself is :meth:`desktop.services.appointments.AppointmentService.book`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from desktop.db.database import Database
from desktop.domain.records import Actor
from desktop.domain.schedule import (
    DEFAULT_SLOT_MINUTES,
    AppointmentEventRecord,
    AppointmentKindRecord,
    CancelledBy,
    DaySchedule,
    KindDraft,
    PractitionerDraft,
    PractitionerRecord,
    ScheduleConflict,
    WeeklyHours,
    WeekSchedule,
)
from desktop.services.clock import Clock


class ScheduleService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    # -- practitioners, hours and exceptions (managers edit; everyone reads) --------------------

    def practitioners(
        self, actor: Actor, clinic_id: int | None = None, *, include_inactive: bool = False
    ) -> list[PractitionerRecord]:
        """The site's practitioners (the actor's site when ``clinic_id`` is None), by name, with their
        hours and their exceptions that have not ended."""
        raise NotImplementedError

    def practitioner(self, actor: Actor, practitioner_id: int) -> PractitionerRecord:
        """One practitioner with all their hours and exceptions. NotFoundError if there is none."""
        raise NotImplementedError

    def add_practitioner(self, actor: Actor, draft: PractitionerDraft) -> PractitionerRecord:
        """A new active practitioner with no hours yet. Managers only; audited."""
        raise NotImplementedError

    def rename_practitioner(
        self, actor: Actor, practitioner_id: int, display_name: str, specialty: str
    ) -> PractitionerRecord:
        raise NotImplementedError

    def set_hours(
        self, actor: Actor, practitioner_id: int, hours: Sequence[WeeklyHours]
    ) -> PractitionerRecord:
        """Replace the practitioner's weekly hours (intervals that do not overlap on a weekday).
        Appointments already booked are not moved. Managers only; audited."""
        raise NotImplementedError

    def add_exception(
        self, actor: Actor, practitioner_id: int, starts_on: date, ends_on: date, reason: str = ""
    ) -> PractitionerRecord:
        """Days off (vacation, closed day), both ends included. Managers only; audited."""
        raise NotImplementedError

    def remove_exception(self, actor: Actor, exception_id: int) -> PractitionerRecord:
        raise NotImplementedError

    def set_practitioner_active(self, actor: Actor, practitioner_id: int, active: bool) -> PractitionerRecord:
        """Deactivate (or reactivate) a practitioner: no new booking with them; their appointments stay."""
        raise NotImplementedError

    # -- appointment kinds -------------------------------------------------------------------------

    def kinds(self, actor: Actor, *, include_inactive: bool = False) -> list[AppointmentKindRecord]:
        raise NotImplementedError

    def add_kind(self, actor: Actor, draft: KindDraft) -> AppointmentKindRecord:
        raise NotImplementedError

    def update_kind(
        self,
        actor: Actor,
        code: str,
        *,
        name_fr: str | None = None,
        name_en: str | None = None,
        default_minutes: int | None = None,
        active: bool | None = None,
    ) -> AppointmentKindRecord:
        """Change a kind's names, default length or activity (its code never changes: appointments
        keep it). Managers only; audited."""
        raise NotImplementedError

    # -- views ------------------------------------------------------------------------------------

    def day(
        self,
        actor: Actor,
        day: date,
        clinic_id: int | None = None,
        *,
        slot_minutes: int = DEFAULT_SLOT_MINUTES,
    ) -> DaySchedule:
        """The site's day (the actor's site when ``clinic_id`` is None): one column per active
        practitioner with their hours, appointments (cancelled ones included, with their state) and
        free slots; and the unassigned appointments."""
        raise NotImplementedError

    def week(
        self, actor: Actor, practitioner_id: int, first_day: date, *, slot_minutes: int = DEFAULT_SLOT_MINUTES
    ) -> WeekSchedule:
        """Seven days of one practitioner from ``first_day``."""
        raise NotImplementedError

    def conflicts(
        self,
        actor: Actor,
        practitioner_id: int,
        starts_at: datetime,
        length_minutes: int,
        *,
        ignoring_appointment_id: int | None = None,
    ) -> tuple[ScheduleConflict, ...]:
        """What the rules would say of this slot now (empty: free). For the GUI's warning before saving;
        the booking checks again inside its own unit of work."""
        raise NotImplementedError

    # -- appointment events -------------------------------------------------------------------------

    def cancel(
        self, actor: Actor, appointment_id: int, by: CancelledBy, reason: str
    ) -> AppointmentEventRecord:
        """Cancel a booked appointment, by the client or the clinic, with a reason (required)."""
        raise NotImplementedError

    def reschedule(
        self,
        actor: Actor,
        appointment_id: int,
        starts_at: datetime,
        practitioner_id: int | None,
        *,
        length_minutes: int | None = None,
        confirm_conflicts: bool = False,
    ) -> AppointmentEventRecord:
        """Move a booked appointment (time, practitioner, length; None keeps the length). Checked like a
        booking: ScheduleConflictError unless a manager confirms (``confirm_conflicts``, recorded)."""
        raise NotImplementedError

    def mark_arrived(self, actor: Actor, appointment_id: int) -> AppointmentEventRecord:
        raise NotImplementedError

    def mark_no_show(self, actor: Actor, appointment_id: int) -> AppointmentEventRecord:
        raise NotImplementedError

    def events_for_client(self, actor: Actor, client_id: int) -> list[AppointmentEventRecord]:
        """The client's appointment events, oldest first, for the client file."""
        raise NotImplementedError
