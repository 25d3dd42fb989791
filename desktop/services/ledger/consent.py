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
from desktop.domain.records import ConsentCapture, ConsentChange
from desktop.domain.wording import consent_sentence
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
) -> list[ConsentEvent]:
    """Add one event per answer that changes the client's state (or every answer, for withdrawals
    that must be evidenced). Answers replayed with a known uid are recognised and not added again.
    The version recorded is the one in force on ``policy_day`` (a booking's appointment day), else today."""
    policy = current_policy(uow.session, language, policy_day or uow.clock.today())
    names = wording_names(uow.session)
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
        if change.granted and change.purpose not in names.offered_purposes():
            # An organisation without a parent asks no one to consent to a parent's promotions.
            raise ValidationError([FieldError("choices", "invalid_choice", {"value": change.purpose.value})])
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
            or consent_sentence(change.purpose, change.channel, language, names),
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
