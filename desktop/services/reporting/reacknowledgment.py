"""Re-acknowledgment: one query joining the clients seen in the period to their latest signed
acknowledgment (window function) and latest refusal."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Result, func, select
from sqlalchemy.orm import Session

from desktop.db.models import Appointment, Client
from desktop.domain.enums import Language
from desktop.domain.normalize import fold
from desktop.reports.base import ReportHeader, local_day
from desktop.reports.reacknowledgment import ReacknowledgmentReport, ReacknowledgmentRow
from desktop.services.reporting import common


def _by_name(row: ReacknowledgmentRow) -> tuple[str, str, int]:
    """Alphabetical as people expect it: Bédard before Brown (accents and case folded)."""
    return (fold(row.last_name), fold(row.first_name), row.client_id)


def compute(session: Session, header: ReportHeader) -> ReacknowledgmentReport:
    period = header.period
    versions = common.versions_in_force(session, period.end)
    next_visit = (
        select(Appointment.client_id, func.min(Appointment.starts_at).label("next_at"))
        .where(Appointment.starts_at >= period.starts_at, Appointment.starts_at < period.ends_before)
        .group_by(Appointment.client_id)
        .subquery("next_visit")
    )
    signed = common.latest_signed_acknowledgment()
    refused = common.latest_refusal()
    outdated: list[ReacknowledgmentRow] = []
    never: list[ReacknowledgmentRow] = []
    seen = up_to_date = 0
    # The row types, stated: columns read through subqueries reach the type checker untyped.
    visits: Result[
        int,
        str,
        str,
        str,
        Language,
        datetime,
        str | None,
        Language | None,
        date | None,
        datetime | None,
        datetime | None,
    ] = session.execute(
        select(
            Client.id,
            Client.file_number,
            Client.last_name,
            Client.first_name,
            Client.preferred_language,
            next_visit.c.next_at,
            signed.c.version,
            signed.c.language,
            signed.c.effective_date,
            signed.c.signed_at,
            refused.c.refused_at,
        )
        .join(next_visit, next_visit.c.client_id == Client.id)
        .outerjoin(signed, signed.c.client_id == Client.id)
        .outerjoin(refused, refused.c.client_id == Client.id)
    )
    for row in visits:
        seen += 1
        (
            client_id,
            file_number,
            last,
            first,
            language,
            next_at,
            version,
            signed_language,
            effective,
            signed_at,
            refused_at,
        ) = row
        language = Language(language)
        in_force = versions.get(language)
        # A text signed in another language than the client's is named with its language.
        if version is not None and signed_language is not None and Language(signed_language) != language:
            version = f"{version} ({Language(signed_language).value})"
        record = ReacknowledgmentRow(
            client_id=client_id,
            file_number=file_number,
            last_name=last,
            first_name=first,
            language=language,
            first_appointment=next_at,
            signed_version=version,
            signed_on=local_day(signed_at) if signed_at is not None else None,
            refused_on=local_day(refused_at) if refused_at is not None else None,
        )
        if version is None or effective is None:  # both come from the same signed acknowledgment
            never.append(record)
        elif in_force is not None and (
            effective < in_force.effective_date
            # Signed in another language: outdated once a text in the client's language is in force.
            or signed_language != in_force.language
        ):
            outdated.append(record)
        else:
            up_to_date += 1
    return ReacknowledgmentReport(
        header=header,
        current_version=common.versions_text(versions),
        clients_seen=seen,
        up_to_date=up_to_date,
        outdated=tuple(sorted(outdated, key=_by_name)),
        never_signed=tuple(sorted(never, key=_by_name)),
    )
