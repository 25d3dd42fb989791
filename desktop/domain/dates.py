"""Dates as people type them: the one reader for every date field, the client search and the command line.

A date is read year first (ISO, ``1994-05-26``; also ``1994/05/26``) or day first, as the desk writes it in
Quebec (``26/05/1994``, ``26.05.1994``, ``26-05-1994``); the year always has four digits, so the two orders
never meet. A month before the day with the year last (the American ``05/26/1994``) is not read: ``05/06/1994``
is the 5th of June. What was understood is shown back in words (:func:`date_in_words`), so a slip shows.
"""

from __future__ import annotations

import re
from datetime import date

from desktop.domain.enums import Language
from desktop.domain.errors import FrontDeskError
from desktop.domain.formats import format_date_long
from desktop.domain.texts import Text

__all__ = ["DATE_FORMS", "UnreadableDateError", "date_in_words", "parse_date", "read_date"]

#: The forms a date is read in, as a placeholder or a help text says them.
DATE_FORMS = Text("AAAA-MM-JJ, JJ/MM/AAAA ou JJ.MM.AAAA", "YYYY-MM-DD, DD/MM/YYYY or DD.MM.YYYY")

# ASCII: \d would otherwise accept any script's digits.
_YEAR_FIRST = re.compile(r"^(?P<year>\d{4})([-/.])(?P<month>\d{1,2})\2(?P<day>\d{1,2})$", re.ASCII)
_DAY_FIRST = re.compile(r"^(?P<day>\d{1,2})([-/.])(?P<month>\d{1,2})\2(?P<year>\d{4})$", re.ASCII)


class UnreadableDateError(FrontDeskError, ValueError):
    """Text that is not a date: ``invalid_date`` (not one of the forms, which the message lists) or
    ``impossible_date`` (the form is right but no such day exists, as 31/02/2026: ``typed`` names it)."""

    code = "invalid_date"


def parse_date(text: str) -> date:
    """The date ``text`` names, or :class:`UnreadableDateError` saying why not."""
    typed = text.strip()
    match = _YEAR_FIRST.match(typed) or _DAY_FIRST.match(typed)
    if match is None:
        raise UnreadableDateError("invalid_date")
    try:
        return date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        # Shown back as typed (already a date's shape: short, digits and separators only).
        raise UnreadableDateError("impossible_date", typed=typed) from None


def read_date(text: str) -> date | None:
    """The date ``text`` names, or None (search: the text is then read as something else)."""
    try:
        return parse_date(text)
    except UnreadableDateError:
        return None


def date_in_words(day: date, language: Language) -> str:
    """The date as understood, with its weekday: ``jeudi 26 mai 1994``, ``Thursday, May 26, 1994``."""
    return format_date_long(day, language, weekday=True)
