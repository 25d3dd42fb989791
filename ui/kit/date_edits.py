"""Date boxes with a calendar that also read a date typed in any form the desk uses (AAAA-MM-JJ, JJ/MM/AAAA,
JJ.MM.AAAA: :mod:`desktop.domain.dates`), so a day typed in a booking or an opt-out is read as in the client
form and the search. They show the date back in ISO form, and their windows say it in words."""

from __future__ import annotations

import re

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QWidget

from desktop.domain.dates import read_date

__all__ = ["DayEdit", "MomentEdit"]

# What may still become a date (or a date and a time) while it is typed.
_TYPING = re.compile(r"^[0-9./\- :h]{0,20}$", re.ASCII)
_MOMENT = re.compile(r"^(?P<day>\S+)\s+(?P<hour>\d{1,2})\s*[:h]\s*(?P<minute>\d{2})$", re.ASCII)


def _qdate(text: str) -> QDate | None:
    day = read_date(text)
    return QDate(day.year, day.month, day.day) if day is not None else None


def _moment(text: str) -> QDateTime | None:
    """A date in any accepted form followed by a time, 14:30 or 14 h 30."""
    match = _MOMENT.match(text.strip())
    if match is None:
        return None
    day, hour, minute = _qdate(match["day"]), int(match["hour"]), int(match["minute"])
    if day is None or hour > 23 or minute > 59:
        return None
    return QDateTime(day, QTime(hour, minute))


def _show_as_read(box: QDateTimeEdit) -> None:
    """What was typed, once read, shown back in the box's own form (ISO)."""
    box.lineEdit().setText(box.textFromDateTime(box.dateTime()))


class DayEdit(QDateEdit):
    """A day, picked in the calendar or typed in any accepted form."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editingFinished.connect(lambda: _show_as_read(self))

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        day = _qdate(text)
        if day is not None and self.minimumDate() <= day <= self.maximumDate():
            return QValidator.State.Acceptable, text, pos
        if _TYPING.match(text):
            return QValidator.State.Intermediate, text, pos
        return super().validate(text, pos)

    def dateTimeFromText(self, text: str) -> QDateTime:
        day = _qdate(text)
        return QDateTime(day, QTime(0, 0)) if day is not None else super().dateTimeFromText(text)


class MomentEdit(QDateTimeEdit):
    """A day and a time, picked or typed: the day in any accepted form, then the time (14:30)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editingFinished.connect(lambda: _show_as_read(self))

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        moment = _moment(text)
        if moment is not None and self.minimumDateTime() <= moment <= self.maximumDateTime():
            return QValidator.State.Acceptable, text, pos
        if _TYPING.match(text):
            return QValidator.State.Intermediate, text, pos
        return super().validate(text, pos)

    def dateTimeFromText(self, text: str) -> QDateTime:
        moment = _moment(text)
        return moment if moment is not None else super().dateTimeFromText(text)
