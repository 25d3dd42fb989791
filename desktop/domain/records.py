"""Plain, immutable records the services hand to the GUI and the CLI. No ORM object leaves a service."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from uuid import UUID, uuid4

from desktop.domain.client_records import ClientDraft as ClientDraft
from desktop.domain.client_records import ClientRecord as ClientRecord
from desktop.domain.client_records import ClientSummary as ClientSummary
from desktop.domain.enums import (
    AppointmentKind,
    AppointmentMode,
    BookedVia,
    Channel,
    ConsentAction,
    ConsentMethod,
    Interaction,
    Language,
    OptOutEventKind,
    OptOutVia,
    Purpose,
    Role,
    SignerCapacity,
)
from desktop.domain.schedule import AppointmentState


@dataclass(frozen=True)
class Actor:
    """The authenticated staff member on whose behalf a service runs, and where from."""

    staff_id: int
    username: str
    full_name: str
    role: Role
    clinic_id: int
    workstation: str
    #: The interface language the person chose, if any (the staff screens follow it).
    language: Language | None = None


@dataclass(frozen=True)
class StaffRecord:
    id: int
    username: str
    full_name: str
    role: Role
    active: bool
    clinic_id: int


@dataclass(frozen=True)
class ClinicRecord:
    id: int
    name: str
    street: str
    city: str
    province: str
    postal_code: str
    phone: str
    email: str
    #: Digits ('' when none), beside the E.164 ``phone``.
    phone_extension: str = ""

    @property
    def address_lines(self) -> tuple[str, ...]:
        return (self.street, f"{self.city} ({self.province}) {self.postal_code}")


@dataclass(frozen=True)
class PolicyVersionRecord:
    id: int
    version: str
    effective_date: date
    language: Language
    sha256: str
    text: str
    #: The plain-language summary read at the desk, in ``language``, and its SHA-256; None when the
    #: version has none (the desk then shows the full text).
    summary: str | None = None
    summary_sha256: str | None = None

    @property
    def desk_text(self) -> str:
        """What the client reads at the desk before signing: the summary, else the full text."""
        return self.summary if self.summary is not None else self.text


@dataclass(frozen=True)
class PolicyDraft:
    """A new privacy-policy version as a manager publishes it: the day it comes into force, and in
    each language the full text and the plain-language summary read at the desk."""

    effective_date: date
    text_fr: str
    text_en: str
    summary_fr: str
    summary_en: str

    def text(self, language: Language) -> str:
        return self.text_fr if language == Language.FR else self.text_en

    def summary(self, language: Language) -> str:
        return self.summary_fr if language == Language.FR else self.summary_en


@dataclass(frozen=True)
class AppointmentDraft:
    starts_at: datetime
    #: The code of one of the clinic's appointment kinds (the seeded ones are :class:`AppointmentKind`).
    kind: AppointmentKind | str
    mode: AppointmentMode
    booked_via: BookedVia
    #: Made where the booking is entered, so a retried or replayed save is recognised, never doubled.
    uid: UUID = field(default_factory=uuid4)
    #: None: the "unassigned" column (no double-booking or hours check).
    practitioner_id: int | None = None
    #: None: the kind's default length.
    length_minutes: int | None = None


@dataclass(frozen=True)
class AppointmentRecord:
    id: int
    uid: UUID
    client_id: int
    starts_at: datetime
    #: The kind's code (the seeded kinds' codes are :class:`AppointmentKind` values).
    kind: str
    mode: AppointmentMode
    booked_via: BookedVia
    booked_by: str
    clinic_id: int
    created_at: datetime
    practitioner_id: int | None = None
    practitioner_name: str = ""
    length_minutes: int = 0
    #: The kind's names (its code is ``kind``).
    kind_name_fr: str = ""
    kind_name_en: str = ""
    #: Derived from the appointment's events.
    state: AppointmentState = AppointmentState.BOOKED

    def kind_name(self, language: Language) -> str:
        return (self.kind_name_fr if language == Language.FR else self.kind_name_en) or str(self.kind)


@dataclass(frozen=True)
class ConsentEventRecord:
    id: int
    uid: UUID
    client_id: int
    purpose: Purpose
    channel: Channel
    action: ConsentAction
    method: ConsentMethod
    policy_version: str
    policy_language: Language
    policy_sha256: str
    wording: str
    recorded_by: str
    clinic_id: int
    recorded_at: datetime
    appointment_id: int | None
    opt_out_request_id: int | None
    acknowledgment_id: int | None
    #: Who answered for the client (a parent or tutor of a minor), when not the client.
    representative_name: str | None = None
    representative_capacity: SignerCapacity | None = None

    @property
    def sequence(self) -> int:
        return self.id


@dataclass(frozen=True)
class ConsentCell:
    purpose: Purpose
    channel: Channel
    granted: bool
    last_event: ConsentEventRecord | None


@dataclass(frozen=True)
class ConsentGrid:
    client_id: int
    cells: dict[tuple[Purpose, Channel], ConsentCell]

    def granted(self, purpose: Purpose, channel: Channel) -> bool:
        return self.cells[(purpose, channel)].granted

    def any_promotional_granted(self) -> bool:
        return any(c.granted for (p, _), c in self.cells.items() if p != Purpose.APPOINTMENT_REMINDERS)


@dataclass(frozen=True)
class ConsentChange:
    """One cell the person was asked about, with the answer given. ``granted=False`` withdraws a
    consent on record; ``declined`` says the client explicitly said no (recorded even where nothing
    was granted, unlike a question left unanswered)."""

    purpose: Purpose
    channel: Channel
    granted: bool
    uid: UUID = field(default_factory=uuid4)
    declined: bool = False


@dataclass(frozen=True)
class Representative:
    """The parent, tutor or mandatary who answered for the client, named on each event."""

    name: str
    capacity: SignerCapacity


@dataclass(frozen=True)
class ConsentCapture:
    """The answers to the consent step, how the interaction happened, and the language they were read in.

    The service derives the stored method from ``interaction`` and a stored signature
    (``acknowledgment_id``); ``method``, when given, is only checked against it. A telemedicine
    interaction names its appointment. A client under 14 grants consent only through ``representative``.
    """

    choices: tuple[ConsentChange, ...]
    interaction: Interaction
    language: Language
    method: ConsentMethod | None = None
    representative: Representative | None = None
    acknowledgment_id: int | None = None
    appointment_id: int | None = None


@dataclass(frozen=True)
class SignatureCapture:
    """A signed acknowledgment (signature_png set) or a recorded refusal (refused=True)."""

    signer_capacity: SignerCapacity = SignerCapacity.CLIENT
    signer_name: str = ""
    signature_png: bytes | None = None
    refused: bool = False
    refusal_note: str = ""
    language: Language | None = None
    uid: UUID = field(default_factory=uuid4)


@dataclass(frozen=True)
class AcknowledgmentRecord:
    id: int
    uid: UUID
    client_id: int
    policy_version: str
    policy_language: Language
    policy_sha256: str
    language: Language
    signer_capacity: SignerCapacity
    signer_name: str
    refused: bool
    refusal_note: str
    signed_at: datetime
    witnessed_by: str
    clinic_id: int
    appointment_id: int | None
    has_signature: bool
    has_document: bool = False
    #: The SHA-256 of the summary read at the desk (None: no summary, or recorded before they were kept).
    summary_sha256: str | None = None


@dataclass(frozen=True)
class OptOutDraft:
    received_via: OptOutVia
    received_on: date
    requester_name: str
    requester_phone: str = ""
    requester_email: str = ""
    purposes: frozenset[Purpose] = field(default_factory=frozenset)
    channels: frozenset[Channel] = field(default_factory=lambda: frozenset(Channel))
    client_id: int | None = None
    note: str = ""
    uid: UUID = field(default_factory=uuid4)


@dataclass(frozen=True)
class OptOutEventRecord:
    kind: OptOutEventKind
    at: datetime
    by: str
    client_id: int | None


@dataclass(frozen=True)
class OptOutRecord:
    id: int
    uid: UUID
    received_via: OptOutVia
    received_on: date
    due_on: date
    requester_name: str
    requester_phone: str
    requester_email: str
    purposes: frozenset[Purpose]
    channels: frozenset[Channel]
    note: str
    logged_by: str
    logged_at: datetime
    clinic_id: int
    client_id: int | None
    processed_at: datetime | None
    processed_by: str | None
    confirmation_sent_at: datetime | None
    history: tuple[OptOutEventRecord, ...] = ()

    @property
    def pending(self) -> bool:
        return self.processed_at is None

    def overdue_on(self, today: date) -> bool:
        return self.pending and today > self.due_on


@dataclass(frozen=True)
class AuditRecord:
    id: int
    at: datetime
    staff_username: str
    workstation: str
    action: str
    entity_type: str
    entity_id: str
    detail: str


@dataclass(frozen=True)
class ClientStatus:
    """What the client file's header shows at a glance."""

    client_id: int
    current_policy_version: str
    acknowledged_current_on: date | None
    acknowledged_version: str | None
    acknowledgment_refused: bool
    opted_out_of_promotions: bool
    pending_opt_outs: int
    #: The language of the text in force for the client, and of the text last signed.
    current_policy_language: Language | None = None
    acknowledged_language: Language | None = None

    @property
    def acknowledgment_missing(self) -> bool:
        return self.acknowledged_version is None

    @property
    def acknowledgment_outdated(self) -> bool:
        return self.acknowledged_version is not None and self.acknowledged_current_on is None


