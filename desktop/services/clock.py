"""The services' notion of now; tests hand in a fixed clock."""

from __future__ import annotations

from datetime import UTC, date, datetime


class Clock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def today(self) -> date:
        """The clinic's calendar day (the workstation's local time zone)."""
        return self.now().astimezone().date()


class FixedClock(Clock):
    def __init__(self, at: datetime) -> None:
        self.at = at

    def now(self) -> datetime:
        return self.at

    def advance(self, **delta: float) -> None:
        from datetime import timedelta

        self.at = self.at + timedelta(**delta)
