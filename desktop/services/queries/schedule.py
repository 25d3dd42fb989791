"""Reading the schedule: practitioners with their hours, kinds, appointments with their derived state,
and appointment events as records. Called inside a unit of work."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.models import (
    Appointment,
    AppointmentEvent,
    AppointmentKindRow,
    Client,
    Practitioner,
    PractitionerException,
    PractitionerHours,
)
from desktop.domain.errors import NotFoundError
from desktop.domain.messages import Subjects
from desktop.domain.schedule import (
    MAX_APPOINTMENT_MINUTES,
    AppointmentEventKind,
    AppointmentEventRecord,
    AppointmentKindRecord,
    AppointmentState,
    HoursException,
    PractitionerDay,
    PractitionerRecord,
    ScheduledAppointment,
    TimeRange,
    WeeklyHours,
)
from desktop.domain.schedule_rules import (
    derived_state,
    exception_on,
    free_slots,
    local_moment,
    open_hours,
    overrides_of,
)
from desktop.services.queries.clients import staff_names


def kind_record(row: AppointmentKindRow) -> AppointmentKindRecord:
    return AppointmentKindRecord(row.id, row.code, row.name_fr, row.name_en, row.default_minutes, row.active)


def kinds_by_code(session: Session) -> dict[str, AppointmentKindRecord]:
    return {row.code: kind_record(row) for row in session.scalars(select(AppointmentKindRow))}


def load_practitioner(session: Session, practitioner_id: int, *, for_update: bool = False) -> Practitioner:
    query = select(Practitioner).where(Practitioner.id == practitioner_id)
    if for_update:
        # Serialises the bookings of one practitioner: the second waits, then sees the first's.
        query = query.with_for_update()
    practitioner = session.scalar(query)
    if practitioner is None:
        raise NotFoundError(what=Subjects.practitioner.filled(id=practitioner_id))
    return practitioner


def practitioner_records(
    session: Session, practitioners: Sequence[Practitioner], *, exceptions_from: date | None = None
) -> list[PractitionerRecord]:
    """With their hours, and their exceptions (those not ended before ``exceptions_from``, if given)."""
    ids = [p.id for p in practitioners]
    hours: dict[int, list[WeeklyHours]] = defaultdict(list)
    for h in session.scalars(
        select(PractitionerHours)
        .where(PractitionerHours.practitioner_id.in_(ids))
        .order_by(PractitionerHours.weekday, PractitionerHours.starts)
    ):
        hours[h.practitioner_id].append(WeeklyHours(h.weekday, h.starts, h.ends))
    query = select(PractitionerException).where(PractitionerException.practitioner_id.in_(ids))
    if exceptions_from is not None:
        query = query.where(PractitionerException.ends_on >= exceptions_from)
    exceptions: dict[int, list[HoursException]] = defaultdict(list)
    for e in session.scalars(query.order_by(PractitionerException.starts_on, PractitionerException.id)):
        exceptions[e.practitioner_id].append(
            HoursException(e.id, e.practitioner_id, e.starts_on, e.ends_on, e.reason)
        )
    return [
        PractitionerRecord(
            p.id,
            p.clinic_id,
            p.display_name,
            p.specialty,
            p.active,
            tuple(hours[p.id]),
            tuple(exceptions[p.id]),
        )
        for p in practitioners
    ]


def practitioner_record(session: Session, practitioner: Practitioner) -> PractitionerRecord:
    return practitioner_records(session, [practitioner])[0]


def states_of(session: Session, appointment_ids: Iterable[int]) -> dict[int, AppointmentState]:
    kinds: dict[int, list[AppointmentEventKind]] = defaultdict(list)
    ids = list(appointment_ids)
    if ids:
        for appointment_id, kind in session.execute(
            select(AppointmentEvent.appointment_id, AppointmentEvent.kind)
            .where(AppointmentEvent.appointment_id.in_(ids))
            .order_by(AppointmentEvent.id)
        ):
            kinds[appointment_id].append(kind)
    return {i: derived_state(kinds[i]) for i in ids}


def busy_ranges(
    session: Session, practitioner_id: int, slot: TimeRange, *, ignoring: int | None = None
) -> list[TimeRange]:
    """The practitioner's appointments, not cancelled, that overlap ``slot`` (an appointment is at most
    MAX_APPOINTMENT_MINUTES long, so the search is by an indexed range of start times)."""
    query = select(Appointment.starts_at, Appointment.length_minutes).where(
        Appointment.practitioner_id == practitioner_id,
        Appointment.starts_at < slot.ends_at,
        Appointment.starts_at > slot.starts_at - timedelta(minutes=MAX_APPOINTMENT_MINUTES),
        Appointment.id.not_in(
            select(AppointmentEvent.appointment_id).where(
                AppointmentEvent.kind == AppointmentEventKind.CANCELLED
            )
        ),
    )
    if ignoring is not None:
        query = query.where(Appointment.id != ignoring)
    ranges = [TimeRange(s, s + timedelta(minutes=m)) for s, m in session.execute(query)]
    return [r for r in ranges if r.ends_at > slot.starts_at]


def scheduled_between(
    session: Session,
    starts: datetime,
    ends: datetime,
    *,
    clinic_id: int | None = None,
    practitioner_id: int | None = None,
) -> list[ScheduledAppointment]:
    """Appointments starting in [starts, ends), of a site or of one practitioner, by start."""
    query = (
        select(Appointment, Client.first_name, Client.last_name, Client.file_number)
        .join(Client, Client.id == Appointment.client_id)
        .where(Appointment.starts_at >= starts, Appointment.starts_at < ends)
        .order_by(Appointment.starts_at, Appointment.id)
    )
    if clinic_id is not None:
        query = query.where(Appointment.clinic_id == clinic_id)
    if practitioner_id is not None:
        query = query.where(Appointment.practitioner_id == practitioner_id)
    rows = session.execute(query).all()
    states = states_of(session, [r[0].id for r in rows])
    kinds = kinds_by_code(session)
    result = []
    for appointment, first_name, last_name, file_number in rows:
        kind = kinds.get(appointment.kind)
        result.append(
            ScheduledAppointment(
                id=appointment.id,
                uid=appointment.uid,
                client_id=appointment.client_id,
                client_name=f"{first_name} {last_name}",
                file_number=file_number,
                practitioner_id=appointment.practitioner_id,
                starts_at=appointment.starts_at,
                length_minutes=appointment.length_minutes,
                kind=appointment.kind,
                kind_name_fr=kind.name_fr if kind else appointment.kind,
                kind_name_en=kind.name_en if kind else appointment.kind,
                mode=appointment.mode,
                state=states[appointment.id],
            )
        )
    return result


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """The local day as moments (23 or 25 hours long when the clocks change)."""
    return local_moment(day, datetime.min.time()), local_moment(day + timedelta(days=1), datetime.min.time())


def practitioner_day(
    practitioner: PractitionerRecord,
    day: date,
    appointments: Sequence[ScheduledAppointment],
    slot_minutes: int,
) -> PractitionerDay:
    opened = open_hours(day, practitioner.hours, practitioner.exceptions)
    busy = [TimeRange(a.starts_at, a.ends_at) for a in appointments if a.state != AppointmentState.CANCELLED]
    return PractitionerDay(
        practitioner=practitioner,
        day=day,
        open_hours=opened,
        exception=exception_on(day, practitioner.exceptions),
        appointments=tuple(appointments),
        free_slots=free_slots(opened, busy, slot_minutes),
    )


def client_events(session: Session, client_id: int) -> list[AppointmentEventRecord]:
    """The client's appointment events, oldest first."""
    query = (
        select(AppointmentEvent)
        .where(AppointmentEvent.client_id == client_id)
        .order_by(AppointmentEvent.recorded_at, AppointmentEvent.id)
    )
    return event_records(session, list(session.scalars(query)))


def event_records(session: Session, events: Sequence[AppointmentEvent]) -> list[AppointmentEventRecord]:
    names = staff_names(session, *(e.recorded_by_id for e in events))
    practitioner_ids = {e.practitioner_id for e in events if e.practitioner_id is not None}
    practitioners: dict[int, str] = {}
    if practitioner_ids:
        query = select(Practitioner.id, Practitioner.display_name).where(
            Practitioner.id.in_(practitioner_ids)
        )
        practitioners = {pid: name for pid, name in session.execute(query)}
    return [
        AppointmentEventRecord(
            id=e.id,
            uid=e.uid,
            appointment_id=e.appointment_id,
            client_id=e.client_id,
            kind=e.kind,
            recorded_at=e.recorded_at,
            recorded_by=names.get(e.recorded_by_id, "?"),
            starts_at=e.starts_at,
            length_minutes=e.length_minutes,
            practitioner_id=e.practitioner_id,
            practitioner_name=practitioners.get(e.practitioner_id, "")
            if e.practitioner_id is not None
            else "",
            cancelled_by=e.cancelled_by,
            reason=e.reason or "",
            overrides=overrides_of(e.overrides),
        )
        for e in events
    ]
