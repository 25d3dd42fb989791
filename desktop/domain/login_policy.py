"""Sign-in rules a clinic may tune (lock-out after failed attempts) and what makes a password weak."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from desktop.domain.errors import FieldError


@dataclass(frozen=True)
class LoginPolicy:
    max_failed_attempts: int = 5
    lockout: timedelta = timedelta(minutes=15)
    min_password_length: int = 10


def password_problem(password: str, username: str, policy: LoginPolicy) -> FieldError | None:
    weak = (
        len(password) < policy.min_password_length
        or len(password) > 1024
        or not any(ch.isalpha() for ch in password)
        or not any(ch.isdigit() for ch in password)
        or password.casefold() == username.casefold()
        or "\x00" in password
    )
    return FieldError("password", "weak_password", {"min": policy.min_password_length}) if weak else None
