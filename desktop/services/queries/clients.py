"""Reading client files and the names of the staff who touched them."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.models import Client, Staff
from desktop.domain.errors import NotFoundError
from desktop.domain.messages import Subjects


def load_client(session: Session, client_id: int, *, for_update: bool = False) -> Client:
    query = select(Client).where(Client.id == client_id)
    if for_update:
        query = query.with_for_update()
    client = session.scalar(query)
    if client is None:
        raise NotFoundError(what=Subjects.client.filled(id=client_id))
    return client


def staff_names(session: Session, *ids: int) -> dict[int, str]:
    rows = session.execute(select(Staff.id, Staff.full_name).where(Staff.id.in_(set(ids))))
    return {staff_id: name for staff_id, name in rows}
