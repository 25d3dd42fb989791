"""Content digests of ledger rows, grouped in blocks of consecutive ids.

A block records its id range, its row count and a running SHA-256 over its rows' digests, so a
witness stays small (one line per block) yet a change is narrowed to a few dozen rows, and a removed
row is named by the id missing from its block.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import Any

from sqlalchemy import Column, Connection, LargeBinary, Row, Table, select

from desktop.db.models import APPEND_ONLY_TABLES, Base

#: Rows per block: a change is located to within this many rows.
BLOCK_ROWS = 32
#: Rows read per query: ledgers grow without bound and are never loaded whole.
READ_CHUNK = 2000
AUDIT_TABLE = "audit_records"
#: Every append-only table but the audit trail, which carries its own hash chain.
LEDGER_TABLES = tuple(t for t in APPEND_ONLY_TABLES if t != AUDIT_TABLE)
#: How a row is digested (``desktop.seal.erasure.RowDigester``: by the witness's format, erasures known).
Digester = Callable[[Row[Any]], str]


def canonical(value: Any) -> str:
    # The common types by exact type first (millions of values in a large database's check).
    fast = _BY_TYPE.get(type(value))
    if fast is not None:
        return fast(value)
    if isinstance(value, Enum):
        _BY_TYPE[type(value)] = _enum_value
        return _enum_value(value)
    if value is None:
        return "\x00"
    if isinstance(value, bytes):
        return "b:" + hashlib.sha256(value).hexdigest()
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return value.hex
    return str(value)


def _enum_value(value: Enum) -> str:
    return str(value.value)


_BY_TYPE: dict[type, Callable[[Any], str]] = {
    str: str,
    int: str,
    bool: lambda value: "1" if value else "0",
    type(None): lambda _value: "\x00",
    datetime: datetime.isoformat,
    date: date.isoformat,
    uuid.UUID: lambda value: value.hex,
}


def row_digest_v1(table: Table, row: Row[Any]) -> str:
    """Every column, by name, in the table's order: a changed value changes the digest (witness format 1)."""
    labels = _layout(table).labels
    return _sha256([label + canonical(value) for label, value in zip(labels, row, strict=True)])


def row_digest(table: Table, row: Row[Any], personal: str | None = None) -> str:
    """The row's other columns and the digest of its personal ones (``personal`` when known from an
    erasure record, else computed). A table with no personal column digests as in format 1."""
    layout = _layout(table)
    if not layout.personal:
        return row_digest_v1(table, row)
    if len(row) != len(layout.labels):
        raise ValueError(f"{table.name}: a row of {len(row)} values for {len(layout.labels)} columns")
    parts = [layout.labels[i] + canonical(row[i]) for i in layout.others]
    parts.append(f"personal={personal or personal_digest(table, row)}")
    return _sha256(parts)


@dataclass(frozen=True)
class _Layout:
    """A table's columns as its digests read them: each one's "name=" label, and the positions of its
    personal columns and of the others."""

    labels: tuple[str, ...]
    personal: tuple[int, ...]
    others: tuple[int, ...]


@cache  # a table's columns do not change while FrontDesk runs
def _layout(table: Table) -> _Layout:
    columns = list(table.c)
    return _Layout(
        labels=tuple(f"{c.name}=" for c in columns),
        personal=tuple(i for i, c in enumerate(columns) if is_personal(c)),
        others=tuple(i for i, c in enumerate(columns) if not is_personal(c)),
    )


def _sha256(parts: list[str]) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def is_personal(column: Column[Any]) -> bool:
    return bool(column.info.get("personal"))


@cache  # asked for every row digested; a table's columns do not change while FrontDesk runs
def personal_columns(table: Table) -> tuple[Column[Any], ...]:
    return tuple(c for c in table.c if is_personal(c))


def personal_digest(table: Table, row: Row[Any]) -> str:
    layout = _layout(table)
    return _sha256([layout.labels[i] + canonical(row[i]) for i in layout.personal])


