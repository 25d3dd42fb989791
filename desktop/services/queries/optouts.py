"""Reading opt-out requests with their derived state (matched, processed, confirmation sent)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.models import OptOutEvent, OptOutRequest, OptOutScope
from desktop.domain.enums import OptOutEventKind
from desktop.domain.records import OptOutEventRecord, OptOutRecord
from desktop.services.queries.clients import staff_names


def opt_out_records(session: Session, requests: Sequence[OptOutRequest]) -> list[OptOutRecord]:
    """Records with their derived state, in three queries whatever the number of requests."""
    if not requests:
        return []
    ids = [r.id for r in requests]
    scopes: dict[int, list[OptOutScope]] = defaultdict(list)
    for scope in session.scalars(select(OptOutScope).where(OptOutScope.request_id.in_(ids))):
        scopes[scope.request_id].append(scope)
    events: dict[int, list[OptOutEvent]] = defaultdict(list)
    for event in session.scalars(
        select(OptOutEvent).where(OptOutEvent.request_id.in_(ids)).order_by(OptOutEvent.at, OptOutEvent.id)
    ):
        events[event.request_id].append(event)
    staff_ids = {r.logged_by_id for r in requests} | {e.by_id for es in events.values() for e in es}
    names = staff_names(session, *staff_ids)
    records = []
    for request in requests:
        history = events[request.id]
        matched = [e for e in history if e.kind == OptOutEventKind.MATCHED]
        processed = next((e for e in history if e.kind == OptOutEventKind.PROCESSED), None)
        confirmed = next((e for e in history if e.kind == OptOutEventKind.CONFIRMATION_SENT), None)
        records.append(
            OptOutRecord(
                id=request.id,
                uid=request.uid,
                received_via=request.received_via,
                received_on=request.received_on,
                due_on=request.due_on,
                requester_name=request.requester_name,
                requester_phone=request.requester_phone,
                requester_email=request.requester_email,
                purposes=frozenset(s.purpose for s in scopes[request.id]),
                channels=frozenset(s.channel for s in scopes[request.id]),
                note=request.note,
                logged_by=names.get(request.logged_by_id, "?"),
                logged_at=request.logged_at,
                clinic_id=request.clinic_id,
                client_id=matched[-1].client_id if matched else None,
                processed_at=processed.at if processed else None,
                processed_by=names.get(processed.by_id, "?") if processed else None,
                confirmation_sent_at=confirmed.at if confirmed else None,
                history=tuple(
                    OptOutEventRecord(e.kind, e.at, names.get(e.by_id, "?"), e.client_id) for e in history
                ),
            )
        )
    return records


def requests_for_client(session: Session, client_id: int) -> list[OptOutRecord]:
    """Requests last matched to the client, newest received first."""
    request_ids = select(OptOutEvent.request_id).where(
        OptOutEvent.kind == OptOutEventKind.MATCHED, OptOutEvent.client_id == client_id
    )
    requests = session.scalars(
        select(OptOutRequest)
        .where(OptOutRequest.id.in_(request_ids))
        .order_by(OptOutRequest.received_on.desc(), OptOutRequest.id.desc())
    ).all()
    return [r for r in opt_out_records(session, requests) if r.client_id == client_id]


def pending_requests_for_client(session: Session, client_id: int) -> list[OptOutRecord]:
    return [r for r in requests_for_client(session, client_id) if r.pending]