@dataclass(frozen=True)
class BookingResult:
    appointment: AppointmentRecord
    consent_events: tuple[ConsentEventRecord, ...]
    acknowledgment: AcknowledgmentRecord | None


@dataclass(frozen=True)
class BookingPolicy:
    """The policy version in force on an appointment's day for the client, and the client's signed
    acknowledgment that already covers it (None: a signature is to be asked)."""

    day: date
    policy: PolicyVersionRecord
    acknowledged: AcknowledgmentRecord | None

    @property
    def signature_needed(self) -> bool:
        return self.acknowledged is None


@dataclass(frozen=True)
class VerificationResult:
    """What a verification code printed on an acknowledgment belongs to, and whether the stored PDF
    is still the one produced at signing (SHA-256 of the stored bytes equals the stored SHA-256)."""

    code: str
    acknowledgment_id: int
    acknowledgment_uid: UUID
    client_id: int
    file_number: str
    client_name: str
    policy_version: str
    policy_language: Language
    signed_at: datetime
    refused: bool
    stored_sha256: str
    computed_sha256: str
    document_created_at: datetime
    #: The PDF was removed by the file's anonymisation (a recorded erasure): only its SHA-256 remains.
    removed: bool = False

    @property
    def bytes_match(self) -> bool:
        return self.computed_sha256 == self.stored_sha256


@dataclass(frozen=True)
class ExportResult:
    """A contact list written to ``path``: how many rows, and the SHA-256 of the file's bytes."""

    path: str
    row_count: int
    sha256: str
    purpose: Purpose
    channel: Channel
    #: Consenting clients left out because the file has no address for the channel.
    skipped_no_contact: int = 0
    #: Opt-out requests not yet processed nor matched to a file: they may concern listed people.
    unmatched_pending_requests: int = 0
