"""Opt-out requests: logged as received, matched to a client, processed into withdrawal events.

Requests and their events are append-only; whether a request is matched, processed or confirmed is
derived from its events. Phone and in-clinic requests are processed as they are logged; email and
post requests are due within 10 Quebec business days of receipt.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Exists, and_, exists, func, insert, select
from sqlalchemy.orm import Session

from desktop.db.database import Database
from desktop.db.models import Client, OptOutEvent, OptOutRequest, OptOutScope
from desktop.domain.business_days import OptOutCalendar
from desktop.domain.enums import OptOutEventKind
from desktop.domain.errors import ConflictError, FieldError, FrontDeskError, NotFoundError, ValidationError
from desktop.domain.messages import Subjects
from desktop.domain.records import Actor, ConsentChange, OptOutDraft, OptOutRecord
from desktop.domain.validation import MAX_EMAIL, MAX_NAME, MAX_NOTE, check_past_date, check_text
from desktop.domain.wording import withdrawal_sentence
from desktop.services.clock import Clock
from desktop.services.ledger.consent import append_events
from desktop.services.permissions import Permission
from desktop.services.queries.clients import load_client
from desktop.services.queries.optouts import opt_out_records, requests_for_client
from desktop.services.queries.organisation import opt_out_calendar
from desktop.services.unit_of_work import UnitOfWork, run

OLDEST_RECEIVED = date(2000, 1, 1)


def validate_draft(draft: OptOutDraft, today: date) -> OptOutDraft:
    errors: list[FieldError] = []
    name = check_text(errors, "requester_name", draft.requester_name, max_length=MAX_NAME, required=True)
    phone = check_text(errors, "requester_phone", draft.requester_phone, max_length=40)
    email = check_text(errors, "requester_email", draft.requester_email, max_length=MAX_EMAIL)
    note = check_text(errors, "note", draft.note, max_length=MAX_NOTE)
    check_past_date(errors, "received_on", draft.received_on, today=today)
    if draft.received_on is not None and draft.received_on < OLDEST_RECEIVED:
        errors.append(FieldError("received_on", "date_too_old", {"min": OLDEST_RECEIVED.year}))
    if not draft.purposes or not draft.channels:
        errors.append(FieldError("scope", "empty_scope"))
    if draft.received_via.takes_effect_at_once and draft.client_id is None:
        errors.append(FieldError("client_id", "optout_not_matched"))
    if errors:
        raise ValidationError(errors)
    return OptOutDraft(
        received_via=draft.received_via,
        received_on=draft.received_on,
        requester_name=name,
        requester_phone=phone,
        requester_email=email,
        purposes=frozenset(draft.purposes),
        channels=frozenset(draft.channels),
        client_id=draft.client_id,
        note=note,
        uid=draft.uid,
    )


def _processed_exists() -> Exists:
    return exists().where(
        OptOutEvent.request_id == OptOutRequest.id, OptOutEvent.kind == OptOutEventKind.PROCESSED
    )


def _add_event(uow: UnitOfWork, request: OptOutRequest, kind: OptOutEventKind, client_id: int | None) -> None:
    uow.session.add(
        OptOutEvent(
            uid=uuid.uuid4(),
            request_id=request.id,
            kind=kind,
            client_id=client_id,
            at=uow.now,
            by_id=uow.staff_id,
        )
    )
    uow.session.flush()
    uow.audit(
        f"optout.{kind.value}", "opt_out_request", request.uid, f"client={client_id}" if client_id else ""
    )


def _load(session: Session, request_id: int) -> OptOutRequest:
    request = session.get(OptOutRequest, request_id)
    if request is None:
        raise NotFoundError(what=Subjects.opt_out_request.filled(id=request_id))
    return request


def _state(session: Session, request: OptOutRequest) -> OptOutRecord:
    return opt_out_records(session, [request])[0]


def _process(uow: UnitOfWork, request: OptOutRequest, record: OptOutRecord, confirmation_sent: bool) -> None:
    if record.processed_at is not None:
        raise ConflictError("optout_already_processed")
    if record.client_id is None:
        raise FrontDeskError("optout_not_matched")
    client = load_client(uow.session, record.client_id)
    language = client.preferred_language
    received = request.received_on.isoformat()
    cells = sorted((p, c) for p in record.purposes for c in record.channels)
    append_events(
        uow,
        client,
        [ConsentChange(p, c, granted=False) for p, c in cells],
        method=request.received_via.consent_method,
        language=language,
        wording={
            (p, c): withdrawal_sentence(p, c, request.received_via, received, language) for p, c in cells
        },
        only_differences=False,
        opt_out_request_id=request.id,
    )
    _add_event(uow, request, OptOutEventKind.PROCESSED, client.id)
    if confirmation_sent:
        _add_event(uow, request, OptOutEventKind.CONFIRMATION_SENT, client.id)


def _same_request(record: OptOutRecord, draft: OptOutDraft) -> bool:
    """Whether a request logged with the draft's uid says what the draft says (a true replay)."""
    logged_for = next((e.client_id for e in record.history if e.kind == OptOutEventKind.MATCHED), None)
    return (
        record.received_via,
        record.received_on,
        record.requester_name,
        record.requester_phone,
        record.requester_email,
        record.note,
        record.purposes,
        record.channels,
    ) == (
        draft.received_via,
        draft.received_on,
        draft.requester_name,
        draft.requester_phone,
        draft.requester_email,
        draft.note,
        draft.purposes,
        draft.channels,
    ) and (draft.client_id is None or draft.client_id == logged_for)


