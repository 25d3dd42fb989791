"""The confidentiality-incident register, kept by the privacy officer (Quebec, Regulation respecting
confidentiality incidents, s. 7).

An incident is opened with its first version and updated as the investigation goes: each update is a
new version, every earlier one kept (the tables are insert-only ledgers). An update names the version it
was made from; when another one was saved meanwhile it is refused, so two officers never overwrite each
other. References count the incidents of the year the clinic became aware of them: 2026-001, 2026-002…
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.db.database import Database
from desktop.db.models import Incident, IncidentVersion
from desktop.domain.errors import ConflictError, FieldError, NotFoundError, ValidationError
from desktop.domain.incident_messages import IncidentMessages
from desktop.domain.incidents import (
    IncidentDraft,
    IncidentRecord,
    IncidentVersionRecord,
    validate_incident,
)
from desktop.domain.records import Actor
from desktop.services.clock import Clock
from desktop.services.permissions import Permission
from desktop.services.queries.incidents import (
    incident_by_reference,
    incident_record,
    incident_versions,
    incidents_discovered,
    incidents_notification_due,
)
from desktop.services.unit_of_work import UnitOfWork, run

#: Tries at a reference another workstation took at the same instant (PostgreSQL; SQLite writes one at a time).
REFERENCE_ATTEMPTS = 20


def next_reference(session: Session, year: int) -> str:
    """The year's next free reference: ``2026-001`` after none, ``2026-013`` after ``2026-012``."""
    prefix = f"{year:04d}-"
    taken = session.scalars(select(Incident.reference).where(Incident.reference.like(f"{prefix}%"))).all()
    numbers = [int(r[len(prefix) :]) for r in taken if r[len(prefix) :].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1:03d}"


def _version_row(incident_id: int, number: int, draft: IncidentDraft, uow: UnitOfWork) -> IncidentVersion:
    assert draft.discovered_on is not None  # validated
    return IncidentVersion(
        incident_id=incident_id,
        version=number,
        information_concerned=draft.information_concerned,
        not_describable_reason=draft.not_describable_reason,
        circumstances=draft.circumstances,
        occurred_from=draft.occurred_from,
        occurred_to=draft.occurred_to,
        discovered_on=draft.discovered_on,
        people_concerned=draft.people_concerned,
        risk_assessment=draft.risk_assessment,
        serious_injury_risk=draft.serious_injury_risk,
        commission_notified_on=draft.commission_notified_on,
        people_notified_on=draft.people_notified_on,
        measures=draft.measures,
        recorded_by_id=uow.staff_id,
        recorded_at=uow.now,
    )


def _same_content(record: IncidentRecord, draft: IncidentDraft) -> bool:
    return replace(record.as_draft(), uid=draft.uid) == draft


def _load(session: Session, incident_id: int) -> IncidentRecord:
    record = incident_record(session, incident_id)
    if record is None:
        raise NotFoundError(what=IncidentMessages.incident_subject.filled(reference=incident_id))
    return record


def _stale(record: IncidentRecord) -> ConflictError:
    return ConflictError(
        "incident_stale_version", version=record.version, who=record.recorded_by, when=record.recorded_at
    )


def _keep_notices(current: IncidentRecord, draft: IncidentDraft) -> None:
    """A notice recorded as given stays given: its date may be corrected, never removed."""
    removed = [
        FieldError(name, "incident_notice_removed", {"when": getattr(current, name)})
        for name in ("commission_notified_on", "people_notified_on")
        if getattr(current, name) is not None and getattr(draft, name) is None
    ]
    if removed:
        raise ValidationError(removed)


