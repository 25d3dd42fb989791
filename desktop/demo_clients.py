"""Demo client files as inserted: most carry a health insurance number that agrees with their name and date
of birth, and their number is marked mobile (texted) or left of no kind (as a number kept from before
kinds). Decided from each file's id, so the demo's random draws, and the rest of its data, stay the same."""

from __future__ import annotations

from datetime import date

from desktop.domain.nam import SexAtBirth, expected_letters
from desktop.domain.phones import PhoneKind

_FEMALE_OFFSET = 50


def demo_nam(client_id: int, last_name: str, first_name: str, born: date) -> tuple[str, SexAtBirth] | None:
    """A NAM consistent with the file, and the sex at birth it encodes; none for one file in five."""
    if client_id % 5 == 0:
        return None
    sex = SexAtBirth.FEMALE if client_id % 2 == 0 else SexAtBirth.MALE
    month = born.month + (_FEMALE_OFFSET if sex is SexAtBirth.FEMALE else 0)
    digits = f"{born.year % 100:02d}{month:02d}{born.day:02d}{client_id * 7 % 90 + 10:02d}"
    return expected_letters(last_name, first_name) + digits, sex


def demo_phone_kind(client_id: int) -> PhoneKind:
    """Three numbers in four are marked mobile; the others are left of no kind, never texted."""
    return PhoneKind.UNSPECIFIED if client_id % 4 == 3 else PhoneKind.MOBILE
