"""Consent coverage, counted with a handful of GROUP BY queries whatever the number of clients."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Result, case, func, select
from sqlalchemy.orm import Session

from desktop.db.models import Client
from desktop.domain.enums import Purpose
from desktop.reports.base import ReportHeader
from desktop.reports.consent_coverage import ClinicAcknowledgment, ConsentCoverageReport, CoverageRow
from desktop.services.reporting import common


def compute(session: Session, header: ReportHeader, now: datetime) -> ConsentCoverageReport:
    period = header.period
    # As the ledgers stood at the end of the period, or now (this instant included) if it is not over.
    state_at = min(period.ends_before, now)
    cutoff = period.ends_before if period.ends_before <= now else now + timedelta(microseconds=1)
    active = common.clients_with_appointment(period.starts_at, period.ends_before).subquery("active")
    versions = common.versions_in_force(session, period.end)
    # Membership tests (IN), not joins: hashed once, whatever the planner's statistics say just
    # after a bulk load.
    signed = common.signed_current_clients(versions, cutoff)
    latest = common.latest_consent(cutoff, clients=select(active.c.client_id))
    consenting = (
        select(latest.c.client_id, latest.c.purpose)
        .where(common.granted_cells(latest))
        .distinct()
        .subquery("consenting")
    )

    active_by_clinic = dict(
        session.execute(
            select(Client.clinic_id, func.count(Client.id))
            .where(Client.id.in_(select(active.c.client_id)))
            .group_by(Client.clinic_id)
        ).all()
    )
    signed_by_clinic = dict(
        session.execute(
            select(Client.clinic_id, func.count(Client.id))
            .where(Client.id.in_(select(active.c.client_id)), Client.id.in_(signed))
            .group_by(Client.clinic_id)
        ).all()
    )
    consent_counts: dict[tuple[int, Purpose], int] = {}
    both_counts: dict[tuple[int, Purpose], int] = {}
    # The row types, stated: columns read through subqueries reach the type checker untyped.
    counts: Result[int, Purpose, int, int] = session.execute(
        select(
            Client.clinic_id,
            consenting.c.purpose,
            func.count(consenting.c.client_id),
            func.count(case((consenting.c.client_id.in_(signed), 1))),
        )
        .join(Client, Client.id == consenting.c.client_id)
        .group_by(Client.clinic_id, consenting.c.purpose)
    )
    for clinic_id, purpose, total, with_ack in counts:
        consent_counts[(clinic_id, Purpose(purpose))] = int(total)
        both_counts[(clinic_id, Purpose(purpose))] = int(with_ack)

    names = common.clinic_names(session)
    clinic_ids = sorted(active_by_clinic) or sorted(names)[:1]
    rows = tuple(
        CoverageRow(
            clinic_id,
            names.get(clinic_id, str(clinic_id)),
            purpose,
            active_by_clinic.get(clinic_id, 0),
            consent_counts.get((clinic_id, purpose), 0),
            both_counts.get((clinic_id, purpose), 0),
        )
        for clinic_id in clinic_ids
        for purpose in Purpose
    )
    totals = tuple(
        CoverageRow(
            0,
            "",
            purpose,
            sum(active_by_clinic.values()),
            sum(r.with_consent for r in rows if r.purpose == purpose),
            sum(r.with_consent_and_acknowledgment for r in rows if r.purpose == purpose),
        )
        for purpose in Purpose
    )
    clinics = tuple(
        ClinicAcknowledgment(
            clinic_id,
            names.get(clinic_id, str(clinic_id)),
            active_by_clinic.get(clinic_id, 0),
            signed_by_clinic.get(clinic_id, 0),
        )
        for clinic_id in clinic_ids
    )
    return ConsentCoverageReport(
        header=header,
        policy_version=common.versions_text(versions),
        state_at=state_at,
        rows=rows,
        totals=totals,
        clinics=clinics,
        active_clients=sum(active_by_clinic.values()),
        acknowledged_current=sum(signed_by_clinic.values()),
    )
