"""Staff accounts are not a ledger: FrontDesk changes them, and audits every change. The witness keeps
a digest of each account's role, name, password, site and active state; ``db check`` reports an
account that differs from it with no audit record about it after the witness's head: changed
outside FrontDesk (a role raised, a password replaced, a departed employee reactivated)."""

from __future__ import annotations

import hashlib

from sqlalchemy import Connection, select

from desktop.db.models import AuditRecord, Staff
from desktop.seal.digest import canonical

#: The fields whose change grants or moves access; lock-out counters change without an audit record.
SEALED_FIELDS = ("username", "full_name", "role", "password_hash", "active", "clinic_id")


def staff_digests(connection: Connection, only: set[int] | None = None) -> dict[str, str]:
    columns = [Staff.__table__.c[name] for name in ("id", *SEALED_FIELDS)]
    query = select(*columns).order_by(Staff.id)
    if only is not None:
        query = query.where(Staff.id.in_(only))
    digests = {}
    for row in connection.execute(query):
        text = "\x1f".join(
            f"{name}={canonical(value)}" for name, value in zip(SEALED_FIELDS, row[1:], strict=True)
        )
        digests[str(row[0])] = hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
    return digests


def audited_staff(connection: Connection, after: int, upto: int) -> set[int]:
    """The accounts FrontDesk changed between two audit heads (by their audit records)."""
    ids = connection.scalars(
        select(AuditRecord.entity_id).where(
            AuditRecord.entity_type == "staff", AuditRecord.id > after, AuditRecord.id <= upto
        )
    )
    return {int(i) for i in ids if str(i).isdigit()}


def staff_problems(connection: Connection, witnessed: dict[str, str], audit_head: int) -> list[str]:
    now = staff_digests(connection)
    changed = [staff_id for staff_id, digest in witnessed.items() if now.get(staff_id) != digest]
    if not changed:
        return []
    audited = set(
        connection.scalars(
            select(AuditRecord.entity_id).where(
                AuditRecord.entity_type == "staff",
                AuditRecord.id > audit_head,
                AuditRecord.entity_id.in_(changed),
            )
        )
    )
    return [
        f"staff account id {staff_id} "
        + ("removed" if staff_id not in now else "changed")
        + " outside FrontDesk (no audit record about it since the witness)"
        for staff_id in changed
        if staff_id not in audited
    ]
