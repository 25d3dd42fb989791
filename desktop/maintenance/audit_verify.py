"""Walks the audit hash chain in id order, in chunks, and names the first record that breaks it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Row, func, select

from desktop.db.models import AuditRecord, Base
from desktop.services.audit_chain import CHAINED_COLUMNS, GENESIS_HASH, record_hash

#: Rows read per query: the audit table grows without bound, so it is never loaded whole.
AUDIT_CHUNK = 5000
# Read as a core table (rows, not ORM objects): lighter over millions of records.
_AUDIT = Base.metadata.tables[AuditRecord.__tablename__]


@dataclass(frozen=True)
class ChainBreak:
    record_id: int
    reason: str


@dataclass(frozen=True)
class ChainResult:
    checked: int
    breaks: tuple[ChainBreak, ...]
    last_id: int | None
    last_hash: str

    @property
    def ok(self) -> bool:
        return not self.breaks

    @property
    def first_break(self) -> ChainBreak | None:
        return self.breaks[0] if self.breaks else None


def _chunks(connection: Connection, chunk: int) -> Iterator[Sequence[Row[Any]]]:
    """Rows in id order up to the newest id seen at the start (appends made meanwhile are left for later)."""
    newest = connection.scalar(select(func.max(_AUDIT.c.id)))
    if newest is None:
        return
    after = 0
    while True:
        rows = connection.execute(
            select(*CHAINED_COLUMNS)
            .where(_AUDIT.c.id > after, _AUDIT.c.id <= newest)
            .order_by(_AUDIT.c.id)
            .limit(chunk)
        ).all()
        if not rows:
            return
        yield rows
        after = rows[-1].id


def verify_audit_chain(
    connection: Connection, *, chunk: int = AUDIT_CHUNK, max_breaks: int = 20
) -> ChainResult:
    """Recompute every record's hash and check each one links to the record before it."""
    expected_prev = GENESIS_HASH
    previous_id: int | None = None
    checked = 0
    breaks: list[ChainBreak] = []
    for rows in _chunks(connection, chunk):
        for row in rows:
            checked += 1
            recomputed = record_hash(
                row.prev_hash,
                row.at,
                row.staff_id,
                row.username,
                row.workstation,
                row.action,
                row.entity_type,
                row.entity_id,
                row.detail,
            )
            if len(breaks) < max_breaks:
                if recomputed != row.hash:
                    breaks.append(
                        ChainBreak(row.id, "its content does not match its hash: the record was altered")
                    )
                elif row.prev_hash != expected_prev:
                    breaks.append(ChainBreak(row.id, _link_reason(previous_id)))
            expected_prev = row.hash
            previous_id = row.id
    return ChainResult(checked, tuple(breaks), previous_id, expected_prev)


def _link_reason(previous_id: int | None) -> str:
    if previous_id is None:
        return "it does not start from the genesis hash: records before it were removed"
    return (
        f"its prev_hash does not match the hash of record {previous_id}, the one before it: "
        "a record between them was removed, or the earlier record was altered"
    )
