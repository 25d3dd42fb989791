"""Consent coverage in one GROUP BY over the clients seen in the period: per client, a few index
probes (its acknowledgments, its current-consent rows) fold into (clinic, acknowledged, purposes
granted), so the work follows the clients seen, never the consent history."""

from __future__ import annotations

import operator
from collections import defaultdict
from datetime import datetime, timedelta
from functools import reduce

from sqlalchemy import ColumnElement, Result, and_, case, exists, false, func, or_, select
from sqlalchemy.orm import Session

from desktop.db.models import Acknowledgment, Client, ConsentEvent, CurrentConsent, PolicyVersion
from desktop.domain.enums import ConsentAction, Language, Purpose
from desktop.reports.base import ReportHeader
from desktop.reports.consent_coverage import ClinicAcknowledgment, ConsentCoverageReport, CoverageRow
from desktop.services.reporting import common

#: One bit per purpose: a client's granted purposes, summed, are a small number to group by.
PURPOSE_BITS = {purpose: 1 << index for index, purpose in enumerate(Purpose)}


def _action_at(cutoff: datetime) -> ColumnElement[str]:
    """A current-consent cell's action as it stood just before ``cutoff``: the row itself when it was
    recorded before, else the latest earlier event of the cell (an index probe, ties to the later
    insertion as in the client's consent grid)."""
    earlier = (
        select(ConsentEvent.action)
        .where(
            ConsentEvent.client_id == CurrentConsent.client_id,
            ConsentEvent.purpose == CurrentConsent.purpose,
            ConsentEvent.channel == CurrentConsent.channel,
            ConsentEvent.recorded_at < cutoff,
        )
        .order_by(ConsentEvent.recorded_at.desc(), ConsentEvent.id.desc())
        .limit(1)
        .correlate(CurrentConsent)
        .scalar_subquery()
    )
    return case((CurrentConsent.recorded_at < cutoff, CurrentConsent.action), else_=earlier)


def _granted_purposes(cutoff: datetime) -> ColumnElement[int]:
    """The client's purposes granted on at least one channel, as a sum of their bits: each purpose's
    bit is the max over the client's rows (no DISTINCT, so no temporary B-tree per client)."""
    bits = [
        func.max(case((CurrentConsent.purpose == purpose, value), else_=0))
        for purpose, value in PURPOSE_BITS.items()
    ]
    return func.coalesce(
        select(reduce(operator.add, bits))
        .where(CurrentConsent.client_id == Client.id, _action_at(cutoff) == ConsentAction.GRANTED)
        .correlate(Client)
        .scalar_subquery(),
        0,
    )


def _acknowledged(versions: dict[Language, PolicyVersion], cutoff: datetime) -> ColumnElement[int]:
    """1 when the client signed (not refused) the text in force for their language before ``cutoff``
    (that version in that language: the same version signed in another language counts once the
    client's language has its text, as in the client file's status), else 0."""
    in_force = [
        and_(Client.preferred_language == language, Acknowledgment.policy_version_id == policy.id)
        for language, policy in versions.items()
    ]
    signed = exists().where(
        Acknowledgment.client_id == Client.id,
        Acknowledgment.refused.is_(False),
        Acknowledgment.signed_at < cutoff,
        or_(false(), *in_force),
    )
    return case((signed, 1), else_=0)


def compute(session: Session, header: ReportHeader, now: datetime) -> ConsentCoverageReport:
    period = header.period
    # As the ledgers stood at the end of the period, or now (this instant included) if it is not over.
    state_at = min(period.ends_before, now)
    cutoff = period.ends_before if period.ends_before <= now else now + timedelta(microseconds=1)
    active = common.clients_with_appointment(period.starts_at, period.ends_before)
    versions = common.versions_in_force(session, period.end)
    acknowledged = _acknowledged(versions, cutoff).label("acknowledged")
    granted = _granted_purposes(cutoff).label("granted")
    per_client = (
        select(Client.clinic_id, acknowledged, granted).where(Client.id.in_(active)).subquery("per_client")
    )
    active_by_clinic: dict[int, int] = defaultdict(int)
    signed_by_clinic: dict[int, int] = defaultdict(int)
    consent_counts: dict[tuple[int, Purpose], int] = defaultdict(int)
    both_counts: dict[tuple[int, Purpose], int] = defaultdict(int)
    # The row types, stated: columns read through subqueries reach the type checker untyped.
    groups: Result[int, int, int, int] = session.execute(
        select(
            per_client.c.clinic_id, per_client.c.acknowledged, per_client.c.granted, func.count()
        ).group_by(per_client.c.clinic_id, per_client.c.acknowledged, per_client.c.granted)
    )
    for clinic_id, signed, purposes, clients in groups:
        active_by_clinic[clinic_id] += clients
        signed_by_clinic[clinic_id] += clients if signed else 0
        for purpose, value in PURPOSE_BITS.items():
            if int(purposes) & value:
                consent_counts[(clinic_id, purpose)] += clients
                both_counts[(clinic_id, purpose)] += clients if signed else 0

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
