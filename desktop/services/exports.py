"""Contact lists for a mailing: only clients who consent now, and whom no pending request concerns.

A client is listed for a purpose and a channel when, in the snapshot the export reads:

* the latest consent event of that purpose × channel grants consent (read from ``current_consent``,
  kept by the ledger's appends, by its index: never a window over the event history), and
* no opt-out request matched to the client, not yet processed, covers that purpose × channel, and
* the file has an address for the channel (email; a number marked mobile for SMS, the first number for
  phone; postal address).

The export never holds the write lock while it reads: the role is checked, then the rows are read in
one read-only snapshot (SQLite: a deferred transaction in WAL mode; PostgreSQL: REPEATABLE READ, READ
ONLY), fetched in batches as plain rows and written, hashed as they go, to an owner-only temporary file
beside the destination. The export is then recorded in the audit trail in its own short write
(``export.contacts``: purpose, channel, row count, SHA-256 of the file; no client data), and only once
that record is committed is the file moved into place. Memory stays that of one batch, whatever the
number of clients.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import ColumnElement, Select, String, select, type_coerce
from sqlalchemy.orm import QueryableAttribute, Session

from desktop.db.database import Database
from desktop.db.models import Client, ClientPhone, CurrentConsent
from desktop.domain.enums import Channel, ConsentAction, Purpose
from desktop.domain.phones import PhoneKind
from desktop.domain.records import Actor, ExportResult
from desktop.domain.validation import display_phone
from desktop.reports.csv_safe import BOM, FORMULA_STARTS
from desktop.services.clock import Clock
from desktop.services.permissions import Permission
from desktop.services.read_snapshot import read_snapshot
from desktop.services.reporting import common
from desktop.services.unit_of_work import UnitOfWork, run

_PERSON = ("file_number", "last_name", "first_name", "language")
COLUMNS: dict[Channel, tuple[str, ...]] = {
    Channel.EMAIL: _PERSON + ("email",),
    Channel.SMS: _PERSON + ("phone",),
    # A call may reach a desk behind a switchboard; a text message never does.
    Channel.PHONE: _PERSON + ("phone", "phone_extension"),
    Channel.POST: _PERSON + ("street", "city", "province", "postal_code"),
}
#: Rows fetched from the database, and written to the file, at a time.
BATCH_ROWS = 2_000
#: Told the number of rows read so far after each batch is written (a progress display).
Progress = Callable[[int], None]


def _mobile() -> ColumnElement[Any]:
    """The client's number for texts: the first one marked mobile (one of another kind, or never given
    a kind, is never texted), probed by the (client, position) index."""
    return (
        select(ClientPhone.number)
        .where(ClientPhone.client_id == Client.id, ClientPhone.kind == PhoneKind.MOBILE)
        .order_by(ClientPhone.position)
        .limit(1)
        .correlate(Client)
        .scalar_subquery()
    )


def _address(channel: Channel) -> tuple[ColumnElement[Any] | QueryableAttribute[Any], ...]:
    if channel == Channel.EMAIL:
        return (Client.email,)
    if channel == Channel.SMS:
        return (_mobile(),)
    if channel == Channel.PHONE:
        return (Client.phone, Client.phone_extension)
    return (Client.street, Client.city, Client.province, Client.postal_code)


def eligible_rows(purpose: Purpose, channel: Channel) -> Select[Any]:
    """Per client whose current consent for purpose × channel is granted and whom no pending, matched
    opt-out request covering it concerns: the person's columns then the channel's address columns, in
    name order. One query, driven by the current-consent index."""
    return (
        select(
            Client.file_number,
            Client.last_name,
            Client.first_name,
            # The stored code ("fr", "en") as the file writes it: no enum made per row.
            type_coerce(Client.preferred_language, String()),
            *_address(channel),
        )
        .join(CurrentConsent, CurrentConsent.client_id == Client.id)
        .where(
            CurrentConsent.purpose == purpose,
            CurrentConsent.channel == channel,
            CurrentConsent.action == ConsentAction.GRANTED,
            Client.id.not_in(common.pending_opt_out_clients(purpose, channel)),
        )
        .order_by(Client.last_name, Client.first_name, Client.id)
    )


def _safe(text: str) -> str:
    """A cell a spreadsheet takes as text (``csv_safe.neutralise`` for a string, inlined: once per cell)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


#: A row of ``eligible_rows`` as the file's line, or None when the file has no address for the channel.
Line = Callable[[Sequence[Any]], tuple[str, ...] | None]


def _email_line(row: Sequence[Any]) -> tuple[str, ...] | None:
    number, last, first, language, email = row
    return (_safe(number), _safe(last), _safe(first), language, _safe(email)) if email.strip() else None


