"""Reading the retention review, the legal holds and the anonymisations.

A file's last contact is the latest of its appointments (their start), consent events, the opt-out
requests matched to it and its access requests (received, and their events), or its creation when it
has none. Each source is one grouped subquery joined to the files, so the review is a few set-based
statements whatever the number of files (no loop over them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import (
    ColumnElement,
    DateTime,
    Integer,
    Select,
    String,
    and_,
    case,
    cast,
    func,
    literal,
    not_,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.selectable import Subquery

from desktop.db.models import (
    AccessRequest,
    AccessRequestEvent,
    Anonymisation,
    Appointment,
    Client,
    ConsentEvent,
    LegalHoldEvent,
    OptOutEvent,
    OptOutRequest,
)
from desktop.domain.enums import OptOutEventKind
from desktop.domain.register_enums import AccessRequestEventKind, LegalHoldAction
from desktop.domain.retention import (
    AnonymisationRecord,
    LegalHoldRecord,
    RetentionCandidate,
    RetentionReview,
    years_after,
    years_before,
)
from desktop.reports.base import local_day, local_midnight
from desktop.services.queries.clients import staff_names


def _latest_match(event_id: Any, request_id: Any, kind_column: Any, kind: object) -> Subquery:
    """Each request's latest "matched" event (the client it is matched to now)."""
    return (
        select(request_id.label("request_id"), func.max(event_id).label("event_id"))
        .where(kind_column == kind)
        .group_by(request_id)
        .subquery()
    )


def opt_outs_by_client() -> Subquery:
    """Each opt-out request with the client it is matched to now, and whether it is processed."""
    latest = _latest_match(OptOutEvent.id, OptOutEvent.request_id, OptOutEvent.kind, OptOutEventKind.MATCHED)
    processed = (
        select(OptOutEvent.request_id)
        .where(OptOutEvent.kind == OptOutEventKind.PROCESSED)
        .group_by(OptOutEvent.request_id)
        .subquery()
    )
    return (
        select(
            OptOutRequest.id.label("request_id"),
            OptOutEvent.client_id.label("client_id"),
            OptOutRequest.received_on.label("received_on"),
            (processed.c.request_id.is_(None)).label("pending"),
        )
        .join(latest, latest.c.request_id == OptOutRequest.id)
        .join(OptOutEvent, OptOutEvent.id == latest.c.event_id)
        .outerjoin(processed, processed.c.request_id == OptOutRequest.id)
        .where(OptOutEvent.client_id.is_not(None))
        .subquery()
    )


def access_requests_by_client() -> Subquery:
    """Each access request with its client (the latest match, else the one named when logged),
    its latest event and whether it is still open (neither answered nor refused)."""
    latest = _latest_match(
        AccessRequestEvent.id,
        AccessRequestEvent.request_id,
        AccessRequestEvent.kind,
        AccessRequestEventKind.MATCHED,
    )
    matched = AccessRequestEvent.__table__.alias("matched_event")
    events = (
        select(
            AccessRequestEvent.request_id.label("request_id"),
            func.max(AccessRequestEvent.at).label("last_event_at"),
            func.count()
            .filter(
                AccessRequestEvent.kind.in_([AccessRequestEventKind.ANSWERED, AccessRequestEventKind.REFUSED])
            )
            .label("closings"),
        )
        .group_by(AccessRequestEvent.request_id)
        .subquery()
    )
    return (
        select(
            AccessRequest.id.label("request_id"),
            # Cast: a bare COALESCE has no type affinity, and SQLite then cannot index the join on it.
            cast(func.coalesce(matched.c.client_id, AccessRequest.client_id), Integer).label("client_id"),
            AccessRequest.received_on.label("received_on"),
            events.c.last_event_at,
            func.coalesce(events.c.closings, 0).label("closings"),
        )
        .outerjoin(latest, latest.c.request_id == AccessRequest.id)
        .outerjoin(matched, matched.c.id == latest.c.event_id)
        .outerjoin(events, events.c.request_id == AccessRequest.id)
        .subquery()
    )


