"""Client file numbers are the file's id on six digits."""

from __future__ import annotations

from desktop.domain.file_numbers import FILE_NUMBER_DIGITS, format_file_number


def test_file_numbers_have_six_digits() -> None:
    assert FILE_NUMBER_DIGITS == 6
    assert format_file_number(44) == "000044"
    assert format_file_number(1) == "000001"
    assert format_file_number(123456) == "123456"


def test_a_seventh_digit_is_kept_when_the_clinic_outgrows_six() -> None:
    assert format_file_number(1_234_567) == "1234567"
