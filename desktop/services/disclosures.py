"""The disclosure register: personal information communicated outside the clinic, recorded by a manager or
the privacy officer (RECORD_DISCLOSURES), shown in each client's file to whoever works with it.

The register is a ledger: an entry is inserted with the clients it names and never changed; a mistake is
corrected by a new entry naming the one it corrects. Each save is audited ``disclosure.record`` (the
recipient's kind, the means and the number of clients), and once per client as ``disclosure.client`` on
that client's file, so the disclosure shows in the client's access log and evidence pack.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import insert, select

from desktop.db.database import Database
from desktop.db.models import Client
from desktop.db.register_models import Disclosure, DisclosureClient
from desktop.domain.disclosures import DisclosureDraft, DisclosureRecord, same_disclosure, validate_disclosure
from desktop.domain.errors import ConflictError, NotFoundError
from desktop.domain.messages import Subjects
from desktop.domain.records import Actor
from desktop.reports.base import Period
from desktop.services.clock import Clock
from desktop.services.permissions import Permission
from desktop.services.queries.clients import load_client
from desktop.services.queries.disclosures import (
    disclosure_record,
    disclosures_between,
    disclosures_for_client,
    load_disclosure,
)
from desktop.services.unit_of_work import UnitOfWork, run


def _check_clients(uow: UnitOfWork, client_ids: tuple[int, ...], disclosed_on: date) -> None:
    rows = uow.session.execute(
        select(Client.id, Client.file_number, Client.anonymised_at).where(Client.id.in_(client_ids))
    )
    found = {client_id: (number, anonymised) for client_id, number, anonymised in rows}
    missing = next((c for c in client_ids if c not in found), None)
    if missing is not None:
        raise NotFoundError(what=Subjects.client.filled(id=missing))
    for number, anonymised in found.values():
        # An anonymised file's identity is gone: nothing of it can have been communicated since.
        if anonymised is not None and disclosed_on > anonymised.astimezone().date():
            raise ConflictError("disclosure_after_anonymisation", file_number=number, when=anonymised)


def _insert(uow: UnitOfWork, draft: DisclosureDraft, corrects_id: int | None) -> DisclosureRecord:
    """The entry and its clients, audited; or the entry already saved under the draft's uid (a replay)."""
    session = uow.session
    replayed = session.scalar(select(Disclosure).where(Disclosure.uid == draft.uid))
    if replayed is not None:
        record = disclosure_record(session, replayed.id)
        if record.corrects_id != corrects_id or not same_disclosure(record, draft):
            raise ConflictError("replay_mismatch")
        return record
    assert draft.disclosed_on is not None  # validated
    _check_clients(uow, draft.client_ids, draft.disclosed_on)
    entry = Disclosure(
        uid=draft.uid,
        disclosed_on=draft.disclosed_on,
        recipient_kind=draft.recipient_kind,
        recipient_name=draft.recipient_name,
        legal_basis=draft.legal_basis,
        information=draft.information,
        authorised_by=draft.authorised_by,
        means=draft.means,
        note=draft.note,
        corrects_id=corrects_id,
        recorded_by_id=uow.staff_id,
        recorded_at=uow.now,
        clinic_id=uow.clinic_id,
    )
    session.add(entry)
    session.flush()
    session.execute(
        insert(DisclosureClient), [{"disclosure_id": entry.id, "client_id": c} for c in draft.client_ids]
    )
    corrects = f" corrects={corrects_id}" if corrects_id is not None else ""
    uow.audit(
        "disclosure.record",
        "disclosure",
        entry.id,
        f"recipient={draft.recipient_kind.value} means={draft.means.value} "
        f"clients={len(draft.client_ids)}{corrects}",
    )
    for client_id in draft.client_ids:
        uow.audit("disclosure.client", "client", client_id, f"disclosure={entry.id}")
    return disclosure_record(session, entry.id)


class DisclosureService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def record(self, actor: Actor, draft: DisclosureDraft) -> DisclosureRecord:
        """Record a disclosure of the named clients' information."""
        clean = validate_disclosure(draft, self._clock.today())
        return run(
            self._db,
            self._clock,
            actor,
            Permission.RECORD_DISCLOSURES,
            lambda uow: _insert(uow, clean, None),
        )

    def correct(self, actor: Actor, disclosure_id: int, draft: DisclosureDraft) -> DisclosureRecord:
        """A new entry that corrects ``disclosure_id`` (which stays in the register, marked corrected).
        Only the entry that stands may be corrected: a correction of a correction names the newest."""
        clean = validate_disclosure(draft, self._clock.today())

        def work(uow: UnitOfWork) -> DisclosureRecord:
            # Locked: two corrections of one entry at once would both see it standing.
            uow.session.scalar(select(Disclosure.id).where(Disclosure.id == disclosure_id).with_for_update())
            original = disclosure_record(uow.session, disclosure_id)
            replayed = uow.session.scalar(select(Disclosure.id).where(Disclosure.uid == clean.uid))
            if original.corrected_by_id is not None and original.corrected_by_id != replayed:
                raise ConflictError("disclosure_already_corrected", by=original.corrected_by_id)
            return _insert(uow, clean, disclosure_id)

        return run(self._db, self._clock, actor, Permission.RECORD_DISCLOSURES, work)

    def register(self, actor: Actor, start: date, end: date) -> list[DisclosureRecord]:
        """The entries disclosed from ``start`` to ``end`` (both included), oldest first."""
        period = Period(start, end)

        def work(uow: UnitOfWork) -> list[DisclosureRecord]:
            return disclosures_between(uow.session, period.start, period.end)

        return run(self._db, self._clock, actor, Permission.RECORD_DISCLOSURES, work, write=False)

    def for_client(self, actor: Actor, client_id: int) -> list[DisclosureRecord]:
        """Every entry naming the client, oldest first: the client's file shows them."""

        def work(uow: UnitOfWork) -> list[DisclosureRecord]:
            load_client(uow.session, client_id)
            return disclosures_for_client(uow.session, client_id)

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)

    def get(self, actor: Actor, disclosure_id: int) -> DisclosureRecord:
        def work(uow: UnitOfWork) -> DisclosureRecord:
            load_disclosure(uow.session, disclosure_id)
            return disclosure_record(uow.session, disclosure_id)

        return run(self._db, self._clock, actor, Permission.RECORD_DISCLOSURES, work, write=False)
