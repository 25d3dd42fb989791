"""Staff accounts: creation, authentication with lock-out, passwords (argon2id).

Only a privacy officer creates, reactivates or resets the password of a privacy-officer account (a
manager could otherwise make one and so read the audit). A lost last-manager password has one way back
in, :meth:`StaffService.recover_password`, for whoever can open the database directly; it is audited."""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable
from functools import cache
from typing import TypeVar

from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select, text

from desktop.db.database import Database
from desktop.db.models import Clinic, Staff
from desktop.domain.enums import Language, Role
from desktop.domain.errors import (
    AccountLockedError,
    AuthenticationError,
    ConflictError,
    FieldError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from desktop.domain.login_policy import LoginPolicy, password_problem
from desktop.domain.messages import Subjects
from desktop.domain.records import Actor, StaffRecord
from desktop.domain.staff_roles import may_manage_account_of
from desktop.services.audit_chain import append_audit
from desktop.services.clock import Clock
from desktop.services.ledger.accounts import (
    PASSWORD_HASHER,
    add_account,
    prepare_account,
    staff_record,
)
from desktop.services.permissions import Permission
from desktop.services.thread_guard import check_unit_of_work_allowed
from desktop.services.unit_of_work import (
    SYSTEM_STAFF_ID,
    UnitOfWork,
    retrying,
    run,
    system_actor,
)

T = TypeVar("T")


@cache
def dummy_hash() -> str:
    """The hash an unknown username is checked against, so it takes as long as a known one. Made at
    the first unknown username, not at import: argon2 is slow on purpose and start-up must not wait."""
    return PASSWORD_HASHER.hash("timing equaliser for unknown usernames")


#: The accounts :meth:`StaffService.recover_password` may give back.
RECOVERABLE_ROLES = frozenset({Role.MANAGER, Role.PRIVACY_OFFICER})


class _PrivacyOfficerOnly(Exception):
    """Raised inside a unit of work (so it rolls back) when someone other than a privacy officer
    creates, reactivates or resets a privacy-officer account; turned into PermissionDeniedError."""

    def __init__(self, target: str) -> None:
        super().__init__(target)
        self.target = target


def _check_privacy_officer_account(uow: UnitOfWork, role: Role, target: object) -> None:
    """The local system account (no one signed in, an empty database's set-up) is not refused here."""
    if uow.staff is not None and not may_manage_account_of(uow.staff.role, role):
        raise _PrivacyOfficerOnly(str(target))


class StaffService:
    def __init__(self, db: Database, clock: Clock, policy: LoginPolicy | None = None) -> None:
        self._db = db
        self._clock = clock
        self.policy = policy or LoginPolicy()

    def has_accounts(self) -> bool:
        check_unit_of_work_allowed()
        with self._db.session(write=False) as session:
            return bool(session.scalar(select(func.count(Staff.id))))

    def create(self, actor: Actor, username: str, full_name: str, role: Role, password: str) -> StaffRecord:
        prepared = prepare_account(username, full_name, role, password, self.policy)

        def work(uow: UnitOfWork) -> StaffRecord:
            _check_privacy_officer_account(uow, role, prepared.username)
            return add_account(uow, prepared)

        return self._guarded(actor, work)

    def create_first_manager(
        self, workstation: str, username: str, full_name: str, password: str
    ) -> StaffRecord:
        """Only while the database has no account at all: the first run's set-up."""
        if self.has_accounts():
            raise ConflictError("username_taken")
        return self.create(system_actor(workstation), username, full_name, Role.MANAGER, password)

    def list(self, actor: Actor) -> list[StaffRecord]:
        def work(uow: UnitOfWork) -> list[StaffRecord]:
            return [staff_record(s) for s in uow.session.scalars(select(Staff).order_by(Staff.username))]

        return run(self._db, self._clock, actor, Permission.MANAGE_STAFF, work, write=False)

    def set_active(self, actor: Actor, staff_id: int, active: bool) -> StaffRecord:
        def work(uow: UnitOfWork) -> StaffRecord:
            staff = uow.session.get(Staff, staff_id)
            if staff is None:
                raise NotFoundError(what=Subjects.staff.filled(id=staff_id))
            if active:
                _check_privacy_officer_account(uow, staff.role, staff.id)
            if not active and staff.id == uow.actor.staff_id:
                raise ConflictError("cannot_deactivate_self")
            if not active and staff.role == Role.MANAGER and staff.active:
                other_managers = uow.session.scalar(
                    select(func.count(Staff.id)).where(
                        Staff.role == Role.MANAGER, Staff.active.is_(True), Staff.id != staff.id
                    )
                )
                if not other_managers:
                    raise ConflictError("last_manager")
            staff.active = active
            uow.audit("staff.activate" if active else "staff.deactivate", "staff", staff.id)
            return staff_record(staff)

        return self._guarded(actor, work)

    def reset_password(self, actor: Actor, staff_id: int, new_password: str) -> None:
        def work(uow: UnitOfWork) -> None:
            staff = uow.session.get(Staff, staff_id)
            if staff is None:
                raise NotFoundError(what=Subjects.staff.filled(id=staff_id))
            _check_privacy_officer_account(uow, staff.role, staff.id)
            self._set_password(uow, staff, new_password)
            uow.audit("staff.password_reset", "staff", staff.id)

        self._guarded(actor, work)

    def recover_password(self, workstation: str, username: str, new_password: str) -> StaffRecord:
        """The way back in when the last manager's password is lost: sets a manager's or privacy
        officer's password without anyone signed in, for whoever can open the database directly (SQLite:
        read and write the database file; PostgreSQL: connected as the database's owner or a superuser).
        Audited as ``staff.password_recovery``; a refusal is audited as ``permission.denied``."""
        access = self._direct_access()
        username = username.strip().lower()
        if access is None:
            self._record_refusal(system_actor(workstation), "password_recovery", username)
            raise PermissionDeniedError("recovery_access", database=self._db.display_url)

        def work(uow: UnitOfWork) -> StaffRecord:
            staff = uow.session.scalar(select(Staff).where(Staff.username == username))
            if staff is None:
                raise NotFoundError(what=Subjects.account.filled(username=username))
            if staff.role not in RECOVERABLE_ROLES:
                raise PermissionDeniedError("recovery_roles")
            self._set_password(uow, staff, new_password)
            uow.audit(
                "staff.password_recovery",
                "staff",
                staff.id,
                f"role={staff.role.value}; access={access}; os_user={_os_user()}",
            )
            return staff_record(staff)

        return run(self._db, self._clock, system_actor(workstation), Permission.ADMINISTER, work)

    def _set_password(self, uow: UnitOfWork, staff: Staff, new_password: str) -> None:
        problem = password_problem(new_password, staff.username, self.policy)
        if problem:
            raise ValidationError([problem])
        staff.password_hash = PASSWORD_HASHER.hash(new_password)
        staff.password_changed_at = uow.now
        staff.failed_logins = 0
        staff.locked_until = None

    def _guarded(self, actor: Actor, work: Callable[[UnitOfWork], T]) -> T:
        """``run`` with MANAGE_STAFF, and the privacy-officer-account rule's refusal audited."""
        try:
            return run(self._db, self._clock, actor, Permission.MANAGE_STAFF, work)
        except _PrivacyOfficerOnly as refused:
            self._record_refusal(actor, "privacy_officer_account", refused.target)
            raise PermissionDeniedError("privacy_officer_accounts") from None

    def _record_refusal(self, actor: Actor, detail: str, target: str) -> None:
        retrying(lambda: self._write_refusal(actor, detail, target))

    def _write_refusal(self, actor: Actor, detail: str, target: str) -> None:
        with self._db.session(write=True) as session, session.begin():
            staff_id = actor.staff_id if actor.staff_id != SYSTEM_STAFF_ID else None
            append_audit(
                session,
                at=self._clock.now(),
                staff_id=staff_id if staff_id and session.get(Staff, staff_id) else None,
                username=actor.username,
                workstation=actor.workstation,
                action="permission.denied",
                entity_type="staff",
                entity_id=target[:64],
                detail=detail,
            )

    def _direct_access(self) -> str | None:
        """How this connection may open the database directly, or None when it may not."""
        check_unit_of_work_allowed()
        if self._db.dialect == "sqlite":
            path = self._db.engine.url.database
            return "database_file" if path and os.access(path, os.R_OK | os.W_OK) else None
        with self._db.session(write=False) as session:
            row = session.execute(
                text(
                    "SELECT r.rolsuper, d.datdba = r.oid FROM pg_database d "
                    "JOIN pg_roles r ON r.rolname = current_user WHERE d.datname = current_database()"
                )
            ).one_or_none()
        if row is None:
            return None
        if row[0]:
            return "superuser"
        return "database_owner" if row[1] else None

    def change_own_password(self, actor: Actor, current_password: str, new_password: str) -> None:
        def work(uow: UnitOfWork) -> None:
            staff = uow.session.get(Staff, uow.staff_id)
            assert staff is not None
            if not _verify(staff.password_hash, current_password):
                raise ValidationError([FieldError("current_password", "bad_credentials")])
            problem = password_problem(new_password, staff.username, self.policy)
            if problem:
                raise ValidationError([problem])
            staff.password_hash = PASSWORD_HASHER.hash(new_password)
            staff.password_changed_at = uow.now
            uow.audit("staff.password_change", "staff", staff.id)

        run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work)

    def set_own_language(self, actor: Actor, language: Language) -> None:
        """Keep the interface language the signed-in person chose, for their next sign-in anywhere."""

        def work(uow: UnitOfWork) -> None:
            staff = uow.session.get(Staff, uow.staff_id)
            assert staff is not None
            if staff.language != language:
                staff.language = language
                uow.audit("staff.language", "staff", staff.id, f"language={language.value}")

        run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work)

    def authenticate(self, username: str, password: str, workstation: str, site_id: int = 0) -> Actor:
        """The Actor for a correct login; AuthenticationError / AccountLockedError otherwise.
        Failed attempts count towards a temporary lock-out; every attempt is audited. A busy database
        is waited for and the sign-in retried like any unit of work (a retried failure counts once);
        one that stays busy gives DatabaseBusyError, one that cannot be reached
        DatabaseUnavailableError, as every other call does."""
        check_unit_of_work_allowed()
        return retrying(lambda: self._authenticate(username, password, workstation, site_id), reconnect=False)

    def _authenticate(self, username: str, password: str, workstation: str, site_id: int) -> Actor:
        username = username.strip().lower()[:64]
        now = self._clock.now()
        with self._db.session(write=True) as session, session.begin():
            staff = session.scalar(select(Staff).where(Staff.username == username))
            if staff is None:
                _verify(dummy_hash(), password)
                outcome, error = "login.failure", AuthenticationError()
            elif staff.locked_until is not None and staff.locked_until > now:
                outcome = "login.locked"
                error = AccountLockedError(until=staff.locked_until.astimezone().time())
            elif not _verify(staff.password_hash, password):
                staff.failed_logins += 1
                outcome, error = "login.failure", AuthenticationError()
                if staff.failed_logins >= self.policy.max_failed_attempts:
                    staff.locked_until = now + self.policy.lockout
                    staff.failed_logins = 0
                    outcome = "login.lockout"
                    error = AccountLockedError(until=staff.locked_until.astimezone().time())
            elif not staff.active:
                outcome, error = "login.inactive", AuthenticationError("account_inactive")
            else:
                staff.failed_logins = 0
                staff.locked_until = None
                if PASSWORD_HASHER.check_needs_rehash(staff.password_hash):
                    staff.password_hash = PASSWORD_HASHER.hash(password)
                outcome, error = "login.success", None
            append_audit(
                session,
                at=now,
                staff_id=staff.id if staff is not None else None,
                username=username,
                workstation=workstation,
                action=outcome,
                entity_type="staff",
                entity_id=str(staff.id) if staff is not None else "",
            )
            if error is None:
                assert staff is not None
                # The workstation's site when it names one that exists, else the account's home site.
                site = site_id if site_id and session.get(Clinic, site_id) is not None else staff.clinic_id
                return Actor(
                    staff.id,
                    staff.username,
                    staff.full_name,
                    staff.role,
                    site,
                    workstation,
                    staff.language,
                )
        # Commit the failure count and audit record before refusing.
        raise error


def _os_user() -> str:
    try:
        return getpass.getuser()[:64]
    except (OSError, KeyError):  # no login name in this environment
        return "unknown"


def _verify(password_hash: str, password: str) -> bool:
    try:
        return PASSWORD_HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
