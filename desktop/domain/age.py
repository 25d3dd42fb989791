"""A client's age, and the age from which a client signs for themselves."""

from __future__ import annotations

from datetime import date

#: Under this age a parent or tutor signs and consents for the client (Quebec: a minor under 14).
AGE_OF_OWN_CONSENT = 14


def age_on(birth_date: date, on_date: date) -> int:
    """Whole years completed on ``on_date`` (a birthday on February 29 is reached on March 1)."""
    before_birthday = (on_date.month, on_date.day) < (birth_date.month, birth_date.day)
    return on_date.year - birth_date.year - before_birthday


def consents_for_themselves(birth_date: date, on_date: date) -> bool:
    """Whether the client may sign and consent alone on ``on_date``; otherwise a parent or tutor does."""
    return age_on(birth_date, on_date) >= AGE_OF_OWN_CONSENT
