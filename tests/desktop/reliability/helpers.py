"""Small helpers shared by the reliability tests."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from desktop.db.models import Appointment, ConsentEvent
from desktop.domain.records import Actor, ClientDraft
from desktop.services import Services

REPO_ROOT = Path(__file__).resolve().parents[3]


def make_clients(services: Services, actor: Actor, count: int, prefix: str = "Charge") -> list[int]:
    return [
        services.clients.create(
            actor, ClientDraft(f"{prefix}{n:03d}", "Test", date(1970, 1, 1 + n % 28)), confirm_duplicate=True
        ).id
        for n in range(count)
    ]


def appointment_counts(services: Services, uids: Iterable[str]) -> tuple[dict[str, int], int]:
    """How many appointments each uid has, and how many consent events hang off those appointments."""
    wanted = [uuid.UUID(u) for u in uids]
    counts: dict[str, int] = {}
    events = 0
    with services.db.session(write=False) as session:
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            rows = session.execute(
                select(Appointment.uid, func.count(Appointment.id))
                .where(Appointment.uid.in_(chunk))
                .group_by(Appointment.uid)
            )
            counts.update({str(uid): n for uid, n in rows})
            events += (
                session.scalar(
                    select(func.count(ConsentEvent.id))
                    .join(Appointment, Appointment.id == ConsentEvent.appointment_id)
                    .where(Appointment.uid.in_(chunk))
                )
                or 0
            )
    return counts, events
