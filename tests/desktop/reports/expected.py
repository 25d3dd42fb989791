"""Independent counts for the report tests: plain column reads and straightforward Python, no
window functions, no code shared with the reports."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from desktop.db.models import (
    Acknowledgment,
    Appointment,
    Client,
    ConsentEvent,
    OptOutEvent,
    OptOutRequest,
    PolicyVersion,
)
from desktop.domain.enums import Channel, ConsentAction, Language, OptOutEventKind, OptOutVia, Purpose
from desktop.services import Services


def read(services: Services, query) -> list:  # type: ignore[no-untyped-def]
    with services.db.session(write=False) as session:
        return list(session.execute(query).all())


def bounds(start: date, end: date) -> tuple[datetime, datetime]:
    return (
        datetime.combine(start, time()).astimezone(),
        datetime.combine(end + timedelta(days=1), time()).astimezone(),
    )


def clients_seen(services: Services, start: date, end: date) -> dict[int, datetime]:
    """Client id -> first appointment in the period."""
    low, high = bounds(start, end)
    first: dict[int, datetime] = {}
    for client_id, starts_at in read(services, select(Appointment.client_id, Appointment.starts_at)):
        if low <= starts_at < high and (client_id not in first or starts_at < first[client_id]):
            first[client_id] = starts_at
    return first


def consent_state(
    services: Services, before: datetime | None = None
) -> dict[tuple[int, Purpose, Channel], bool]:
    latest: dict[tuple[int, Purpose, Channel], tuple[tuple[datetime, int], ConsentAction]] = {}
    query = select(
        ConsentEvent.id,
        ConsentEvent.client_id,
        ConsentEvent.purpose,
        ConsentEvent.channel,
        ConsentEvent.action,
        ConsentEvent.recorded_at,
    )
    for event_id, client_id, purpose, channel, action, at in read(services, query):
        if before is not None and at > before:
            continue
        key = (client_id, purpose, channel)
        if key not in latest or (at, event_id) > latest[key][0]:
            latest[key] = ((at, event_id), action)
    return {key: action == ConsentAction.GRANTED for key, (_, action) in latest.items()}


def languages(services: Services) -> dict[int, Language]:
    return dict(read(services, select(Client.id, Client.preferred_language)))


def versions_in_force(services: Services, day: date) -> dict[Language, tuple[str, date, Language]]:
    """Per client language: (version, effective date, language of the text) in force on ``day``."""
    policies = read(
        services, select(PolicyVersion.version, PolicyVersion.language, PolicyVersion.effective_date)
    )
    in_force = [p for p in policies if p.effective_date <= day]
    result = {}
    for language in Language:
        own = [p for p in in_force if p.language == language] or in_force
        best = max(own, key=lambda p: (p.effective_date, p.language.value))
        result[language] = (best.version, best.effective_date, best.language)
    return result


def acknowledgments(services: Services) -> list:  # type: ignore[type-arg]
    return read(
        services,
        select(
            Acknowledgment.id,
            Acknowledgment.client_id,
            Acknowledgment.refused,
            Acknowledgment.signed_at,
            PolicyVersion.version,
            PolicyVersion.effective_date,
            PolicyVersion.language,
        ).join(PolicyVersion, PolicyVersion.id == Acknowledgment.policy_version_id),
    )


@dataclass
class Coverage:
    active: set[int]
    consent: dict[Purpose, int]
    consent_and_ack: dict[Purpose, int]
    acknowledged: int


def coverage(services: Services, start: date, end: date, now: datetime) -> Coverage:
    _, high = bounds(start, end)
    # Included: events up to the end of the period, or up to this instant if it is not over.
    cutoff = high - timedelta(microseconds=1) if high <= now else now
    active = set(clients_seen(services, start, end))
    state = consent_state(services, cutoff)
    language = languages(services)
    in_force = versions_in_force(services, end)
    signed = {
        a.client_id
        for a in acknowledgments(services)
        if not a.refused
        and a.signed_at <= cutoff
        and (a.version, a.language) == (in_force[language[a.client_id]][0], in_force[language[a.client_id]][2])
    }
    consent = {p: 0 for p in Purpose}
    both = {p: 0 for p in Purpose}
    for client_id in active:
        for purpose in Purpose:
            if any(state.get((client_id, purpose, c), False) for c in Channel):
                consent[purpose] += 1
                both[purpose] += client_id in signed
    return Coverage(active, consent, both, len(active & signed))


@dataclass
class Request:
    id: int
    via: OptOutVia
    received_on: date
    due_on: date
    processed_on: date | None
    client_id: int | None


def requests(services: Services, start: date, end: date) -> list[Request]:
    events = defaultdict(list)
    for request_id, kind, client_id, at, event_id in read(
        services,
        select(
            OptOutEvent.request_id, OptOutEvent.kind, OptOutEvent.client_id, OptOutEvent.at, OptOutEvent.id
        ),
    ):
        events[request_id].append((at, event_id, kind, client_id))
    found = []
    for request_id, via, received_on, due_on in read(
        services,
        select(OptOutRequest.id, OptOutRequest.received_via, OptOutRequest.received_on, OptOutRequest.due_on),
    ):
        if not start <= received_on <= end:
            continue
        history = sorted(events[request_id])
        processed = [at for at, _, kind, _ in history if kind == OptOutEventKind.PROCESSED]
        matched = [client for _, _, kind, client in history if kind == OptOutEventKind.MATCHED]
        found.append(
            Request(
                request_id,
                via,
                received_on,
                due_on,
                processed[0].astimezone().date() if processed else None,
                matched[-1] if matched else None,
            )
        )
    return found


def overdue(request: Request, today: date) -> bool:
    if request.processed_on is not None:
        return request.processed_on > request.due_on
    return today > request.due_on


def reacknowledgment(services: Services, start: date, end: date) -> tuple[set[int], set[int], set[int]]:
    """(outdated, never signed, up to date) among the clients seen in the period."""
    seen = clients_seen(services, start, end)
    language = languages(services)
    in_force = versions_in_force(services, end)
    latest: dict[int, tuple] = {}
    for ack in acknowledgments(services):
        if ack.refused:
            continue
        if ack.client_id not in latest or (ack.signed_at, ack.id) > latest[ack.client_id][:2]:
            latest[ack.client_id] = (ack.signed_at, ack.id, ack.effective_date, ack.language)
    outdated, never, current = set(), set(), set()
    for client_id in seen:
        if client_id not in latest:
            never.add(client_id)
        elif (
            latest[client_id][2] < in_force[language[client_id]][1]
            or latest[client_id][3] != in_force[language[client_id]][2]
        ):
            outdated.add(client_id)
        else:
            current.add(client_id)
    return outdated, never, current
