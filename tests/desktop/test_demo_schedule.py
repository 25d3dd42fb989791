"""The demo's schedule: practitioners with hours at the site, the demo's appointments given a
practitioner working and free then (or left unassigned), their kind's length and their booked event,
so a demonstration's coming days are not empty."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from desktop.db.models import Appointment, AppointmentEvent
from desktop.demo import DEMO_ACCOUNTS, populate
from desktop.domain.schedule import TimeRange
from desktop.domain.schedule_rules import overlaps, slot_conflicts
from desktop.services import Services


def test_the_demo_fills_the_schedule_without_double_bookings(fresh_services: Services) -> None:
    populate(fresh_services, 150, workstation="demo-test")
    account = DEMO_ACCOUNTS[0]
    desk = fresh_services.staff.authenticate(account.username, account.password, "demo-test")
    practitioners = fresh_services.schedule.practitioners(desk)
    assert len(practitioners) == 4 and all(p.hours for p in practitioners)
    today = fresh_services.clock.today()
    days = [fresh_services.schedule.day(desk, today + timedelta(days=n)) for n in range(7)]
    assigned = [a for day in days for column in day.columns for a in column.appointments]
    assert len(assigned) >= 5
    for day in days:
        for column in day.columns:
            ranges = [TimeRange(a.starts_at, a.ends_at) for a in column.appointments]
            p = column.practitioner
            for index, slot in enumerate(ranges):
                assert slot_conflicts(slot, p.hours, p.exceptions, ranges[:index]) == ()
                assert not any(overlaps(slot, other) for other in ranges[index + 1 :])
    with fresh_services.db.session(write=False) as session:
        appointments = session.scalar(select(func.count()).select_from(Appointment))
        booked = session.scalar(
            select(func.count()).select_from(AppointmentEvent).where(AppointmentEvent.demo)
        )
    assert appointments == booked == 150
