"""Contact lists for a mailing: only clients who consent now, and whom no pending request concerns.

A client is listed for a purpose and a channel when, in the same transaction as the export:

* the latest consent event of that purpose × channel grants consent, and
* no opt-out request matched to the client, not yet processed, covers that purpose × channel, and
* the file has an address for the channel (email; a number marked mobile for SMS, the first number for
  phone; postal address).

The file is written next to its destination and moved into place once the export is recorded in the
audit trail (``export.contacts``: purpose, channel, row count, SHA-256 of the file; no client data).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from sqlalchemy import Select, select

from desktop.db.database import Database
from desktop.db.models import Client
from desktop.domain.enums import Channel, Language, Purpose
from desktop.domain.records import Actor, ExportResult
from desktop.domain.validation import display_phone
from desktop.reports.csv_safe import csv_bytes
from desktop.services.clock import Clock
from desktop.services.permissions import Permission
from desktop.services.queries.clients import mobile_number
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


def _contact(client: Client, channel: Channel, mobile: str | None = None) -> list[str] | None:
    """The channel's columns, or None when the file has no address for the channel (for a text, no number
    marked mobile: one of another kind, or never given a kind, is never texted)."""
    if channel == Channel.EMAIL:
        return [client.email] if client.email.strip() else None
    if channel == Channel.SMS:
        return [display_phone(mobile)] if mobile else None
    if not client.phone.strip() and channel == Channel.PHONE:
        return None
    if channel == Channel.PHONE:
        return [display_phone(client.phone), client.phone_extension]
    if client.street.strip() and client.city.strip() and client.postal_code.strip():
        return [client.street, client.city, client.province, client.postal_code]
    return None


def eligible_clients(purpose: Purpose, channel: Channel) -> Select[Client]:
    """Clients whose current consent for purpose × channel is granted and whom no pending, matched
    opt-out request covering it concerns: one query."""
    latest = common.latest_consent(purpose=purpose, channel=channel)
    return (
        select(Client)
        .join(latest, latest.c.client_id == Client.id)
        .where(
            common.granted_cells(latest),
            Client.id.not_in(common.pending_opt_out_clients(purpose, channel)),
        )
        .order_by(Client.last_name, Client.first_name, Client.id)
    )


def _temporary_path(out: Path) -> Path:
    return out.with_name(f".{out.name}.{os.getpid()}.part")


def _write_private(path: Path, data: bytes) -> None:
    """Write ``data`` readable by the owner only (it holds personal information)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
    with os.fdopen(fd, "wb") as handle:
        os.chmod(path, 0o600)  # a file left by a crash keeps its own mode through O_TRUNC
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


class ExportService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def export_contacts(
        self, actor: Actor, purpose: Purpose, channel: Channel, out_path: str | Path, *, delimiter: str = ","
    ) -> ExportResult:
        purpose, channel = Purpose(purpose), Channel(channel)
        out = Path(out_path)
        part = _temporary_path(out)

        def work(uow: UnitOfWork) -> ExportResult:
            rows: list[list[str]] = [list(COLUMNS[channel])]
            skipped = 0
            for client in uow.session.scalars(eligible_clients(purpose, channel)):
                mobile = mobile_number(uow.session, client.id) if channel == Channel.SMS else None
                contact = _contact(client, channel, mobile)
                if contact is None:
                    skipped += 1
                    continue
                language = Language(client.preferred_language).value
                rows.append([client.file_number, client.last_name, client.first_name, language] + contact)
            data = csv_bytes(rows, delimiter=delimiter)
            digest = hashlib.sha256(data).hexdigest()
            _write_private(part, data)
            uow.audit(
                "export.contacts",
                "export",
                f"{purpose.value}/{channel.value}",
                f"purpose={purpose.value} channel={channel.value} rows={len(rows) - 1} sha256={digest}",
            )
            return ExportResult(
                path=str(out),
                row_count=len(rows) - 1,
                sha256=digest,
                purpose=purpose,
                channel=channel,
                skipped_no_contact=skipped,
                unmatched_pending_requests=common.unmatched_pending_count(uow.session),
            )

        try:
            result = run(self._db, self._clock, actor, Permission.EXPORT_CONTACTS, work)
            os.replace(part, out)
        finally:
            part.unlink(missing_ok=True)
        return result
