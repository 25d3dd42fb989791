"""The incident register report: the incidents the clinic became aware of in the period, as they stand."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop.reports.base import ReportHeader
from desktop.reports.incident_register import IncidentRegisterReport
from desktop.services.queries.incidents import incidents_discovered


def compute(session: Session, header: ReportHeader) -> IncidentRegisterReport:
    period = header.period
    return IncidentRegisterReport(header, tuple(incidents_discovered(session, period.start, period.end)))
