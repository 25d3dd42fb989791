"""The confidentiality-incident register (Quebec, Regulation respecting confidentiality incidents, s. 7):
what an entry holds, how long it is kept and when a notice is still owed.

An incident is opened once and updated as the investigation goes: every update is a new version, the
earlier ones kept. These are the plain values the service returns and the rules a draft must meet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from uuid import UUID, uuid4

from desktop.domain.errors import FieldError, ValidationError
from desktop.domain.validation import check_past_date, check_text

#: The regulation keeps an entry at least five years after the clinic became aware of the incident.
KEEP_YEARS = 5
MAX_INCIDENT_TEXT = 8000
#: Far above any clinic's files, far below a database integer's limit.
MAX_PEOPLE = 100_000_000
TEXT_FIELDS = (
    "information_concerned",
    "not_describable_reason",
    "circumstances",
    "risk_assessment",
    "measures",
)


@dataclass(frozen=True)
class IncidentDraft:
    """What is known of an incident, as the privacy officer records it. A date left None is not known
    yet (the regulation allows an approximation of the period and of the number of people)."""

    circumstances: str
    discovered_on: date | None
    information_concerned: str = ""
    not_describable_reason: str = ""
    occurred_from: date | None = None
    occurred_to: date | None = None
    people_concerned: int | None = None
    risk_assessment: str = ""
    serious_injury_risk: bool = False
    commission_notified_on: date | None = None
    people_notified_on: date | None = None
    measures: str = ""
    uid: UUID = field(default_factory=uuid4)


@dataclass(frozen=True)
class IncidentVersionRecord:
    """One version of an incident's entry: the regulation's fields as they stood when it was saved."""

    version: int
    information_concerned: str
    not_describable_reason: str
    circumstances: str
    occurred_from: date | None
    occurred_to: date | None
    discovered_on: date
    people_concerned: int | None
    risk_assessment: str
    serious_injury_risk: bool
    commission_notified_on: date | None
    people_notified_on: date | None
    measures: str
    recorded_by: str
    recorded_at: datetime

    @property
    def notification_due(self) -> bool:
        """A serious risk of injury with the Commission or the people concerned not yet notified."""
        return self.serious_injury_risk and (
            self.commission_notified_on is None or self.people_notified_on is None
        )

    @property
    def keep_until(self) -> date:
        return keep_until(self.discovered_on)


@dataclass(frozen=True)
class IncidentRecord:
    """An incident as it stands: its reference, its newest version's fields, how many versions there are,
    who opened it and who saved the newest version."""

    id: int
    uid: UUID
    reference: str
    version: int
    versions_count: int
    information_concerned: str
    not_describable_reason: str
    circumstances: str
    occurred_from: date | None
    occurred_to: date | None
    discovered_on: date
    people_concerned: int | None
    risk_assessment: str
    serious_injury_risk: bool
    commission_notified_on: date | None
    people_notified_on: date | None
    measures: str
    opened_by: str
    opened_at: datetime
    recorded_by: str
    recorded_at: datetime

    @classmethod
    def of(
        cls,
        *,
        id: int,  # noqa: A002 - the record's field
        uid: UUID,
        reference: str,
        opened_by: str,
        opened_at: datetime,
        current: IncidentVersionRecord,
        versions_count: int,
    ) -> IncidentRecord:
        return cls(
            id=id,
            uid=uid,
            reference=reference,
            version=current.version,
            versions_count=versions_count,
            information_concerned=current.information_concerned,
            not_describable_reason=current.not_describable_reason,
            circumstances=current.circumstances,
            occurred_from=current.occurred_from,
            occurred_to=current.occurred_to,
            discovered_on=current.discovered_on,
            people_concerned=current.people_concerned,
            risk_assessment=current.risk_assessment,
            serious_injury_risk=current.serious_injury_risk,
            commission_notified_on=current.commission_notified_on,
            people_notified_on=current.people_notified_on,
            measures=current.measures,
            opened_by=opened_by,
            opened_at=opened_at,
            recorded_by=current.recorded_by,
            recorded_at=current.recorded_at,
        )

    @property
    def keep_until(self) -> date:
        return keep_until(self.discovered_on)

    @property
    def notification_due(self) -> bool:
        """A serious risk of injury with the Commission or the people concerned not yet notified."""
        return self.serious_injury_risk and (
            self.commission_notified_on is None or self.people_notified_on is None
        )

    @property
    def notified(self) -> bool:
        """Both the Commission and the people concerned notified."""
        return self.commission_notified_on is not None and self.people_notified_on is not None

    def as_draft(self) -> IncidentDraft:
        """The current version as a draft to edit (a new uid: the update is another request)."""
        return IncidentDraft(
            circumstances=self.circumstances,
            discovered_on=self.discovered_on,
            information_concerned=self.information_concerned,
            not_describable_reason=self.not_describable_reason,
            occurred_from=self.occurred_from,
            occurred_to=self.occurred_to,
            people_concerned=self.people_concerned,
            risk_assessment=self.risk_assessment,
            serious_injury_risk=self.serious_injury_risk,
            commission_notified_on=self.commission_notified_on,
            people_notified_on=self.people_notified_on,
            measures=self.measures,
        )


def keep_until(discovered_on: date) -> date:
    """Five years after the clinic became aware of the incident (a 29 February gives 1 March: at least five
    full years)."""
    try:
        return discovered_on.replace(year=discovered_on.year + KEEP_YEARS)
    except ValueError:
        return date(discovered_on.year + KEEP_YEARS, 3, 1)


def _check_dates(errors: list[FieldError], draft: IncidentDraft, today: date) -> None:
    for name in ("occurred_from", "occurred_to", "commission_notified_on", "people_notified_on"):
        check_past_date(errors, name, getattr(draft, name), today=today, required=False)
    check_past_date(errors, "discovered_on", draft.discovered_on, today=today)
    if errors:
        return
    start, end, discovered = draft.occurred_from, draft.occurred_to, draft.discovered_on
    if start is not None and end is not None and end < start:
        errors.append(FieldError("occurred_to", "incident_period_reversed"))
    if discovered is None:
        return
    for name in ("occurred_from", "occurred_to"):
        value = getattr(draft, name)
        if value is not None and value > discovered:
            errors.append(FieldError(name, "incident_after_discovery", {"discovered": discovered}))
    for name in ("commission_notified_on", "people_notified_on"):
        value = getattr(draft, name)
        if value is not None and value < discovered:
            errors.append(FieldError(name, "incident_notified_before_discovery", {"discovered": discovered}))


def validate_incident(draft: IncidentDraft, today: date) -> IncidentDraft:
    """A cleaned copy of the draft (texts trimmed, NFC) or ValidationError naming every field to correct."""
    errors: list[FieldError] = []
    texts = {
        name: check_text(errors, name, getattr(draft, name), max_length=MAX_INCIDENT_TEXT)
        for name in TEXT_FIELDS
    }
    if not texts["information_concerned"] and not texts["not_describable_reason"]:
        errors.append(FieldError("information_concerned", "incident_information_missing"))
    if not texts["circumstances"]:
        errors.append(FieldError("circumstances", "incident_circumstances_missing"))
    _check_dates(errors, draft, today)
    people = draft.people_concerned
    if people is not None and (isinstance(people, bool) or not 0 <= people <= MAX_PEOPLE):
        errors.append(FieldError("people_concerned", "incident_people_out_of_range", {"max": MAX_PEOPLE}))
    if draft.serious_injury_risk and not texts["risk_assessment"]:
        errors.append(FieldError("risk_assessment", "incident_risk_assessment_required"))
    if errors:
        raise ValidationError(errors)
    return IncidentDraft(
        circumstances=texts["circumstances"],
        discovered_on=draft.discovered_on,
        information_concerned=texts["information_concerned"],
        not_describable_reason=texts["not_describable_reason"],
        occurred_from=draft.occurred_from,
        occurred_to=draft.occurred_to,
        people_concerned=people,
        risk_assessment=texts["risk_assessment"],
        serious_injury_risk=bool(draft.serious_injury_risk),
        commission_notified_on=draft.commission_notified_on,
        people_notified_on=draft.people_notified_on,
        measures=texts["measures"],
        uid=draft.uid,
    )
