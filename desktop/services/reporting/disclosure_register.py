"""The disclosure register of a period: the entries disclosed in it, read in a few set-based queries."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop.reports.base import ReportHeader
from desktop.reports.disclosure_register import DisclosureRegisterReport
from desktop.services.queries.disclosures import disclosures_between


def compute(session: Session, header: ReportHeader) -> DisclosureRegisterReport:
    period = header.period
    return DisclosureRegisterReport(header, tuple(disclosures_between(session, period.start, period.end)))
