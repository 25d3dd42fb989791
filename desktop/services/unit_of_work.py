"""The one way services reach the data: a unit of work per call, role check, audit, retries.

A service method builds a ``work`` function and hands it to :func:`run`. ``run`` opens a
session, reads the acting staff member's role and status (one primary-key read of four columns, no
ORM object: fresh at every call, so a deactivation or a role change made at any workstation applies
to the next call everywhere), checks the permission, calls ``work``, appends the audit records the
work asked for (hash-chained), and commits. Lock contention (SQLite "database is
locked", PostgreSQL serialisation failures and deadlocks) is retried with back-off; the person
never sees it unless it lasts.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from sqlalchemy import bindparam, select
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from desktop.db.database import Database
from desktop.db.models import Staff
from desktop.domain.enums import Role
from desktop.domain.errors import (
    DatabaseBusyError,
    DatabaseUnavailableError,
    FrontDeskError,
    PermissionDeniedError,
)
from desktop.domain.messages import role_name
from desktop.domain.records import Actor
from desktop.services.audit_chain import append_audit
from desktop.services.clock import Clock
from desktop.services.permissions import Permission, role_allows
from desktop.services.thread_guard import check_unit_of_work_allowed
from desktop.storage_errors import storage_failure

log = logging.getLogger(__name__)
T = TypeVar("T")

MAX_ATTEMPTS = 8
#: Local machine-level commands (schema, demo data, first account) act as this pseudo staff member.
SYSTEM_STAFF_ID = 0


def system_actor(workstation: str, clinic_id: int = 1) -> Actor:
    return Actor(SYSTEM_STAFF_ID, "system", "System", Role.MANAGER, clinic_id, workstation)


@dataclass
class PendingAudit:
    action: str
    entity_type: str
    entity_id: str
    detail: str = ""


@dataclass(frozen=True)
class ActingStaff:
    """The acting staff member as the database holds them when the unit of work starts."""

    id: int
    role: Role
    active: bool
    full_name: str


# The columns the permission check and the services need, read by primary key with Core (no ORM
# identity map, no password hash): the cheapest read that is still the truth at this instant.
_ACTING_STAFF = select(Staff.id, Staff.role, Staff.active, Staff.full_name).where(
    Staff.id == bindparam("staff_id")
)


@dataclass
class UnitOfWork:
    session: Session
    actor: Actor
    staff: ActingStaff | None
    now: datetime
    clock: Clock
    audits: list[PendingAudit] = field(default_factory=list)

    @property
    def staff_id(self) -> int:
        if self.staff is None:
            raise PermissionDeniedError(role=role_name(None))
        return self.staff.id

    @property
    def clinic_id(self) -> int:
        """The site records are made at: the workstation's, given at sign-in (accounts work at any site)."""
        return self.actor.clinic_id

    def audit(self, action: str, entity_type: str, entity_id: object, detail: str = "") -> None:
        """Queue an audit record. ``detail`` names fields or counts, never client data values."""
        self.audits.append(PendingAudit(action, entity_type, str(entity_id), detail))


def _is_transient(error: DBAPIError) -> bool:
    message = str(error.orig).lower() if error.orig is not None else str(error).lower()
    sqlstate = getattr(error.orig, "sqlstate", None)
    return (
        "database is locked" in message
        or "database table is locked" in message
        or sqlstate
        in (
            "40001",  # serialization_failure
            "40P01",  # deadlock_detected
            "55P03",  # lock_not_available
        )
    )


def is_connection_lost(error: DBAPIError) -> bool:
    return (
        bool(error.connection_invalidated)
        or getattr(error.orig, "sqlstate", "") in ("08000", "08003", "08006", "57P01", "57P02", "57P03")
        or isinstance(error, OperationalError)
        and "connection" in str(error.orig).lower()
    )


def _backoff(attempt: int) -> None:
    time.sleep(min(2.0, 0.02 * (2**attempt)) * (0.5 + random.random()))


def run(
    db: Database,
    clock: Clock,
    actor: Actor,
    permission: Permission,
    work: Callable[[UnitOfWork], T],
    *,
    write: bool = True,
) -> T:
    check_unit_of_work_allowed()
    try:
        return retrying(lambda: _run_once(db, clock, actor, permission, work, write=write))
    except DBAPIError as error:
        refused = storage_refusal(db, error)
        if refused is None:
            raise
        raise refused from error


