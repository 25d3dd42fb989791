"""Client file numbers: the file's id written on six digits (``000044``)."""

from __future__ import annotations

FILE_NUMBER_DIGITS = 6


def format_file_number(number: int) -> str:
    return f"{number:0{FILE_NUMBER_DIGITS}d}"

