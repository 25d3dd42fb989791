"""The evidence pack of one client's file: plain records, gathered in one unit of work, that answer
an access request, a complaint or an inspection (what the person agreed to, under which wording,
who recorded it, how and where, what they signed, when their opt-out took effect, who saw the file)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from desktop.domain.access_requests import AccessRequestRecord
from desktop.domain.disclosures import DisclosureRecord
from desktop.domain.enums import Channel, Language, Purpose
from desktop.domain.records import OptOutRecord
from desktop.domain.reminder_records import EvidenceReminder
from desktop.domain.schedule import AppointmentEventRecord


@dataclass(frozen=True)
class ChainHead:
    """The newest link of the tamper-evident chain when the pack was gathered: the pack's records
    are those a check of the database up to this link vouches for."""

    sequence: int
    hash: str


@dataclass(frozen=True)
class WitnessedHead:
    """This workstation's witness of the database, kept outside it under a key the database does not
    hold: the records up to ``audit_last_id`` are sealed by ``mac``."""

    witness_id: str
    audit_last_id: int
    mac: str


@dataclass(frozen=True)
class EvidenceIdentity:
    file_number: str
    first_name: str
    last_name: str
    date_of_birth: date
    language: Language
    address: str
    email: str
    phone: str
    created_at: datetime
    #: Digits ('' when none), printed with the number.
    phone_extension: str = ""

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"


@dataclass(frozen=True)
class EvidenceConsent:
    """One consent event as recorded: ``action`` and ``method`` are the stored values (kept as text
    so a value added later still prints), ``wording`` the exact sentence the client was given."""

    sequence: int
    uid: UUID
    recorded_at: datetime
    purpose: Purpose
    channel: Channel
    action: str
    method: str
    wording: str
    language: Language
    recorded_by: str
    site: str
    policy_version: str
    policy_language: Language
    policy_sha256: str
    representative_name: str | None = None
    representative_capacity: str | None = None
    #: A consent brought in by a client-list import (method ``imported``): what the file stated.
    imported: EvidenceImportedConsent | None = None


@dataclass(frozen=True)
class EvidenceImportedConsent:
    """The file a consent was imported from (its SHA-256), its row, and the date and method it stated."""

    file_sha256: str
    row_number: int
    stated_on: date
    stated_method: str


@dataclass(frozen=True)
class EvidencePolicy:
    """A policy text the client acknowledged or consented under, verbatim, with its stored SHA-256
    and whether the text still hashes to it."""

    version: str
    language: Language
    effective_date: date
    text: str
    sha256: str
    text_matches: bool
    summary_text: str | None = None
    summary_sha256: str | None = None


@dataclass(frozen=True)
class EvidenceAcknowledgment:
    uid: UUID
    signed_at: datetime
    refused: bool
    refusal_note: str
    signer_name: str
    signer_capacity: str
    witnessed_by: str
    site: str
    policy_version: str
    policy_language: Language
    policy_sha256: str
    signature_png: bytes | None
    verification_code: str | None
    document_sha256: str | None
    #: The stored PDF still hashes to its recorded SHA-256 (None: no PDF stored, or removed).
    document_intact: bool | None
    #: The stored PDF was removed by the file's anonymisation (a recorded erasure): code and SHA-256 kept.
    document_removed: bool = False


@dataclass(frozen=True)
class EvidenceAccess:
    """One audit record on the file or naming the client."""

    sequence: int
    at: datetime
    username: str
    staff_name: str
    workstation: str
    action: str
    entity_type: str
    entity_id: str


@dataclass(frozen=True)
class EvidencePack:
    produced_at: datetime
    produced_by: str
    organisation: str
    privacy_officer: str
    identity: EvidenceIdentity
    consents: tuple[EvidenceConsent, ...]
    policies: tuple[EvidencePolicy, ...]
    acknowledgments: tuple[EvidenceAcknowledgment, ...]
    optouts: tuple[OptOutRecord, ...]
    accesses: tuple[EvidenceAccess, ...]
    chain_head: ChainHead
    #: The first audit record that breaks the chain, found as the pack was gathered (None: this
    #: workstation verified the chain up to ``chain_head``). A pack of a broken chain prints no head.
    chain_broken_at: int | None = None
    #: The workstation's keyed witness once the pack was recorded (None on a throwaway database).
    witnessed: WitnessedHead | None = None
    #: Every reminder sent or exported to the client (the use of their consent to reminders).
    reminders: tuple[EvidenceReminder, ...] = ()
    #: Every event of the client's appointments (booked, cancelled, rescheduled, arrived, no-show).
    appointment_events: tuple[AppointmentEventRecord, ...] = ()
    #: Every entry of the disclosure register naming the client, oldest first.
    disclosures: tuple[DisclosureRecord, ...] = ()
    #: Every access or rectification request about the client, oldest first.
    access_requests: tuple[AccessRequestRecord, ...] = ()

    @property
    def language(self) -> Language:
        """The pack is read by the client or by an inspector on the client's behalf: their language."""
        return self.identity.language


@dataclass(frozen=True)
class RenderedEvidence:
    """The pack's PDF, ready to preview, print or save."""

    file_number: str
    language: Language
    data: bytes
