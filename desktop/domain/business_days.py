"""Deadlines in Quebec business days: weekends and Quebec statutory holidays do not count.

Quebec employers observe either Good Friday or Easter Monday; the clinic says which (its settings), and
an :class:`OptOutCalendar` made from that choice and the clinic's opt-out delay gives the due dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import holidays
from dateutil.easter import easter

from desktop.domain.clinic_identity import MAX_OPT_OUT_DELAY_DAYS, EasterHoliday
from desktop.domain.enums import Language
from desktop.domain.texts import Text

_DEADLINE_SENTENCE = Text(
    "Les demandes reçues par courriel ou par la poste doivent être traitées dans les {days} jours "
    "ouvrables québécois suivant leur réception (les fins de semaine et les jours fériés du Québec "
    "ne comptent pas ; la clinique observe le {easter}).",
    "Email and post requests must be processed within {days} Quebec business days of receipt "
    "(weekends and Quebec holidays do not count; the clinic observes {easter}).",
)
EASTER_NAMES: dict[EasterHoliday, Text] = {
    EasterHoliday.GOOD_FRIDAY: Text("Vendredi saint", "Good Friday"),
    EasterHoliday.EASTER_MONDAY: Text("lundi de Pâques", "Easter Monday"),
}


@lru_cache(maxsize=128)
def _quebec_holidays(year: int, observed: EasterHoliday) -> frozenset[date]:
    days = set(holidays.country_holidays("CA", subdiv="QC", years=year))
    easter_sunday = easter(year)
    good_friday, easter_monday = easter_sunday - timedelta(days=2), easter_sunday + timedelta(days=1)
    days.discard(good_friday)
    days.discard(easter_monday)
    days.add(good_friday if observed is EasterHoliday.GOOD_FRIDAY else easter_monday)
    return frozenset(days)


@dataclass(frozen=True)
class OptOutCalendar:
    """The clinic's business days and opt-out delay (at most the law's 10 business days)."""

    easter_holiday: EasterHoliday = EasterHoliday.GOOD_FRIDAY
    #: The law's delay is the default and the ceiling of a clinic's own.
    delay_days: int = MAX_OPT_OUT_DELAY_DAYS

    def is_business_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in _quebec_holidays(day.year, self.easter_holiday)

    def add_business_days(self, start: date, count: int) -> date:
        day = start
        remaining = count
        while remaining > 0:
            day += timedelta(days=1)
            if self.is_business_day(day):
                remaining -= 1
        return day

    def due_date(self, received: date) -> date:
        return self.add_business_days(received, self.delay_days)

    def days_left(self, today: date, due: date) -> int:
        """Business days from ``today`` to ``due``: 0 when due today, negative once late."""
        step = 1 if due >= today else -1
        count = 0
        day = today
        while day != due:
            day += timedelta(days=step)
            # Late days are counted from the day after the due date up to today.
            counted = day if step > 0 else day + timedelta(days=1)
            if self.is_business_day(counted):
                count += step
        return count

    def deadline_sentence(self, language: Language) -> str:
        """The rule as told to the front desk: the delay and the Easter holiday the clinic observes."""
        return _DEADLINE_SENTENCE.format(
            language, days=self.delay_days, easter=EASTER_NAMES[self.easter_holiday].get(language)
        )