_Query = TypeVar("_Query", bound=Select[*tuple[Any, ...]])


@dataclass(frozen=True)
class _Sources:
    """The per-file grouped subqueries the review joins to ``clients``."""

    appointments: Subquery
    consents: Subquery
    opt_outs: Subquery
    requests: Subquery
    holds: Subquery


def _sources(client_id: int | None = None) -> _Sources:
    def narrowed(query: _Query, column: Any) -> _Query:
        return query if client_id is None else query.where(column == client_id)

    appointments = narrowed(
        select(Appointment.client_id, func.max(Appointment.starts_at).label("last_at")).group_by(
            Appointment.client_id
        ),
        Appointment.client_id,
    ).subquery()
    consents = narrowed(
        select(ConsentEvent.client_id, func.max(ConsentEvent.recorded_at).label("last_at")).group_by(
            ConsentEvent.client_id
        ),
        ConsentEvent.client_id,
    ).subquery()
    opt_out = opt_outs_by_client()
    opt_outs = narrowed(
        select(
            opt_out.c.client_id,
            func.max(opt_out.c.received_on).label("last_on"),
            func.count().filter(opt_out.c.pending).label("pending"),
        ).group_by(opt_out.c.client_id),
        opt_out.c.client_id,
    ).subquery()
    request = access_requests_by_client()
    requests = narrowed(
        select(
            request.c.client_id,
            func.max(request.c.received_on).label("last_on"),
            func.max(request.c.last_event_at).label("last_at"),
            func.count().filter(request.c.closings == 0).label("open"),
        )
        .where(request.c.client_id.is_not(None))
        .group_by(request.c.client_id),
        request.c.client_id,
    ).subquery()
    latest_hold = narrowed(
        select(LegalHoldEvent.client_id, func.max(LegalHoldEvent.id).label("event_id")).group_by(
            LegalHoldEvent.client_id
        ),
        LegalHoldEvent.client_id,
    ).subquery()
    holds = (
        select(latest_hold.c.client_id)
        .join(LegalHoldEvent, LegalHoldEvent.id == latest_hold.c.event_id)
        .where(LegalHoldEvent.action == LegalHoldAction.PLACED)
        .subquery()
    )
    return _Sources(appointments, consents, opt_outs, requests, holds)


def _files(sources: _Sources) -> Select[Any]:
    """Every file with its contacts' maxima and what would leave it out of the review."""
    s = sources
    return (
        select(
            Client.id,
            Client.file_number,
            Client.last_name,
            Client.first_name,
            Client.date_of_birth,
            Client.created_at,
            Client.anonymised_at,
            s.appointments.c.last_at.label("appointment_at"),
            s.consents.c.last_at.label("consent_at"),
            s.opt_outs.c.last_on.label("opt_out_on"),
            s.requests.c.last_on.label("request_on"),
            s.requests.c.last_at.label("request_event_at"),
            s.holds.c.client_id.is_not(None).label("held"),
            (func.coalesce(s.opt_outs.c.pending, 0) > 0).label("pending_opt_out"),
            (func.coalesce(s.requests.c.open, 0) > 0).label("open_access_request"),
        )
        .outerjoin(s.appointments, s.appointments.c.client_id == Client.id)
        .outerjoin(s.consents, s.consents.c.client_id == Client.id)
        .outerjoin(s.opt_outs, s.opt_outs.c.client_id == Client.id)
        .outerjoin(s.requests, s.requests.c.client_id == Client.id)
        .outerjoin(s.holds, s.holds.c.client_id == Client.id)
    )


