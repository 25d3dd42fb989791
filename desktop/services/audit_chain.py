"""The audit trail as a hash chain: each record carries the hash of the one before it."""

from __future__ import annotations

import hashlib
from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from desktop.db.models import AuditRecord

GENESIS_HASH = "0" * 64
POSTGRES_AUDIT_LOCK = 0x46524F4E  # serialises chain appends between workstations
# Read as a core table (rows, not ORM objects) by the chain's verifiers: lighter over millions of records.
AUDIT_TABLE = AuditRecord.__table__
#: What a verifier reads of each record: what its hash covers, and the hashes.
CHAINED_COLUMNS = (
    AUDIT_TABLE.c.id,
    AUDIT_TABLE.c.at,
    AUDIT_TABLE.c.staff_id,
    AUDIT_TABLE.c.username,
    AUDIT_TABLE.c.workstation,
    AUDIT_TABLE.c.action,
    AUDIT_TABLE.c.entity_type,
    AUDIT_TABLE.c.entity_id,
    AUDIT_TABLE.c.detail,
    AUDIT_TABLE.c.prev_hash,
    AUDIT_TABLE.c.hash,
)


def record_hash(
    prev_hash: str,
    at: datetime,
    staff_id: int | None,
    username: str,
    workstation: str,
    action: str,
    entity_type: str,
    entity_id: str,
    detail: str,
) -> str:
    fields = [
        prev_hash,
        at.isoformat(),
        str(staff_id or ""),
        username,
        workstation,
        action,
        entity_type,
        entity_id,
        detail,
    ]
    canonical = "\x1f".join(f.replace("\x1f", " ") for f in fields)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def last_hash(session: Session) -> str:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": POSTGRES_AUDIT_LOCK})
    latest = session.scalar(select(AuditRecord.hash).order_by(AuditRecord.id.desc()).limit(1))
    return latest or GENESIS_HASH


def append_audit(
    session: Session,
    *,
    at: datetime,
    staff_id: int | None,
    username: str,
    workstation: str,
    action: str,
    entity_type: str,
    entity_id: str,
    detail: str = "",
) -> AuditRecord:
    prev = last_hash(session)
    at = at.replace(microsecond=at.microsecond)  # stored to the microsecond on both databases
    record = AuditRecord(
        at=at,
        staff_id=staff_id,
        username=username[:64],
        workstation=workstation[:255],
        action=action,
        entity_type=entity_type,
        entity_id=entity_id[:64],
        detail=detail[:500],
        prev_hash=prev,
        hash=record_hash(
            prev,
            at,
            staff_id,
            username[:64],
            workstation[:255],
            action,
            entity_type,
            entity_id[:64],
            detail[:500],
        ),
    )
    session.add(record)
    session.flush()
    return record
