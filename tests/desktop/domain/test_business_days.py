"""Quebec business days: weekends and Quebec statutory holidays do not count."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.business_days import OptOutCalendar
from desktop.domain.clinic_identity import MAX_OPT_OUT_DELAY_DAYS, EasterHoliday
from desktop.domain.enums import Language

#: The law's rule (10 business days) at a clinic that observes Good Friday.
LAW = OptOutCalendar()
is_business_day = LAW.is_business_day
add_business_days = LAW.add_business_days
business_days_left = LAW.days_left
opt_out_due_date = LAW.due_date


@pytest.mark.parametrize(
    "day",
    [
        date(2025, 12, 25),  # Christmas
        date(2026, 1, 1),  # New Year's Day
        date(2026, 4, 3),  # Good Friday
        date(2026, 5, 18),  # Journée nationale des patriotes (Monday before May 25)
        date(2026, 6, 24),  # Fête nationale (Saint-Jean-Baptiste)
        date(2026, 7, 1),  # Canada Day
        date(2026, 9, 7),  # Labour Day
        date(2026, 10, 12),  # Thanksgiving
        date(2029, 6, 25),  # June 24, 2029 is a Sunday: the Monday is off
        date(2026, 11, 28),  # Saturday
        date(2026, 11, 29),  # Sunday
    ],
)
def test_days_off(day: date) -> None:
    assert not is_business_day(day)


@pytest.mark.parametrize(
    "day",
    [
        date(2025, 12, 26),  # Boxing Day is not a statutory holiday in Quebec
        date(2026, 1, 2),
        date(2026, 5, 25),  # Victoria Day elsewhere in Canada; in Quebec the patriots' day was the 18th
        date(2026, 9, 30),  # not a statutory holiday in Quebec
        date(2026, 11, 11),  # Remembrance Day: not a holiday in Quebec
        date(2026, 11, 24),
    ],
)
def test_working_days(day: date) -> None:
    assert is_business_day(day)


@pytest.mark.parametrize(
    ("received", "due"),
    [
        # A Tuesday in an ordinary fortnight: two weeks later.
        (date(2026, 11, 24), date(2026, 12, 8)),
        # Christmas and New Year's Day (both Thursdays) are skipped.
        (date(2025, 12, 19), date(2026, 1, 6)),
        # Fête nationale (Wed June 24) and Canada Day (Wed July 1).
        (date(2026, 6, 19), date(2026, 7, 7)),
        # Journée nationale des patriotes (Mon May 18).
        (date(2026, 5, 15), date(2026, 6, 1)),
        # Received on a Saturday: counting starts on Monday.
        (date(2026, 11, 28), date(2026, 12, 11)),
        # Received on a holiday.
        (date(2025, 12, 25), date(2026, 1, 9)),
    ],
)
def test_opt_out_due_date_is_ten_quebec_business_days_later(received: date, due: date) -> None:
    assert opt_out_due_date(received) == due


def test_add_zero_business_days_is_the_same_day() -> None:
    assert add_business_days(date(2026, 11, 28), 0) == date(2026, 11, 28)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31)), st.integers(0, 40))
def test_add_business_days_counts_exactly_the_business_days(start: date, count: int) -> None:
    due = add_business_days(start, count)
    between = [start + timedelta(days=n) for n in range(1, (due - start).days + 1)]
    assert sum(is_business_day(day) for day in between) == count
    assert count == 0 or is_business_day(due)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31)))
def test_due_date_is_about_two_weeks_later_and_never_more_than_four(received: date) -> None:
    due = opt_out_due_date(received)
    assert timedelta(days=12) <= due - received <= timedelta(days=28)


def test_business_days_left() -> None:
    today = date(2026, 11, 24)
    assert business_days_left(today, date(2026, 12, 4)) == 8
    assert business_days_left(today, today) == 0
    assert business_days_left(today, date(2026, 11, 23)) == -1
    # Friday due, read on the following Monday: one business day late.
    assert business_days_left(date(2026, 11, 30), date(2026, 11, 27)) == -1
    # Received before Christmas, due after New Year's Day: both holidays are skipped.
    assert business_days_left(date(2025, 12, 19), date(2026, 1, 6)) == MAX_OPT_OUT_DELAY_DAYS


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31)), st.integers(0, 40))
def test_business_days_left_undoes_adding_business_days(start: date, count: int) -> None:
    assert business_days_left(start, add_business_days(start, count)) == count


def test_the_deadline_sentence_names_the_number_of_business_days() -> None:
    assert MAX_OPT_OUT_DELAY_DAYS == 10
    assert "10 Quebec business days" in LAW.deadline_sentence(Language.EN)
    assert "10 jours ouvrables" in LAW.deadline_sentence(Language.FR)


def test_the_clinic_s_easter_holiday_and_shorter_delay() -> None:
    monday = OptOutCalendar(EasterHoliday.EASTER_MONDAY, 5)
    assert monday.is_business_day(date(2026, 4, 3))  # Good Friday worked
    assert not monday.is_business_day(date(2026, 4, 6))  # Easter Monday off
    assert monday.due_date(date(2026, 4, 1)) == date(2026, 4, 9)
    assert LAW.due_date(date(2026, 4, 1)) == date(2026, 4, 16)
    assert "Easter Monday" in monday.deadline_sentence(Language.EN)
    assert "5 jours ouvrables" in monday.deadline_sentence(Language.FR)