def _past_rule(sources: _Sources, cutoff: date) -> ColumnElement[bool]:
    """Every contact on or before ``cutoff`` (the creation when there is none), compared per source
    with a bound of the source's own type, so the statement is the same on both databases."""
    s = sources
    before = local_midnight(cutoff + timedelta(days=1))
    moments = (s.appointments.c.last_at, s.consents.c.last_at, s.requests.c.last_at)
    days = (s.opt_outs.c.last_on, s.requests.c.last_on)
    return and_(
        *(or_(m.is_(None), m < before) for m in moments),
        *(or_(d.is_(None), d <= cutoff) for d in days),
        or_(*(m.is_not(None) for m in moments), *(d.is_not(None) for d in days), Client.created_at < before),
    )


def _oldest_first(sources: _Sources, dialect: str) -> ColumnElement[Any]:
    """The files' order by last contact (to within the hours between UTC and the clinic's clock):
    PostgreSQL's GREATEST skips nulls; SQLite's max() of the ISO texts compares them as dates."""
    s = sources
    moments = (s.appointments.c.last_at, s.consents.c.last_at, s.requests.c.last_at)
    days = (s.opt_outs.c.last_on, s.requests.c.last_on)
    if dialect == "postgresql":
        latest: ColumnElement[Any] = func.greatest(*moments, *(cast(d, DateTime) for d in days))
        return func.coalesce(latest, Client.created_at)
    texts = [func.coalesce(type_coerce(c, String), literal("")) for c in (*moments, *days)]
    return func.coalesce(func.nullif(func.max(*texts), literal("")), type_coerce(Client.created_at, String))


def last_contact_on(row: Any) -> date:
    """A file's last contact day on the clinic's clock, from the maxima :func:`_files` reads."""
    days = [local_day(m) for m in (row.appointment_at, row.consent_at, row.request_event_at) if m is not None]
    days += [d for d in (row.opt_out_on, row.request_on) if d is not None]
    return max(days) if days else local_day(row.created_at)


def retention_review(session: Session, today: date, years: int, limit: int) -> RetentionReview:
    """The files past the rule (``years`` after their last contact, as of ``today``), oldest last
    contact first, and how many were left out and why. An anonymised file is never listed. A file
    left out for several reasons counts once, under the first of: hold, opt-out, access request."""
    sources = _sources()
    files = (
        _files(sources)
        .add_columns(_oldest_first(sources, session.get_bind().dialect.name).label("order_key"))
        .where(Client.anonymised_at.is_(None), _past_rule(sources, years_before(today, years)))
        .subquery()
    )
    held, pending, open_request = files.c.held, files.c.pending_opt_out, files.c.open_access_request
    left_out = or_(held, pending, open_request)

    def counted(condition: ColumnElement[bool]) -> Any:
        return func.sum(case((condition, 1), else_=0)).over()

    # One statement: the counts over every file past the rule (window sums, taken before the limit),
    # and the reviewable files first, oldest last contact first.
    found = session.execute(
        select(
            files,
            counted(not_(left_out)).label("reviewable_count"),
            counted(held).label("held_count"),
            counted(and_(not_(held), pending)).label("opt_out_count"),
            counted(and_(not_(held), not_(pending), open_request)).label("access_count"),
        )
        .order_by(case((left_out, 1), else_=0), files.c.order_key, files.c.id)
        .limit(max(1, limit))
    ).all()
    counts = (
        (found[0].reviewable_count, found[0].held_count, found[0].opt_out_count, found[0].access_count)
        if found
        else (0, 0, 0, 0)
    )
    rows = [row for row in found if not (row.held or row.pending_opt_out or row.open_access_request)][
        : max(0, limit)
    ]
    candidates = []
    for row in rows:
        last = last_contact_on(row)
        candidates.append(
            RetentionCandidate(
                client_id=row.id,
                file_number=row.file_number,
                name=f"{row.last_name}, {row.first_name}" if row.first_name else row.last_name,
                date_of_birth=row.date_of_birth,
                last_contact_on=last,
                review_due_on=years_after(last, years),
            )
        )
    candidates.sort(key=lambda c: (c.last_contact_on, c.client_id))
    return RetentionReview(
        today=today,
        retention_years=years,
        candidates=tuple(candidates),
        total=int(counts[0]),
        held=int(counts[1]),
        pending_opt_out=int(counts[2]),
        open_access_request=int(counts[3]),
    )


