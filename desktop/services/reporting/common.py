"""Set-based building blocks shared by the reports, the contact export and the reminders: each is one
SQL query or subquery, never a query per client sent from Python. They run the same on SQLite (3.25+)
and PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ColumnElement, Exists, Select, Subquery, and_, exists, func, select
from sqlalchemy.orm import Session

from desktop.db.models import (
    Appointment,
    Clinic,
    ConsentEvent,
    OptOutEvent,
    OptOutRequest,
    OptOutScope,
    PolicyVersion,
)
from desktop.domain.enums import Channel, ConsentAction, Language, OptOutEventKind, Purpose
from desktop.services.queries.policies import policy_in_force


def clients_with_appointment(starts_at: datetime, ends_before: datetime) -> Select:
    """Ids of clients with at least one appointment starting in [starts_at, ends_before), for an
    ``IN (…)``: read from the index (starts_at, client_id) alone; an id repeats for each appointment.
    No DISTINCT: an IN list is a set already, and at a million clients SQLite sorted 700,000 ids
    into a temporary B-tree for it, twice the time of the list itself."""
    return select(Appointment.client_id).where(
        Appointment.starts_at >= starts_at, Appointment.starts_at < ends_before
    )


def latest_consent(
    before: datetime | None = None,
    *,
    purpose: Purpose | None = None,
    channel: Channel | None = None,
    clients: Select | None = None,
) -> Subquery:
    """The latest consent event per client, purpose and channel (recorded before ``before``; of the
    ``clients`` ids if given): a subquery of (client_id, purpose, channel, action). Ties in time go
    to the later insertion, as in the client's consent grid."""
    ranked = select(
        ConsentEvent.client_id,
        ConsentEvent.purpose,
        ConsentEvent.channel,
        ConsentEvent.action,
        func.row_number()
        .over(
            partition_by=(ConsentEvent.client_id, ConsentEvent.purpose, ConsentEvent.channel),
            order_by=(ConsentEvent.recorded_at.desc(), ConsentEvent.id.desc()),
        )
        .label("rank"),
    )
    if before is not None:
        ranked = ranked.where(ConsentEvent.recorded_at < before)
    if purpose is not None:
        ranked = ranked.where(ConsentEvent.purpose == purpose)
    if channel is not None:
        ranked = ranked.where(ConsentEvent.channel == channel)
    if clients is not None:
        ranked = ranked.where(ConsentEvent.client_id.in_(clients))
    ranked_sq = ranked.subquery("ranked_consent")
    return (
        select(ranked_sq.c.client_id, ranked_sq.c.purpose, ranked_sq.c.channel, ranked_sq.c.action)
        .where(ranked_sq.c.rank == 1)
        .subquery("latest_consent")
    )


def granted_cells(latest: Subquery) -> ColumnElement[bool]:
    return latest.c.action == ConsentAction.GRANTED


def versions_in_force(session: Session, day: date) -> dict[Language, PolicyVersion]:
    """Per client language, the version a client is asked to sign on ``day``: the newest in force in
    that language, else in any language (as when an acknowledgment is recorded)."""
    found: dict[Language, PolicyVersion] = {}
    for language in Language:
        policy = policy_in_force(session, language, day)
        if policy is not None:
            found[language] = policy
    return found


def versions_text(versions: dict[Language, PolicyVersion]) -> str:
    """``2020-04-22``, or ``2026-06-01 (fr), 2020-04-22 (en)`` when the languages differ."""
    labels = {language: policy.version for language, policy in versions.items()}
    if len(set(labels.values())) <= 1:
        return next(iter(labels.values()), "")
    return ", ".join(f"{label} ({language.value})" for language, label in labels.items())


def matched_clients() -> Subquery:
    """(request_id, client_id): the client each opt-out request was last matched to."""
    ranked = (
        select(
            OptOutEvent.request_id,
            OptOutEvent.client_id,
            func.row_number()
            .over(
                partition_by=OptOutEvent.request_id, order_by=(OptOutEvent.at.desc(), OptOutEvent.id.desc())
            )
            .label("rank"),
        )
        .where(OptOutEvent.kind == OptOutEventKind.MATCHED)
        .subquery("ranked_match")
    )
    return select(ranked.c.request_id, ranked.c.client_id).where(ranked.c.rank == 1).subquery("matched")


def is_processed() -> Exists:
    return exists().where(
        OptOutEvent.request_id == OptOutRequest.id, OptOutEvent.kind == OptOutEventKind.PROCESSED
    )


def pending_opt_out_clients(purpose: Purpose, channel: Channel) -> Select:
    """Ids of clients matched to an opt-out request that is not processed yet and whose scope covers
    ``purpose`` × ``channel``."""
    matched = matched_clients()
    return (
        select(matched.c.client_id)
        .join(OptOutRequest, OptOutRequest.id == matched.c.request_id)
        .where(
            matched.c.client_id.is_not(None),
            ~is_processed(),
            exists().where(
                and_(
                    OptOutScope.request_id == OptOutRequest.id,
                    OptOutScope.purpose == purpose,
                    OptOutScope.channel == channel,
                )
            ),
        )
        .distinct()
    )


def unmatched_pending_count(session: Session) -> int:
    """Requests neither processed nor matched to any client file."""
    matched = exists().where(
        OptOutEvent.request_id == OptOutRequest.id, OptOutEvent.kind == OptOutEventKind.MATCHED
    )
    return int(session.scalar(select(func.count(OptOutRequest.id)).where(~is_processed(), ~matched)) or 0)


def clinic_names(session: Session) -> dict[int, str]:
    return dict(session.execute(select(Clinic.id, Clinic.name)).all())
