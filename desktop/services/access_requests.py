"""Access and rectification requests: logged as received (a receptionist may), then matched to the
client file, the requester's identity verified, and answered or refused by the privacy officer.

Requests and their events are append-only; a request's state is derived from its events. The answer
records what was sent and the SHA-256 of the document sent, computed here from the document itself.
Audit records name ids and kinds only, never the requester.
"""

from __future__ import annotations

import hashlib
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.db.database import Database
from desktop.db.register_models import AccessRequest, AccessRequestEvent
from desktop.domain.access_request_messages import AccessRequestSubjects
from desktop.domain.access_requests import (
    MAX_HOW,
    MAX_REASON,
    AccessRequestDraft,
    AccessRequestRecord,
    ValidRequest,
    due_date,
    validate_draft,
    validate_reason,
)
from desktop.domain.errors import ConflictError, FieldError, FrontDeskError, NotFoundError, ValidationError
from desktop.domain.records import Actor
from desktop.domain.register_enums import AccessAnswerItem, AccessRequestEventKind, AccessRequestKind
from desktop.services.clock import Clock
from desktop.services.permissions import Permission
from desktop.services.queries.access_requests import (
    access_request_records,
    closed_exists,
    requests_for_client,
)
from desktop.services.queries.clients import load_client
from desktop.services.unit_of_work import UnitOfWork, run

__all__ = ["MAX_LISTED", "AccessRequestService"]

#: The most requests one list returns (a clinic has a handful a year).
MAX_LISTED = 5000


def _load(session: Session, request_id: int) -> AccessRequest:
    request = session.get(AccessRequest, request_id)
    if request is None:
        raise NotFoundError(what=AccessRequestSubjects.access_request.filled(id=request_id))
    return request


def _state(session: Session, request: AccessRequest) -> AccessRequestRecord:
    return access_request_records(session, [request])[0]


def _open_state(session: Session, request: AccessRequest) -> AccessRequestRecord:
    record = _state(session, request)
    if not record.is_open:
        raise ConflictError("access_request_closed")
    return record


def _add_event(
    uow: UnitOfWork,
    request: AccessRequest,
    kind: AccessRequestEventKind,
    client_id: int | None,
    *,
    detail: str = "",
    answer_items: str = "",
    document_sha256: str | None = None,
    audit_detail: str = "",
) -> None:
    uow.session.add(
        AccessRequestEvent(
            request_id=request.id,
            kind=kind,
            client_id=client_id,
            detail=detail,
            answer_items=answer_items,
            document_sha256=document_sha256,
            at=uow.now,
            by_id=uow.staff_id,
        )
    )
    uow.session.flush()
    if client_id is not None and f"client={client_id}" not in audit_detail.split():
        # So the file's access log shows what was done with a request about it.
        audit_detail = f"{audit_detail} client={client_id}".strip()
    uow.audit(f"access_request.{kind.value}", "access_request", request.uid, audit_detail)


def _same_request(record: AccessRequestRecord, draft: ValidRequest) -> bool:
    """Whether a request logged with the draft's uid says what the draft says (a true replay)."""
    return (
        record.kind,
        record.channel,
        record.received_on,
        record.requester_name,
        record.requester_contact,
        record.note,
    ) == (
        draft.kind,
        draft.channel,
        draft.received_on,
        draft.requester_name,
        draft.requester_contact,
        draft.note,
    ) and (draft.client_id is None or draft.client_id == record.client_id)


