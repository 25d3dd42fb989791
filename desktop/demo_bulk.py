"""The demo's bulk writer: rows as plain tuples with the ids the demo gave them, written on the driver's
own connection (``executemany`` on SQLite, ``COPY`` on PostgreSQL) inside one transaction per batch, and
each ledger row's witness digest taken from the values written, so a million files need no ORM object
and no second reading. The tuples hold the values a reading would hand back (aware UTC datetimes,
enums, UUIDs as hex); each column's own type converts them for the driver, so they are stored exactly
as the services' inserts store them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, cast

from sqlalchemy import Boolean, Connection, Table, Uuid
from sqlalchemy import Row as SealedRow

from desktop.db.models import APPEND_ONLY_TABLES, Base
from desktop.seal.digest import row_digest

#: Each table the demo fills, with its columns in the order the demo's tuples give them: the table's
#: own order, which a ledger row's digest follows. ``check_columns`` refuses a table that changed.
DEMO_COLUMNS: dict[str, tuple[str, ...]] = {
    "clients": (
        "id", "file_number", "last_name", "first_name", "date_of_birth", "preferred_language", "street",
        "city", "province", "postal_code", "email", "phone", "phone_extension", "health_number",
        "sex_at_birth", "health_card_expiry", "clinic_id", "version", "created_at", "created_by_id",
        "updated_at", "updated_by_id", "sort_key", "import_id", "anonymised_at", "demo",
    ),
    "client_phones": ("id", "client_id", "position", "kind", "number", "extension"),
    "appointments": (
        "id", "uid", "client_id", "starts_at", "kind", "mode", "booked_via", "booked_by_id", "clinic_id",
        "created_at", "practitioner_id", "length_minutes", "demo",
    ),
    "appointment_events": (
        "id", "uid", "appointment_id", "client_id", "kind", "recorded_at", "recorded_by_id", "clinic_id",
        "starts_at", "length_minutes", "practitioner_id", "cancelled_by", "reason", "overrides", "demo",
    ),
    "acknowledgments": (
        "id", "uid", "client_id", "policy_version_id", "policy_sha256", "summary_sha256", "language",
        "signer_capacity", "signer_name", "signature_png", "refused", "refusal_note", "signed_at",
        "witnessed_by_id", "clinic_id", "appointment_id", "demo",
    ),
    "consent_events": (
        "id", "uid", "client_id", "purpose", "channel", "action", "method", "policy_version_id",
        "policy_sha256", "wording", "language", "recorded_by_id", "clinic_id", "recorded_at",
        "appointment_id", "opt_out_request_id", "acknowledgment_id", "representative_name",
        "representative_capacity", "demo",
    ),
    "opt_out_requests": (
        "id", "uid", "received_via", "received_on", "due_on", "requester_name", "requester_phone",
        "requester_email", "note", "logged_by_id", "logged_at", "clinic_id", "demo",
    ),
    "opt_out_scopes": ("id", "request_id", "purpose", "channel"),
    "opt_out_events": ("id", "uid", "request_id", "kind", "client_id", "at", "by_id", "demo"),
}  # fmt: skip
#: The order rows go in: a row's references are written before it.
INSERT_ORDER = (
    "clients",
    "client_phones",
    "appointments",
    "appointment_events",
    "acknowledgments",
    "opt_out_requests",
    "opt_out_scopes",
    "opt_out_events",
    "consent_events",
)
#: The search keys' columns come from ``search_keys.client_keys`` (whatever it gives, checked here).
SEARCH_KEYS = "client_search_keys"
WITNESSED = tuple(name for name in INSERT_ORDER if name in APPEND_ONLY_TABLES)

Row = tuple[Any, ...]
_Converter = Callable[[Any], Any]


class ColumnsChanged(RuntimeError):
    """A table the demo fills no longer has the columns it writes (a migration added or renamed one)."""


def table(name: str) -> Table:
    return Base.metadata.tables[name]


def check_columns(name: str, columns: Sequence[str]) -> None:
    actual = tuple(c.name for c in table(name).c)
    if tuple(columns) != actual:
        missing, unknown = set(actual) - set(columns), set(columns) - set(actual)
        raise ColumnsChanged(
            f"{name}: the demo writes {', '.join(columns)}; the table has {', '.join(actual)} "
            f"(missing: {', '.join(sorted(missing)) or 'none'}; unknown: {', '.join(sorted(unknown)) or 'none'})"
        )


def digests(name: str, rows: Iterable[Row]) -> list[str]:
    """Each row's witness digest (``desktop.seal.digest.row_digest``), as a reading of it would give:
    the digest reads a row's values by position, in the table's column order, as the tuples hold them."""
    t = table(name)
    return [row_digest(t, cast(SealedRow, row)) for row in rows]


class BulkWriter:
    """Writes tuples into the tables of one connection's open transaction."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.dialect = connection.dialect
        self.postgresql = self.dialect.name == "postgresql"
        self._converters: dict[str, list[tuple[int, _Converter]]] = {}

    def next_ids(self, names: Iterable[str]) -> dict[str, int]:
        """Each table's next free id, in one round trip (under the write lock: no one else inserts)."""
        names = tuple(names)
        query = " UNION ALL ".join(f"SELECT '{n}', max(id) FROM {n}" for n in names)  # noqa: S608 (our names)
        return {str(n): int(str(newest or 0)) + 1 for n, newest in self.connection.exec_driver_sql(query)}

    def insert(self, name: str, columns: Sequence[str], rows: Sequence[Row]) -> None:
        if not rows:
            return
        convert = self._converters.get(name)
        if convert is None:
            convert = self._converters[name] = self._column_converters(name, columns)
        values = [_converted(row, convert) for row in rows] if convert else list(rows)
        quote = self.dialect.identifier_preparer.quote
        listed = ", ".join(quote(c) for c in columns)
        cursor = self.connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            if self.postgresql:
                with cursor.copy(f"COPY {quote(name)} ({listed}) FROM STDIN") as copy:
                    for row in values:
                        copy.write_row(row)
            else:
                marks = ", ".join("?" for _ in columns)
                cursor.executemany(f"INSERT INTO {quote(name)} ({listed}) VALUES ({marks})", values)  # noqa: S608
        finally:
            cursor.close()

    def advance_sequences(self, last_ids: dict[str, int]) -> None:
        """PostgreSQL: each table's id sequence moved past the ids the demo gave, so the services' next
        inserts follow them (SQLite takes the largest id by itself)."""
        if not self.postgresql:
            return
        for name, last in last_ids.items():
            self.connection.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), {int(last)})"  # noqa: S608
            )

    def _column_converters(self, name: str, columns: Sequence[str]) -> list[tuple[int, _Converter]]:
        """Per column, the type's conversion for the driver: none where the value goes as it is (a
        UUID given as its hex, which both databases read; a boolean, which sqlite3 stores as 0 or 1)."""
        t = table(name)
        converters: list[tuple[int, _Converter]] = []
        for index, column_name in enumerate(columns):
            column_type = t.c[column_name].type
            if isinstance(column_type, Uuid) or (isinstance(column_type, Boolean) and not self.postgresql):
                continue
            process = column_type.dialect_impl(self.dialect).bind_processor(self.dialect)
            if process is not None:
                converters.append((index, _remembering(process)))
        return converters


def _remembering(process: _Converter) -> _Converter:
    """``process`` with its results kept (for one batch: the writer's life): a batch's enums, dates
    and times repeat (a file's consents share its booking's moment)."""
    seen: dict[Any, Any] = {}

    def convert(value: Any) -> Any:
        try:
            return seen[value]
        except KeyError:
            seen[value] = converted = process(value)
            return converted

    return convert


def _converted(row: Row, converters: list[tuple[int, _Converter]]) -> Row:
    values = list(row)
    for index, process in converters:
        value = values[index]
        if value is not None:
            values[index] = process(value)
    return tuple(values)
