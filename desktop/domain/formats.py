"""How numbers, percentages, times, dates and phone numbers are written, in French and in English.

One place for the rule, the language always given explicitly (the staff language on staff screens,
the client's on what the client reads). French follows the Office québécois de la langue française:

* times on the 24-hour clock with ``h``: ``9 h 05``, ``15 h 30``, ``15 h`` (English: ``15:30``);
* numbers with a decimal comma and a space between thousands: ``12 345,6`` (English: ``12,345.6``);
* percentages with a space before the sign: ``58,3 %`` (English: ``58.3%``);
* phone numbers with a space and a hyphen: ``418 555-0123`` (English: ``(418) 555-0123``);
* dates in tables in ISO form, ``2026-11-24``, in both languages; written out in full,
  ``mardi 24 novembre 2026`` (``1er novembre 2026``) and ``Tuesday, November 24, 2026``.

The spaces inside a time, a number and before ``%`` are non-breaking (U+00A0, as in the fr-CA
conventions of Windows and CLDR), so a line never ends between ``58,3`` and ``%`` or ``16`` and ``h``.
Machine-read output (CSV) asks for numbers without grouping (``grouping=False``).
"""

from __future__ import annotations

import functools
from datetime import date, datetime, time

from desktop.domain.enums import Language

__all__ = [
    "NBSP",
    "format_date",
    "format_date_long",
    "format_datetime",
    "format_number",
    "format_percent",
    "format_phone",
    "format_time",
]

#: The non-breaking space: inside times, between thousands, before ``%`` in French.
NBSP = "\u00a0"
#: Where a number without a country code is read (the clinics are in Quebec).
DEFAULT_REGION = "CA"

_MONTHS = {
    Language.FR: (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    Language.EN: (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


_WEEKDAYS = {
    Language.FR: ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    Language.EN: ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}


def _language(language: Language | str) -> Language:
    """The language asked for; a plain "fr" or "en" also works, anything else is refused."""
    if language in tuple(Language):
        return Language(language)
    raise ValueError(f"unsupported language: {language!r}")


# ---------------------------------------------------------------- numbers


def format_number(value: float, language: Language, decimals: int = 0, *, grouping: bool = True) -> str:
    """``12 345,6`` in French, ``12,345.6`` in English; ``grouping=False`` leaves out the thousands
    separator (``12345,6``), as a spreadsheet reading a CSV expects."""
    language = _language(language)
    if decimals < 0:
        raise ValueError("decimals cannot be negative")
    text = f"{float(value):{',' if grouping else ''}.{decimals}f}"
    # A small negative value rounding to zero is written 0, never -0.
    if text.startswith("-") and not text.strip("-0.,"):
        text = text[1:]
    if language == Language.FR:
        # Through a placeholder so the English separators are swapped, not mixed.
        text = text.replace(",", "\0").replace(".", ",").replace("\0", NBSP)
    return text


def format_percent(value: float, language: Language, decimals: int = 1) -> str:
    """A percentage given out of 100 (``58.3`` is 58.3 %): ``58,3 %`` in French, ``58.3%`` in English."""
    number = format_number(value, language, decimals)
    return f"{number}{NBSP}%" if _language(language) == Language.FR else f"{number}%"


# ---------------------------------------------------------------- times and dates


def format_time(moment: time | datetime, language: Language) -> str:
    """``15 h 30``, ``9 h 05``, ``15 h`` in French; ``15:30``, ``09:05`` in English. A datetime is written as
    it is given: convert it to the workstation's time first (:func:`format_datetime` does)."""
    hour, minute = moment.hour, moment.minute
    if _language(language) == Language.FR:
        return f"{hour}{NBSP}h" if minute == 0 else f"{hour}{NBSP}h{NBSP}{minute:02d}"
    return f"{hour:02d}:{minute:02d}"


def format_date(day: date | None, language: Language) -> str:
    """ISO ``2026-11-24`` in both languages (tables, forms): one reading for everybody at the desk."""
    _language(language)
    return day.isoformat() if day is not None else ""


def format_date_long(day: date, language: Language, *, weekday: bool = False) -> str:
    """``24 novembre 2026`` (``1er novembre 2026``) in French, ``November 24, 2026`` in English; with the
    weekday, ``mardi 24 novembre 2026`` and ``Tuesday, November 24, 2026``."""
    language = _language(language)
    month = _MONTHS[language][day.month - 1]
    if language == Language.FR:
        text = f"{'1er' if day.day == 1 else day.day} {month} {day.year}"
        return f"{_WEEKDAYS[language][day.weekday()]} {text}" if weekday else text
    text = f"{month} {day.day}, {day.year}"
    return f"{_WEEKDAYS[language][day.weekday()]}, {text}" if weekday else text


def format_datetime(moment: datetime | None, language: Language) -> str:
    """``2026-11-24 16 h 29`` in French, ``2026-11-24 16:29`` in English, in the workstation's time zone."""
    if moment is None:
        return ""
    local = moment.astimezone() if moment.tzinfo is not None else moment
    return f"{format_date(local.date(), language)} {format_time(local, language)}"


# ---------------------------------------------------------------- phone numbers

_EXTENSION = {Language.FR: ", poste {ext}", Language.EN: " ext. {ext}"}


@functools.lru_cache(maxsize=4096)  # lists show the same numbers at every repaint: parsing is the cost
def format_phone(number: str, language: Language, extension: str = "") -> str:
    """A North American number as ``418 555-0123`` (French) or ``(418) 555-0123`` (English), its extension
    (given apart, as stored, or in the number) as ``, poste 12`` / `` ext. 12``; another country's in
    international form (``+33 1 23 45 67 89``). Text that is not a phone number is returned as given."""
    language = _language(language)
    if not number.strip():
        return ""
    if len(number) == 12 and number.startswith("+1") and number[1:].isdigit():
        # As stored (E.164), a North American number needs no parsing: lists show dozens per keystroke.
        return _north_american(number[2:], language, extension)
    # Imported here: the messages (and so the sign-in window) import this module; phonenumbers waits
    # for the first number shown.
    import phonenumbers

    try:
        parsed = phonenumbers.parse(number, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return number
    extension = extension or parsed.extension or ""
    parsed.extension = None
    if parsed.country_code != 1:
        text = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    else:
        digits = phonenumbers.national_significant_number(parsed)
        if len(digits) == 10:
            return _north_american(digits, language, extension)
        text = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
    return text + (_EXTENSION[language].format(ext=extension) if extension else "")


def _north_american(digits: str, language: Language, extension: str) -> str:
    if language == Language.FR:
        text = f"{digits[:3]} {digits[3:6]}-{digits[6:]}"
    else:
        text = f"({digits[:3]}) {digits[3:6]}-{digits[6:]}"
    return text + (_EXTENSION[language].format(ext=extension) if extension else "")
