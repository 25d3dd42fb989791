"""Reading the confidentiality-incident register: each incident with its newest version, or every version
of one (the register service and the register report share these)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from desktop.db.models import Incident, IncidentVersion
from desktop.domain.incidents import IncidentRecord, IncidentVersionRecord
from desktop.services.queries.clients import staff_names


def version_record(row: IncidentVersion, names: dict[int, str]) -> IncidentVersionRecord:
    return IncidentVersionRecord(
        version=row.version,
        information_concerned=row.information_concerned,
        not_describable_reason=row.not_describable_reason,
        circumstances=row.circumstances,
        occurred_from=row.occurred_from,
        occurred_to=row.occurred_to,
        discovered_on=row.discovered_on,
        people_concerned=row.people_concerned,
        risk_assessment=row.risk_assessment,
        serious_injury_risk=row.serious_injury_risk,
        commission_notified_on=row.commission_notified_on,
        people_notified_on=row.people_notified_on,
        measures=row.measures,
        recorded_by=names.get(row.recorded_by_id, ""),
        recorded_at=row.recorded_at,
    )


def _current(current: type[IncidentVersion] | None = None) -> Select[Incident, IncidentVersion]:
    """Each incident with its newest version (versions are numbered 1, 2, … without a gap, so the
    newest one's number is also how many there are)."""
    newest = (
        select(IncidentVersion.incident_id, func.max(IncidentVersion.version).label("version"))
        .group_by(IncidentVersion.incident_id)
        .subquery()
    )
    current = current or aliased(IncidentVersion)
    return (
        select(Incident, current)
        .join(newest, newest.c.incident_id == Incident.id)
        .join(current, and_(current.incident_id == Incident.id, current.version == newest.c.version))
    )


def _records(session: Session, query: Select[Incident, IncidentVersion]) -> list[IncidentRecord]:
    rows = session.execute(query).all()
    names = staff_names(session, *{i.opened_by_id for i, _ in rows}, *{v.recorded_by_id for _, v in rows})
    return [
        IncidentRecord.of(
            id=incident.id,
            uid=incident.uid,
            reference=incident.reference,
            opened_by=names.get(incident.opened_by_id, ""),
            opened_at=incident.opened_at,
            current=version_record(version, names),
            versions_count=version.version,
        )
        for incident, version in rows
    ]


def incident_record(session: Session, incident_id: int) -> IncidentRecord | None:
    found = _records(session, _current().where(Incident.id == incident_id))
    return found[0] if found else None


def incident_by_reference(session: Session, reference: str) -> IncidentRecord | None:
    found = _records(session, _current().where(Incident.reference == reference.strip()))
    return found[0] if found else None


def incident_versions(session: Session, incident_id: int) -> list[IncidentVersionRecord]:
    """Every version of an incident, the first one first."""
    rows = session.scalars(
        select(IncidentVersion)
        .where(IncidentVersion.incident_id == incident_id)
        .order_by(IncidentVersion.version)
    ).all()
    names = staff_names(session, *{r.recorded_by_id for r in rows})
    return [version_record(row, names) for row in rows]


def incidents_discovered(session: Session, start: date, end: date) -> list[IncidentRecord]:
    """The incidents the clinic became aware of from ``start`` to ``end`` (both included), as they stand,
    the earliest first."""
    current = aliased(IncidentVersion)
    query = _current(current).where(current.discovered_on >= start, current.discovered_on <= end)
    return sorted(_records(session, query), key=lambda r: (r.discovered_on, r.reference))


def incidents_notification_due(session: Session) -> list[IncidentRecord]:
    """The incidents with a serious risk of injury whose Commission or people are not yet notified."""
    current = aliased(IncidentVersion)
    query = _current(current).where(
        current.serious_injury_risk.is_(True),
        or_(current.commission_notified_on.is_(None), current.people_notified_on.is_(None)),
    )
    return sorted(_records(session, query), key=lambda r: (r.discovered_on, r.reference))