class AccessRequestService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def log(self, actor: Actor, draft: AccessRequestDraft) -> AccessRequestRecord:
        """Record a request as received; due 30 calendar days later. Logging the same uid again
        returns the request already logged."""
        clean = validate_draft(draft, self._clock.today())

        def work(uow: UnitOfWork) -> AccessRequestRecord:
            replayed = uow.session.scalar(select(AccessRequest).where(AccessRequest.uid == clean.uid))
            if replayed is not None:
                record = _state(uow.session, replayed)
                if not _same_request(record, clean):
                    raise ConflictError("replay_mismatch")
                return record
            if clean.client_id is not None:
                load_client(uow.session, clean.client_id)
            request = AccessRequest(
                uid=clean.uid,
                kind=clean.kind,
                channel=clean.channel,
                received_on=clean.received_on,
                due_on=due_date(clean.received_on),
                requester_name=clean.requester_name,
                requester_contact=clean.requester_contact,
                note=clean.note,
                client_id=clean.client_id,
                logged_by_id=uow.staff_id,
                logged_at=uow.now,
                clinic_id=uow.clinic_id,
            )
            uow.session.add(request)
            uow.session.flush()
            detail = f"kind={clean.kind.value} channel={clean.channel.value}"
            if clean.client_id is not None:
                detail += f" client={clean.client_id}"
            uow.audit("access_request.log", "access_request", request.uid, detail)
            return _state(uow.session, request)

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work)

    def match(self, actor: Actor, request_id: int, client_id: int) -> AccessRequestRecord:
        """Name (or correct) the client file the request concerns."""

        def work(uow: UnitOfWork) -> AccessRequestRecord:
            request = _load(uow.session, request_id)
            record = _open_state(uow.session, request)
            if record.client_id == client_id:
                raise ConflictError("access_request_already_matched", number=record.file_number)
            load_client(uow.session, client_id)
            _add_event(
                uow, request, AccessRequestEventKind.MATCHED, client_id, audit_detail=f"client={client_id}"
            )
            return _state(uow.session, request)

        return run(self._db, self._clock, actor, Permission.KEEP_PRIVACY_REGISTERS, work)

    def verify_identity(self, actor: Actor, request_id: int, how: str) -> AccessRequestRecord:
        """Record that the requester's identity was verified, and how (a photo ID shown at the desk…)."""
        clean = validate_reason("identity_how", how, MAX_HOW)

        def work(uow: UnitOfWork) -> AccessRequestRecord:
            request = _load(uow.session, request_id)
            record = _open_state(uow.session, request)
            if record.identity_verified_at is not None:
                # The first verification is the one the request shows: a second would be recorded unseen.
                raise ConflictError("access_request_already_verified", when=record.identity_verified_at)
            _add_event(uow, request, AccessRequestEventKind.IDENTITY_VERIFIED, record.client_id, detail=clean)
            return _state(uow.session, request)

        return run(self._db, self._clock, actor, Permission.KEEP_PRIVACY_REGISTERS, work)

    def answer(
        self,
        actor: Actor,
        request_id: int,
        items: frozenset[AccessAnswerItem],
        document: bytes | None = None,
    ) -> AccessRequestRecord:
        """Record the written answer: what was sent and, when given, the SHA-256 of the document sent."""
        chosen = sorted(AccessAnswerItem(item) for item in items)
        if not chosen:
            raise ValidationError([FieldError("answer_items", "access_request_nothing_sent")])
        if document is not None and not document:
            raise ValidationError([FieldError("document", "access_request_document_empty")])
        sha256 = hashlib.sha256(document).hexdigest() if document is not None else None

        def work(uow: UnitOfWork) -> AccessRequestRecord:
            request = _load(uow.session, request_id)
            record = _open_state(uow.session, request)
            if record.identity_verified_at is None:
                raise FrontDeskError("access_request_identity_unverified")
            if record.client_id is None:
                raise FrontDeskError("access_request_not_matched")
            if AccessAnswerItem.RECTIFIED_FILE in chosen and record.kind != AccessRequestKind.RECTIFICATION:
                # The register would show a file rectified that nobody asked to rectify.
                raise ValidationError(
                    [FieldError("answer_items", "access_request_rectified_without_request")]
                )
            names = ",".join(item.value for item in chosen)
            _add_event(
                uow,
                request,
                AccessRequestEventKind.ANSWERED,
                record.client_id,
                answer_items=names,
                document_sha256=sha256,
                audit_detail=f"items={names}" + (" document=sha256" if sha256 else ""),
            )
            return _state(uow.session, request)

        return run(self._db, self._clock, actor, Permission.KEEP_PRIVACY_REGISTERS, work)

    def refuse(self, actor: Actor, request_id: int, reason: str) -> AccessRequestRecord:
        clean = validate_reason("refusal_reason", reason, MAX_REASON)

        def work(uow: UnitOfWork) -> AccessRequestRecord:
            request = _load(uow.session, request_id)
            record = _open_state(uow.session, request)
            _add_event(uow, request, AccessRequestEventKind.REFUSED, record.client_id, detail=clean)
            return _state(uow.session, request)

        return run(self._db, self._clock, actor, Permission.KEEP_PRIVACY_REGISTERS, work)

    def get(self, actor: Actor, request_id: int) -> AccessRequestRecord:
        def work(uow: UnitOfWork) -> AccessRequestRecord:
            return _state(uow.session, _load(uow.session, request_id))

        return run(self._db, self._clock, actor, Permission.KEEP_PRIVACY_REGISTERS, work, write=False)

    def open_requests(self, actor: Actor) -> list[AccessRequestRecord]:
        """Requests neither answered nor refused, the most urgent first: the overdue ones (due
        earliest) lead, then by due date."""

        def work(uow: UnitOfWork) -> list[AccessRequestRecord]:
            requests = uow.session.scalars(
                select(AccessRequest)
                .where(~closed_exists())
                .order_by(AccessRequest.due_on, AccessRequest.id)
                .limit(MAX_LISTED)
            ).all()
            return access_request_records(uow.session, requests)

        return run(self._db, self._clock, actor, Permission.KEEP_PRIVACY_REGISTERS, work, write=False)

    def overdue(self, actor: Actor) -> list[AccessRequestRecord]:
        def work(uow: UnitOfWork) -> list[AccessRequestRecord]:
            requests = uow.session.scalars(
                select(AccessRequest)
                .where(~closed_exists(), AccessRequest.due_on < uow.clock.today())
                .order_by(AccessRequest.due_on, AccessRequest.id)
                .limit(MAX_LISTED)
            ).all()
            return access_request_records(uow.session, requests)

        return run(self._db, self._clock, actor, Permission.KEEP_PRIVACY_REGISTERS, work, write=False)

    def counts(self, actor: Actor) -> tuple[int, int]:
        """(open, overdue) for the queue's title."""

        def work(uow: UnitOfWork) -> tuple[int, int]:
            total = uow.session.scalar(select(func.count(AccessRequest.id)).where(~closed_exists()))
            late = uow.session.scalar(
                select(func.count(AccessRequest.id)).where(
                    ~closed_exists(), AccessRequest.due_on < uow.clock.today()
                )
            )
            return int(total or 0), int(late or 0)

        return run(self._db, self._clock, actor, Permission.KEEP_PRIVACY_REGISTERS, work, write=False)

    def for_client(self, actor: Actor, client_id: int) -> list[AccessRequestRecord]:
        """The requests concerning a client, for the client file."""

        def work(uow: UnitOfWork) -> list[AccessRequestRecord]:
            load_client(uow.session, client_id)
            return requests_for_client(uow.session, client_id)

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)

    def register(self, actor: Actor, start: date, end: date) -> list[AccessRequestRecord]:
        """Every request received from ``start`` to ``end`` (both included), in order of receipt."""

        def work(uow: UnitOfWork) -> list[AccessRequestRecord]:
            requests = uow.session.scalars(
                select(AccessRequest)
                .where(AccessRequest.received_on >= start, AccessRequest.received_on <= end)
                .order_by(AccessRequest.received_on, AccessRequest.id)
            ).all()
            return access_request_records(uow.session, requests)

        return run(self._db, self._clock, actor, Permission.KEEP_PRIVACY_REGISTERS, work, write=False)
