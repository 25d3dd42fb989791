"""The client-list import's rows between the file and the client tables: a converted row as a staged row and
back, the possible duplicates of a batch (against the clients on file and the rows staged before),
and the final step's bulk insert of the clients, their phones and their search keys."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from types import SimpleNamespace
from typing import Any, cast

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from desktop.db.models import Client, ClientImport, ClientImportRow, ClientSearchKey, ImportedConsentEvidence
from desktop.demo_bulk import BulkWriter
from desktop.domain.enums import Channel, ConsentMethod, Language, Purpose
from desktop.domain.file_numbers import format_file_number
from desktop.domain.import_messages import RowProblems, said_in_both
from desktop.domain.import_records import FIELD_NAMES, ImportedConsent, ImportField, ImportRow, RowStatus
from desktop.domain.nam import SexAtBirth
from desktop.domain.normalize import sort_key
from desktop.domain.phones import PhoneKind
from desktop.domain.records import ClientDraft, ConsentChange
from desktop.domain.texts import Text
from desktop.imports.rows import ConvertedRow, identity_key
from desktop.services.ledger.consent import append_events
from desktop.services.search_keys import NAM, client_keys
from desktop.services.unit_of_work import UnitOfWork

_CLIENT_COLUMNS = (
    "id", "file_number", "last_name", "first_name", "date_of_birth", "preferred_language", "street", "city",
    "province", "postal_code", "email", "phone", "phone_extension", "health_number", "sex_at_birth",
    "health_card_expiry", "clinic_id", "version", "created_at", "created_by_id", "updated_at",
    "updated_by_id", "sort_key", "import_id",
)  # fmt: skip
_PHONE_COLUMNS = ("client_id", "position", "kind", "number", "extension")
_KEY_COLUMNS = ("client_id", "kind", "key", "sort_key")
#: SQLite page cache while the final step writes (KiB).
_SQLITE_CACHE_KIB = 64 * 1024


def draft_json(draft: ClientDraft) -> str:
    """The cleaned client as staged, with its sort key and search keys made now: the final step then
    only writes them."""
    first_phone = draft.phones[0].number if draft.phones else ""
    source = SimpleNamespace(
        id=None, last_name=draft.last_name, first_name=draft.first_name, phone=first_phone,
        health_number=draft.health_number,
    )  # fmt: skip
    keys = client_keys(cast(Client, source), [p.number for p in draft.phones])
    # A list in _STAGED's order, the keys flat (kind, key, kind, key…): the final step reads 10,000 of
    # them, and a list of strings decodes in a fraction of the time of named fields and pairs.
    return json.dumps(
        [
            draft.last_name,
            draft.first_name,
            draft.date_of_birth.isoformat() if draft.date_of_birth else None,
            draft.preferred_language.value,
            draft.street,
            draft.city,
            draft.province,
            draft.postal_code,
            draft.email,
            [[p.number, p.kind.value, p.extension] for p in draft.phones],
            draft.health_number,
            draft.sex_at_birth.value if draft.sex_at_birth else None,
            draft.health_card_expiry.isoformat() if draft.health_card_expiry else None,
            sort_key(draft.last_name, draft.first_name),
            [part for k in keys for part in (k["kind"], k["key"])],
        ],
        ensure_ascii=False,
    )


def consent_json(consent: ImportedConsent | None) -> str | None:
    if consent is None:
        return None
    return json.dumps([consent.stated_on.isoformat(), consent.stated_method, list(consent.channels)])


def consent_from_json(stored: str | None) -> ImportedConsent | None:
    if not stored:
        return None
    on, method, channels = json.loads(stored)
    return ImportedConsent(date.fromisoformat(on), method, tuple(channels))


def texts_json(texts: Iterable[Text]) -> str:
    return json.dumps([[t.fr, t.en] for t in texts], ensure_ascii=False)


def texts_from_json(stored: str) -> tuple[Text, ...]:
    return tuple(said_in_both(fr, en) for fr, en in json.loads(stored)) if stored else ()


@dataclass
class Classified:
    status: RowStatus
    matches: list[str]
    problems: list[Text]


def classify(session: Session, rows: Sequence[ConvertedRow], import_id: int | None) -> list[Classified]:
    """Each row's status: an error as converted; else already imported (its identity made by an
    earlier import), a possible duplicate (same folded names and date of birth, or same NAM, as a client
    on file, a row staged before in the same import, or an earlier row of ``rows``), or ok."""
    valid = [r for r in rows if r.draft is not None]
    births = sorted({cast(date, cast(ClientDraft, r.draft).date_of_birth) for r in valid})
    nams = sorted({r.nam for r in valid if r.nam})
    on_file: dict[str, list[tuple[str, int | None]]] = {}
    for chunk in _chunks(births):
        for file_number, last, first, born, made_by in session.execute(
            select(Client.file_number, Client.last_name, Client.first_name, Client.date_of_birth, Client.import_id)
            .where(Client.date_of_birth.in_(chunk))
        ):  # fmt: skip
            on_file.setdefault(identity_key(last, first, born), []).append((file_number, made_by))
    nam_on_file: dict[str, list[str]] = {}
    for chunk in _chunks(nams):
        for key, file_number in session.execute(
            select(ClientSearchKey.key, Client.file_number)
            .join(Client, Client.id == ClientSearchKey.client_id)
            .where(ClientSearchKey.kind == NAM, ClientSearchKey.key.in_(chunk))
        ):  # fmt: skip
            nam_on_file.setdefault(key, []).append(file_number)
    earlier: dict[str, int] = {}
    if import_id is not None:
        identities = sorted({r.identity for r in valid})
        for chunk in _chunks(identities):
            for identity, number in session.execute(
                select(ClientImportRow.identity, ClientImportRow.row_number).where(
                    ClientImportRow.import_id == import_id, ClientImportRow.identity.in_(chunk)
                )
            ):
                earlier.setdefault("i:" + identity, number)
        for chunk in _chunks(nams):
            for nam, number in session.execute(
                select(ClientImportRow.nam, ClientImportRow.row_number).where(
                    ClientImportRow.import_id == import_id, ClientImportRow.nam.in_(chunk)
                )
            ):
                earlier.setdefault("n:" + nam, number)
    result: list[Classified] = []
    for row in rows:
        if row.draft is None:
            result.append(Classified(RowStatus.ERROR, [], list(row.problems)))
            continue
        same = on_file.get(row.identity, [])
        imported = [number for number, made_by in same if made_by is not None]
        keys = ["i:" + row.identity] + (["n:" + row.nam] if row.nam else [])
        in_file = sorted({earlier[k] for k in keys if k in earlier})
        for key in keys:
            earlier.setdefault(key, row.number)
        if imported:
            result.append(
                Classified(
                    RowStatus.ALREADY_IMPORTED, imported, [_listed(RowProblems.already_imported, imported)]
                )
            )
            continue
        numbers = sorted(
            {number for number, _ in same} | set(nam_on_file.get(row.nam, []) if row.nam else [])
        )
        if numbers or in_file:
            said = said_in_both(
                ", ".join(numbers + [RowProblems.same_file_row.fr.format(row=n) for n in in_file]),
                ", ".join(numbers + [RowProblems.same_file_row.en.format(row=n) for n in in_file]),
            )
            matches = numbers + [f"row {n}" for n in in_file]
            result.append(
                Classified(
                    RowStatus.POSSIBLE_DUPLICATE, matches, [_listed(RowProblems.possible_duplicate, said)]
                )
            )
            continue
        result.append(Classified(RowStatus.OK, [], []))
    return result


def _listed(text: Text, matches: Sequence[str] | Text) -> Text:
    if isinstance(matches, Text):
        return said_in_both(text.fr.format(matches=matches.fr), text.en.format(matches=matches.en))
    return said_in_both(
        text.fr.format(matches=", ".join(matches)), text.en.format(matches=", ".join(matches))
    )


def _chunks(values: Sequence[Any], size: int = 500) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def staged_values(row: ConvertedRow, import_id: int, classified: Classified) -> dict[str, object]:
    return {
        "import_id": import_id,
        "row_number": row.number,
        "status": classified.status.value,
        "cells": json.dumps(row.cells, ensure_ascii=False),
        "values": json.dumps({k.value: v for k, v in row.values.items()}, ensure_ascii=False),
        "client": draft_json(row.draft) if row.draft is not None else None,
        "identity": row.identity,
        "nam": row.nam,
        "reason": texts_json(classified.problems),
        "matches": json.dumps(classified.matches, ensure_ascii=False),
        "consent": consent_json(row.consent),
        "same_person": None,
    }


def import_row(stored: ClientImportRow) -> ImportRow:
    values = {ImportField(k): v for k, v in json.loads(stored.values).items() if k in FIELD_NAMES}
    return ImportRow(
        row_number=stored.row_number,
        status=RowStatus(stored.status),
        values=values,
        problems=texts_from_json(stored.reason),
        matches=tuple(json.loads(stored.matches or "[]")),
        same_person=stored.same_person,
    )


def allocate_ids(session: Session, count: int) -> list[int]:
    """``count`` new client ids: the table's sequence on PostgreSQL (other workstations' inserts draw
    from it too); past the largest on SQLite, whose write lock this transaction holds."""
    if count == 0:
        return []
    if session.get_bind().dialect.name == "postgresql":
        rows = session.execute(
            text("SELECT nextval(pg_get_serial_sequence('clients', 'id')) FROM generate_series(1, :n)"),
            {"n": count},
        )
        return sorted(int(r[0]) for r in rows)
    newest = session.execute(text("SELECT max(id) FROM clients")).scalar()
    first = int(newest or 0) + 1
    return list(range(first, first + count))


def insert_clients(
    session: Session,
    drafts: Sequence[list[Any]],
    *,
    import_id: int,
    clinic_id: int,
    staff_id: int,
    now: datetime,
) -> list[int]:
    """The clients, their phones and their search keys, written in bulk (one statement per table: no
    ORM object), as the client service writes one. Returns their ids in order."""
    ids = allocate_ids(session, len(drafts))
    clients: list[tuple[Any, ...]] = []
    phones: list[tuple[Any, ...]] = []
    keys: list[tuple[Any, ...]] = []
    for client_id, stored in zip(ids, drafts, strict=True):
        (last, first, born, language, street, city, province, postal_code, email, numbers, nam, sex, expiry,
         order, flat_keys) = stored  # fmt: skip
        number, _, extension = numbers[0] if numbers else ("", "", "")
        clients.append(
            (client_id, format_file_number(client_id), last, first, date.fromisoformat(born), Language(language),
             street, city, province, postal_code, email, number, extension, nam,
             SexAtBirth(sex) if sex else None, date.fromisoformat(expiry) if expiry else None, clinic_id, 1,
             now, staff_id, now, staff_id, order, import_id)
        )  # fmt: skip
        phones += [(client_id, n, PhoneKind(p[1]), p[0], p[2]) for n, p in enumerate(numbers, start=1)]
        pairs = iter(flat_keys)
        keys += [(client_id, kind, key, order) for kind, key in zip(pairs, pairs, strict=True)]
    connection = session.connection()
    writer = BulkWriter(connection)
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:  # the indexes of the rows written stay in memory (pages written once, at commit)
        connection.exec_driver_sql(f"PRAGMA cache_size=-{_SQLITE_CACHE_KIB}")
    try:
        writer.insert("clients", _CLIENT_COLUMNS, clients)
        writer.insert("client_phones", _PHONE_COLUMNS, phones)
        writer.insert("client_search_keys", _KEY_COLUMNS, keys)
    finally:
        if sqlite:
            connection.exec_driver_sql("PRAGMA cache_size=-2000")  # SQLite's default, for the pool
    return ids


def record_imported_consent(
    uow: UnitOfWork, made: ClientImport, client_id: int, row_number: int, stored: str | None
) -> int:
    """The consent a created client's row states, recorded with the method ``imported`` for appointment
    reminders on the channels it lists, each event beside what the file said (its SHA-256, the row, the
    stated date and method). 1 when recorded, else 0."""
    consent = consent_from_json(stored)
    if consent is None:
        return 0
    client = uow.session.get(Client, client_id)
    assert client is not None  # inserted by the caller, in this transaction
    changes = [
        ConsentChange(Purpose.APPOINTMENT_REMINDERS, Channel(channel), True, uuid.uuid4())
        for channel in consent.channels
    ]
    events = append_events(
        uow, client, changes, method=ConsentMethod.IMPORTED, language=client.preferred_language
    )
    for event in events:
        uow.session.add(
            ImportedConsentEvidence(
                consent_event_id=event.id,
                import_id=made.id,
                file_sha256=made.sha256,
                row_number=row_number,
                stated_on=consent.stated_on,
                stated_method=consent.stated_method,
            )
        )
    return 1 if events else 0
