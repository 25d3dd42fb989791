"""Helpers of the retention tests: an access request written as the register keeps it (the request and
its events, in one unit of work), so the review can be tested apart from the register's own service."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from desktop.db.models import AccessRequest, AccessRequestEvent
from desktop.domain.records import Actor
from desktop.domain.register_enums import AccessRequestChannel, AccessRequestEventKind, AccessRequestKind
from desktop.services import Services
from desktop.services.permissions import Permission
from desktop.services.unit_of_work import UnitOfWork, run


def log_access_request(
    services: Services,
    actor: Actor,
    client_id: int,
    received_on: date,
    *,
    requester_name: str = "Zoé Côté",
    requester_contact: str = "zoe@example.com",
    closed_by: AccessRequestEventKind | None = None,
) -> int:
    """An access request about ``client_id``; ``closed_by`` ANSWERED or REFUSED closes it at once."""

    def work(uow: UnitOfWork) -> int:
        request = AccessRequest(
            uid=uuid.uuid4(),
            kind=AccessRequestKind.ACCESS,
            channel=AccessRequestChannel.EMAIL,
            received_on=received_on,
            due_on=received_on + timedelta(days=30),
            requester_name=requester_name,
            requester_contact=requester_contact,
            note=f"Demande de {requester_name}",
            client_id=client_id,
            logged_by_id=uow.staff_id,
            logged_at=uow.now,
            clinic_id=uow.clinic_id,
        )
        uow.session.add(request)
        uow.session.flush()
        if closed_by is not None:
            close_access_request(uow, request.id, client_id, closed_by)
        return request.id

    return run(services.db, services.clock, actor, Permission.KEEP_PRIVACY_REGISTERS, work)


def close_access_request(
    uow: UnitOfWork, request_id: int, client_id: int, kind: AccessRequestEventKind
) -> None:
    uow.session.add(
        AccessRequestEvent(
            request_id=request_id,
            kind=kind,
            client_id=client_id,
            detail="Dossier transmis" if kind == AccessRequestEventKind.ANSWERED else "Identité non vérifiée",
            answer_items="evidence_pack" if kind == AccessRequestEventKind.ANSWERED else "",
            at=uow.now,
            by_id=uow.staff_id,
        )
    )
    uow.session.flush()


def answer_access_request(services: Services, actor: Actor, request_id: int, client_id: int) -> None:
    run(
        services.db,
        services.clock,
        actor,
        Permission.KEEP_PRIVACY_REGISTERS,
        lambda uow: close_access_request(uow, request_id, client_id, AccessRequestEventKind.ANSWERED),
    )