class IncidentService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def open(self, actor: Actor, draft: IncidentDraft) -> IncidentRecord:
        """A new incident and its first version. The same draft sent again (its uid) gives the same incident."""
        clean = validate_incident(draft, self._clock.today())
        assert clean.discovered_on is not None
        year = clean.discovered_on.year

        def work(uow: UnitOfWork) -> IncidentRecord:
            session = uow.session
            replayed = session.scalar(select(Incident).where(Incident.uid == clean.uid))
            if replayed is not None:
                record = _load(session, replayed.id)
                if record.versions_count != 1 or not _same_content(record, clean):
                    raise ConflictError("incident_replay_mismatch")
                return record
            incident = None
            for _ in range(REFERENCE_ATTEMPTS):
                candidate = Incident(
                    uid=clean.uid,
                    reference=next_reference(session, year),
                    opened_at=uow.now,
                    opened_by_id=uow.staff_id,
                    clinic_id=uow.clinic_id,
                )
                try:
                    with session.begin_nested():
                        session.add(candidate)
                except IntegrityError:
                    continue
                incident = candidate
                break
            if incident is None:
                raise ConflictError("incident_replay_mismatch")
            session.add(_version_row(incident.id, 1, clean, uow))
            session.flush()
            uow.audit("incident.open", "incident", incident.id, "version=1")
            return _load(session, incident.id)

        return run(self._db, self._clock, actor, Permission.KEEP_PRIVACY_REGISTERS, work)

    def update(
        self, actor: Actor, incident_id: int, expected_version: int, draft: IncidentDraft
    ) -> IncidentRecord:
        """A new version of the incident, made from version ``expected_version``: refused (ConflictError,
        naming who saved the newer one and when) when that is no longer the newest."""
        clean = validate_incident(draft, self._clock.today())

        def work(uow: UnitOfWork) -> IncidentRecord:
            session = uow.session
            record = _load(session, incident_id)
            if record.version != expected_version:
                raise _stale(record)
            _keep_notices(record, clean)
            number = record.version + 1
            try:
                with session.begin_nested():
                    session.add(_version_row(incident_id, number, clean, uow))
            except IntegrityError:
                # Another officer's version with the same number committed while this one was written.
                raise _stale(_load(session, incident_id)) from None
            uow.audit("incident.update", "incident", incident_id, f"version={number}")
            return _load(session, incident_id)

        return run(self._db, self._clock, actor, Permission.KEEP_PRIVACY_REGISTERS, work)

    def get(self, actor: Actor, incident_id: int) -> IncidentRecord:
        def work(uow: UnitOfWork) -> IncidentRecord:
            return _load(uow.session, incident_id)

        return run(self._db, self._clock, actor, Permission.KEEP_PRIVACY_REGISTERS, work, write=False)

    def by_reference(self, actor: Actor, reference: str) -> IncidentRecord:
        """The incident of a reference as printed ("2026-001")."""

        def work(uow: UnitOfWork) -> IncidentRecord:
            record = incident_by_reference(uow.session, reference)
            if record is None:
                subject = IncidentMessages.incident_subject.filled(reference=reference.strip()[:40])
                raise NotFoundError(what=subject)
            return record

        return run(self._db, self._clock, actor, Permission.KEEP_PRIVACY_REGISTERS, work, write=False)

    def versions(self, actor: Actor, incident_id: int) -> list[IncidentVersionRecord]:
        """Every version of the incident, the first one first."""

        def work(uow: UnitOfWork) -> list[IncidentVersionRecord]:
            _load(uow.session, incident_id)
            return incident_versions(uow.session, incident_id)

        return run(self._db, self._clock, actor, Permission.KEEP_PRIVACY_REGISTERS, work, write=False)

    def register(self, actor: Actor, start: date, end: date) -> list[IncidentRecord]:
        """The incidents the clinic became aware of from ``start`` to ``end`` (both included), as they stand."""

        def work(uow: UnitOfWork) -> list[IncidentRecord]:
            return incidents_discovered(uow.session, start, end)

        return run(self._db, self._clock, actor, Permission.KEEP_PRIVACY_REGISTERS, work, write=False)

    def notification_due(self, actor: Actor) -> list[IncidentRecord]:
        """The incidents with a serious risk of injury whose Commission or people are not yet notified."""

        def work(uow: UnitOfWork) -> list[IncidentRecord]:
            return incidents_notification_due(uow.session)

        return run(self._db, self._clock, actor, Permission.KEEP_PRIVACY_REGISTERS, work, write=False)
