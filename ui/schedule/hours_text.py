"""A weekday's hours as one line of text, typed quickly: ``8:00-12:00, 13:00-17:00`` (also ``8h-12h``,
``8 h 30 – 12 h``). Whether intervals overlap is the service's rule; this only reads and writes the line."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import time

from desktop.domain.schedule import WeeklyHours

__all__ = ["UnreadableHours", "hours_line", "read_hours_line"]

_CLOCK = r"(\d{1,2})\s*(?:[:h]\s*(\d{2})?)?"
_INTERVAL = re.compile(rf"^{_CLOCK}\s*(?:-|–|à|to)\s*{_CLOCK}$", re.ASCII | re.IGNORECASE)


class UnreadableHours(ValueError):
    """``piece`` is the part of the line that is not an interval."""

    def __init__(self, piece: str) -> None:
        super().__init__(piece)
        self.piece = piece


def _clock(hours: str, minutes: str | None, piece: str) -> time:
    try:
        return time(int(hours), int(minutes or 0))
    except ValueError:
        raise UnreadableHours(piece) from None


def read_hours_line(weekday: int, line: str) -> list[WeeklyHours]:
    """The intervals a line names, in order; an empty line is a day off."""
    intervals = []
    for piece in (p.strip() for p in re.split(r"[,;]", line)):
        if not piece:
            continue
        match = _INTERVAL.match(piece)
        if match is None:
            raise UnreadableHours(piece)
        starts = _clock(match[1], match[2], piece)
        ends = _clock(match[3], match[4], piece)
        intervals.append(WeeklyHours(weekday, starts, ends))
    return sorted(intervals, key=lambda hours: hours.starts)


def hours_line(hours: Iterable[WeeklyHours], weekday: int) -> str:
    """The line for one weekday: ``08:00-12:00, 13:00-17:00``."""
    return ", ".join(
        f"{h.starts:%H:%M}-{h.ends:%H:%M}"
        for h in sorted(hours, key=lambda h: h.starts)
        if h.weekday == weekday
    )
