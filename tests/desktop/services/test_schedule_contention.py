"""Two workstations booking one practitioner's slot at the same moment: one booking, one clear refusal.

Each workstation has its own Services (its own engine and connections). The check is slowed down
after it has looked at the practitioner's other appointments, so that without the lock on the
practitioner's row both would look before either saves, and both would book. (In one test process
the witness's lock also serialises PostgreSQL's writing transactions, as SQLite's BEGIN IMMEDIATE
does: the last test shows the practitioner's own lock, which holds whatever else does.)"""

from __future__ import annotations

import threading
import time as clock_time
from collections.abc import Callable
from datetime import date, time

import psycopg
import pytest
from sqlalchemy.engine import make_url

from desktop.app import open_services
from desktop.domain.enums import AppointmentKind, AppointmentMode, BookedVia
from desktop.domain.records import AppointmentDraft, ClientDraft
from desktop.domain.schedule import PractitionerDraft, ScheduleConflict, ScheduleConflictError, WeeklyHours
from desktop.domain.schedule_rules import local_moment
from desktop.services import Services
from desktop.services.ledger import schedule as schedule_ledger

WEDNESDAY = date(2026, 11, 25)


def test_two_workstations_booking_one_slot_get_one_booking_and_one_refusal(
    services: Services, database_url: str, team, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    manager, reception = team.manager, team.receptionist
    practitioner = services.schedule.add_practitioner(
        manager, PractitionerDraft("Dr Paul Roy", manager.clinic_id)
    )
    services.schedule.set_hours(manager, practitioner.id, [WeeklyHours(2, time(8), time(17))])
    clients = [
        services.clients.create(
            reception, ClientDraft("Roy", name, date(1990, 1, 1)), confirm_duplicate=True
        ).id
        for name in ("Anne", "Luc")
    ]
    original: Callable[..., tuple[ScheduleConflict, ...]] = schedule_ledger.slot_conflicts

    def slow_check(*args: object) -> tuple[ScheduleConflict, ...]:
        found = original(*args)
        clock_time.sleep(0.5)  # the other workstation has all this time to look too
        return found

    monkeypatch.setattr(schedule_ledger, "slot_conflicts", slow_check)
    workstations = [
        open_services(database_url, clock=clock, migrate=False, daily_backup=False) for _ in range(2)
    ]
    start = threading.Barrier(2)
    outcomes: list[object] = [None, None]

    def book(index: int) -> None:
        draft = AppointmentDraft(
            local_moment(WEDNESDAY, time(10)),
            AppointmentKind.CONSULTATION,
            AppointmentMode.IN_CLINIC,
            BookedVia.PHONE,
            practitioner_id=practitioner.id,
        )
        start.wait()
        try:
            outcomes[index] = (
                workstations[index].appointments.book(reception, clients[index], draft).appointment
            )
        except ScheduleConflictError as refused:
            outcomes[index] = refused

    try:
        threads = [threading.Thread(target=book, args=(i,)) for i in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
    finally:
        for opened in workstations:
            opened.close()

    refusals = [o for o in outcomes if isinstance(o, ScheduleConflictError)]
    assert len(refusals) == 1, outcomes
    assert refusals[0].conflicts == (ScheduleConflict.DOUBLE_BOOKING,)
    assert "Dr Paul Roy a déjà un rendez-vous qui chevauche" in refusals[0].message("fr")
    (column,) = services.schedule.day(reception, WEDNESDAY).columns
    assert len(column.appointments) == 1


@pytest.mark.postgresql
def test_a_booking_waits_for_the_practitioner_another_workstation_is_booking(
    services: Services, database_url: str, team, clock
) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("row locks are PostgreSQL's; SQLite serialises writes whole")
    manager, reception = team.manager, team.receptionist
    practitioner = services.schedule.add_practitioner(
        manager, PractitionerDraft("Dr Paul Roy", manager.clinic_id)
    )
    services.schedule.set_hours(manager, practitioner.id, [WeeklyHours(2, time(8), time(17))])
    client = services.clients.create(reception, ClientDraft("Roy", "Anne", date(1990, 1, 1))).id
    draft = AppointmentDraft(
        local_moment(WEDNESDAY, time(10)),
        AppointmentKind.CONSULTATION,
        AppointmentMode.IN_CLINIC,
        BookedVia.PHONE,
        practitioner_id=practitioner.id,
    )
    libpq = make_url(database_url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(libpq) as other:
        # NO KEY UPDATE: the new appointment's foreign key alone (KEY SHARE) would not wait for it.
        other.execute("SELECT id FROM practitioners WHERE id = %s FOR NO KEY UPDATE", (practitioner.id,))
        booking = threading.Thread(target=lambda: services.appointments.book(reception, client, draft))
        booking.start()
        booking.join(1.0)
        assert booking.is_alive()  # waiting for the other workstation's transaction
        other.rollback()
    booking.join(10)
    assert not booking.is_alive()
    assert len(services.appointments.for_client(reception, client)) == 1
