"""Reading the disclosure register: entries with their clients' file numbers and the entry correcting them,
a few set-based queries whatever the number of entries (the register, a client's file, the evidence pack)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.models import Client
from desktop.db.register_models import Disclosure, DisclosureClient
from desktop.domain.disclosure_messages import DisclosureSubjects
from desktop.domain.disclosures import DisclosureRecord
from desktop.domain.errors import NotFoundError
from desktop.services.queries.clients import staff_names


def disclosure_records(session: Session, disclosures: Sequence[Disclosure]) -> list[DisclosureRecord]:
    """The entries as records, in the order given."""
    if not disclosures:
        return []
    ids = [d.id for d in disclosures]
    clients: dict[int, list[tuple[int, str]]] = defaultdict(list)
    rows = session.execute(
        select(DisclosureClient.disclosure_id, Client.id, Client.file_number)
        .join(Client, Client.id == DisclosureClient.client_id)
        .where(DisclosureClient.disclosure_id.in_(ids))
        .order_by(DisclosureClient.id)
    )
    for disclosure_id, client_id, file_number in rows:
        clients[disclosure_id].append((client_id, file_number))
    corrected_by = dict(
        session.execute(
            select(Disclosure.corrects_id, Disclosure.id)
            .where(Disclosure.corrects_id.in_(ids))
            .order_by(Disclosure.id)
        ).all()
    )
    names = staff_names(session, *{d.recorded_by_id for d in disclosures})
    return [
        DisclosureRecord(
            id=d.id,
            uid=d.uid,
            disclosed_on=d.disclosed_on,
            recipient_kind=d.recipient_kind,
            recipient_name=d.recipient_name,
            legal_basis=d.legal_basis,
            information=d.information,
            authorised_by=d.authorised_by,
            means=d.means,
            note=d.note,
            client_ids=tuple(c for c, _ in clients[d.id]),
            file_numbers=tuple(f for _, f in clients[d.id]),
            recorded_by=names.get(d.recorded_by_id, "?"),
            recorded_at=d.recorded_at,
            corrects_id=d.corrects_id,
            corrected_by_id=corrected_by.get(d.id),
        )
        for d in disclosures
    ]


def load_disclosure(session: Session, disclosure_id: int) -> Disclosure:
    found = session.get(Disclosure, disclosure_id)
    if found is None:
        raise NotFoundError(what=DisclosureSubjects.disclosure.filled(id=disclosure_id))
    return found


def disclosure_record(session: Session, disclosure_id: int) -> DisclosureRecord:
    return disclosure_records(session, [load_disclosure(session, disclosure_id)])[0]


def disclosures_between(session: Session, start: date, end: date) -> list[DisclosureRecord]:
    """The entries disclosed from ``start`` to ``end`` (both included), oldest first."""
    found = session.scalars(
        select(Disclosure)
        .where(Disclosure.disclosed_on >= start, Disclosure.disclosed_on <= end)
        .order_by(Disclosure.disclosed_on, Disclosure.id)
    ).all()
    return disclosure_records(session, found)


def disclosures_for_client(session: Session, client_id: int) -> list[DisclosureRecord]:
    """Every entry naming the client (corrected ones too, marked so), oldest first."""
    named = select(DisclosureClient.disclosure_id).where(DisclosureClient.client_id == client_id)
    found = session.scalars(
        select(Disclosure).where(Disclosure.id.in_(named)).order_by(Disclosure.disclosed_on, Disclosure.id)
    ).all()
    return disclosure_records(session, found)