def storage_refusal(db: Database, error: DBAPIError) -> FrontDeskError | None:
    """The database's storage refusing the work (full disk, read-only), named for the person rather
    than in the driver's words ("database or disk is full")."""
    url = db.engine.url
    sqlite_file = Path(url.database) if url.get_backend_name() == "sqlite" and url.database else None
    return storage_failure(error, str(sqlite_file) if sqlite_file else db.display_url, sqlite_file)


def retrying(transaction: Callable[[], T], *, reconnect: bool = True) -> T:
    """Run ``transaction`` (one whole transaction, rolled back when it fails) again while the database
    is busy, with back-off, and (``reconnect``) when the connection drops. A lock error leaves nothing
    behind, so what the transaction counts is counted once; a connection lost during a commit may
    have committed, hence ``reconnect=False`` for what must never count twice. A lock that outlasts
    the attempts gives DatabaseBusyError, a lost connection DatabaseUnavailableError, never the
    driver's own words."""
    for attempt in range(MAX_ATTEMPTS):
        try:
            return transaction()
        except DBAPIError as error:
            if _is_transient(error) and attempt < MAX_ATTEMPTS - 1:
                log.info("database busy, retrying (attempt %d)", attempt + 1)
                _backoff(attempt)
                continue
            if _is_transient(error):
                raise DatabaseBusyError() from error
            if is_connection_lost(error):
                if reconnect and attempt < 2:
                    _backoff(attempt)
                    continue
                raise DatabaseUnavailableError() from error
            raise
    raise DatabaseBusyError()


def _run_once(
    db: Database,
    clock: Clock,
    actor: Actor,
    permission: Permission,
    work: Callable[[UnitOfWork], T],
    *,
    write: bool,
) -> T:
    denied: PermissionDeniedError | None = None
    with db.session(write=write) as session:
        with session.begin():
            staff = _load_actor(session, actor)
            role = staff.role if staff is not None else None
            if staff is not None and not staff.active:
                denied = PermissionDeniedError("account_inactive")
            elif staff is not None and not role_allows(staff.role, permission):
                denied = PermissionDeniedError(role=role_name(role))
            elif (
                staff is None
                and actor.staff_id == SYSTEM_STAFF_ID
                and permission not in (Permission.ADMINISTER, Permission.MANAGE_STAFF)
            ):
                denied = PermissionDeniedError(role=role_name(None))
            if denied is None:
                uow = UnitOfWork(session=session, actor=actor, staff=staff, now=clock.now(), clock=clock)
                result = work(uow)
                if uow.audits and not write:
                    raise RuntimeError("an audited operation must run in a write unit of work")
                _write_audits(session, uow)
                return result
            session.rollback()
    _record_denial(db, clock, actor, permission)
    raise denied


def _load_actor(session: Session, actor: Actor) -> ActingStaff | None:
    if actor.staff_id == SYSTEM_STAFF_ID:
        return None
    row = session.connection().execute(_ACTING_STAFF, {"staff_id": actor.staff_id}).first()
    if row is None:
        raise PermissionDeniedError("account_inactive")
    return ActingStaff(row.id, row.role, row.active, row.full_name)


def _write_audits(session: Session, uow: UnitOfWork) -> None:
    for pending in uow.audits:
        append_audit(
            session,
            at=uow.now,
            staff_id=uow.staff.id if uow.staff is not None else None,
            username=uow.actor.username,
            workstation=uow.actor.workstation,
            action=pending.action,
            entity_type=pending.entity_type,
            entity_id=pending.entity_id,
            detail=pending.detail,
        )


def _record_denial(db: Database, clock: Clock, actor: Actor, permission: Permission) -> None:
    with db.session(write=True) as session, session.begin():
        staff_id = actor.staff_id if actor.staff_id != SYSTEM_STAFF_ID else None
        append_audit(
            session,
            at=clock.now(),
            staff_id=staff_id if staff_id and session.get(Staff, staff_id) else None,
            username=actor.username,
            workstation=actor.workstation,
            action="permission.denied",
            entity_type="permission",
            entity_id=permission.value,
        )
