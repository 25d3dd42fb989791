"""The disclosure register: personal information communicated outside the clinic (the policy's §4: to the
parent organisation, or where the law requires it), what the register records of it and the rules for an entry.

An entry is never changed: a mistake is corrected by a new entry that names the one it corrects (``corrects_id``);
the newest entry of such a line stands, the earlier ones stay in the register, marked as corrected.

The recipient's name is required for every kind of recipient except the parent organisation: the policy names
that one body, while "a court", "the police", "a professional order" or "other" says nothing of who received
the information (which court or police service, which order, which person), and the register must tell.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TypeVar
from uuid import UUID, uuid4

from desktop.domain.errors import FieldError, ValidationError
from desktop.domain.register_enums import DisclosureMeans, DisclosureRecipient
from desktop.domain.validation import MAX_FULL_NAME, MAX_NOTE, check_past_date, check_text

#: The columns' sizes (desktop/db/register_models.py).
MAX_RECIPIENT_NAME = 200
MAX_LEGAL_BASIS = 500
MAX_INFORMATION = 2000
MAX_AUTHORISED_BY = MAX_FULL_NAME
#: A disclosure names its clients one by one (a court order for a list of files stays well under this).
MAX_CLIENTS = 500
#: No register entry is older than the clinic's software: a year typed wrong is told, not recorded.
OLDEST_DISCLOSURE = date(2000, 1, 1)

E = TypeVar("E", DisclosureRecipient, DisclosureMeans)

#: The kinds of recipient the policy names by themselves, so that no name is needed.
NAMED_BY_KIND = frozenset({DisclosureRecipient.PARENT_ORGANISATION})


@dataclass(frozen=True)
class DisclosureDraft:
    """A disclosure as the person records it. ``uid`` makes a replay (the same save sent twice) harmless."""

    disclosed_on: date | None
    recipient_kind: DisclosureRecipient
    recipient_name: str
    legal_basis: str
    information: str
    authorised_by: str
    means: DisclosureMeans
    client_ids: tuple[int, ...]
    note: str = ""
    uid: UUID = field(default_factory=uuid4)


@dataclass(frozen=True)
class DisclosureRecord:
    """One entry of the register, with the file numbers of its clients (in the order they were named)."""

    id: int
    uid: UUID
    disclosed_on: date
    recipient_kind: DisclosureRecipient
    recipient_name: str
    legal_basis: str
    information: str
    authorised_by: str
    means: DisclosureMeans
    note: str
    client_ids: tuple[int, ...]
    file_numbers: tuple[str, ...]
    recorded_by: str
    recorded_at: datetime
    #: The entry this one corrects (None: an entry of its own).
    corrects_id: int | None = None
    #: The later entry that corrects this one (None: this entry stands).
    corrected_by_id: int | None = None

    @property
    def stands(self) -> bool:
        return self.corrected_by_id is None


def validate_disclosure(draft: DisclosureDraft, today: date) -> DisclosureDraft:
    """A cleaned copy (trimmed, NFC, clients once each in the order named) or ValidationError."""
    errors: list[FieldError] = []
    check_past_date(errors, "disclosed_on", draft.disclosed_on, today=today)
    if draft.disclosed_on is not None and draft.disclosed_on < OLDEST_DISCLOSURE:
        errors.append(FieldError("disclosed_on", "date_too_old", {"min": OLDEST_DISCLOSURE.year}))
    kind = _choice(errors, "recipient_kind", draft.recipient_kind, DisclosureRecipient)
    means = _choice(errors, "means", draft.means, DisclosureMeans)
    name = check_text(errors, "recipient_name", draft.recipient_name, max_length=MAX_RECIPIENT_NAME)
    if kind is not None and kind not in NAMED_BY_KIND and not name:
        errors.append(FieldError("recipient_name", "disclosure_recipient_name_required"))
    basis = check_text(errors, "legal_basis", draft.legal_basis, max_length=MAX_LEGAL_BASIS, required=True)
    information = check_text(
        errors, "information", draft.information, max_length=MAX_INFORMATION, required=True
    )
    authorised = check_text(
        errors, "authorised_by", draft.authorised_by, max_length=MAX_AUTHORISED_BY, required=True
    )
    note = check_text(errors, "note", draft.note, max_length=MAX_NOTE)
    clients = tuple(dict.fromkeys(draft.client_ids))
    if not clients:
        errors.append(FieldError("client_ids", "disclosure_no_client"))
    elif len(clients) > MAX_CLIENTS:
        errors.append(FieldError("client_ids", "disclosure_too_many_clients", {"max": MAX_CLIENTS}))
    if errors or kind is None or means is None or draft.disclosed_on is None:
        raise ValidationError(errors)
    return DisclosureDraft(
        disclosed_on=draft.disclosed_on,
        recipient_kind=kind,
        recipient_name=name,
        legal_basis=basis,
        information=information,
        authorised_by=authorised,
        means=means,
        client_ids=clients,
        note=note,
        uid=draft.uid,
    )


def _choice(errors: list[FieldError], name: str, value: object, kind: type[E]) -> E | None:
    """The value as its enum, or a field error (a caller outside the typed GUI may send any text)."""
    if value is None or value == "":
        errors.append(FieldError(name, "required"))
        return None
    try:
        return kind(str(value))
    except ValueError:
        errors.append(FieldError(name, "invalid_choice", {"value": str(value)[:20]}))
        return None


def same_disclosure(record: DisclosureRecord, draft: DisclosureDraft) -> bool:
    """Whether an entry saved with the draft's uid says what the (cleaned) draft says: a true replay."""
    return (
        record.disclosed_on,
        record.recipient_kind,
        record.recipient_name,
        record.legal_basis,
        record.information,
        record.authorised_by,
        record.means,
        record.note,
        record.client_ids,
    ) == (
        draft.disclosed_on,
        draft.recipient_kind,
        draft.recipient_name,
        draft.legal_basis,
        draft.information,
        draft.authorised_by,
        draft.means,
        draft.note,
        draft.client_ids,
    )
