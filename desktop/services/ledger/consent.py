"""Adding consent events: only the answers that change the client's state, never a replay twice."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.models import Client, ConsentEvent
from desktop.domain.consent import fold_consent
from desktop.domain.enums import Channel, ConsentAction, ConsentMethod, Language, Purpose
from desktop.domain.errors import ConflictError, FieldError, ValidationError
from desktop.domain.records import ConsentCapture, ConsentChange, Representative
from desktop.domain.wording import consent_sentence
from desktop.services.ledger.consent_method import check_minor_grant
from desktop.services.ledger.current_consent import record_current
from desktop.services.queries.consent import client_events
from desktop.services.queries.organisation import wording_names
from desktop.services.queries.policies import current_policy
from desktop.services.unit_of_work import UnitOfWork


def validate_consent_capture(capture: ConsentCapture) -> None:
    cells = [(c.purpose, c.channel) for c in capture.choices]
    if len(cells) != len(set(cells)):
        raise ValidationError([FieldError("choices", "duplicate_choice")])


def existing_event(session: Session, uid: uuid.UUID) -> ConsentEvent | None:
    return session.scalar(select(ConsentEvent).where(ConsentEvent.uid == uid))


def answer_action(change: ConsentChange, granted_now: bool, last: ConsentAction | None) -> ConsentAction | None:
    """The event an answer adds given the cell's state, or None when it changes nothing: a "no" to a
    consent on record withdraws it; a "no" where none is on record is a refusal, said once."""
    if change.granted:
        return None if granted_now else ConsentAction.GRANTED
    if granted_now:
        return ConsentAction.WITHDRAWN
    if change.declined and last != ConsentAction.DECLINED:
        return ConsentAction.DECLINED
    return None


def replay_matches(replayed: ConsentEvent, client: Client, change: ConsentChange) -> bool:
    if (replayed.client_id, replayed.purpose, replayed.channel) != (client.id, change.purpose, change.channel):
        return False
    if change.granted:
        return replayed.action == ConsentAction.GRANTED
    allowed = {ConsentAction.WITHDRAWN, ConsentAction.DECLINED} if change.declined else {ConsentAction.WITHDRAWN}
    return replayed.action in allowed


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
    policy_day: date | None = None,
    representative: Representative | None = None,
) -> list[ConsentEvent]:
    """Add one event per answer that changes the client's state (or a withdrawal for every answer,
    for opt-outs that must be evidenced). Answers replayed with a known uid are recognised and not
    added again. The version recorded is the one in force on ``policy_day`` (a booking's appointment
    day), else today. ``method`` has been derived by the caller (``consent_method``), never taken."""
    policy = current_policy(uow.session, language, policy_day or uow.clock.today())
    names = wording_names(uow.session)
    grid = fold_consent(client_events(uow.session, client.id)) if only_differences else {}
    added: list[ConsentEvent] = []
    for change in changes:
        if change.granted and change.declined:
            raise ValidationError([FieldError("choices", "invalid_choice", {"value": change.purpose.value})])
        replayed = existing_event(uow.session, change.uid)
        if replayed is not None:
            if not replay_matches(replayed, client, change):
                raise ConflictError("replay_mismatch")
            continue
        if only_differences:
            state = grid[(change.purpose, change.channel)]
            action = answer_action(change, state.granted, state.event.action if state.event else None)
            if action is None:
                continue
        else:
            action = ConsentAction.GRANTED if change.granted else ConsentAction.WITHDRAWN
        if action == ConsentAction.GRANTED:
            if change.purpose not in names.offered_purposes():
                # An organisation without a parent asks no one to consent to a parent's promotions.
                raise ValidationError([FieldError("choices", "invalid_choice", {"value": change.purpose.value})])
            check_minor_grant(uow, client, representative)
        event = ConsentEvent(
            uid=change.uid,
            client_id=client.id,
            purpose=change.purpose,
            channel=change.channel,
            action=action,
            method=method,
            policy_version_id=policy.id,
            policy_sha256=policy.sha256,
            wording=(wording or {}).get((change.purpose, change.channel))
            or consent_sentence(change.purpose, change.channel, language, names),
            language=language,
            recorded_by_id=uow.staff_id,
            clinic_id=uow.clinic_id,
            recorded_at=uow.now,
            appointment_id=appointment_id,
            opt_out_request_id=opt_out_request_id,
            acknowledgment_id=acknowledgment_id,
            representative_name=representative.name if representative else None,
            representative_capacity=representative.capacity if representative else None,
        )
        uow.session.add(event)
        added.append(event)
    uow.session.flush()
    record_current(uow.session, added)
    for event in added:
        uow.audit(
            f"consent.{event.action.value}",
            "consent_event",
            event.uid,
            f"client={client.id} {event.purpose.value}/{event.channel.value}",
        )
    return added
