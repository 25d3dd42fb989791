"""Content digests of ledger rows, grouped in blocks of consecutive ids.

A block records its id range, its row count and a running SHA-256 over its rows' digests, so a
witness stays small (one line per block) yet a change is narrowed to a few dozen rows, and a removed
row is named by the id missing from its block.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import Connection, Row, Table, select

from desktop.db.models import APPEND_ONLY_TABLES, Base

#: Rows per block: a change is located to within this many rows.
BLOCK_ROWS = 32
#: Rows read per query: ledgers grow without bound and are never loaded whole.
READ_CHUNK = 2000
AUDIT_TABLE = "audit_records"
#: Every append-only table but the audit trail, which carries its own hash chain.
LEDGER_TABLES = tuple(t for t in APPEND_ONLY_TABLES if t != AUDIT_TABLE)


def canonical(value: Any) -> str:
    if value is None:
        return "\x00"
    if isinstance(value, bytes):
        return "b:" + hashlib.sha256(value).hexdigest()
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return value.hex
    return str(value)


def row_digest(table: Table, row: Row[Any]) -> str:
    """Every column, by name, in the table's order: a changed value changes the digest."""
    parts = [f"{column.name}={canonical(value)}" for column, value in zip(table.c, row, strict=True)]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def table(name: str) -> Table:
    return Base.metadata.tables[name]


def rows_after(connection: Connection, name: str, after: int) -> Iterator[Row[Any]]:
    """The table's rows with id above ``after``, in id order, read in chunks."""
    t = table(name)
    while True:
        rows: Sequence[Row[Any]] = connection.execute(
            select(*t.c).where(t.c.id > after).order_by(t.c.id).limit(READ_CHUNK)
        ).all()
        if not rows:
            return
        yield from rows
        after = rows[-1].id


@dataclass
class Block:
    first_id: int
    last_id: int
    count: int
    digest: str

    def add(self, row_id: int, digest: str) -> None:
        self.last_id = row_id
        self.count += 1
        self.digest = hashlib.sha256((self.digest + digest).encode("ascii")).hexdigest()

    def as_list(self) -> list[int | str]:
        return [self.first_id, self.last_id, self.count, self.digest]

    @classmethod
    def from_list(cls, values: list[Any]) -> Block:
        first, last, count, digest = values
        return cls(int(first), int(last), int(count), str(digest))


def start_block(row_id: int, digest: str) -> Block:
    block = Block(row_id, row_id, 0, "")
    block.add(row_id, digest)
    return block


def extend_blocks(connection: Connection, name: str, blocks: list[Block]) -> None:
    """Append the rows written since the last block (filling it up to BLOCK_ROWS first)."""
    after = blocks[-1].last_id if blocks else 0
    t = table(name)
    for row in rows_after(connection, name, after):
        digest = row_digest(t, row)
        if blocks and blocks[-1].count < BLOCK_ROWS:
            blocks[-1].add(row.id, digest)
        else:
            blocks.append(start_block(row.id, digest))


def compare_blocks(connection: Connection, name: str, blocks: Sequence[Block]) -> list[str]:
    """What differs between the table now and the witnessed blocks, one sentence per block."""
    if not blocks:
        return []
    t = table(name)
    problems: list[str] = []
    index = 0
    current: Block | None = None
    ids: list[int] = []

    def close() -> None:
        witnessed = blocks[index]
        if current is not None and current.count == witnessed.count and current.digest == witnessed.digest:
            return
        problems.append(_difference(name, witnessed, current, ids))

    for row in rows_after(connection, name, blocks[0].first_id - 1):
        while index < len(blocks) and row.id > blocks[index].last_id:
            close()
            index, current, ids = index + 1, None, []
        if index == len(blocks):
            break  # written after the witness: nothing to compare
        digest = row_digest(t, row)
        if current is None:
            current = start_block(row.id, digest)
        else:
            current.add(row.id, digest)
        ids.append(row.id)
    while index < len(blocks):
        close()
        index, current, ids = index + 1, None, []
    return problems


def _difference(name: str, witnessed: Block, now: Block | None, ids: list[int]) -> str:
    span = f"{name} ids {witnessed.first_id}–{witnessed.last_id}"
    count = now.count if now is not None else 0
    if count < witnessed.count:
        present = set(ids)
        absent = [i for i in range(witnessed.first_id, witnessed.last_id + 1) if i not in present]
        shown = ", ".join(str(i) for i in absent[:10])
        return f"{span}: {witnessed.count - count} row(s) removed (absent ids: {shown})"
    if count > witnessed.count:
        return f"{span}: {count - witnessed.count} row(s) inserted among witnessed rows"
    return f"{span}: a row was altered (its content no longer matches the witness)"
