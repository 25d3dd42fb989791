"""The demo's schedule: a few practitioners per site with their weekly hours and a day off, the demo's
appointments given a practitioner free and working at that time (else left unassigned), their kind's
length, and their ``booked`` event, so a demonstration's day view is not empty. Every row is marked
``demo`` like the generator's others."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.models import (
    AppointmentKindRow,
    Clinic,
    Practitioner,
    PractitionerException,
    PractitionerHours,
)
from desktop.domain.schedule import HoursException, TimeRange, WeeklyHours
from desktop.domain.schedule_rules import local_moment, overlaps, slot_conflicts

#: (name, specialty, works Saturday morning).
DEMO_PRACTITIONERS = (
    ("Dre Julie Tremblay", "Médecine familiale", False),
    ("Dr Karim Haddad", "Médecine familiale", True),
    ("Marie-Ève Gagnon", "Physiothérapie", False),
    ("Dr Samuel Lévesque", "Dermatologie", False),
)
WEEKDAY_HOURS = ((time(8), time(12)), (time(13), time(17)))
SATURDAY_HOURS = ((time(9), time(12)),)
#: A practitioner's id, weekly hours and days off.
_Practitioner = tuple[int, tuple[WeeklyHours, ...], tuple[HoursException, ...]]


def demo_start(rng: random.Random, today: date) -> datetime:
    """A demo appointment's moment: in the clinic's hours and its own time; one in ten in the coming
    week, so a demonstration's schedule has its days filled."""
    days = rng.randint(0, 6) if rng.random() < 0.1 else rng.randint(-400, 60)
    return _local_moment(today + timedelta(days=days), rng.randint(8, 16), rng.choice((0, 15, 30, 45)))


@lru_cache(maxsize=65536)  # a few thousand distinct moments, asked for by every file of a large demo
def _local_moment(day: date, hour: int, minute: int) -> datetime:
    return local_moment(day, time(hour, minute))


def demo_week(saturday: bool) -> tuple[WeeklyHours, ...]:
    week = [WeeklyHours(day, start, end) for day in range(5) for start, end in WEEKDAY_HOURS]
    if saturday:
        week += [WeeklyHours(5, start, end) for start, end in SATURDAY_HOURS]
    return tuple(week)


class DemoSchedule:
    """The practitioners of each site, made once, and the appointments each already holds."""

    def __init__(self) -> None:
        self._practitioners: dict[int, list[_Practitioner]] = {}
        #: Per practitioner and (UTC) day, so a large demo's search stays short.
        self._busy: dict[tuple[int, date], list[TimeRange]] = defaultdict(list)
        self._lengths: dict[str, int] | None = None
        #: Whether a practitioner's hours and days off hold a slot (moment and length): a demo of a
        #: million appointments asks about the same few thousand slots again and again.
        self._open: dict[tuple[int, datetime, int], bool] = {}

    def practitioners(self, session: Session, clinic_id: int, now: datetime) -> list[_Practitioner]:
        if clinic_id not in self._practitioners:
            self._practitioners[clinic_id] = _ensure_practitioners(session, clinic_id, now)
        return self._practitioners[clinic_id]

    def place(
        self, session: Session, rng: random.Random, appointment: dict[str, object], now: datetime
    ) -> None:
        """Give a demo appointment (its row, before insertion) its kind's length and a practitioner
        working and free then (none: unassigned)."""
        if self._lengths is None:
            query = select(AppointmentKindRow.code, AppointmentKindRow.default_minutes)
            self._lengths = {code: minutes for code, minutes in session.execute(query)}
        starts = appointment["starts_at"]
        assert isinstance(starts, datetime)
        length = self._lengths.get(str(appointment["kind"]), 30)
        slot = TimeRange(starts, starts + timedelta(minutes=length))
        chosen = None
        candidates = self.practitioners(session, int(str(appointment["clinic_id"])), now)
        for practitioner_id, week, days_off in rng.sample(candidates, len(candidates)):
            busy = self._busy[(practitioner_id, starts.date())]
            fits = self._open.get((practitioner_id, starts, length))
            if fits is None:
                fits = self._open[(practitioner_id, starts, length)] = not slot_conflicts(
                    slot, week, days_off, ()
                )
            if fits and not any(overlaps(slot, b) for b in busy):
                chosen = practitioner_id
                busy.append(slot)
                break
        appointment["practitioner_id"] = chosen
        appointment["length_minutes"] = length


def _ensure_practitioners(session: Session, clinic_id: int, now: datetime) -> list[_Practitioner]:
    """The site's active practitioners with their hours; the demo's four when the site has none."""
    existing = session.scalars(
        select(Practitioner).where(Practitioner.clinic_id == clinic_id, Practitioner.active)
    ).all()
    if not existing and session.get(Clinic, clinic_id) is not None:
        for index, (name, specialty, saturday) in enumerate(DEMO_PRACTITIONERS):
            practitioner = Practitioner(
                clinic_id=clinic_id,
                display_name=name,
                specialty=specialty,
                active=True,
                created_at=now,
                demo=True,
            )
            session.add(practitioner)
            session.flush()
            session.add_all(
                PractitionerHours(
                    practitioner_id=practitioner.id, weekday=h.weekday, starts=h.starts, ends=h.ends
                )
                for h in demo_week(saturday)
            )
            if index == len(DEMO_PRACTITIONERS) - 1:
                # A week of vacation three weeks from now, so a demonstration shows a day off.
                first = now.date() + timedelta(days=21)
                session.add(
                    PractitionerException(
                        practitioner_id=practitioner.id,
                        starts_on=first,
                        ends_on=first + timedelta(days=6),
                        reason="Vacances",
                    )
                )
        session.flush()
        existing = session.scalars(
            select(Practitioner).where(Practitioner.clinic_id == clinic_id, Practitioner.active)
        ).all()
    hours: dict[int, list[WeeklyHours]] = defaultdict(list)
    for row in session.scalars(
        select(PractitionerHours).where(PractitionerHours.practitioner_id.in_([p.id for p in existing]))
    ):
        hours[row.practitioner_id].append(WeeklyHours(row.weekday, row.starts, row.ends))
    days_off: dict[int, list[HoursException]] = defaultdict(list)
    for e in session.scalars(
        select(PractitionerException).where(
            PractitionerException.practitioner_id.in_([p.id for p in existing])
        )
    ):
        days_off[e.practitioner_id].append(
            HoursException(e.id, e.practitioner_id, e.starts_on, e.ends_on, e.reason)
        )
    return [(p.id, tuple(hours[p.id]), tuple(days_off[p.id])) for p in existing]
