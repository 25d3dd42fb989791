"""Access and rectification requests (Quebec's private-sector privacy act, s. 32).

The organisation answers in writing within 30 days of receiving the request; no answer within that
delay is deemed a refusal. The delay is counted in calendar days, so a request received on a date is
due 30 days later, whatever the weekday. A request is open until it is answered or refused; an open
request past its due date is overdue.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from desktop.domain.errors import FieldError, ValidationError
from desktop.domain.register_enums import (
    AccessAnswerItem,
    AccessRequestChannel,
    AccessRequestEventKind,
    AccessRequestKind,
)
from desktop.domain.validation import check_text

__all__ = [
    "ANSWER_DELAY_DAYS",
    "MAX_CONTACT",
    "MAX_HOW",
    "MAX_NOTE",
    "MAX_REASON",
    "MAX_REQUESTER_NAME",
    "OLDEST_RECEIVED",
    "AccessRequestDraft",
    "AccessRequestEventRecord",
    "AccessRequestRecord",
    "AccessRequestStatus",
    "ValidRequest",
    "due_date",
    "validate_draft",
    "validate_reason",
]

#: Calendar days to answer (s. 32).
ANSWER_DELAY_DAYS = 30
OLDEST_RECEIVED = date(2000, 1, 1)
MAX_REQUESTER_NAME = 200
MAX_CONTACT = 300
MAX_NOTE = 2000
MAX_HOW = 500
MAX_REASON = 2000


def due_date(received_on: date) -> date:
    """The last day to answer a request received on ``received_on``: 30 calendar days later."""
    return received_on + timedelta(days=ANSWER_DELAY_DAYS)


class AccessRequestStatus(StrEnum):
    OPEN = "open"
    ANSWERED = "answered"
    REFUSED = "refused"


@dataclass(frozen=True)
class AccessRequestDraft:
    """A request as received. ``kind`` and ``channel`` are None until the person picks them."""

    kind: AccessRequestKind | None
    channel: AccessRequestChannel | None
    received_on: date | None
    requester_name: str
    requester_contact: str = ""
    note: str = ""
    client_id: int | None = None
    uid: uuid.UUID = field(default_factory=uuid.uuid4)


@dataclass(frozen=True)
class ValidRequest:
    """A draft that passed validation: every choice made, every text cleaned."""

    kind: AccessRequestKind
    channel: AccessRequestChannel
    received_on: date
    requester_name: str
    requester_contact: str
    note: str
    client_id: int | None
    uid: uuid.UUID


@dataclass(frozen=True)
class AccessRequestEventRecord:
    kind: AccessRequestEventKind
    at: datetime
    by: str
    client_id: int | None
    detail: str = ""


@dataclass(frozen=True)
class AccessRequestRecord:
    id: int
    uid: uuid.UUID
    kind: AccessRequestKind
    channel: AccessRequestChannel
    received_on: date
    due_on: date
    requester_name: str
    requester_contact: str
    note: str
    logged_by: str
    logged_at: datetime
    #: The client last matched (or named when logged), and that file's number.
    client_id: int | None
    file_number: str | None
    identity_verified_at: datetime | None = None
    identity_how: str = ""
    answered_at: datetime | None = None
    answer_items: frozenset[AccessAnswerItem] = frozenset()
    document_sha256: str | None = None
    refused_at: datetime | None = None
    refusal_reason: str = ""
    history: tuple[AccessRequestEventRecord, ...] = ()

    @property
    def status(self) -> AccessRequestStatus:
        if self.answered_at is not None:
            return AccessRequestStatus.ANSWERED
        if self.refused_at is not None:
            return AccessRequestStatus.REFUSED
        return AccessRequestStatus.OPEN

    @property
    def is_open(self) -> bool:
        return self.status == AccessRequestStatus.OPEN

    def overdue_on(self, today: date) -> bool:
        return self.is_open and today > self.due_on

    @property
    def closed_late(self) -> bool:
        """Answered or refused on a (local) day after the due date."""
        closed = self.answered_at or self.refused_at
        return closed is not None and closed.astimezone().date() > self.due_on

    def days_left(self, today: date) -> int:
        """Calendar days until the due date (0 on it, negative once past)."""
        return (self.due_on - today).days


def validate_draft(draft: AccessRequestDraft, today: date) -> ValidRequest:
    """A cleaned copy of the draft (trimmed, NFC), or ValidationError naming each bad field."""
    errors: list[FieldError] = []
    if not isinstance(draft.kind, AccessRequestKind):
        errors.append(FieldError("request_kind", "required"))
    if not isinstance(draft.channel, AccessRequestChannel):
        errors.append(FieldError("request_channel", "required"))
    if draft.received_on is None:
        errors.append(FieldError("received_on", "required"))
    elif draft.received_on > today:
        errors.append(FieldError("received_on", "date_in_future"))
    elif draft.received_on < OLDEST_RECEIVED:
        errors.append(FieldError("received_on", "date_too_old", {"min": OLDEST_RECEIVED.year}))
    name = check_text(
        errors, "requester_name", draft.requester_name, max_length=MAX_REQUESTER_NAME, required=True
    )
    contact = check_text(errors, "requester_contact", draft.requester_contact, max_length=MAX_CONTACT)
    note = check_text(errors, "note", draft.note, max_length=MAX_NOTE)
    if errors or draft.kind is None or draft.channel is None or draft.received_on is None:
        raise ValidationError(errors)
    return ValidRequest(
        kind=draft.kind,
        channel=draft.channel,
        received_on=draft.received_on,
        requester_name=name,
        requester_contact=contact,
        note=note,
        client_id=draft.client_id,
        uid=draft.uid,
    )


def validate_reason(field_name: str, value: str, max_length: int) -> str:
    """A required free text (how identity was verified, why a request is refused), cleaned."""
    errors: list[FieldError] = []
    clean = check_text(errors, field_name, value, max_length=max_length, required=True)
    if errors:
        raise ValidationError(errors)
    return clean
