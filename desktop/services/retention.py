"""Retention: the privacy officer's review of the files past the clinic's rule, legal holds that keep a
file out of it, and the anonymisation of a file, recorded and never undone.

An anonymisation, in one unit of work: the personal fields of the file's ledger rows are erased through
recorded erasures (``desktop.services.erasure``: ``db check`` still verifies every row), the stored
acknowledgment PDFs are removed with their SHA-256 and verification code kept, the identity in
``clients`` is replaced by a placeholder, its phones, search keys and import rows go, and an
``anonymisations`` row records who, when and under which rule. The evidence (consent, acknowledgment,
opt-out events, the audit) stays: the coverage report counts the same. After the commit the freed
space is scrubbed: SQLite runs with ``secure_delete`` and its WAL is checkpointed and truncated;
PostgreSQL's touched tables are vacuumed. Incident entries are never touched by retention.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Table, and_, delete, select, text
from sqlalchemy.orm import Session

from desktop.db.database import Database
from desktop.db.models import (
    AccessRequest,
    Acknowledgment,
    AcknowledgmentDocument,
    Anonymisation,
    AppointmentEvent,
    Base,
    Client,
    ClientImport,
    ClientImportRow,
    ClientPhone,
    ConsentEvent,
    LegalHoldEvent,
    OptOutRequest,
)
from desktop.domain.errors import ConflictError, NotFoundError
from desktop.domain.import_records import ImportStatus
from desktop.domain.messages import Subjects
from desktop.domain.records import Actor
from desktop.domain.register_enums import LegalHoldAction
from desktop.domain.retention import (
    ANONYMISED_NAME,
    AnonymisationRecord,
    LegalHoldRecord,
    RetentionReview,
    anonymised_birth_date,
    clean_hold_reason,
    rule_words,
    years_after,
)
from desktop.imports.rows import identity_key
from desktop.seal.digest import is_erased
from desktop.services.clock import Clock
from desktop.services.erasure import erase_personal_fields
from desktop.services.permissions import Permission
from desktop.services.queries.clients import staff_names
from desktop.services.queries.organisation import load_organisation
from desktop.services.queries.retention import (
    access_requests_by_client,
    anonymisation_record,
    anonymisation_records,
    file_retention,
    hold_events,
    opt_outs_by_client,
    retention_review,
)
from desktop.services.search_keys import replace_keys
from desktop.services.unit_of_work import UnitOfWork, run

log = logging.getLogger(__name__)
_CHECKPOINT_ATTEMPTS = 5

#: The tables an anonymisation writes to or deletes from: vacuumed afterwards on PostgreSQL.
TOUCHED_TABLES = (
    "clients",
    "client_phones",
    "client_search_keys",
    "client_import_rows",
    "acknowledgments",
    "acknowledgment_documents",
    "opt_out_requests",
    "consent_events",
    "appointment_events",
    "access_requests",
)


@dataclass(frozen=True)
class _Erased:
    rows: int
    documents: int


class RetentionService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def review(self, actor: Actor, *, limit: int = 500) -> RetentionReview:
        """The files past the clinic's rule, oldest last contact first (at most ``limit``), and how
        many were left out and why."""
        today = self._clock.today()

        def work(uow: UnitOfWork) -> RetentionReview:
            years = load_organisation(uow.session).retention_years
            return retention_review(uow.session, today, years, limit)

        return run(self._db, self._clock, actor, Permission.KEEP_PRIVACY_REGISTERS, work, write=False)

    def place_hold(self, actor: Actor, client_id: int, reason: str) -> LegalHoldRecord:
        """A legal hold on the file: it stays out of the review and cannot be anonymised."""
        return self._hold(actor, client_id, reason, LegalHoldAction.PLACED)

    def lift_hold(self, actor: Actor, client_id: int, reason: str) -> LegalHoldRecord:
        return self._hold(actor, client_id, reason, LegalHoldAction.LIFTED)

    def _hold(self, actor: Actor, client_id: int, reason: str, action: LegalHoldAction) -> LegalHoldRecord:
        clean = clean_hold_reason(reason)

        def work(uow: UnitOfWork) -> LegalHoldRecord:
            client = _load_client(uow.session, client_id)
            if client.anonymised_at is not None:
                raise ConflictError("hold_on_anonymised", file_number=client.file_number)
            standing = [h for h in hold_events(uow.session, client_id) if h.placed]
            if action == LegalHoldAction.PLACED and standing:
                raise ConflictError("hold_already_placed", file_number=client.file_number)
            if action == LegalHoldAction.LIFTED and not standing:
                raise ConflictError("hold_not_placed", file_number=client.file_number)
            event = LegalHoldEvent(
                client_id=client.id,
                action=action,
                reason=clean,
                at=uow.now,
                by_id=uow.staff_id,
                clinic_id=uow.clinic_id,
            )
            uow.session.add(event)
            uow.session.flush()
            uow.audit(f"legal_hold.{action.value}", "client", client.id, f"event={event.id}")
            return LegalHoldRecord(
                client_id=client.id,
                file_number=client.file_number,
                placed=action == LegalHoldAction.PLACED,
                reason=clean,
                at=event.at,
                by_name=staff_names(uow.session, uow.staff_id).get(uow.staff_id, "?"),
            )

        return run(self._db, self._clock, actor, Permission.KEEP_PRIVACY_REGISTERS, work)

    def holds(self, actor: Actor) -> list[LegalHoldRecord]:
        """The holds standing now, oldest first."""

        def work(uow: UnitOfWork) -> list[LegalHoldRecord]:
            return hold_events(uow.session, standing_only=True)

        return run(self._db, self._clock, actor, Permission.KEEP_PRIVACY_REGISTERS, work, write=False)

    def anonymisations(self, actor: Actor, start: date, end: date) -> list[AnonymisationRecord]:
        def work(uow: UnitOfWork) -> list[AnonymisationRecord]:
            return anonymisation_records(uow.session, start, end)

        return run(self._db, self._clock, actor, Permission.KEEP_PRIVACY_REGISTERS, work, write=False)

    def anonymise(self, actor: Actor, client_id: int) -> AnonymisationRecord:
        """Replace the file's identity by a placeholder and erase the personal fields of its evidence,
        recorded; refused (ConflictError) when the file is not past the rule, is held, has an opt-out
        request not processed or an access request not answered, or is already anonymised."""
        today = self._clock.today()

        def work(uow: UnitOfWork) -> AnonymisationRecord:
            session = uow.session
            client = _load_client(session, client_id)
            years = load_organisation(session).retention_years
            state = file_retention(session, client.id)
            assert state is not None  # the file was just read
            number = client.file_number
            if client.anonymised_at is not None:
                raise ConflictError(
                    "retention_already_anonymised", file_number=number, when=client.anonymised_at
                )
            if state.held:
                raise ConflictError("retention_on_hold", file_number=number)
            if state.pending_opt_out:
                raise ConflictError("retention_pending_opt_out", file_number=number)
            if state.open_access_request:
                raise ConflictError("retention_open_access_request", file_number=number)
            due = years_after(state.last_contact_on, years)
            if due > today:
                raise ConflictError(
                    "retention_not_due", file_number=number, last_contact=state.last_contact_on, due=due
                )
            erased = _erase_evidence(uow, client.id)
            imported = _forget_import_rows(session, client)
            _replace_identity(uow, client)
            made = Anonymisation(
                uid=uuid.uuid4(),
                client_id=client.id,
                retention_years=years,
                last_contact_on=state.last_contact_on,
                rule=rule_words(years),
                erased_rows=erased.rows,
                documents_removed=erased.documents,
                anonymised_at=uow.now,
                by_id=uow.staff_id,
                clinic_id=uow.clinic_id,
            )
            session.add(made)
            session.flush()
            uow.audit(
                "client.anonymise",
                "client",
                client.id,
                f"anonymisation={made.id} years={years} erased_rows={erased.rows} "
                f"documents_removed={erased.documents} import_rows={imported}",
            )
            by_name = staff_names(session, uow.staff_id).get(uow.staff_id, "?")
            return anonymisation_record(made, number, by_name)

        record = run(self._db, self._clock, actor, Permission.KEEP_PRIVACY_REGISTERS, work)
        scrub_freed_space(self._db)
        return record


def _load_client(session: Session, client_id: int) -> Client:
    client = session.scalar(select(Client).where(Client.id == client_id).with_for_update())
    if client is None:
        raise NotFoundError(what=Subjects.client.filled(id=client_id))
    return client


def _unerased_ids(session: Session, model: type[Base], *conditions: ColumnElement[bool]) -> list[int]:
    """The rows meeting ``conditions`` whose personal fields are not blank already."""
    table: Table = Base.metadata.tables[model.__tablename__]
    rows = session.execute(select(*table.c).where(*conditions).order_by(table.c.id)).all()
    return [int(row.id) for row in rows if not is_erased(table, row)]


def _erase_evidence(uow: UnitOfWork, client_id: int) -> _Erased:
    """Erase, each through its recorded erasure, the personal fields of every ledger row of the file."""
    session = uow.session
    acknowledgments = select(Acknowledgment.id).where(Acknowledgment.client_id == client_id)
    opt_outs = opt_outs_by_client()
    requests = access_requests_by_client()
    wanted: Sequence[tuple[type[Base], Sequence[ColumnElement[bool]]]] = (
        (Acknowledgment, (Acknowledgment.client_id == client_id,)),
        (AcknowledgmentDocument, (AcknowledgmentDocument.acknowledgment_id.in_(acknowledgments),)),
        (
            OptOutRequest,
            (OptOutRequest.id.in_(select(opt_outs.c.request_id).where(opt_outs.c.client_id == client_id)),),
        ),
        (ConsentEvent, (ConsentEvent.client_id == client_id,)),
        (AppointmentEvent, (AppointmentEvent.client_id == client_id,)),
        (
            AccessRequest,
            (AccessRequest.id.in_(select(requests.c.request_id).where(requests.c.client_id == client_id)),),
        ),
    )
    rows = documents = 0
    for model, conditions in wanted:
        ids = _unerased_ids(session, model, *conditions)
        if ids:
            erase_personal_fields(uow, model.__tablename__, ids)
        rows += len(ids)
        documents += len(ids) if model is AcknowledgmentDocument else 0
    return _Erased(rows, documents)


def _forget_import_rows(session: Session, client: Client) -> int:
    """The rows of finished imports that name the file (same names and birth date, or its health
    number): their cells are the identity as the list gave it. Rows removed."""
    named = ClientImportRow.identity == identity_key(
        client.last_name, client.first_name, client.date_of_birth
    )
    if client.health_number:
        named = named | (ClientImportRow.nam == client.health_number)
    finished = ClientImportRow.import_id.in_(
        select(ClientImport.id).where(ClientImport.status != ImportStatus.STAGED.value)
    )
    condition = and_(named, finished)
    ids = list(session.scalars(select(ClientImportRow.id).where(condition)))
    if ids:
        session.execute(delete(ClientImportRow).where(ClientImportRow.id.in_(ids)))
    return len(ids)


def _replace_identity(uow: UnitOfWork, client: Client) -> None:
    session = uow.session
    placeholder: dict[str, Any] = {
        "last_name": ANONYMISED_NAME,
        "first_name": "",
        "date_of_birth": anonymised_birth_date(client.date_of_birth),
        "street": "",
        "city": "",
        "postal_code": "",
        "email": "",
        "phone": "",
        "phone_extension": "",
        "health_number": "",
        "sex_at_birth": None,
        "health_card_expiry": None,
    }
    for name, value in placeholder.items():
        setattr(client, name, value)
    client.anonymised_at = uow.now
    client.version += 1
    client.updated_at = uow.now
    client.updated_by_id = uow.staff_id
    session.execute(delete(ClientPhone).where(ClientPhone.client_id == client.id))
    # The keys of the placeholder only: the file is still found by its number, never by its old name.
    replace_keys(session, client, [])
    session.flush()


def scrub_freed_space(db: Database) -> None:
    """After an anonymisation's commit: what it overwrote or deleted must not linger in the files.
    SQLite (``secure_delete`` on every connection) writes the WAL back into the database and truncates
    it; PostgreSQL vacuums the touched tables, so the dead row versions are reclaimed."""
    engine = db.engine
    if engine.dialect.name == "sqlite":
        raw = engine.raw_connection()  # in autocommit (engine.py): no transaction holds the WAL
        try:
            for attempt in range(_CHECKPOINT_ATTEMPTS):
                busy = raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
                if not busy:
                    return
                time.sleep(0.2 * (attempt + 1))  # a reader of another process holds older frames
            log.warning("the WAL could not be truncated after an anonymisation: another connection reads it")
        finally:
            raw.close()
        return
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        for table in TOUCHED_TABLES:
            connection.execute(text(f"VACUUM {table}"))
