"""Deadlines in Quebec business days: weekends and Quebec statutory holidays do not count."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays

OPT_OUT_DEADLINE_BUSINESS_DAYS = 10


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
