"""What every report shares: its kind, the period it covers and who produced it when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum

from desktop.domain.errors import FieldError, ValidationError
from desktop.domain.evidence import ChainHead, WitnessedHead

OLDEST_DAY = date(2000, 1, 1)
LATEST_DAY = date(2100, 12, 31)


class ReportKind(StrEnum):
    CONSENT_COVERAGE = "consent-coverage"
    OPTOUT_REGISTER = "optout-register"
    REACKNOWLEDGMENT = "reacknowledgment"
    ACCESS_LOG = "access-log"
    EXPORTS_LOG = "exports-log"
    DISCLOSURE_REGISTER = "disclosure-register"
    INCIDENT_REGISTER = "incident-register"
    ACCESS_REQUESTS = "access-requests"
    RETENTION_REVIEW = "retention-review"
    ANONYMISATIONS = "anonymisations"


def local_midnight(day: date) -> datetime:
    """The start of ``day`` on the clinic's clock (the workstation's time zone), in UTC."""
    return datetime.combine(day, time()).astimezone().astimezone(UTC)


def local_day(moment: datetime) -> date:
    return moment.astimezone().date()


@dataclass(frozen=True)
class Period:
    """Calendar days from ``start`` to ``end``, both included, on the clinic's clock."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if not (OLDEST_DAY <= self.start <= self.end <= LATEST_DAY):
            raise ValidationError([FieldError("period", "invalid_period")])

    @property
    def starts_at(self) -> datetime:
        return local_midnight(self.start)

    @property
    def ends_before(self) -> datetime:
        """The first instant after the period."""
        return local_midnight(self.end + timedelta(days=1))

    def months(self) -> list[str]:
        """Every month the period touches, as YYYY-MM."""
        found, year, month = [], self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            found.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return found


@dataclass(frozen=True)
class ChainSeal:
    """The audit chain's head as the report's data stood, read by the service in the same unit of
    work; ``broken_at`` names the first record that breaks the chain (None: verified up to the head).
    ``witnessed``: this workstation's keyed witness, read once the report's own record is sealed."""

    head: ChainHead
    broken_at: int | None = None
    witnessed: WitnessedHead | None = None

    @property
    def verified(self) -> bool:
        return self.broken_at is None


@dataclass(frozen=True)
class ReportHeader:
    kind: ReportKind
    period: Period
    generated_at: datetime
    generated_by: str
    clinic_name: str
    #: None only for a report made without the service (the layout then prints no chain head).
    seal: ChainSeal | None = None
