"""The retention rule, legal holds and anonymisation: what the privacy officer reviews and what an
anonymisation leaves of a file.

A file is reviewed ``retention_years`` after its last contact (its last appointment, consent event,
opt-out or access request, or its creation when it has none). A legal hold, a pending opt-out or an
open access request keeps it out of the review. Anonymising replaces the identity with a placeholder;
the evidence (consents, acknowledgments, opt-outs, the audit) stays countable and verifiable.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from desktop.domain.errors import FieldError, ValidationError
from desktop.domain.texts import Text

RETENTION_YEARS_MIN, RETENTION_YEARS_MAX = 1, 100
DEFAULT_RETENTION_YEARS = 7
#: Incident entries are kept at least this many years after their discovery (retention never touches them).
INCIDENT_KEEP_YEARS = 5
#: The last name an anonymised file keeps (its first name becomes "").
ANONYMISED_NAME = "Anonymisé"
HOLD_REASON_MAX_LENGTH = 500

_RULE = Text("{years} ans après le dernier contact", "{years} years after the last contact")
_RULE_ONE_YEAR = Text("1 an après le dernier contact", "1 year after the last contact")


def rule_words(years: int, language: str = "fr") -> str:
    """The rule in words, as an anonymisation stores it (in French) and a report shows it."""
    text = _RULE_ONE_YEAR if years == 1 else _RULE
    template = text.en if language == "en" else text.fr
    return template.format(years=years)


def years_after(day: date, years: int) -> date:
    """``day`` moved ``years`` later (29 February becomes 28 February in a common year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def years_before(day: date, years: int) -> date:
    """``day`` moved ``years`` earlier (29 February becomes 28 February in a common year)."""
    return years_after(day, -years)


def anonymised_birth_date(day: date) -> date:
    """A date of birth reduced to its year: 1 January of it."""
    return date(day.year, 1, 1)


def check_retention_years(errors: list[FieldError], years: int) -> None:
    if (
        isinstance(years, bool)
        or not isinstance(years, int)
        or not (RETENTION_YEARS_MIN <= years <= RETENTION_YEARS_MAX)
    ):
        errors.append(
            FieldError(
                "retention_years",
                "retention_years_range",
                {"min": RETENTION_YEARS_MIN, "max": RETENTION_YEARS_MAX},
            )
        )


def clean_hold_reason(reason: str) -> str:
    """The reason for placing or lifting a hold, trimmed; ValidationError when empty or too long."""
    text = " ".join(str(reason).split())
    if not text:
        raise ValidationError([FieldError("hold_reason", "required")])
    if len(text) > HOLD_REASON_MAX_LENGTH:
        raise ValidationError([FieldError("hold_reason", "too_long", {"max": HOLD_REASON_MAX_LENGTH})])
    return text


@dataclass(frozen=True)
class RetentionCandidate:
    """A file past the rule, not held, nothing pending."""

    client_id: int
    file_number: str
    #: "Last, First" as on file (the privacy officer must see whom).
    name: str
    date_of_birth: date
    last_contact_on: date
    #: ``last_contact_on`` + the rule's years.
    review_due_on: date


@dataclass(frozen=True)
class RetentionReview:
    today: date
    retention_years: int
    #: Oldest last contact first, at most the limit asked.
    candidates: tuple[RetentionCandidate, ...]
    #: Files past the rule and reviewable (may exceed ``len(candidates)``).
    total: int
    #: Past the rule but left out: a legal hold.
    held: int
    #: Past the rule but left out: an opt-out request not yet processed.
    pending_opt_out: int
    #: Past the rule but left out: an access request neither answered nor refused.
    open_access_request: int


@dataclass(frozen=True)
class LegalHoldRecord:
    client_id: int
    file_number: str
    #: True: the hold stands (placed, not lifted since).
    placed: bool
    reason: str
    at: datetime
    by_name: str


@dataclass(frozen=True)
class AnonymisationRecord:
    client_id: int
    file_number: str
    retention_years: int
    last_contact_on: date
    #: The rule's words in French as stored ("7 ans après le dernier contact").
    rule: str
    erased_rows: int
    documents_removed: int
    anonymised_at: datetime
    by_name: str
