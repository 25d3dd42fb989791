"""A client's age on a date, and the age from which they consent for themselves."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.age import AGE_OF_OWN_CONSENT, age_on, consents_for_themselves


@pytest.mark.parametrize(
    ("born", "on", "age"),
    [
        (date(2000, 5, 10), date(2026, 5, 9), 25),
        (date(2000, 5, 10), date(2026, 5, 10), 26),
        (date(2000, 5, 10), date(2000, 5, 10), 0),
        (date(2012, 12, 31), date(2026, 1, 1), 13),
        # Born on February 29: a year older on March 1 in common years, on February 29 in leap years.
        (date(2008, 2, 29), date(2026, 2, 28), 17),
        (date(2008, 2, 29), date(2026, 3, 1), 18),
        (date(2008, 2, 29), date(2028, 2, 29), 20),
    ],
)
def test_age_on(born: date, on: date, age: int) -> None:
    assert age_on(born, on) == age


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)), st.integers(0, 40_000))
def test_age_never_decreases_and_grows_by_one_a_year(born: date, days: int) -> None:
    on = born + timedelta(days=days)
    assert 0 <= age_on(born, on) <= days // 365
    assert age_on(born, on) <= age_on(born, on + timedelta(days=1)) <= age_on(born, on) + 1


def test_the_age_of_own_consent_is_fourteen_in_quebec() -> None:
    assert AGE_OF_OWN_CONSENT == 14
    born = date(2012, 6, 15)
    assert not consents_for_themselves(born, date(2026, 6, 14))
    assert consents_for_themselves(born, date(2026, 6, 15))
