"""The Quebec health insurance number (NAM, « numéro d'assurance maladie »): its format, how it agrees
with the file, the sex at birth it encodes, and how it is shown.

A NAM is four letters and eight digits ("TREM 8005 1512"): the first three letters of the last name
and the first letter of the first name, then the date of birth as YY MM DD, 50 added to the month for a
woman, then two administrative digits. It is stored upper-case without spaces.

How the letters are derived here, and what is not done: each name is folded as the search folds it
(accents dropped, « Œ » as OE, « ß » as SS), then everything but the letters A to Z is dropped (spaces,
hyphens, apostrophes: "D'Amour" gives DAM, "Bélanger-Roy" BEL); a last name of fewer than three letters
is completed with X. Particles are not skipped, and a file holding another name than the name at birth
(a name taken at marriage before 1981, a change of name) gives a warning: the number is never refused
for it. The century of the year cannot be told from two digits, nor can the two administrative digits
be checked.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum

from desktop.domain.client_messages import NamWarnings
from desktop.domain.normalize import fold
from desktop.domain.texts import Text

NAM_LENGTH = 12
_NAM = re.compile(r"[A-Z]{4}\d{8}", re.ASCII)
_SEPARATORS = re.compile(r"[\s\-.]+")
_FEMALE_OFFSET = 50
_MASK = "•"
_EXPIRY_FORMS = (
    re.compile(r"(?P<month>\d{1,2})\s*[/\-. ]\s*(?P<year>\d{4}|\d{2})", re.ASCII),
    re.compile(r"(?P<year>\d{4})\s*[/\-. ]\s*(?P<month>\d{1,2})", re.ASCII),
)


class SexAtBirth(StrEnum):
    """As the health insurance card encodes it (the NAM's month)."""

    FEMALE = "female"
    MALE = "male"


def normalise_nam(text: str) -> str:
    """Upper-case, spaces, hyphens and periods removed: "trem 8005 1512" gives "TREM80051512"."""
    return _SEPARATORS.sub("", text).upper()


def is_well_formed(nam: str) -> bool:
    """Four letters, eight digits, a month between 01 and 12 (or 51 and 62) and a day between 01 and 31."""
    if not _NAM.fullmatch(nam):
        return False
    month, day = int(nam[6:8]), int(nam[8:10])
    return (1 <= month <= 12 or 51 <= month <= 62) and 1 <= day <= 31


def expected_letters(last_name: str, first_name: str) -> str:
    """The four letters a last and first name give (see the module's note on what is folded)."""
    last = re.sub(r"[^A-Z]", "", fold(last_name).upper())
    first = re.sub(r"[^A-Z]", "", fold(first_name).upper())
    return (last[:3].ljust(3, "X") + first[:1]) if first else last[:3].ljust(3, "X")


def encoded_sex(nam: str) -> SexAtBirth:
    return SexAtBirth.FEMALE if int(nam[6:8]) > _FEMALE_OFFSET else SexAtBirth.MALE


def encoded_birth(nam: str) -> tuple[int, int, int]:
    """(two-digit year, month, day) as the number holds them, the month without the 50 added."""
    month = int(nam[6:8])
    return int(nam[4:6]), month - _FEMALE_OFFSET if month > _FEMALE_OFFSET else month, int(nam[8:10])


def nam_warnings(
    nam: str,
    *,
    last_name: str,
    first_name: str,
    date_of_birth: date | None,
    sex_at_birth: SexAtBirth | None,
) -> list[Text]:
    """What in a well-formed NAM does not agree with the file: the letters, the date of birth, the sex.
    Nothing for an empty or malformed number (the format is refused on its own)."""
    nam = normalise_nam(nam)
    if not nam or not is_well_formed(nam):
        return []
    warnings: list[Text] = []
    letters = expected_letters(last_name, first_name)
    if last_name.strip() and first_name.strip() and nam[:4] != letters:
        warnings.append(NamWarnings.letters.filled(expected=letters))
    if date_of_birth is not None:
        born = (date_of_birth.year % 100, date_of_birth.month, date_of_birth.day)
        if encoded_birth(nam) != born:
            warnings.append(NamWarnings.birth_date)
    card_sex = encoded_sex(nam)
    if sex_at_birth is not None and sex_at_birth is not card_sex:
        female = card_sex is SexAtBirth.FEMALE
        warnings.append(NamWarnings.sex_female if female else NamWarnings.sex_male)
    return warnings


def format_nam(nam: str) -> str:
    """ "TREM80051512" as the card prints it: "TREM 8005 1512" (anything else as stored)."""
    return f"{nam[:4]} {nam[4:8]} {nam[8:]}" if _NAM.fullmatch(nam) else nam


def mask_nam(nam: str) -> str:
    """The number as lists show it: its letters and last two digits ("TREM •••• ••12"); '' for none."""
    if not nam:
        return ""
    if not _NAM.fullmatch(nam):
        return _MASK * 4
    return f"{nam[:4]} {_MASK * 4} {_MASK * 2}{nam[10:]}"


def parse_card_expiry(text: str) -> date | None:
    """The card's expiry month as typed ("05/2027", "5-27", "2027-05"), as the first day of that month;
    None for nothing typed. ValueError when it is not a month and a year."""
    text = text.strip()
    if not text:
        return None
    for form in _EXPIRY_FORMS:
        match = form.fullmatch(text)
        if match:
            year = int(match["year"])
            return date(year + 2000 if year < 100 else year, int(match["month"]), 1)
    raise ValueError("not a month and a year")


def format_card_expiry(expiry: date | None) -> str:
    return "" if expiry is None else f"{expiry.month:02d}/{expiry.year}"


def card_expired(expiry: date | None, today: date) -> bool:
    """A card is valid to the end of its expiry month."""
    return expiry is not None and (today.year, today.month) > (expiry.year, expiry.month)


def expiry_warning(expiry: date | None, today: date) -> Text | None:
    if not card_expired(expiry, today):
        return None
    return NamWarnings.expired.filled(month=format_card_expiry(expiry))
