"""The schedule: the GUI's one door to practitioners, their hours, appointment kinds, the day and week
views, and the appointment events (cancel, reschedule, arrived, no-show).

Receptionists read the schedule and record events (``WORK_CLIENT_FILES``); managers edit
practitioners, hours, exceptions and kinds (``MANAGE_CLINIC``) and alone may confirm a slot the rules
refuse (a double booking, a slot outside hours or on a day off): the confirmation is recorded on the
event. Booking itself is :meth:`desktop.services.appointments.AppointmentService.book`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from sqlalchemy import select

from desktop.db.database import Database
from desktop.db.models import (
    Appointment,
    AppointmentKindRow,
    Clinic,
    Practitioner,
    PractitionerException,
    PractitionerHours,
)
from desktop.domain.errors import ConflictError, FieldError, NotFoundError, ValidationError
from desktop.domain.messages import Subjects
from desktop.domain.records import Actor
from desktop.domain.schedule import (
    DEFAULT_SLOT_MINUTES,
    AppointmentEventKind,
    AppointmentEventRecord,
    AppointmentKindRecord,
    AppointmentState,
    CancelledBy,
    DaySchedule,
    KindDraft,
    PractitionerDraft,
    PractitionerRecord,
    ScheduleConflict,
    TimeRange,
    WeeklyHours,
    WeekSchedule,
)
from desktop.domain.schedule_messages import AppointmentStates
from desktop.domain.schedule_rules import (
    check_exception_dates,
    check_kind_code,
    check_length,
    clean_hours,
    slot_conflicts,
)
from desktop.domain.validation import check_text
from desktop.services.clock import Clock
from desktop.services.ledger.schedule import append_event, checked_slot
from desktop.services.permissions import Permission
from desktop.services.queries.clients import load_client
from desktop.services.queries.schedule import (
    busy_ranges,
    client_events,
    day_bounds,
    event_records,
    kind_record,
    load_practitioner,
    practitioner_day,
    practitioner_record,
    practitioner_records,
    scheduled_between,
    states_of,
)
from desktop.services.unit_of_work import UnitOfWork, run

NAME_LENGTH = 200
REASON_LENGTH = 500


def _clean_practitioner(display_name: str, specialty: str) -> tuple[str, str]:
    errors: list[FieldError] = []
    name = check_text(errors, "display_name", display_name, max_length=NAME_LENGTH, required=True)
    specialty = check_text(errors, "specialty", specialty, max_length=NAME_LENGTH)
    if errors:
        raise ValidationError(errors)
    return name, specialty


def _booked(uow: UnitOfWork, appointment_id: int, *, for_update: bool = False) -> Appointment:
    """The appointment, refused unless it is still booked (cancelled, arrived and no-show are final)."""
    query = select(Appointment).where(Appointment.id == appointment_id)
    appointment = uow.session.scalar(query.with_for_update() if for_update else query)
    if appointment is None:
        raise NotFoundError(what=Subjects.appointment.filled(id=appointment_id))
    state = states_of(uow.session, [appointment.id])[appointment.id]
    if state != AppointmentState.BOOKED:
        raise ConflictError("appointment_not_booked", state=getattr(AppointmentStates, state.value))
    return appointment


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

        def work(uow: UnitOfWork) -> list[PractitionerRecord]:
            query = select(Practitioner).where(Practitioner.clinic_id == (clinic_id or uow.clinic_id))
            if not include_inactive:
                query = query.where(Practitioner.active)
            rows = list(uow.session.scalars(query.order_by(Practitioner.display_name, Practitioner.id)))
            return practitioner_records(uow.session, rows, exceptions_from=uow.clock.today())

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)

    def practitioner(self, actor: Actor, practitioner_id: int) -> PractitionerRecord:
        """One practitioner with all their hours and exceptions. NotFoundError if there is none."""

        def work(uow: UnitOfWork) -> PractitionerRecord:
            return practitioner_record(uow.session, load_practitioner(uow.session, practitioner_id))

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)

    def add_practitioner(self, actor: Actor, draft: PractitionerDraft) -> PractitionerRecord:
        """A new active practitioner with no hours yet. Managers only; audited."""
        name, specialty = _clean_practitioner(draft.display_name, draft.specialty)

        def work(uow: UnitOfWork) -> PractitionerRecord:
            if uow.session.get(Clinic, draft.clinic_id) is None:
                raise NotFoundError(what=Subjects.clinic)
            practitioner = Practitioner(
                clinic_id=draft.clinic_id,
                display_name=name,
                specialty=specialty,
                active=True,
                created_at=uow.now,
            )
            uow.session.add(practitioner)
            uow.session.flush()
            uow.audit("practitioner.create", "practitioner", practitioner.id, f"clinic={draft.clinic_id}")
            return practitioner_record(uow.session, practitioner)

        return run(self._db, self._clock, actor, Permission.MANAGE_CLINIC, work)

    def rename_practitioner(
        self, actor: Actor, practitioner_id: int, display_name: str, specialty: str
    ) -> PractitionerRecord:
        name, specialty = _clean_practitioner(display_name, specialty)

        def work(uow: UnitOfWork) -> PractitionerRecord:
            practitioner = load_practitioner(uow.session, practitioner_id, for_update=True)
            practitioner.display_name, practitioner.specialty = name, specialty
            uow.audit("practitioner.update", "practitioner", practitioner.id, "fields=display_name,specialty")
            return practitioner_record(uow.session, practitioner)

        return run(self._db, self._clock, actor, Permission.MANAGE_CLINIC, work)

    def set_hours(
        self, actor: Actor, practitioner_id: int, hours: Sequence[WeeklyHours]
    ) -> PractitionerRecord:
        """Replace the practitioner's weekly hours (intervals that do not overlap on a weekday).
        Appointments already booked are not moved. Managers only; audited."""
        week = clean_hours(hours)

        def work(uow: UnitOfWork) -> PractitionerRecord:
            practitioner = load_practitioner(uow.session, practitioner_id, for_update=True)
            for row in uow.session.scalars(
                select(PractitionerHours).where(PractitionerHours.practitioner_id == practitioner.id)
            ):
                uow.session.delete(row)
            uow.session.add_all(
                PractitionerHours(
                    practitioner_id=practitioner.id, weekday=h.weekday, starts=h.starts, ends=h.ends
                )
                for h in week
            )
            uow.session.flush()
            uow.audit("practitioner.hours", "practitioner", practitioner.id, f"intervals={len(week)}")
            return practitioner_record(uow.session, practitioner)

        return run(self._db, self._clock, actor, Permission.MANAGE_CLINIC, work)

    def add_exception(
        self, actor: Actor, practitioner_id: int, starts_on: date, ends_on: date, reason: str = ""
    ) -> PractitionerRecord:
        """Days off (vacation, closed day), both ends included. Managers only; audited."""
        check_exception_dates(starts_on, ends_on)
        errors: list[FieldError] = []
        reason = check_text(errors, "reason", reason, max_length=NAME_LENGTH)
        if errors:
            raise ValidationError(errors)

        def work(uow: UnitOfWork) -> PractitionerRecord:
            practitioner = load_practitioner(uow.session, practitioner_id, for_update=True)
            exception = PractitionerException(
                practitioner_id=practitioner.id, starts_on=starts_on, ends_on=ends_on, reason=reason
            )
            uow.session.add(exception)
            uow.session.flush()
            uow.audit(
                "practitioner.exception_add", "practitioner", practitioner.id, f"exception={exception.id}"
            )
            return practitioner_record(uow.session, practitioner)

        return run(self._db, self._clock, actor, Permission.MANAGE_CLINIC, work)

    def remove_exception(self, actor: Actor, exception_id: int) -> PractitionerRecord:
        def work(uow: UnitOfWork) -> PractitionerRecord:
            exception = uow.session.get(PractitionerException, exception_id)
            if exception is None:
                raise NotFoundError(what=Subjects.hours_exception.filled(id=exception_id))
            practitioner = load_practitioner(uow.session, exception.practitioner_id, for_update=True)
            uow.session.delete(exception)
            uow.session.flush()
            uow.audit(
                "practitioner.exception_remove", "practitioner", practitioner.id, f"exception={exception_id}"
            )
            return practitioner_record(uow.session, practitioner)

        return run(self._db, self._clock, actor, Permission.MANAGE_CLINIC, work)

    def set_practitioner_active(self, actor: Actor, practitioner_id: int, active: bool) -> PractitionerRecord:
        """Deactivate (or reactivate) a practitioner: no new booking with them; their appointments stay."""

        def work(uow: UnitOfWork) -> PractitionerRecord:
            practitioner = load_practitioner(uow.session, practitioner_id, for_update=True)
            practitioner.active = active
            action = "practitioner.activate" if active else "practitioner.deactivate"
            uow.audit(action, "practitioner", practitioner.id)
            return practitioner_record(uow.session, practitioner)

        return run(self._db, self._clock, actor, Permission.MANAGE_CLINIC, work)

    # -- appointment kinds -------------------------------------------------------------------------

    def kinds(self, actor: Actor, *, include_inactive: bool = False) -> list[AppointmentKindRecord]:
        def work(uow: UnitOfWork) -> list[AppointmentKindRecord]:
            query = select(AppointmentKindRow).order_by(AppointmentKindRow.id)
            if not include_inactive:
                query = query.where(AppointmentKindRow.active)
            return [kind_record(row) for row in uow.session.scalars(query)]

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)

    def add_kind(self, actor: Actor, draft: KindDraft) -> AppointmentKindRecord:
        check_kind_code(draft.code)
        name_fr, name_en = _clean_kind_names(draft.name_fr, draft.name_en)
        check_length(draft.default_minutes)

        def work(uow: UnitOfWork) -> AppointmentKindRecord:
            if uow.session.scalar(select(AppointmentKindRow).where(AppointmentKindRow.code == draft.code)):
                raise ValidationError([FieldError("code", "kind_code_exists", {"kind": draft.code})])
            row = AppointmentKindRow(
                code=draft.code,
                name_fr=name_fr,
                name_en=name_en,
                default_minutes=draft.default_minutes,
                active=True,
            )
            uow.session.add(row)
            uow.session.flush()
            uow.audit("appointment_kind.create", "appointment_kind", row.code)
            return kind_record(row)

        return run(self._db, self._clock, actor, Permission.MANAGE_CLINIC, work)

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
        if default_minutes is not None:
            check_length(default_minutes)

        def work(uow: UnitOfWork) -> AppointmentKindRecord:
            row = uow.session.scalar(select(AppointmentKindRow).where(AppointmentKindRow.code == code))
            if row is None:
                raise NotFoundError(what=Subjects.appointment_kind.filled(code=code[:32]))
            fr, en = _clean_kind_names(
                row.name_fr if name_fr is None else name_fr, row.name_en if name_en is None else name_en
            )
            changed = {
                "name_fr": fr,
                "name_en": en,
                "default_minutes": row.default_minutes if default_minutes is None else default_minutes,
                "active": row.active if active is None else active,
            }
            fields = [name for name, value in changed.items() if getattr(row, name) != value]
            for name in fields:
                setattr(row, name, changed[name])
            uow.audit("appointment_kind.update", "appointment_kind", row.code, "fields=" + ",".join(fields))
            return kind_record(row)

        return run(self._db, self._clock, actor, Permission.MANAGE_CLINIC, work)

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
        free slots, and per inactive one who still has appointments that day (never hidden); and
        the unassigned appointments."""

        def work(uow: UnitOfWork) -> DaySchedule:
            site = clinic_id or uow.clinic_id
            starts, ends = day_bounds(day)
            appointments = scheduled_between(uow.session, starts, ends, clinic_id=site)
            booked_with = {a.practitioner_id for a in appointments if a.practitioner_id is not None}
            rows = list(
                uow.session.scalars(
                    select(Practitioner)
                    .where(
                        Practitioner.clinic_id == site,
                        Practitioner.active | Practitioner.id.in_(booked_with),
                    )
                    .order_by(Practitioner.display_name, Practitioner.id)
                )
            )
            practitioners = practitioner_records(uow.session, rows, exceptions_from=day)
            columns = tuple(
                practitioner_day(p, day, [a for a in appointments if a.practitioner_id == p.id], slot_minutes)
                for p in practitioners
            )
            unassigned = tuple(a for a in appointments if a.practitioner_id is None)
            return DaySchedule(site, day, slot_minutes, columns, unassigned)

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)

    def week(
        self, actor: Actor, practitioner_id: int, first_day: date, *, slot_minutes: int = DEFAULT_SLOT_MINUTES
    ) -> WeekSchedule:
        """Seven days of one practitioner from ``first_day``."""

        def work(uow: UnitOfWork) -> WeekSchedule:
            practitioner = practitioner_records(
                uow.session, [load_practitioner(uow.session, practitioner_id)], exceptions_from=first_day
            )[0]
            starts, _ = day_bounds(first_day)
            _, ends = day_bounds(first_day + timedelta(days=6))
            appointments = scheduled_between(uow.session, starts, ends, practitioner_id=practitioner_id)
            days = []
            for offset in range(7):
                day = first_day + timedelta(days=offset)
                on_day = [a for a in appointments if a.starts_at.astimezone().date() == day]
                days.append(practitioner_day(practitioner, day, on_day, slot_minutes))
            return WeekSchedule(practitioner, first_day, slot_minutes, tuple(days))

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)

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

        def work(uow: UnitOfWork) -> tuple[ScheduleConflict, ...]:
            record = practitioner_record(uow.session, load_practitioner(uow.session, practitioner_id))
            slot = TimeRange(starts_at, starts_at + timedelta(minutes=length_minutes))
            others = busy_ranges(uow.session, practitioner_id, slot, ignoring=ignoring_appointment_id)
            return slot_conflicts(slot, record.hours, record.exceptions, others)

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)

    # -- appointment events -------------------------------------------------------------------------

    def cancel(
        self, actor: Actor, appointment_id: int, by: CancelledBy, reason: str
    ) -> AppointmentEventRecord:
        """Cancel a booked appointment, by the client or the clinic, with a reason (required)."""
        errors: list[FieldError] = []
        reason = check_text(errors, "reason", reason, max_length=REASON_LENGTH, required=True)
        if errors:
            raise ValidationError(errors)
        by = CancelledBy(by)

        def work(uow: UnitOfWork) -> AppointmentEventRecord:
            appointment = _booked(uow, appointment_id, for_update=True)
            event = append_event(
                uow, appointment, AppointmentEventKind.CANCELLED, cancelled_by=by, reason=reason
            )
            return event_records(uow.session, [event])[0]

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work)

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
        if starts_at.tzinfo is None:
            raise ValidationError([FieldError("starts_at", "invalid_date")])

        def work(uow: UnitOfWork) -> AppointmentEventRecord:
            appointment = _booked(uow, appointment_id, for_update=True)
            length = appointment.length_minutes if length_minutes is None else length_minutes
            overrides: tuple[ScheduleConflict, ...] = ()
            if practitioner_id is not None:
                practitioner, overrides = checked_slot(
                    uow,
                    practitioner_id,
                    starts_at,
                    length,
                    confirm=confirm_conflicts,
                    ignoring=appointment.id,
                )
                appointment.clinic_id = practitioner.clinic_id
            else:
                check_length(length)
            appointment.starts_at = starts_at
            appointment.practitioner_id = practitioner_id
            appointment.length_minutes = length
            uow.session.flush()
            event = append_event(uow, appointment, AppointmentEventKind.RESCHEDULED, overrides=overrides)
            return event_records(uow.session, [event])[0]

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work)

    def mark_arrived(self, actor: Actor, appointment_id: int) -> AppointmentEventRecord:
        return self._mark(actor, appointment_id, AppointmentEventKind.ARRIVED)

    def mark_no_show(self, actor: Actor, appointment_id: int) -> AppointmentEventRecord:
        return self._mark(actor, appointment_id, AppointmentEventKind.NO_SHOW)

    def _mark(self, actor: Actor, appointment_id: int, kind: AppointmentEventKind) -> AppointmentEventRecord:
        def work(uow: UnitOfWork) -> AppointmentEventRecord:
            appointment = _booked(uow, appointment_id, for_update=True)
            event = append_event(uow, appointment, kind)
            return event_records(uow.session, [event])[0]

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work)

    def events_for_client(self, actor: Actor, client_id: int) -> list[AppointmentEventRecord]:
        """The client's appointment events, oldest first, for the client file."""

        def work(uow: UnitOfWork) -> list[AppointmentEventRecord]:
            load_client(uow.session, client_id)
            return client_events(uow.session, client_id)

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)


def _clean_kind_names(name_fr: str, name_en: str) -> tuple[str, str]:
    errors: list[FieldError] = []
    fr = check_text(errors, "name_fr", name_fr, max_length=100, required=True)
    en = check_text(errors, "name_en", name_en, max_length=100, required=True)
    if errors:
        raise ValidationError(errors)
    return fr, en
