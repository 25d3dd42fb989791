"""Writing the schedule inside a unit of work: the slot check (a practitioner's bookings serialised by
a lock on their row) and the appointment events, append-only."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import select

from desktop.db.models import Appointment, AppointmentEvent, AppointmentKindRow, Practitioner
from desktop.domain.errors import FieldError, ValidationError
from desktop.domain.schedule import (
    AppointmentEventKind,
    AppointmentKindRecord,
    CancelledBy,
    ScheduleConflict,
    ScheduleConflictError,
    TimeRange,
)
from desktop.domain.schedule_rules import check_length, overrides_text, slot_conflicts
from desktop.services.permissions import Permission, role_allows
from desktop.services.queries.schedule import (
    busy_ranges,
    kind_record,
    load_practitioner,
    practitioner_record,
)
from desktop.services.unit_of_work import UnitOfWork


def may_confirm(uow: UnitOfWork) -> bool:
    """Only a manager (or the privacy officer) confirms a slot the rules refuse."""
    return uow.staff is not None and role_allows(uow.staff.role, Permission.MANAGE_CLINIC)


def active_kind(uow: UnitOfWork, code: str) -> AppointmentKindRecord:
    row = uow.session.scalar(select(AppointmentKindRow).where(AppointmentKindRow.code == str(code)))
    if row is None or not row.active:
        raise ValidationError([FieldError("kind", "unknown_appointment_kind", {"kind": str(code)[:32]})])
    return kind_record(row)


def checked_slot(
    uow: UnitOfWork,
    practitioner_id: int,
    starts_at: datetime,
    length_minutes: int,
    *,
    confirm: bool,
    ignoring: int | None = None,
) -> tuple[Practitioner, tuple[ScheduleConflict, ...]]:
    """The practitioner (their row locked until the transaction ends, so two workstations booking them
    at once are taken one after the other, the second seeing the first's appointment) and what a
    manager confirmed. Raises ScheduleConflictError when the slot is refused and not confirmed by a
    manager, ValidationError for an inactive practitioner or a wrong length."""
    check_length(length_minutes)
    practitioner = load_practitioner(uow.session, practitioner_id, for_update=True)
    if not practitioner.active:
        raise ValidationError(
            [FieldError("practitioner", "practitioner_inactive", {"practitioner": practitioner.display_name})]
        )
    record = practitioner_record(uow.session, practitioner)
    slot = TimeRange(starts_at, starts_at + timedelta(minutes=length_minutes))
    others = busy_ranges(uow.session, practitioner.id, slot, ignoring=ignoring)
    conflicts = slot_conflicts(slot, record.hours, record.exceptions, others)
    if not conflicts:
        return practitioner, ()
    if confirm and may_confirm(uow):
        return practitioner, conflicts
    exception = next(
        (e for e in record.exceptions if e.starts_on <= starts_at.astimezone().date() <= e.ends_on), None
    )
    raise ScheduleConflictError(
        conflicts,
        practitioner=practitioner.display_name,
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
        reason=exception.reason if exception else "",
        may_confirm=may_confirm(uow),
    )


def append_event(
    uow: UnitOfWork,
    appointment: Appointment,
    kind: AppointmentEventKind,
    *,
    cancelled_by: CancelledBy | None = None,
    reason: str = "",
    overrides: tuple[ScheduleConflict, ...] = (),
) -> AppointmentEvent:
    """One event, the appointment as it now stands, and its audit record (never the reason itself)."""
    event = AppointmentEvent(
        uid=uuid.uuid4(),
        appointment_id=appointment.id,
        client_id=appointment.client_id,
        kind=kind,
        recorded_at=uow.now,
        recorded_by_id=uow.staff_id,
        clinic_id=uow.clinic_id,
        starts_at=appointment.starts_at,
        length_minutes=appointment.length_minutes,
        practitioner_id=appointment.practitioner_id,
        cancelled_by=cancelled_by,
        reason=reason or None,
        overrides=overrides_text(overrides),
    )
    uow.session.add(event)
    uow.session.flush()
    detail = f"event={event.id}"
    if cancelled_by is not None:
        detail += f" by={cancelled_by.value}"
    if overrides:
        detail += f" confirmed={overrides_text(overrides)}"
    uow.audit(f"appointment.{kind.value}", "appointment", appointment.uid, detail)
    return event
