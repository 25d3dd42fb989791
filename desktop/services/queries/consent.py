"""Reading the consent ledger: events as records, and the current grid folded from them."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.models import ConsentEvent, PolicyVersion
from desktop.domain.consent import fold_consent
from desktop.domain.records import ConsentCell, ConsentEventRecord, ConsentGrid
from desktop.services.queries.clients import staff_names


def event_records(session: Session, events: Iterable[ConsentEvent]) -> list[ConsentEventRecord]:
    events = list(events)
    if not events:
        return []
    staff = staff_names(session, *{e.recorded_by_id for e in events})
    policies = {
        p.id: p
        for p in session.scalars(
            select(PolicyVersion).where(PolicyVersion.id.in_({e.policy_version_id for e in events}))
        )
    }
    return [
        ConsentEventRecord(
            id=e.id,
            uid=e.uid,
            client_id=e.client_id,
            purpose=e.purpose,
            channel=e.channel,
            action=e.action,
            method=e.method,
            policy_version=policies[e.policy_version_id].version,
            policy_language=policies[e.policy_version_id].language,
            policy_sha256=e.policy_sha256,
            wording=e.wording,
            recorded_by=staff.get(e.recorded_by_id, "?"),
            clinic_id=e.clinic_id,
            recorded_at=e.recorded_at,
            appointment_id=e.appointment_id,
            opt_out_request_id=e.opt_out_request_id,
            acknowledgment_id=e.acknowledgment_id,
            representative_name=e.representative_name,
            representative_capacity=e.representative_capacity,
        )
        for e in events
    ]


def client_events(session: Session, client_id: int) -> list[ConsentEvent]:
    return list(
        session.scalars(
            select(ConsentEvent)
            .where(ConsentEvent.client_id == client_id)
            .order_by(ConsentEvent.recorded_at, ConsentEvent.id)
        )
    )


def consent_grid(session: Session, client_id: int) -> ConsentGrid:
    folded = fold_consent(event_records(session, client_events(session, client_id)))
    cells = {
        (purpose, channel): ConsentCell(purpose, channel, state.granted, state.event)
        for (purpose, channel), state in folded.items()
    }
    return ConsentGrid(client_id, cells)
