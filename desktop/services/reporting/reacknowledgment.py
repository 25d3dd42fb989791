"""Re-acknowledgment: one query over the clients seen in the period, each joined to its latest signed
acknowledgment and latest refusal by index probes on its own acknowledgments (never a window over
every acknowledgment on file); a row object is made only for the clients the report lists."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import cache

from sqlalchemy import ColumnElement, Result, and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from desktop.db.models import Acknowledgment, Appointment, Client, PolicyVersion
from desktop.domain.enums import Language
from desktop.domain.normalize import fold
from desktop.reports.base import ReportHeader, local_day
from desktop.reports.reacknowledgment import ReacknowledgmentReport, ReacknowledgmentRow
from desktop.services.reporting import common

#: Rows read from the database at a time.
BATCH = 5000


def _by_name(fold_name: Callable[[str], str]) -> Callable[[ReacknowledgmentRow], tuple[str, str, int]]:
    """Alphabetical as people expect it: Bédard before Brown (accents and case folded)."""
    return lambda row: (fold_name(row.last_name), fold_name(row.first_name), row.client_id)


def _listed(versions: dict[Language, PolicyVersion]) -> ColumnElement[bool]:
    """The clients the report lists: never signed, or their latest signed text is older than the one
    in force for their language, or in another language than the one in force (joined rows of
    ``compute``'s query)."""
    outdated = [
        and_(
            Client.preferred_language == language,
            or_(
                PolicyVersion.effective_date < policy.effective_date,
                PolicyVersion.language != policy.language,
            ),
        )
        for language, policy in versions.items()
    ]
    return or_(Acknowledgment.id.is_(None), *outdated)


def compute(session: Session, header: ReportHeader) -> ReacknowledgmentReport:
    period = header.period
    versions = common.versions_in_force(session, period.end)
    next_visit = (
        select(Appointment.client_id, func.min(Appointment.starts_at).label("next_at"))
        .where(Appointment.starts_at >= period.starts_at, Appointment.starts_at < period.ends_before)
        .group_by(Appointment.client_id)
        .subquery("next_visit")
    )
    # Per client, the id of its latest signed acknowledgment (ties to the later insertion) and when
    # it last refused: each a probe into the client's own acknowledgments.
    earlier = aliased(Acknowledgment)
    latest_signed_id = (
        select(earlier.id)
        .where(earlier.client_id == Client.id, earlier.refused.is_(False))
        .order_by(earlier.signed_at.desc(), earlier.id.desc())
        .limit(1)
        .correlate(Client)
        .scalar_subquery()
    )
    last_refusal = (
        select(func.max(earlier.signed_at))
        .where(earlier.client_id == Client.id, earlier.refused.is_(True))
        .correlate(Client)
        .scalar_subquery()
    )
    outdated: list[ReacknowledgmentRow] = []
    never: list[ReacknowledgmentRow] = []
    seen = int(session.scalar(select(func.count()).select_from(next_visit)) or 0)
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
    ] = session.connection().execute(
        select(
            Client.id,
            Client.file_number,
            Client.last_name,
            Client.first_name,
            Client.preferred_language,
            next_visit.c.next_at,
            PolicyVersion.version,
            PolicyVersion.language,
            PolicyVersion.effective_date,
            Acknowledgment.signed_at,
            last_refusal.label("refused_at"),
        )
        .join(next_visit, next_visit.c.client_id == Client.id)
        .outerjoin(Acknowledgment, Acknowledgment.id == latest_signed_id)
        .outerjoin(PolicyVersion, PolicyVersion.id == Acknowledgment.policy_version_id)
        .where(_listed(versions))
        # Read in batches (a Core result, no ORM loading per row).
        .execution_options(yield_per=BATCH)
    )
    for row in visits:
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
        # Version and date come from the same acknowledgment: both or neither.
        never_signed = version is None or effective is None
        outdated_text = (
            effective is not None
            and in_force is not None
            and (
                effective < in_force.effective_date
                # Signed in another language: outdated once a text in the client's language is in force.
                or signed_language != in_force.language
            )
        )
        if not (never_signed or outdated_text):
            continue  # the query lists these only (``_listed``); kept in step with it
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
        (never if never_signed else outdated).append(record)
    # Names repeat (Tremblay, Gagnon): each folded once per report.
    by_name = _by_name(cache(fold))
    return ReacknowledgmentReport(
        header=header,
        current_version=common.versions_text(versions),
        clients_seen=seen,
        up_to_date=seen - len(outdated) - len(never),
        outdated=tuple(sorted(outdated, key=by_name)),
        never_signed=tuple(sorted(never, key=by_name)),
    )
