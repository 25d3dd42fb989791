"""A file's dates in its own order: year first, day first, or the American month first, told from
the values (a first number over 12 is a day, a second over 12 too). Year-first and day-first dates
are read by the one date reader (:mod:`desktop.domain.dates`); a month-first date is turned into a
day-first one before it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from desktop.domain.dates import parse_date
from desktop.domain.import_records import DateOrder

_YEAR_FIRST = re.compile(r"^\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s*$", re.ASCII)
_YEAR_LAST = re.compile(r"^\s*(\d{1,2})([-/.])(\d{1,2})\2(\d{4})\s*$", re.ASCII)
#: An export's time after the date ("1994-05-26 00:00:00", "26/05/1994 0:00").
_TIME_AFTER = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*$", re.ASCII)


def without_time(text: str) -> str:
    return _TIME_AFTER.sub("", text.strip())


def detect_date_order(values: Iterable[str]) -> DateOrder:
    """The order the values agree with: year first when most are; else month first when a second
    number exceeds 12 and no first one does; else day first (Quebec's order, the default)."""
    year_first = year_last = 0
    first_over_12 = second_over_12 = False
    for raw in values:
        value = without_time(raw)
        if _YEAR_FIRST.match(value):
            year_first += 1
        elif match := _YEAR_LAST.match(value):
            year_last += 1
            first_over_12 |= int(match[1]) > 12
            second_over_12 |= int(match[3]) > 12
    if year_first > year_last:
        return DateOrder.YMD
    if second_over_12 and not first_over_12:
        return DateOrder.MDY
    return DateOrder.DMY


def parse_in_order(text: str, order: DateOrder) -> date:
    """The date ``text`` names in ``order``; ValueError (an UnreadableDateError) when it does not."""
    value = without_time(text)
    # Year first never meets the others (four-digit year): only a year-last date depends on the order.
    if order is DateOrder.MDY and (match := _YEAR_LAST.match(value)):
        value = f"{match[3]}{match[2]}{match[1]}{match[2]}{match[4]}"
    return parse_date(value)
