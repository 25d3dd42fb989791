"""New staff accounts, checked and written: shared by the staff service and the first run's set-up."""

from __future__ import annotations

import re
from dataclasses import dataclass

from argon2 import PasswordHasher
from sqlalchemy import select

from desktop.db.models import Staff
from desktop.domain.enums import Role
from desktop.domain.errors import FieldError, ValidationError
from desktop.domain.login_policy import LoginPolicy, password_problem
from desktop.domain.records import StaffRecord
from desktop.domain.validation import MAX_NAME, check_text
from desktop.services.unit_of_work import UnitOfWork

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{2,63}$")
PASSWORD_HASHER = PasswordHasher()  # argon2id with the library's current recommended parameters


def staff_record(staff: Staff) -> StaffRecord:
    return StaffRecord(staff.id, staff.username, staff.full_name, staff.role, staff.active, staff.clinic_id)


@dataclass(frozen=True)
class PreparedAccount:
    """A new account checked and its password hashed, ready to be written."""

    username: str
    full_name: str
    role: Role
    password_hash: str


def prepare_account(
    username: str, full_name: str, role: Role, password: str, policy: LoginPolicy
) -> PreparedAccount:
    """The account checked (username, name, password strength) or ValidationError naming each problem."""
    username = username.strip().lower()
    errors: list[FieldError] = []
    if not USERNAME.match(username):
        errors.append(FieldError("username", "invalid_username"))
    full_name = check_text(errors, "full_name", full_name, max_length=MAX_NAME, required=True)
    problem = password_problem(password, username, policy)
    if problem:
        errors.append(problem)
    if errors:
        raise ValidationError(errors)
    return PreparedAccount(username, full_name, role, PASSWORD_HASHER.hash(password))


def add_account(uow: UnitOfWork, account: PreparedAccount, clinic_id: int | None = None) -> StaffRecord:
    """Write a prepared account (its home site the actor's unless given), audited; refuses a username
    already taken. An account may work at any site of the organisation."""
    if uow.session.scalar(select(Staff.id).where(Staff.username == account.username)):
        raise ValidationError([FieldError("username", "username_taken")])
    staff = Staff(
        username=account.username,
        full_name=account.full_name,
        role=account.role,
        password_hash=account.password_hash,
        active=True,
        clinic_id=clinic_id or uow.clinic_id,
        failed_logins=0,
        created_at=uow.now,
        password_changed_at=uow.now,
    )
    uow.session.add(staff)
    uow.session.flush()
    uow.audit("staff.create", "staff", staff.id, f"role={account.role.value}")
    return staff_record(staff)


