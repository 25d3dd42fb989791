"""Deadlines in Quebec business days: weekends and Quebec statutory holidays do not count."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays

from desktop.domain.enums import Language

#: Email and post opt-out requests are due this many Quebec business days after receipt.
OPT_OUT_DEADLINE_BUSINESS_DAYS = 10

_DEADLINE_SENTENCE = {
    Language.FR: (
        "Les demandes reçues par courriel ou par la poste doivent être traitées dans les {days} jours "
        "ouvrables québécois suivant leur réception (les fins de semaine et les jours fériés du Québec "
        "ne comptent pas)."
    ),
    Language.EN: (
        "Email and post requests must be processed within {days} Quebec business days of receipt "
        "(weekends and Quebec holidays do not count)."
    ),
}


@lru_cache(maxsize=64)
def _quebec_holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("CA", subdiv="QC", years=year)


def is_business_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _quebec_holidays(day.year)


def add_business_days(start: date, count: int) -> date:
    day = start
    remaining = count
    while remaining > 0:
        day += timedelta(days=1)
        if is_business_day(day):
            remaining -= 1
    return day


def opt_out_due_date(received: date) -> date:
    return add_business_days(received, OPT_OUT_DEADLINE_BUSINESS_DAYS)


def business_days_left(today: date, due: date) -> int:
    """Quebec business days from ``today`` to ``due``: 0 when due today, negative once late."""
    step = 1 if due >= today else -1
    count = 0
    day = today
    while day != due:
        day += timedelta(days=step)
        # Late days are counted from the day after the due date up to today.
        counted = day if step > 0 else day + timedelta(days=1)
        if is_business_day(counted):
            count += step
    return count


def opt_out_deadline_sentence(language: Language) -> str:
    """The rule as told to the front desk, with the number of business days filled in."""
    return _DEADLINE_SENTENCE[language].format(days=OPT_OUT_DEADLINE_BUSINESS_DAYS)
