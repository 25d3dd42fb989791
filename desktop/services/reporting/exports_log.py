"""The exports log: the ``export.contacts`` audit records of the period, in one query."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.models import AuditRecord, Staff
from desktop.domain.enums import Channel, Purpose
from desktop.reports.base import ReportHeader
from desktop.reports.exports_log import ExportEntry, ExportsLogReport, parse_detail

EXPORT_ACTION = "export.contacts"
E = TypeVar("E", Purpose, Channel)


def _enum(kind: type[E], value: str | None) -> E | None:
    try:
        return kind(value) if value else None
    except ValueError:
        return None


def compute(session: Session, header: ReportHeader) -> ExportsLogReport:
    period = header.period
    rows = session.execute(
        select(
            AuditRecord.at, AuditRecord.username, Staff.full_name, AuditRecord.workstation, AuditRecord.detail
        )
        .outerjoin(Staff, Staff.id == AuditRecord.staff_id)
        .where(
            AuditRecord.action == EXPORT_ACTION,
            AuditRecord.at >= period.starts_at,
            AuditRecord.at < period.ends_before,
        )
        .order_by(AuditRecord.at, AuditRecord.id)
    )
    entries = []
    for at, username, name, workstation, detail in rows:
        fields = parse_detail(detail)
        count = fields.get("rows", "")
        entries.append(
            ExportEntry(
                at=at,
                username=username,
                staff_name=name or username,
                workstation=workstation,
                purpose=_enum(Purpose, fields.get("purpose")),
                channel=_enum(Channel, fields.get("channel")),
                row_count=int(count) if count.isdigit() else None,
                sha256=fields.get("sha256", ""),
            )
        )
    return ExportsLogReport(header=header, entries=tuple(entries))