class OptOutService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def calendar(self, actor: Actor) -> OptOutCalendar:
        """The clinic's opt-out delay and business days (the Easter holiday it observes)."""

        def work(uow: UnitOfWork) -> OptOutCalendar:
            return opt_out_calendar(uow.session)

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)

    def log(self, actor: Actor, draft: OptOutDraft, *, confirmation_sent: bool = False) -> OptOutRecord:
        """Record a request as received. Phone and in-clinic requests take effect at once."""
        clean = validate_draft(draft, self._clock.today())

        def work(uow: UnitOfWork) -> OptOutRecord:
            replayed = uow.session.scalar(select(OptOutRequest).where(OptOutRequest.uid == clean.uid))
            if replayed is not None:
                record = _state(uow.session, replayed)
                if not _same_request(record, clean):
                    raise ConflictError("replay_mismatch")
                return record
            if clean.client_id is not None:
                load_client(uow.session, clean.client_id)
            immediate = clean.received_via.takes_effect_at_once
            request = OptOutRequest(
                uid=clean.uid,
                received_via=clean.received_via,
                received_on=clean.received_on,
                due_on=clean.received_on
                if immediate
                else opt_out_calendar(uow.session).due_date(clean.received_on),
                requester_name=clean.requester_name,
                requester_phone=clean.requester_phone,
                requester_email=clean.requester_email,
                note=clean.note,
                logged_by_id=uow.staff_id,
                logged_at=uow.now,
                clinic_id=uow.clinic_id,
            )
            uow.session.add(request)
            uow.session.flush()
            uow.session.execute(
                insert(OptOutScope),
                [
                    {"request_id": request.id, "purpose": p.value, "channel": c.value}
                    for p in sorted(clean.purposes)
                    for c in sorted(clean.channels)
                ],
            )
            uow.audit("optout.log", "opt_out_request", request.uid, f"via={clean.received_via.value}")
            if clean.client_id is not None:
                _add_event(uow, request, OptOutEventKind.MATCHED, clean.client_id)
            if immediate:
                _process(uow, request, _state(uow.session, request), confirmation_sent)
            return _state(uow.session, request)

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work)

    def match(self, actor: Actor, request_id: int, client_id: int) -> OptOutRecord:
        def work(uow: UnitOfWork) -> OptOutRecord:
            request = _load(uow.session, request_id)
            if _state(uow.session, request).processed_at is not None:
                raise ConflictError("optout_already_processed")
            load_client(uow.session, client_id)
            _add_event(uow, request, OptOutEventKind.MATCHED, client_id)
            return _state(uow.session, request)

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work)

    def process(self, actor: Actor, request_id: int, *, confirmation_sent: bool = False) -> OptOutRecord:
        """Write the withdrawal events for every purpose × channel in the request's scope."""

        def work(uow: UnitOfWork) -> OptOutRecord:
            request = _load(uow.session, request_id)
            _process(uow, request, _state(uow.session, request), confirmation_sent)
            return _state(uow.session, request)

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work)

    def mark_confirmation_sent(self, actor: Actor, request_id: int) -> OptOutRecord:
        def work(uow: UnitOfWork) -> OptOutRecord:
            request = _load(uow.session, request_id)
            record = _state(uow.session, request)
            if record.confirmation_sent_at is None:
                _add_event(uow, request, OptOutEventKind.CONFIRMATION_SENT, record.client_id)
            return _state(uow.session, request)

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work)

    def get(self, actor: Actor, request_id: int) -> OptOutRecord:
        def work(uow: UnitOfWork) -> OptOutRecord:
            return _state(uow.session, _load(uow.session, request_id))

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)

    def pending(self, actor: Actor, *, offset: int = 0, limit: int = 100) -> list[OptOutRecord]:
        """Requests not yet processed, the most urgent first."""

        def work(uow: UnitOfWork) -> list[OptOutRecord]:
            requests = uow.session.scalars(
                select(OptOutRequest)
                .where(~_processed_exists())
                .order_by(OptOutRequest.due_on, OptOutRequest.id)
                .offset(max(0, offset))
                .limit(max(1, min(limit, 500)))
            ).all()
            return opt_out_records(uow.session, requests)

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)

    def overdue(self, actor: Actor, *, limit: int = 500) -> list[OptOutRecord]:
        def work(uow: UnitOfWork) -> list[OptOutRecord]:
            requests = uow.session.scalars(
                select(OptOutRequest)
                .where(and_(~_processed_exists(), OptOutRequest.due_on < uow.clock.today()))
                .order_by(OptOutRequest.due_on, OptOutRequest.id)
                .limit(max(1, min(limit, 5000)))
            ).all()
            return opt_out_records(uow.session, requests)

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)

    def pending_count(self, actor: Actor) -> tuple[int, int]:
        """(pending, overdue) counts for the status bar and the queue's title."""

        def work(uow: UnitOfWork) -> tuple[int, int]:
            pending = uow.session.scalar(select(func.count(OptOutRequest.id)).where(~_processed_exists()))
            overdue = uow.session.scalar(
                select(func.count(OptOutRequest.id)).where(
                    ~_processed_exists(), OptOutRequest.due_on < uow.clock.today()
                )
            )
            return int(pending or 0), int(overdue or 0)

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)

    def for_client(self, actor: Actor, client_id: int) -> list[OptOutRecord]:
        def work(uow: UnitOfWork) -> list[OptOutRecord]:
            uow.session.get(Client, client_id)
            return requests_for_client(uow.session, client_id)

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)
