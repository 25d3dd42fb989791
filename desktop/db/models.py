"""Typed SQLAlchemy 2 models. Ledger tables (consent, opt-outs, acknowledgments, audit) are append-only:
the migrations add database triggers that refuse UPDATE and DELETE on them."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.orm import Mapped, mapped_column

from desktop.db.base import APPEND_ONLY_TABLES as APPEND_ONLY_TABLES
from desktop.db.base import NAMING_CONVENTION as NAMING_CONVENTION
from desktop.db.base import PERSONAL as PERSONAL
from desktop.db.base import Base as Base
from desktop.db.base import DemoMarked as DemoMarked
from desktop.db.types import enum_column, search_key_type
from desktop.domain.clinic_identity import EasterHoliday
from desktop.domain.enums import (
    AppointmentMode,
    BookedVia,
    Channel,
    ConsentAction,
    ConsentMethod,
    Language,
    OptOutEventKind,
    OptOutVia,
    Purpose,
    Role,
    SignerCapacity,
)
from desktop.domain.nam import SexAtBirth
from desktop.domain.normalize import SORT_KEY_LENGTH, sort_key
from desktop.domain.phones import PhoneKind
from desktop.domain.schedule import AppointmentEventKind, CancelledBy


class Organisation(Base):
    """The one organisation a database serves (written by the setup): the identity its policy and
    its clients' documents name, and the rules it chose. Its sites are the ``clinics`` rows."""

    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    parent_name: Mapped[str] = mapped_column(String(200), default="")
    privacy_officer_name: Mapped[str] = mapped_column(String(200))
    privacy_officer_title: Mapped[str] = mapped_column(String(200))
    privacy_officer_contact: Mapped[str] = mapped_column(String(300))
    easter_holiday: Mapped[EasterHoliday]
    opt_out_delay_days: Mapped[int] = mapped_column(Integer)
    idle_lock_minutes: Mapped[int] = mapped_column(Integer)
    #: The retention rule: a file is reviewed this many years after its last contact.
    retention_years: Mapped[int] = mapped_column(Integer, default=7, server_default="7")


class Clinic(Base):
    """One site of the organisation; a record's site is the workstation's."""

    __tablename__ = "clinics"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    street: Mapped[str] = mapped_column(String(200))
    city: Mapped[str] = mapped_column(String(100))
    province: Mapped[str] = mapped_column(String(2))
    postal_code: Mapped[str] = mapped_column(String(7))
    phone: Mapped[str] = mapped_column(String(40))
    #: Digits only ('' when none): the E.164 number has no place for one.
    phone_extension: Mapped[str] = mapped_column(String(10), default="", server_default="")
    email: Mapped[str] = mapped_column(String(254))


class Staff(DemoMarked, Base):
    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[Role]
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    clinic_id: Mapped[int] = mapped_column(ForeignKey("clinics.id"))
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    created_at: Mapped[datetime]
    password_changed_at: Mapped[datetime]
    #: The interface language the person chose; none until they choose (the workstation's is used).
    language: Mapped[Language | None]


def _client_sort_key(context: DefaultExecutionContext) -> str:
    """A new file's sort key from the names inserted (every insert, the services' and the demo's)."""
    row = context.get_current_parameters()
    return sort_key(str(row["last_name"]), str(row["first_name"]))


