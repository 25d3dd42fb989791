"""One client's access log: the audit records on the client's file or naming the client
(``client=ID`` in their detail), in one query."""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from desktop.db.models import AuditRecord, Client, Staff
from desktop.reports.access_log import AccessEntry, AccessLogReport
from desktop.reports.base import ReportHeader


def mentions_client(client_id: int) -> ColumnElement[bool]:
    """Audit records about the client: its own file, or any record whose detail says client=ID
    (as a whole word: client=12 does not match client=123)."""
    token = f"client={int(client_id)}"
    detail = AuditRecord.detail
    return or_(
        and_(AuditRecord.entity_type == "client", AuditRecord.entity_id == str(int(client_id))),
        detail == token,
        detail.like(f"{token} %"),
        detail.like(f"% {token}"),
        detail.like(f"% {token} %"),
    )


def compute(session: Session, header: ReportHeader, client: Client) -> AccessLogReport:
    period = header.period
    rows = session.execute(
        select(
            AuditRecord.at,
            AuditRecord.username,
            Staff.full_name,
            AuditRecord.workstation,
            AuditRecord.action,
            AuditRecord.entity_type,
            AuditRecord.entity_id,
        )
        .outerjoin(Staff, Staff.id == AuditRecord.staff_id)
        .where(
            mentions_client(client.id),
            AuditRecord.at >= period.starts_at,
            AuditRecord.at < period.ends_before,
        )
        .order_by(AuditRecord.at, AuditRecord.id)
    )
    entries = tuple(
        AccessEntry(at, username, name or username, workstation, action, entity_type, entity_id)
        for at, username, name, workstation, action, entity_type, entity_id in rows
    )
    return AccessLogReport(
        header=header,
        client_id=client.id,
        file_number=client.file_number,
        client_name=f"{client.first_name} {client.last_name}",
        entries=entries,
    )
