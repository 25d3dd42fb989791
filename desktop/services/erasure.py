"""The erasure of a ledger row's personal fields: the primitive a service calls inside its unit of
work (the request, its grounds and who may make it are the caller's).

For each row, an ``erasure`` audit record names the table, the row and the digest of its personal
fields as they are, and only then are the fields blanked: the ledgers' guard (migration 0008) lets
through no other UPDATE, and ``db check`` verifies the erased row by the digest its record keeps.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select, update

from desktop.db.models import Base
from desktop.domain.errors import NotFoundError
from desktop.domain.messages import Subjects
from desktop.seal.digest import (
    erasable_tables,
    erased_value,
    is_erased,
    personal_columns,
    personal_digest,
    row_digest_v1,
)
from desktop.seal.erasure import ERASURE_ACTION, erasure_detail, erasures_of
from desktop.services.audit_chain import append_audit
from desktop.services.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class ErasedRow:
    table: str
    row_id: int
    #: The audit record that erased it (an earlier one when the row was already erased).
    event_id: int
    personal_digest: str


def erase_personal_fields(uow: UnitOfWork, table_name: str, row_ids: Sequence[int]) -> list[ErasedRow]:
    """Record the erasure of each row and blank its personal fields, in ``uow``'s transaction. A row
    already erased by a record is left as it is (its record returned). Raises NotFoundError for a
    row that does not exist (nothing is erased: the unit of work rolls back)."""
    if table_name not in erasable_tables():
        raise ValueError(f"{table_name} is not a ledger with personal fields")
    table = Base.metadata.tables[table_name]
    personal = personal_columns(table)
    session = uow.session
    rows = {row.id: row for row in session.execute(select(*table.c).where(table.c.id.in_(list(row_ids))))}
    already = erasures_of(session.connection(), table_name)
    erased: list[ErasedRow] = []
    for row_id in dict.fromkeys(row_ids):
        row = rows.get(row_id)
        if row is None:
            raise NotFoundError(what=Subjects.ledger_row.filled(id=row_id, table=table_name))
        earlier = already.get(row_id)
        if earlier is not None and is_erased(table, row):
            erased.append(ErasedRow(table_name, row_id, earlier.event_id, earlier.digest or ""))
            continue
        digest = personal_digest(table, row)
        record = append_audit(
            session,
            at=uow.now,
            staff_id=uow.staff.id if uow.staff is not None else None,
            username=uow.actor.username,
            workstation=uow.actor.workstation,
            action=ERASURE_ACTION,
            entity_type=table_name,
            entity_id=str(row_id),
            detail=erasure_detail(digest, row_digest_v1(table, row)),
        )
        session.execute(
            update(table).where(table.c.id == row_id).values({c.name: erased_value(c) for c in personal})
        )
        erased.append(ErasedRow(table_name, row_id, record.id, digest))
    session.expire_all()  # objects loaded before still hold the erased values
    return erased