def erased_value(column: Column[Any]) -> str | bytes | None:
    """What an erased field holds: NULL where the column allows it, else the empty text or bytes."""
    if column.nullable:
        return None
    return b"" if isinstance(column.type, LargeBinary) else ""


def is_erased(table: Table, row: Row[Any]) -> bool:
    """Every personal field holds its erased value."""
    mapping = row._mapping
    return all(mapping[c.name] == erased_value(c) for c in personal_columns(table))


def blank_by_nature(table: Table) -> bool:
    """Whether a row may hold no personal data without having been erased (all its personal columns
    are optional, as a consent event's representative): only an erasure record then tells."""
    return all(c.nullable for c in personal_columns(table))


def erasable_tables() -> tuple[str, ...]:
    """The append-only tables that hold personal fields, in the models' order."""
    return tuple(n for n in APPEND_ONLY_TABLES if personal_columns(table(n)))


def table(name: str) -> Table:
    return Base.metadata.tables[name]


def rows_after(connection: Connection, name: str, after: int, upto: int | None = None) -> Iterator[Row[Any]]:
    """The table's rows with id above ``after`` (and up to ``upto``), in id order, read in chunks."""
    t = table(name)
    while True:
        query = select(*t.c).where(t.c.id > after)
        if upto is not None:
            query = query.where(t.c.id <= upto)
        rows: Sequence[Row[Any]] = connection.execute(query.order_by(t.c.id).limit(READ_CHUNK)).all()
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


def extend_blocks(
    connection: Connection, name: str, blocks: list[Block], digester: Digester, upto: int | None = None
) -> None:
    """Append the rows written since the last block (filling it up to BLOCK_ROWS first)."""
    after = blocks[-1].last_id if blocks else 0
    for row in rows_after(connection, name, after, upto):
        digest = digester(row)
        if blocks and blocks[-1].count < BLOCK_ROWS:
            blocks[-1].add(row.id, digest)
        else:
            blocks.append(start_block(row.id, digest))


def compare_blocks(
    connection: Connection,
    name: str,
    blocks: Sequence[Block],
    digester: Digester,
    *,
    unrecorded: Collection[int] = (),
) -> list[str]:
    """What differs between the table now and the witnessed blocks, one sentence per block.
    ``unrecorded``: the ids of rows whose personal fields are blank with no erasure record (named
    when their block differs)."""
    if not blocks:
        return []
    problems: list[str] = []
    index = 0
    current: Block | None = None
    ids: list[int] = []

    def close() -> None:
        witnessed = blocks[index]
        if current is not None and current.count == witnessed.count and current.digest == witnessed.digest:
            return
        problems.append(_difference(name, witnessed, current, ids, unrecorded))

    for row in rows_after(connection, name, blocks[0].first_id - 1):
        while index < len(blocks) and row.id > blocks[index].last_id:
            close()
            index, current, ids = index + 1, None, []
        if index == len(blocks):
            break  # written after the witness: nothing to compare
        digest = digester(row)
        if current is None:
            current = start_block(row.id, digest)
        else:
            current.add(row.id, digest)
        ids.append(row.id)
    while index < len(blocks):
        close()
        index, current, ids = index + 1, None, []
    return problems


def _difference(
    name: str, witnessed: Block, now: Block | None, ids: list[int], unrecorded: Collection[int]
) -> str:
    span = f"{name} ids {witnessed.first_id}–{witnessed.last_id}"
    count = now.count if now is not None else 0
    if count < witnessed.count:
        present = set(ids)
        absent = [i for i in range(witnessed.first_id, witnessed.last_id + 1) if i not in present]
        shown = ", ".join(str(i) for i in absent[:10])
        return f"{span}: {witnessed.count - count} row(s) removed (absent ids: {shown})"
    if count > witnessed.count:
        return f"{span}: {count - witnessed.count} row(s) inserted among witnessed rows"
    blanked = [i for i in ids if i in unrecorded]
    if blanked:
        shown = ", ".join(str(i) for i in blanked[:10])
        return f"{span}: personal fields erased with no erasure record (ids: {shown})"
    return f"{span}: a row was altered (its content no longer matches the witness)"
