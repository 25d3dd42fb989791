"""The schedule: bookings with a practitioner checked against their other appointments, their hours
and their days off inside the unit of work; a manager's confirmation recorded on the event; cancel,
reschedule, arrived and no-show as appointment events, the state derived from them; the day and
week views; managers alone edit practitioners, hours, exceptions and kinds."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta

import pytest
from sqlalchemy import select

from desktop.db.models import AuditRecord
from desktop.domain.enums import AppointmentKind, AppointmentMode, BookedVia
from desktop.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from desktop.domain.records import Actor, AppointmentDraft, ClientDraft
from desktop.domain.schedule import (
    AppointmentEventKind,
    AppointmentState,
    CancelledBy,
    KindDraft,
    PractitionerDraft,
    PractitionerRecord,
    ScheduleConflict,
    ScheduleConflictError,
    WeeklyHours,
)
from desktop.domain.schedule_rules import local_moment
from desktop.services import Services

#: The day after the tests' "now" (a Tuesday): a Wednesday.
WEDNESDAY = date(2026, 11, 25)
THURSDAY = WEDNESDAY + timedelta(days=1)
WORKDAYS = tuple(
    WeeklyHours(day, start, end)
    for day in range(5)
    for start, end in ((time(8), time(12)), (time(13), time(17)))
)


def at(hour: int, minute: int = 0, day: date = WEDNESDAY):  # type: ignore[no-untyped-def]
    return local_moment(day, time(hour, minute))


@pytest.fixture
def practitioner(services: Services, team) -> PractitionerRecord:  # type: ignore[no-untyped-def]
    added = services.schedule.add_practitioner(
        team.manager, PractitionerDraft("Dre Julie Tremblay", team.manager.clinic_id, "Physiothérapie")
    )
    services.schedule.set_hours(team.manager, added.id, WORKDAYS)
    return services.schedule.add_exception(team.manager, added.id, THURSDAY, THURSDAY, "Congrès")


def client_id(services: Services, actor: Actor, first: str = "Zoé") -> int:
    return services.clients.create(
        actor, ClientDraft("Côté", first, date(1980, 4, 12)), confirm_duplicate=True
    ).id


def book(services: Services, actor: Actor, client: int, practitioner: int | None, starts, **more):  # type: ignore[no-untyped-def]
    draft = AppointmentDraft(
        starts,
        more.pop("kind", AppointmentKind.CONSULTATION),
        AppointmentMode.IN_CLINIC,
        BookedVia.PHONE,
        practitioner_id=practitioner,
        length_minutes=more.pop("length", None),
    )
    return services.appointments.book(actor, client, draft, **more).appointment


def test_a_slot_is_refused_on_overlap_outside_hours_and_on_a_day_off_unless_a_manager_confirms(
    services: Services, team, practitioner: PractitionerRecord
) -> None:
    reception = team.receptionist
    zoe = client_id(services, reception)
    first = book(services, reception, zoe, practitioner.id, at(9))
    assert (first.practitioner_id, first.length_minutes, first.state) == (
        practitioner.id,
        30,
        AppointmentState.BOOKED,
    )
    assert book(services, reception, zoe, practitioner.id, at(9, 30)).length_minutes == 30  # end to end

    refusals = {
        at(9, 15): (ScheduleConflict.DOUBLE_BOOKING,),
        at(11, 45): (ScheduleConflict.OUTSIDE_HOURS,),
        at(9, day=THURSDAY): (ScheduleConflict.CLOSED_DAY,),
    }
    for starts, expected in refusals.items():
        with pytest.raises(ScheduleConflictError) as refused:
            book(services, reception, zoe, practitioner.id, starts, confirm_conflicts=True)
        assert refused.value.conflicts == expected and not refused.value.may_confirm
        assert "seul un gestionnaire peut confirmer" in refused.value.message("fr")
    with pytest.raises(ScheduleConflictError) as refused:
        book(services, team.manager, zoe, practitioner.id, at(9, day=THURSDAY))
    french = refused.value.message("fr")
    assert "Dre Julie Tremblay ne travaille pas le 2026-11-26 (Congrès)." in french
    assert refused.value.may_confirm and "en tant que gestionnaire" in french
    assert "Dre Julie Tremblay already has" in _message(services, team, zoe, practitioner, at(9, 10), "en")

    confirmed = book(services, team.manager, zoe, practitioner.id, at(9, 15), confirm_conflicts=True)
    booked = [
        e for e in services.schedule.events_for_client(reception, zoe) if e.appointment_id == confirmed.id
    ]
    assert [(e.kind, e.overrides, e.recorded_by) for e in booked] == [
        (AppointmentEventKind.BOOKED, (ScheduleConflict.DOUBLE_BOOKING,), team.manager.full_name)
    ]
    with services.db.session(write=False) as session:
        details = session.scalars(
            select(AuditRecord.detail).where(AuditRecord.action == "appointment.booked")
        ).all()
    assert len(details) == 3 and any("confirmed=double_booking" in d for d in details)


def _message(
    services: Services, team, zoe: int, practitioner: PractitionerRecord, starts, language: str
) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(ScheduleConflictError) as refused:
        book(services, team.receptionist, zoe, practitioner.id, starts)
    return refused.value.message(language)


def test_events_give_the_state_and_keep_the_history(
    services: Services, team, practitioner: PractitionerRecord
) -> None:
    reception = team.receptionist
    zoe, leo = client_id(services, reception), client_id(services, reception, "Léo")
    cancelled = book(services, reception, zoe, practitioner.id, at(9))
    moved = book(services, reception, zoe, practitioner.id, at(10), kind=AppointmentKind.PROCEDURE)
    arrived = book(services, reception, leo, practitioner.id, at(13))
    missed = book(services, reception, leo, practitioner.id, at(14), length=20)
    assert moved.length_minutes == 60 and missed.length_minutes == 20

    with pytest.raises(ValidationError):
        services.schedule.cancel(reception, cancelled.id, CancelledBy.CLIENT, "  ")
    services.schedule.cancel(reception, cancelled.id, CancelledBy.CLIENT, "Malade")
    # The cancelled slot is free again; the moved one follows its appointment.
    services.schedule.reschedule(reception, moved.id, at(15), practitioner.id)
    book(services, reception, leo, practitioner.id, at(9))
    book(services, reception, leo, practitioner.id, at(10))
    with pytest.raises(ScheduleConflictError):
        services.schedule.reschedule(reception, arrived.id, at(15, 30), practitioner.id)
    services.schedule.mark_arrived(reception, arrived.id)
    services.schedule.mark_no_show(reception, missed.id)
    with pytest.raises(ConflictError) as refused:
        services.schedule.cancel(reception, arrived.id, CancelledBy.CLINIC, "Erreur")
    assert "déjà arrivé" in refused.value.message("fr")

    history = [(e.appointment_id, e.kind) for e in services.schedule.events_for_client(reception, zoe)]
    assert history == [
        (cancelled.id, AppointmentEventKind.BOOKED),
        (moved.id, AppointmentEventKind.BOOKED),
        (cancelled.id, AppointmentEventKind.CANCELLED),
        (moved.id, AppointmentEventKind.RESCHEDULED),
    ]
    events = services.schedule.events_for_client(reception, zoe)
    assert (events[2].cancelled_by, events[2].reason) == (CancelledBy.CLIENT, "Malade")
    assert (events[1].starts_at, events[3].starts_at) == (at(10), at(15))  # the history is kept

    day = services.schedule.day(reception, WEDNESDAY)
    (column,) = day.columns
    states = {a.id: a.state for a in column.appointments}
    assert (
        states[cancelled.id] == AppointmentState.CANCELLED and states[arrived.id] == AppointmentState.ARRIVED
    )
    assert states[missed.id] == AppointmentState.NO_SHOW and states[moved.id] == AppointmentState.BOOKED
    assert [a.client_name for a in column.appointments if a.id == moved.id] == ["Zoé Côté"]
    assert len(column.open_hours) == 2 and day.unassigned == ()
    free = {s.starts_at for s in column.free_slots}
    assert at(8) in free and at(9) not in free and at(15, 45) not in free and at(16) in free
    week = services.schedule.week(reception, practitioner.id, WEDNESDAY - timedelta(days=2))
    assert [len(d.open_hours) for d in week.days] == [2, 2, 2, 0, 2, 0, 0]  # Thursday off, weekend
    assert week.days[3].exception is not None and week.days[3].exception.reason == "Congrès"
    assert [a.state for a in services.appointments.for_client(reception, zoe)] == [
        AppointmentState.BOOKED,
        AppointmentState.CANCELLED,
    ]


def test_managers_alone_edit_practitioners_and_kinds(
    services: Services, team, practitioner: PractitionerRecord
) -> None:
    reception, manager = team.receptionist, team.manager
    with pytest.raises(PermissionDeniedError):
        services.schedule.add_practitioner(reception, PractitionerDraft("X", reception.clinic_id))
    with pytest.raises(PermissionDeniedError):
        services.schedule.set_hours(reception, practitioner.id, ())
    assert [k.code for k in services.schedule.kinds(reception)] == ["consultation", "treatment", "procedure"]
    services.schedule.add_kind(manager, KindDraft("suivi", "Suivi", "Follow-up", 20))
    with pytest.raises(ValidationError):
        services.schedule.add_kind(manager, KindDraft("suivi", "Suivi", "Follow-up", 20))
    zoe = client_id(services, reception)
    follow_up = book(services, reception, zoe, practitioner.id, at(8), kind="suivi")
    assert (follow_up.kind, follow_up.length_minutes, follow_up.kind_name_fr) == ("suivi", 20, "Suivi")
    # A save replayed is recognised (no second booking, no second event); with another practitioner it is refused.
    draft = AppointmentDraft(
        at(9), "suivi", AppointmentMode.IN_CLINIC, BookedVia.PHONE, practitioner_id=practitioner.id
    )
    first = services.appointments.book(reception, zoe, draft).appointment
    assert services.appointments.book(reception, zoe, draft).appointment.id == first.id
    assert (
        len([e for e in services.schedule.events_for_client(reception, zoe) if e.appointment_id == first.id])
        == 1
    )
    with pytest.raises(ConflictError):
        services.appointments.book(reception, zoe, replace(draft, practitioner_id=None))
    services.schedule.update_kind(manager, "suivi", active=False)
    with pytest.raises(ValidationError) as refused:
        book(services, reception, zoe, practitioner.id, at(11), kind="suivi")
    assert "« suivi »" in refused.value.message("fr")

    services.schedule.set_practitioner_active(manager, practitioner.id, False)
    # Their appointments stay in sight; a day where they have none shows no column for them.
    (column,) = services.schedule.day(reception, WEDNESDAY).columns
    assert not column.practitioner.active and [a.id for a in column.appointments] == [follow_up.id, first.id]
    assert services.schedule.day(reception, WEDNESDAY + timedelta(days=7)).columns == ()
    with pytest.raises(ValidationError):
        book(services, reception, zoe, practitioner.id, at(11))
    with services.db.session(write=False) as session:
        actions = set(
            session.scalars(
                select(AuditRecord.action).where(
                    AuditRecord.entity_type.in_(["practitioner", "appointment_kind"])
                )
            )
        )
    assert {
        "practitioner.create",
        "practitioner.hours",
        "practitioner.exception_add",
        "practitioner.deactivate",
    } <= actions
    assert {"appointment_kind.create", "appointment_kind.update"} <= actions
