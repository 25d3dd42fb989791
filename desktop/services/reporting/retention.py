"""The retention reports' data, read through the retention queries the service itself uses: the files
past the clinic's rule as of the period's last day, and the anonymisations recorded in the period."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from desktop.reports.base import ReportHeader
from desktop.reports.retention import AnonymisationsReport, RetentionReviewReport
from desktop.services.queries.organisation import load_organisation
from desktop.services.queries.retention import anonymisation_records, retention_review

#: The review report lists every file past the rule (the PDF prints the first ones, the CSV them all).
REVIEW_LIMIT = 1_000_000


def review(session: Session, header: ReportHeader, today: date) -> RetentionReviewReport:
    """As of the period's last day, or today when that is still to come (no file is past the rule on a
    day not yet reached: its contacts until then are unknown)."""
    years = load_organisation(session).retention_years
    as_of = min(header.period.end, today)
    return RetentionReviewReport(header, retention_review(session, as_of, years, REVIEW_LIMIT))


def anonymisations(session: Session, header: ReportHeader) -> AnonymisationsReport:
    period = header.period
    return AnonymisationsReport(header, tuple(anonymisation_records(session, period.start, period.end)))
