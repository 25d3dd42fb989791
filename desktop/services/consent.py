"""The consent ledger: events are only ever added; the current grid is the fold of the events."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.database import Database
from desktop.db.models import Client, ConsentEvent, PolicyVersion, Staff
from desktop.domain.consent import fold_consent
from desktop.domain.enums import Channel, ConsentAction, ConsentMethod, Language, Purpose
from desktop.domain.errors import ConflictError, FieldError, ValidationError
from desktop.domain.records import (
    Actor,
    ConsentCapture,
    ConsentCell,
    ConsentChange,
    ConsentEventRecord,
    ConsentGrid,
)
from desktop.domain.wording import consent_sentence
from desktop.services.clients import load_client
from desktop.services.clock import Clock
from desktop.services.permissions import Permission
from desktop.services.policies import current_policy
from desktop.services.unit_of_work import UnitOfWork, run

MAX_HISTORY_PAGE = 500


def event_records(session: Session, events: Iterable[ConsentEvent]) -> list[ConsentEventRecord]:
    events = list(events)
    if not events:
        return []
    staff = dict(
        session.execute(
            select(Staff.id, Staff.full_name).where(Staff.id.in_({e.recorded_by_id for e in events}))
        ).all()
    )
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
    records = event_records(session, client_events(session, client_id))
    folded = fold_consent(records)
    cells = {
        cell: ConsentCell(cell[0], cell[1], state.granted, state.event)  # type: ignore[arg-type]
        for cell, state in folded.items()
    }
    return ConsentGrid(client_id, cells)


def existing_event(session: Session, uid: uuid.UUID) -> ConsentEvent | None:
    return session.scalar(select(ConsentEvent).where(ConsentEvent.uid == uid))


def append_events(
    uow: UnitOfWork,
    client: Client,
    changes: Iterable[ConsentChange],
    *,
    method: ConsentMethod,
    language: Language,
    wording: dict[tuple[Purpose, Channel], str] | None = None,
    only_differences: bool = True,
    appointment_id: int | None = None,
    opt_out_request_id: int | None = None,
    acknowledgment_id: int | None = None,
) -> list[ConsentEvent]:
    """Add one event per answer that changes the client's state (or every answer, for withdrawals
    that must be evidenced). Answers replayed with a known uid are recognised and not added again."""
    policy = current_policy(uow.session, language, uow.clock.today())
    grid = fold_consent(client_events(uow.session, client.id)) if only_differences else {}
    added: list[ConsentEvent] = []
    for change in changes:
        replayed = existing_event(uow.session, change.uid)
        if replayed is not None:
            same = (replayed.client_id, replayed.purpose, replayed.channel, replayed.action) == (
                client.id,
                change.purpose,
                change.channel,
                ConsentAction.GRANTED if change.granted else ConsentAction.WITHDRAWN,
            )
            if not same:
                raise ConflictError("replay_mismatch")
            continue
        if only_differences and grid[(change.purpose, change.channel)].granted == change.granted:
            continue
        event = ConsentEvent(
            uid=change.uid,
            client_id=client.id,
            purpose=change.purpose,
            channel=change.channel,
            action=ConsentAction.GRANTED if change.granted else ConsentAction.WITHDRAWN,
            method=method,
            policy_version_id=policy.id,
            policy_sha256=policy.sha256,
            wording=(wording or {}).get((change.purpose, change.channel))
            or consent_sentence(change.purpose, change.channel, language),
            language=language,
            recorded_by_id=uow.staff_id,
            clinic_id=uow.clinic_id,
            recorded_at=uow.now,
            appointment_id=appointment_id,
            opt_out_request_id=opt_out_request_id,
            acknowledgment_id=acknowledgment_id,
        )
        uow.session.add(event)
        added.append(event)
    uow.session.flush()
    for event in added:
        uow.audit(
            f"consent.{event.action.value}",
            "consent_event",
            event.uid,
            f"client={client.id} {event.purpose.value}/{event.channel.value}",
        )
    return added


def validate_capture(capture: ConsentCapture) -> None:
    cells = [(c.purpose, c.channel) for c in capture.choices]
    if len(cells) != len(set(cells)):
        raise ValidationError([FieldError("choices", "invalid_choice", {"value": "duplicate cell"})])


class ConsentService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    @staticmethod
    def wording(purpose: Purpose, channel: Channel, language: Language) -> str:
        """The sentence to show the client; the same sentence is stored with the event."""
        return consent_sentence(purpose, channel, language)

    def record(self, actor: Actor, client_id: int, capture: ConsentCapture) -> list[ConsentEventRecord]:
        """Record the answers that change the current state; unchanged answers add nothing."""
        validate_capture(capture)

        def work(uow: UnitOfWork) -> list[ConsentEventRecord]:
            client = load_client(uow.session, client_id)
            added = append_events(
                uow, client, capture.choices, method=capture.method, language=capture.language
            )
            return event_records(uow.session, added)

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work)

    def grid(self, actor: Actor, client_id: int) -> ConsentGrid:
        def work(uow: UnitOfWork) -> ConsentGrid:
            load_client(uow.session, client_id)
            return consent_grid(uow.session, client_id)

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)

    def history(
        self, actor: Actor, client_id: int, *, offset: int = 0, limit: int = 100
    ) -> list[ConsentEventRecord]:
        """Newest first, a page at a time."""
        limit = max(1, min(limit, MAX_HISTORY_PAGE))

        def work(uow: UnitOfWork) -> list[ConsentEventRecord]:
            events = uow.session.scalars(
                select(ConsentEvent)
                .where(ConsentEvent.client_id == client_id)
                .order_by(ConsentEvent.recorded_at.desc(), ConsentEvent.id.desc())
                .offset(max(0, offset))
                .limit(limit)
            )
            return event_records(uow.session, events)

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)
