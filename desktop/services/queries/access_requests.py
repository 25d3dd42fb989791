"""Reading access and rectification requests with their state derived from their events (matched,
identity verified, answered, refused)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import Exists, exists, select
from sqlalchemy.orm import Session

from desktop.db.models import Client
from desktop.db.register_models import AccessRequest, AccessRequestEvent
from desktop.domain.access_requests import AccessRequestEventRecord, AccessRequestRecord
from desktop.domain.register_enums import AccessAnswerItem, AccessRequestEventKind
from desktop.services.queries.clients import staff_names

__all__ = ["access_request_records", "closed_exists", "requests_for_client"]

_CLOSING = (AccessRequestEventKind.ANSWERED, AccessRequestEventKind.REFUSED)


def closed_exists() -> Exists:
    """Whether the request in the outer query has been answered or refused."""
    return exists().where(
        AccessRequestEvent.request_id == AccessRequest.id, AccessRequestEvent.kind.in_(_CLOSING)
    )


def _items(text: str) -> frozenset[AccessAnswerItem]:
    return frozenset(AccessAnswerItem(part) for part in text.split(",") if part)


def access_request_records(session: Session, requests: Sequence[AccessRequest]) -> list[AccessRequestRecord]:
    """Records with their derived state, in a few queries whatever the number of requests."""
    if not requests:
        return []
    ids = [r.id for r in requests]
    events: dict[int, list[AccessRequestEvent]] = defaultdict(list)
    for event in session.scalars(
        select(AccessRequestEvent)
        .where(AccessRequestEvent.request_id.in_(ids))
        .order_by(AccessRequestEvent.at, AccessRequestEvent.id)
    ):
        events[event.request_id].append(event)
    names = staff_names(
        session, *({r.logged_by_id for r in requests} | {e.by_id for es in events.values() for e in es})
    )
    client_ids = {r.client_id for r in requests} | {e.client_id for es in events.values() for e in es}
    client_ids.discard(None)
    numbers = {
        client_id: number
        for client_id, number in session.execute(
            select(Client.id, Client.file_number).where(Client.id.in_(client_ids))
        )
    }
    records = []
    for request in requests:
        history = events[request.id]
        matched = [e for e in history if e.kind == AccessRequestEventKind.MATCHED]
        client_id = matched[-1].client_id if matched else request.client_id
        # A verification made while the request named a file holds for that file only: matched since to
        # another client, the requester's right to that one is still to be verified.
        verified = next(
            (
                e
                for e in history
                if e.kind == AccessRequestEventKind.IDENTITY_VERIFIED and e.client_id in (None, client_id)
            ),
            None,
        )
        answered = next((e for e in history if e.kind == AccessRequestEventKind.ANSWERED), None)
        refused = next((e for e in history if e.kind == AccessRequestEventKind.REFUSED), None)
        records.append(
            AccessRequestRecord(
                id=request.id,
                uid=request.uid,
                kind=request.kind,
                channel=request.channel,
                received_on=request.received_on,
                due_on=request.due_on,
                requester_name=request.requester_name,
                requester_contact=request.requester_contact,
                note=request.note,
                logged_by=names.get(request.logged_by_id, "?"),
                logged_at=request.logged_at,
                client_id=client_id,
                file_number=numbers.get(client_id) if client_id is not None else None,
                identity_verified_at=verified.at if verified else None,
                identity_how=verified.detail if verified else "",
                answered_at=answered.at if answered else None,
                answer_items=_items(answered.answer_items) if answered else frozenset(),
                document_sha256=answered.document_sha256 if answered else None,
                refused_at=refused.at if refused else None,
                refusal_reason=refused.detail if refused else "",
                history=tuple(
                    AccessRequestEventRecord(e.kind, e.at, names.get(e.by_id, "?"), e.client_id, e.detail)
                    for e in history
                ),
            )
        )
    return records


def requests_for_client(session: Session, client_id: int) -> list[AccessRequestRecord]:
    """Requests concerning the client (named when logged or matched since), newest received first."""
    matched = select(AccessRequestEvent.request_id).where(
        AccessRequestEvent.kind == AccessRequestEventKind.MATCHED, AccessRequestEvent.client_id == client_id
    )
    requests = session.scalars(
        select(AccessRequest)
        .where((AccessRequest.client_id == client_id) | AccessRequest.id.in_(matched))
        .order_by(AccessRequest.received_on.desc(), AccessRequest.id.desc())
    ).all()
    return [r for r in access_request_records(session, requests) if r.client_id == client_id]