@dataclass(frozen=True)
class FileRetention:
    """One file as the review sees it (what an anonymisation checks first)."""

    client_id: int
    file_number: str
    anonymised_at: datetime | None
    last_contact_on: date
    held: bool
    pending_opt_out: bool
    open_access_request: bool


def file_retention(session: Session, client_id: int) -> FileRetention | None:
    """The file's last contact and what would leave it out of the review (None: no such file)."""
    row = session.execute(_files(_sources(client_id)).where(Client.id == client_id)).one_or_none()
    if row is None:
        return None
    return FileRetention(
        client_id=row.id,
        file_number=row.file_number,
        anonymised_at=row.anonymised_at,
        last_contact_on=last_contact_on(row),
        held=bool(row.held),
        pending_opt_out=bool(row.pending_opt_out),
        open_access_request=bool(row.open_access_request),
    )


def hold_events(
    session: Session, client_id: int | None = None, standing_only: bool = False
) -> list[LegalHoldRecord]:
    """The latest hold event of each file (of one file when ``client_id`` is given); ``standing_only``
    keeps the holds placed and not lifted since. Oldest first."""
    latest = select(LegalHoldEvent.client_id, func.max(LegalHoldEvent.id).label("event_id")).group_by(
        LegalHoldEvent.client_id
    )
    if client_id is not None:
        latest = latest.where(LegalHoldEvent.client_id == client_id)
    latest_sub = latest.subquery()
    query = (
        select(LegalHoldEvent, Client.file_number)
        .join(latest_sub, latest_sub.c.event_id == LegalHoldEvent.id)
        .join(Client, Client.id == LegalHoldEvent.client_id)
        .order_by(LegalHoldEvent.at, LegalHoldEvent.id)
    )
    if standing_only:
        query = query.where(LegalHoldEvent.action == LegalHoldAction.PLACED)
    rows = session.execute(query).all()
    names = staff_names(session, *(event.by_id for event, _ in rows))
    return [
        LegalHoldRecord(
            client_id=event.client_id,
            file_number=file_number,
            placed=event.action == LegalHoldAction.PLACED,
            reason=event.reason,
            at=event.at,
            by_name=names.get(event.by_id, "?"),
        )
        for event, file_number in rows
    ]


def anonymisation_records(session: Session, start: date, end: date) -> list[AnonymisationRecord]:
    """The anonymisations made from ``start`` to ``end`` (both included, the clinic's days), oldest first."""
    rows = session.execute(
        select(Anonymisation, Client.file_number)
        .join(Client, Client.id == Anonymisation.client_id)
        .where(
            Anonymisation.anonymised_at >= local_midnight(start),
            Anonymisation.anonymised_at < local_midnight(end + timedelta(days=1)),
        )
        .order_by(Anonymisation.anonymised_at, Anonymisation.id)
    ).all()
    names = staff_names(session, *(a.by_id for a, _ in rows))
    return [anonymisation_record(a, file_number, names.get(a.by_id, "?")) for a, file_number in rows]


def anonymisation_record(row: Anonymisation, file_number: str, by_name: str) -> AnonymisationRecord:
    return AnonymisationRecord(
        client_id=row.client_id,
        file_number=file_number,
        retention_years=row.retention_years,
        last_contact_on=row.last_contact_on,
        rule=row.rule,
        erased_rows=row.erased_rows,
        documents_removed=row.documents_removed,
        anonymised_at=row.anonymised_at,
        by_name=by_name,
    )


__all__ = [
    "FileRetention",
    "access_requests_by_client",
    "anonymisation_records",
    "file_retention",
    "hold_events",
    "opt_outs_by_client",
    "retention_review",
]
