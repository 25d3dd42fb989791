"""Reading client files and the names of the staff who touched them."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.models import Client, ClientPhone, Staff
from desktop.domain.errors import ConflictError, FieldError, NotFoundError, ValidationError
from desktop.domain.file_numbers import format_file_number
from desktop.domain.messages import Subjects
from desktop.domain.phones import Phone, PhoneKind


def load_client(session: Session, client_id: int, *, for_update: bool = False) -> Client:
    query = select(Client).where(Client.id == client_id)
    if for_update:
        query = query.with_for_update()
    client = session.scalar(query)
    if client is None:
        raise NotFoundError(what=Subjects.client.filled(id=client_id))
    return client


def load_open_client(session: Session, client_id: int) -> Client:
    """The file, to add evidence to (an appointment, consent, a signature): refused once anonymised,
    whose identity is a placeholder and whose last contact the retention rule measured."""
    client = load_client(session, client_id)
    if client.anonymised_at is not None:
        raise ConflictError("anonymised_file_closed", file_number=client.file_number)
    return client


def staff_names(session: Session, *ids: int) -> dict[int, str]:
    rows = session.execute(select(Staff.id, Staff.full_name).where(Staff.id.in_(set(ids))))
    return {staff_id: name for staff_id, name in rows}


def client_by_file_number(session: Session, file_number: str) -> Client:
    """The client filed under ``file_number`` ("123" finds 000123)."""
    wanted = (file_number or "").strip()
    if not wanted:
        raise ValidationError([FieldError("client", "required")])
    client = session.scalar(select(Client).where(Client.file_number == wanted))
    if client is None and wanted.isdigit():
        client = session.scalar(select(Client).where(Client.file_number == format_file_number(int(wanted))))
    if client is None:
        raise NotFoundError(what=Subjects.file.filled(number=wanted[:16]))
    return client


def client_phones(session: Session, client_id: int) -> tuple[Phone, ...]:
    """The client's numbers in the file's order."""
    rows = session.execute(
        select(ClientPhone.number, ClientPhone.kind, ClientPhone.extension)
        .where(ClientPhone.client_id == client_id)
        .order_by(ClientPhone.position)
    )
    return tuple(Phone(number, kind, extension) for number, kind, extension in rows)


def mobile_number(session: Session, client_id: int) -> str | None:
    """The client's number for texts (E.164): the first one marked mobile; None when none is (a number
    of another kind, or one never given a kind, is never texted)."""
    return session.scalar(
        select(ClientPhone.number)
        .where(ClientPhone.client_id == client_id, ClientPhone.kind == PhoneKind.MOBILE)
        .order_by(ClientPhone.position)
        .limit(1)
    )
