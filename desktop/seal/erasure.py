"""Personal fields of ledger rows, digested apart so that an erasure can be recorded and verified.

A ledger column marked ``info=PERSONAL`` in the models holds a person's data. A row's digest
commits to the digest of its personal fields, not to the fields themselves; an erasure is an audit
record (``erasure``, the table, the row id, that digest) written before the fields are blanked in
the same transaction. The witness then verifies an erased row by the digest its erasure recorded,
and a row blanked with no such record, or with another digest, still differs from the witness.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, Table, select

from desktop.db.models import AuditRecord
from desktop.seal.digest import blank_by_nature, is_erased, personal_columns, row_digest, row_digest_v1

ERASURE_ACTION = "erasure"
_HEX = frozenset("0123456789abcdef")


def erasure_detail(personal: str, whole_row: str) -> str:
    """The personal fields' digest, and the whole row's as a format-1 witness took it (so that a
    witness written before format 2 still verifies the row, and can be brought to format 2)."""
    return f"personal={personal} row={whole_row}"


def _recorded(detail: str, name: str) -> str | None:
    for part in detail.split(" "):
        key, _, digest = part.partition("=")
        if key == name and len(digest) == 64 and set(digest) <= _HEX:
            return digest
    return None


@dataclass(frozen=True)
class Erasure:
    """An erasure record: audit record ``event_id`` erased the personal fields of one row."""

    event_id: int
    table: str
    row_id: int
    #: The personal fields' digest, and the whole row's in format 1 (None: the record is unreadable).
    digest: str | None
    whole_row: str | None
    at: datetime
    username: str


def erasures(connection: Connection, tables: Iterable[str] | None = None) -> list[Erasure]:
    """The erasure records, oldest first (few: one per erased row)."""
    audit = AuditRecord.__table__
    query = select(
        audit.c.id, audit.c.entity_type, audit.c.entity_id, audit.c.detail, audit.c.at, audit.c.username
    ).where(audit.c.action == ERASURE_ACTION)
    if tables is not None:
        query = query.where(audit.c.entity_type.in_(list(tables)))
    found = []
    for row in connection.execute(query.order_by(audit.c.id)):
        row_id = int(row.entity_id) if str(row.entity_id).isdigit() else -1
        found.append(
            Erasure(
                int(row.id),
                str(row.entity_type),
                row_id,
                _recorded(row.detail, "personal"),
                _recorded(row.detail, "row"),
                row.at,
                row.username,
            )
        )
    return found


def erasures_of(connection: Connection, table: str) -> dict[int, Erasure]:
    """A table's erased rows by id (the first erasure of a row is the one that blanked it)."""
    by_row: dict[int, Erasure] = {}
    for erasure in erasures(connection, (table,)):
        by_row.setdefault(erasure.row_id, erasure)
    return by_row


class RowDigester:
    """Digests a table's rows as a witness of ``format`` did, an erased row by what its erasure
    record kept (format 2: the personal fields' digest; format 1: the whole row's). ``unrecorded``
    collects the rows found blank with no record, where a blank row cannot be one by nature."""

    def __init__(self, connection: Connection, table: Table, format: int) -> None:
        self.connection = connection
        self.table = table
        self.format = format
        self.personal = bool(personal_columns(table))
        self.recognisable = self.personal and not blank_by_nature(table)
        self._erasures: dict[int, Erasure] | None = None
        self.unrecorded: set[int] = set()

    def __call__(self, row: Row[Any]) -> str:
        erasure = self._erasure(row) if self.personal and is_erased(self.table, row) else None
        if self.format < 2:
            return (erasure.whole_row if erasure else None) or row_digest_v1(self.table, row)
        if erasure is None:
            return row_digest(self.table, row)
        return row_digest(self.table, row, erasure.digest or "unreadable")

    def _erasure(self, row: Row[Any]) -> Erasure | None:
        if self._erasures is None:  # read once, and only when an erased-looking row is met
            self._erasures = erasures_of(self.connection, self.table.name)
        erasure = self._erasures.get(int(row.id))
        if erasure is None and self.recognisable:
            self.unrecorded.add(int(row.id))
        return erasure
