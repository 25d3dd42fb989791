"""The access-requests register's data: the requests received in the period, read through the query
the access-request service itself uses."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.register_models import AccessRequest
from desktop.reports.access_requests import AccessRequestsReport
from desktop.reports.base import ReportHeader
from desktop.services.queries.access_requests import access_request_records


def compute(session: Session, header: ReportHeader) -> AccessRequestsReport:
    period = header.period
    requests = session.scalars(
        select(AccessRequest)
        .where(AccessRequest.received_on >= period.start, AccessRequest.received_on <= period.end)
        .order_by(AccessRequest.received_on, AccessRequest.id)
    ).all()
    return AccessRequestsReport(header, tuple(access_request_records(session, requests)))
