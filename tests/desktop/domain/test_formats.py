"""Quebec formats: times, numbers, percentages, dates and phone numbers in French and in English."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest

from desktop.domain.enums import Language
from desktop.domain.formats import (
    NBSP,
    format_date,
    format_date_long,
    format_datetime,
    format_number,
    format_percent,
    format_phone,
    format_time,
)

FR, EN = Language.FR, Language.EN


@pytest.mark.parametrize(
    ("moment", "french", "english"),
    [
        (time(15, 30), "15 h 30", "15:30"),
        (time(9, 5), "9 h 05", "09:05"),
        (time(15, 0), "15 h", "15:00"),
        (time(0, 0), "0 h", "00:00"),
        (time(23, 59, 59), "23 h 59", "23:59"),
        (datetime(2026, 11, 24, 16, 29), "16 h 29", "16:29"),
    ],
)
def test_time(moment: time | datetime, french: str, english: str) -> None:
    assert format_time(moment, FR) == french.replace(" ", NBSP)
    assert format_time(moment, EN) == english


def test_the_spaces_of_a_french_time_do_not_break() -> None:
    assert format_time(time(16, 29), FR) == "16\u00a0h\u00a029"


@pytest.mark.parametrize(
    ("value", "decimals", "french", "english"),
    [
        (12345, 0, "12 345", "12,345"),
        (1234567.891, 2, "1 234 567,89", "1,234,567.89"),
        (999, 0, "999", "999"),
        (58.25, 1, "58,2", "58.2"),  # the same rounding as Python's own (half to even on the binary value)
        (0.5, 0, "0", "0"),
        (-1234.5, 1, "-1 234,5", "-1,234.5"),
        (-0.04, 1, "0,0", "0.0"),  # never "-0,0"
        (3, 1, "3,0", "3.0"),
    ],
)
def test_number(value: float, decimals: int, french: str, english: str) -> None:
    assert format_number(value, FR, decimals) == french.replace(" ", NBSP)
    assert format_number(value, EN, decimals) == english


def test_number_without_grouping_for_a_spreadsheet() -> None:
    assert format_number(12345.6, FR, 1, grouping=False) == "12345,6"
    assert format_number(12345.6, EN, 1, grouping=False) == "12345.6"


def test_a_negative_number_of_decimals_is_refused() -> None:
    with pytest.raises(ValueError):
        format_number(1, FR, -1)


@pytest.mark.parametrize(
    ("value", "decimals", "french", "english"),
    [
        (58.3, 1, "58,3 %", "58.3%"),
        (100, 1, "100,0 %", "100.0%"),
        (0, 0, "0 %", "0%"),
        (94.66, 1, "94,7 %", "94.7%"),
        (1234.5, 1, "1 234,5 %", "1,234.5%"),
    ],
)
def test_percent(value: float, decimals: int, french: str, english: str) -> None:
    assert format_percent(value, FR, decimals) == french.replace(" ", NBSP)
    assert format_percent(value, EN, decimals) == english


def test_percent_has_one_decimal_unless_told() -> None:
    assert format_percent(58.34, FR) == f"58,3{NBSP}%"
    assert format_percent(58.34, EN) == "58.3%"


def test_date_in_tables_is_iso_in_both_languages() -> None:
    assert format_date(date(2026, 11, 24), FR) == format_date(date(2026, 11, 24), EN) == "2026-11-24"
    assert format_date(None, FR) == ""


@pytest.mark.parametrize(
    ("day", "french", "english"),
    [
        (date(2026, 11, 24), "24 novembre 2026", "November 24, 2026"),
        (date(2026, 11, 1), "1er novembre 2026", "November 1, 2026"),
        (date(2026, 2, 2), "2 février 2026", "February 2, 2026"),
        (date(2026, 8, 15), "15 août 2026", "August 15, 2026"),
        (date(2026, 12, 31), "31 décembre 2026", "December 31, 2026"),
    ],
)
def test_date_long(day: date, french: str, english: str) -> None:
    assert format_date_long(day, FR) == french
    assert format_date_long(day, EN) == english


def test_every_month_has_its_name_in_both_languages() -> None:
    french = [format_date_long(date(2026, month, 3), FR).split()[1] for month in range(1, 13)]
    english = [format_date_long(date(2026, month, 3), EN).split()[0] for month in range(1, 13)]
    assert len(set(french)) == len(set(english)) == 12
    assert all(name.islower() for name in french) and all(name.istitle() for name in english)


def test_datetime_is_written_in_the_workstations_time_zone() -> None:
    moment = datetime(2026, 11, 24, 21, 29, tzinfo=UTC)
    local = moment.astimezone()
    assert format_datetime(moment, EN) == local.strftime("%Y-%m-%d %H:%M")
    assert format_datetime(moment, FR) == f"{local:%Y-%m-%d} {format_time(local, FR)}"
    naive = datetime(2026, 11, 24, 9, 5)
    assert format_datetime(naive, FR) == f"2026-11-24 9{NBSP}h{NBSP}05"
    assert format_datetime(naive, EN) == "2026-11-24 09:05"
    assert format_datetime(None, FR) == ""
    eastern = datetime(2026, 11, 24, 16, 29, tzinfo=timezone(timedelta(hours=-5)))
    assert format_datetime(eastern, EN) == eastern.astimezone().strftime("%Y-%m-%d %H:%M")


@pytest.mark.parametrize(
    ("number", "french", "english"),
    [
        ("+14185550123", "418 555-0123", "(418) 555-0123"),
        ("+15147297747", "514 729-7747", "(514) 729-7747"),
        ("418-555-0123", "418 555-0123", "(418) 555-0123"),
        ("(418) 555-0123 ext. 45", "418 555-0123, poste 45", "(418) 555-0123 ext. 45"),
        ("+1 418 555 0123;ext=7", "418 555-0123, poste 7", "(418) 555-0123 ext. 7"),
        ("+33142685300", "+33 1 42 68 53 00", "+33 1 42 68 53 00"),
        ("not a number", "not a number", "not a number"),
        ("", "", ""),
    ],
)
def test_phone(number: str, french: str, english: str) -> None:
    assert format_phone(number, FR) == french
    assert format_phone(number, EN) == english


def test_a_language_the_formats_do_not_know_is_refused() -> None:
    for call in (
        lambda: format_number(1, "es"),  # type: ignore[arg-type]  # not a language of the clinics
        lambda: format_phone("+14185550123", "es"),  # type: ignore[arg-type]
        lambda: format_date_long(date(2026, 1, 1), "es"),  # type: ignore[arg-type]
        lambda: format_time(time(9, 5), "es"),  # type: ignore[arg-type]
    ):
        with pytest.raises(ValueError):
            call()
    assert format_number(1, "fr") == "1"  # type: ignore[arg-type]  # a plain code also works


@pytest.mark.parametrize(
    ("day", "french", "english"),
    [
        (date(2026, 11, 24), "mardi 24 novembre 2026", "Tuesday, November 24, 2026"),
        (date(2026, 11, 1), "dimanche 1er novembre 2026", "Sunday, November 1, 2026"),
        (date(2026, 11, 30), "lundi 30 novembre 2026", "Monday, November 30, 2026"),
    ],
)
def test_date_long_with_its_weekday(day: date, french: str, english: str) -> None:
    assert format_date_long(day, FR, weekday=True) == french
    assert format_date_long(day, EN, weekday=True) == english