class Client(DemoMarked, Base):
    __tablename__ = "clients"
    #: The first page of a search in name order, read from an index (search_keys.py).
    __table_args__ = (Index("ix_clients_sort_key_id", "sort_key", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    file_number: Mapped[str] = mapped_column(String(16), unique=True)
    last_name: Mapped[str] = mapped_column(String(100))
    first_name: Mapped[str] = mapped_column(String(100))
    date_of_birth: Mapped[date] = mapped_column(Date, index=True)
    preferred_language: Mapped[Language]
    street: Mapped[str] = mapped_column(String(200), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    province: Mapped[str] = mapped_column(String(2), default="QC")
    postal_code: Mapped[str] = mapped_column(String(7), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    #: Digits only ('' when none): the E.164 number has no place for one.
    phone_extension: Mapped[str] = mapped_column(String(10), default="", server_default="")
    #: The health insurance number, upper-case without spaces ('' when none). Never logged, audited or
    #: exported; found through its search key.
    health_number: Mapped[str] = mapped_column(String(12), default="", server_default="")
    sex_at_birth: Mapped[SexAtBirth | None] = mapped_column(enum_column(SexAtBirth))
    #: The card's expiry month (its first day).
    health_card_expiry: Mapped[date | None] = mapped_column(Date)
    clinic_id: Mapped[int] = mapped_column(ForeignKey("clinics.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime]
    created_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    updated_at: Mapped[datetime]
    updated_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    #: normalize.sort_key of the names: kept by the inserts' default and by search_keys.replace_keys.
    sort_key: Mapped[str] = mapped_column(
        search_key_type(SORT_KEY_LENGTH), default=_client_sort_key, server_default=""
    )
    #: The client-list import that created the file (none for a file typed at the desk).
    import_id: Mapped[int | None] = mapped_column(ForeignKey("client_imports.id"))
    #: When the file's identity was replaced by a placeholder (none: a file as entered).
    anonymised_at: Mapped[datetime | None]


class ClientPhone(Base):
    """A client's numbers in the file's order; the first is also ``clients.phone`` (the number to call)."""

    __tablename__ = "client_phones"
    __table_args__ = (UniqueConstraint("client_id", "position", name="uq_client_phones_client_id_position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[PhoneKind] = mapped_column(enum_column(PhoneKind))
    number: Mapped[str] = mapped_column(String(20))
    extension: Mapped[str] = mapped_column(String(10), default="", server_default="")


class ClientSearchKey(Base):
    """Normalised search keys: folded name tokens and phone digits, searched by indexed prefix ranges.
    Each carries its client's sort key, so a key's matches are read in name order from one index."""

    __tablename__ = "client_search_keys"
    __table_args__ = (
        Index("ix_client_search_keys_kind_key_sort_key_client_id", "kind", "key", "sort_key", "client_id"),
        # Does this client have such a key: the probes of the other words typed.
        Index("ix_client_search_keys_client_id_kind_key", "client_id", "kind", "key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    kind: Mapped[str] = mapped_column(String(8))
    key: Mapped[str] = mapped_column(search_key_type(64))
    sort_key: Mapped[str] = mapped_column(search_key_type(SORT_KEY_LENGTH), server_default="")


class PolicyVersion(Base):
    __tablename__ = "policy_versions"
    __table_args__ = (UniqueConstraint("version", "language", name="uq_policy_versions_version_language"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[str] = mapped_column(String(32))
    language: Mapped[Language]
    effective_date: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    loaded_at: Mapped[datetime]
    #: The plain-language summary read at the desk, in the same language, and its SHA-256 (none when
    #: the version has no summary: the desk then shows the full text).
    summary_text: Mapped[str | None] = mapped_column(Text)
    summary_sha256: Mapped[str | None] = mapped_column(String(64))


class Practitioner(DemoMarked, Base):
    """Someone appointments are booked with, at one site (not necessarily a staff account)."""

    __tablename__ = "practitioners"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    clinic_id: Mapped[int] = mapped_column(ForeignKey("clinics.id"), index=True)
    display_name: Mapped[str] = mapped_column(String(200))
    specialty: Mapped[str] = mapped_column(String(200), default="", server_default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime]


class PractitionerHours(Base):
    """One interval of a practitioner's week (local time; weekday 0 is Monday)."""

    __tablename__ = "practitioner_hours"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    practitioner_id: Mapped[int] = mapped_column(ForeignKey("practitioners.id"), index=True)
    weekday: Mapped[int] = mapped_column(Integer)
    starts: Mapped[time] = mapped_column(Time)
    ends: Mapped[time] = mapped_column(Time)


class PractitionerException(Base):
    """Days a practitioner does not work (vacation, closed day), both ends included."""

    __tablename__ = "practitioner_exceptions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    practitioner_id: Mapped[int] = mapped_column(ForeignKey("practitioners.id"), index=True)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(200), default="")


class AppointmentKindRow(Base):
    """An appointment kind, clinic data; ``appointments.kind`` holds its code."""

    __tablename__ = "appointment_kinds"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name_fr: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100))
    default_minutes: Mapped[int] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Appointment(DemoMarked, Base):
    """An appointment as it stands now (its time and practitioner follow its last reschedule); its
    history and its state are its events (``appointment_events``)."""

    __tablename__ = "appointments"
    __table_args__ = (
        Index("ix_appointments_practitioner_starts", "practitioner_id", "starts_at"),
        # The clients seen in a period, read from the index alone (the coverage report).
        Index("ix_appointments_starts_at_client_id", "starts_at", "client_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[uuid.UUID] = mapped_column(unique=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    starts_at: Mapped[datetime]
    #: An ``appointment_kinds`` code (the seeded ones are AppointmentKind's values).
    kind: Mapped[str] = mapped_column(String(32))
    mode: Mapped[AppointmentMode]
    booked_via: Mapped[BookedVia]
    booked_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    clinic_id: Mapped[int] = mapped_column(ForeignKey("clinics.id"))
    created_at: Mapped[datetime]
    #: None: the "unassigned" column (appointments booked before practitioners existed).
    practitioner_id: Mapped[int | None] = mapped_column(ForeignKey("practitioners.id"))
    length_minutes: Mapped[int] = mapped_column(Integer, server_default="30")


class AppointmentEvent(DemoMarked, Base):
    """What happened to an appointment: booked, cancelled, rescheduled, arrived, no-show. Append-only."""

    __tablename__ = "appointment_events"
    __table_args__ = (Index("ix_appointment_events_appointment_kind", "appointment_id", "kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[uuid.UUID] = mapped_column(unique=True)
    appointment_id: Mapped[int] = mapped_column(ForeignKey("appointments.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    kind: Mapped[AppointmentEventKind]
    recorded_at: Mapped[datetime]
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    clinic_id: Mapped[int] = mapped_column(ForeignKey("clinics.id"))
    #: The appointment as the event leaves it.
    starts_at: Mapped[datetime]
    length_minutes: Mapped[int] = mapped_column(Integer)
    practitioner_id: Mapped[int | None] = mapped_column(ForeignKey("practitioners.id"))
    cancelled_by: Mapped[CancelledBy | None]
    #: A cancellation's reason (null for the other events, and once erased).
    reason: Mapped[str | None] = mapped_column(String(500), info=PERSONAL)
    #: The ScheduleConflict values a manager confirmed, comma-separated ('' when none).
    overrides: Mapped[str] = mapped_column(String(100), default="")

    @property
    def sequence(self) -> int:
        return self.id


class Acknowledgment(DemoMarked, Base):
    __tablename__ = "acknowledgments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[uuid.UUID] = mapped_column(unique=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    policy_version_id: Mapped[int] = mapped_column(ForeignKey("policy_versions.id"))
    policy_sha256: Mapped[str] = mapped_column(String(64))
    #: The SHA-256 of the summary read at the desk (none when the version had no summary, and for
    #: acknowledgments recorded before summaries were stored).
    summary_sha256: Mapped[str | None] = mapped_column(String(64))
    language: Mapped[Language]
    signer_capacity: Mapped[SignerCapacity]
    signer_name: Mapped[str] = mapped_column(String(200), info=PERSONAL)
    signature_png: Mapped[bytes | None] = mapped_column(LargeBinary, info=PERSONAL)
    refused: Mapped[bool] = mapped_column(Boolean, default=False)
    refusal_note: Mapped[str] = mapped_column(String(2000), default="", info=PERSONAL)
    signed_at: Mapped[datetime]
    witnessed_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    clinic_id: Mapped[int] = mapped_column(ForeignKey("clinics.id"))
    appointment_id: Mapped[int | None] = mapped_column(ForeignKey("appointments.id"))


class AcknowledgmentDocument(Base):
    """The PDF exactly as produced at signing; reprints serve these bytes."""

    __tablename__ = "acknowledgment_documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    acknowledgment_id: Mapped[int] = mapped_column(ForeignKey("acknowledgments.id"), unique=True)
    verification_code: Mapped[str] = mapped_column(String(16), unique=True)
    pdf: Mapped[bytes] = mapped_column(LargeBinary, info=PERSONAL)
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]


class OptOutRequest(DemoMarked, Base):
    """An opt-out request as received. Matching and processing are later events, never edits."""

    __tablename__ = "opt_out_requests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[uuid.UUID] = mapped_column(unique=True)
    received_via: Mapped[OptOutVia]
    received_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date, index=True)
    requester_name: Mapped[str] = mapped_column(String(200), info=PERSONAL)
    requester_phone: Mapped[str] = mapped_column(String(40), default="", info=PERSONAL)
    requester_email: Mapped[str] = mapped_column(String(254), default="", info=PERSONAL)
    note: Mapped[str] = mapped_column(String(2000), default="", info=PERSONAL)
    logged_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    logged_at: Mapped[datetime]
    clinic_id: Mapped[int] = mapped_column(ForeignKey("clinics.id"))


class OptOutScope(Base):
    __tablename__ = "opt_out_scopes"
    __table_args__ = (
        UniqueConstraint("request_id", "purpose", "channel", name="uq_opt_out_scopes_request_cell"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("opt_out_requests.id"))
    purpose: Mapped[Purpose]
    channel: Mapped[Channel]


class OptOutEvent(DemoMarked, Base):
    __tablename__ = "opt_out_events"
    __table_args__ = (Index("ix_opt_out_events_request_kind", "request_id", "kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[uuid.UUID] = mapped_column(unique=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("opt_out_requests.id"))
    kind: Mapped[OptOutEventKind]
    client_id: Mapped[int | None] = mapped_column(ForeignKey("clients.id"), index=True)
    at: Mapped[datetime]
    by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))


class ConsentEvent(DemoMarked, Base):
    __tablename__ = "consent_events"
    __table_args__ = (
        Index("ix_consent_events_client_cell", "client_id", "purpose", "channel", "recorded_at"),
        Index("ix_consent_events_cell", "purpose", "channel", "client_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[uuid.UUID] = mapped_column(unique=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    purpose: Mapped[Purpose]
    channel: Mapped[Channel]
    action: Mapped[ConsentAction]
    method: Mapped[ConsentMethod]
    policy_version_id: Mapped[int] = mapped_column(ForeignKey("policy_versions.id"))
    policy_sha256: Mapped[str] = mapped_column(String(64))
    wording: Mapped[str] = mapped_column(Text)
    language: Mapped[Language]
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    clinic_id: Mapped[int] = mapped_column(ForeignKey("clinics.id"))
    recorded_at: Mapped[datetime]
    appointment_id: Mapped[int | None] = mapped_column(ForeignKey("appointments.id"))
    opt_out_request_id: Mapped[int | None] = mapped_column(ForeignKey("opt_out_requests.id"))
    acknowledgment_id: Mapped[int | None] = mapped_column(ForeignKey("acknowledgments.id"))
    #: Who answered for the client (a minor's parent or tutor), when not the client; null before 0006.
    representative_name: Mapped[str | None] = mapped_column(String(200), info=PERSONAL)
    representative_capacity: Mapped[SignerCapacity | None]

    @property
    def sequence(self) -> int:
        """Insertion order, the tie-breaker between events recorded in the same instant."""
        return self.id


class CurrentConsent(Base):
    """Derived from the consent ledger, not evidence: per client, purpose and channel, the latest event
    (by time, then insertion), kept in the same transaction as each append so eligibility and coverage
    read an index instead of the event history. ``rebuild_current_consent`` recomputes it from the
    ledger; ``db check`` compares the two. ``event_id`` names the event without a foreign key: a
    ledger row removed behind its trigger is a difference for db check to report, not a refused delete."""

    __tablename__ = "current_consent"
    __table_args__ = (Index("ix_current_consent_cell_action", "purpose", "channel", "action", "client_id"),)

    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), primary_key=True)
    purpose: Mapped[Purpose] = mapped_column(primary_key=True)
    channel: Mapped[Channel] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[ConsentAction]
    recorded_at: Mapped[datetime]


class AuditRecord(Base):
    """Who did what to which record, when and from where. Never client data values.
    Each record carries the hash of the previous one, so an edited or removed row breaks the chain."""

    __tablename__ = "audit_records"
    __table_args__ = (Index("ix_audit_records_entity", "entity_type", "entity_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    username: Mapped[str] = mapped_column(String(64))
    workstation: Mapped[str] = mapped_column(String(255))
    action: Mapped[str] = mapped_column(String(64), index=True)
    entity_type: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(64))
    detail: Mapped[str] = mapped_column(String(500), default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


# Kept in a module of their own (this one stays readable), imported here so the metadata holds them.
from desktop.db.import_models import ClientImport as ClientImport  # noqa: E402
from desktop.db.import_models import ClientImportRow as ClientImportRow  # noqa: E402
from desktop.db.import_models import ImportedConsentEvidence as ImportedConsentEvidence  # noqa: E402
from desktop.db.register_models import AccessRequest as AccessRequest  # noqa: E402
from desktop.db.register_models import AccessRequestEvent as AccessRequestEvent  # noqa: E402
from desktop.db.register_models import Anonymisation as Anonymisation  # noqa: E402
from desktop.db.register_models import Disclosure as Disclosure  # noqa: E402
from desktop.db.register_models import DisclosureClient as DisclosureClient  # noqa: E402
from desktop.db.register_models import Incident as Incident  # noqa: E402
from desktop.db.register_models import IncidentVersion as IncidentVersion  # noqa: E402
from desktop.db.register_models import LegalHoldEvent as LegalHoldEvent  # noqa: E402
from desktop.db.reminder_models import ReminderRecord as ReminderRecord  # noqa: E402
from desktop.db.reminder_models import SmtpSettings as SmtpSettings  # noqa: E402