def _sms_line(row: Sequence[Any]) -> tuple[str, ...] | None:
    number, last, first, language, mobile = row
    return (_safe(number), _safe(last), _safe(first), language, display_phone(mobile)) if mobile else None


def _phone_line(row: Sequence[Any]) -> tuple[str, ...] | None:
    number, last, first, language, phone, extension = row
    if not phone.strip():
        return None
    return (_safe(number), _safe(last), _safe(first), language, display_phone(phone), _safe(extension))


def _post_line(row: Sequence[Any]) -> tuple[str, ...] | None:
    number, last, first, language, street, city, province, postal_code = row
    if not (street.strip() and city.strip() and postal_code.strip()):
        return None
    return (
        _safe(number),
        _safe(last),
        _safe(first),
        language,
        _safe(street),
        _safe(city),
        _safe(province),
        _safe(postal_code),
    )


_LINES: dict[Channel, Line] = {
    Channel.EMAIL: _email_line,
    Channel.SMS: _sms_line,
    Channel.PHONE: _phone_line,
    Channel.POST: _post_line,
}


class _HashedCsv:
    """CSV lines (formulas neutralised, UTF-8 with a byte-order mark, CRLF) written to ``handle`` and
    hashed as written."""

    def __init__(self, handle: BinaryIO, delimiter: str) -> None:
        self._handle = handle
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer, delimiter=delimiter, lineterminator="\r\n")
        self.sha256 = hashlib.sha256()
        self._put(BOM)

    def write_rows(self, rows: Iterable[Sequence[str]]) -> None:
        """Lines whose cells are made safe already (``_safe``)."""
        self._writer.writerows(rows)
        self._put(self._buffer.getvalue())
        self._buffer.seek(0)
        self._buffer.truncate()

    def _put(self, text: str) -> None:
        data = text.encode("utf-8")
        self.sha256.update(data)
        self._handle.write(data)


def _temporary_path(out: Path) -> Path:
    return out.with_name(f".{out.name}.{os.getpid()}.part")


def _open_private(path: Path) -> BinaryIO:
    """``path`` opened for writing, readable by the owner only (it holds personal information)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
    os.chmod(path, 0o600)  # a file left by a crash keeps its own mode through O_TRUNC
    return os.fdopen(fd, "wb")


def _write_list(
    session: Session,
    purpose: Purpose,
    channel: Channel,
    part: Path,
    delimiter: str,
    progress: Progress | None,
) -> ExportResult:
    """The list streamed from the snapshot ``session`` into ``part``; the result names ``part``."""
    rows = skipped = 0
    with _open_private(part) as handle:
        out = _HashedCsv(handle, delimiter)
        out.write_rows([COLUMNS[channel]])  # our own names: nothing to neutralise
        # On the session's connection (Core rows: no ORM loading per row), a server-side cursor on
        # PostgreSQL, fetched a batch at a time.
        result = session.connection().execute(
            eligible_rows(purpose, channel), execution_options={"yield_per": BATCH_ROWS}
        )
        line_of = _LINES[channel]
        for batch in result.partitions():
            lines = [line for line in map(line_of, batch) if line is not None]
            out.write_rows(lines)
            rows += len(lines)
            skipped += len(batch) - len(lines)
            if progress is not None:
                progress(rows + skipped)
        handle.flush()
        os.fsync(handle.fileno())
    return ExportResult(
        path=str(part),
        row_count=rows,
        sha256=out.sha256.hexdigest(),
        purpose=purpose,
        channel=channel,
        skipped_no_contact=skipped,
        unmatched_pending_requests=common.unmatched_pending_count(session),
    )


class ExportService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def export_contacts(
        self,
        actor: Actor,
        purpose: Purpose,
        channel: Channel,
        out_path: str | Path,
        *,
        delimiter: str = ",",
        progress: Progress | None = None,
    ) -> ExportResult:
        purpose, channel = Purpose(purpose), Channel(channel)
        out = Path(out_path)
        part = _temporary_path(out)

        # The role first, in a read unit of work: no list is read for someone who may not export.
        run(self._db, self._clock, actor, Permission.EXPORT_CONTACTS, lambda uow: None, write=False)
        try:
            written = read_snapshot(
                self._db, lambda session: _write_list(session, purpose, channel, part, delimiter, progress)
            )

            def record(uow: UnitOfWork) -> None:
                uow.audit(
                    "export.contacts",
                    "export",
                    f"{purpose.value}/{channel.value}",
                    f"purpose={purpose.value} channel={channel.value} rows={written.row_count} "
                    f"sha256={written.sha256}",
                )

            run(self._db, self._clock, actor, Permission.EXPORT_CONTACTS, record)
            os.replace(part, out)
        finally:
            part.unlink(missing_ok=True)
        return replace(written, path=str(out))
