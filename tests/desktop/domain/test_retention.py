"""The retention rule's arithmetic and checks: years counted on the calendar (29 February lands on 28
February in a common year), a birth date reduced to its year, the rule in words, a hold's reason."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.errors import FieldError, ValidationError
from desktop.domain.retention import (
    anonymised_birth_date,
    check_retention_years,
    clean_hold_reason,
    rule_words,
    years_after,
    years_before,
)


def test_years_are_counted_on_the_calendar() -> None:
    assert years_after(date(2026, 11, 24), 7) == date(2033, 11, 24)
    assert years_after(date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert years_after(date(2024, 2, 29), 4) == date(2028, 2, 29)
    assert years_before(date(2033, 11, 24), 7) == date(2026, 11, 24)
    assert anonymised_birth_date(date(1975, 8, 19)) == date(1975, 1, 1)


def test_the_rule_in_words_and_its_range() -> None:
    assert rule_words(7) == "7 ans après le dernier contact"
    assert rule_words(10, "en") == "10 years after the last contact"
    assert (rule_words(1), rule_words(1, "en")) == (
        "1 an après le dernier contact",
        "1 year after the last contact",
    )
    for years, refused in ((0, True), (1, False), (100, False), (101, True), (True, True)):
        errors: list[FieldError] = []
        check_retention_years(errors, years)  # type: ignore[arg-type]
        assert bool(errors) is refused, years
        if errors:
            assert errors[0].field == "retention_years" and "1 à 100 ans" in errors[0].message("fr")


def test_a_hold_needs_a_reason_of_reasonable_length() -> None:
    assert clean_hold_reason("  Ordonnance\n du tribunal ") == "Ordonnance du tribunal"
    for reason in ("", "   ", "x" * 501):
        with pytest.raises(ValidationError):
            clean_hold_reason(reason)
