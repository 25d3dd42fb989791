"""The privacy registers' tables, every one a ledger (insert only, witnessed like the others): the
disclosures of personal information, the confidentiality incidents (each change a new version), the
access and rectification requests with their events, the legal holds and the anonymisations."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop.db.base import PERSONAL, Base
from desktop.db.types import enum_column
from desktop.domain.register_enums import (
    AccessRequestChannel,
    AccessRequestEventKind,
    AccessRequestKind,
    DisclosureMeans,
    DisclosureRecipient,
    LegalHoldAction,
)


class Disclosure(Base):
    """Personal information communicated outside the clinic: to whom, on what legal basis, what, how,
    authorised by whom. ``corrects_id`` names the entry this one corrects (the newest one stands)."""

    __tablename__ = "disclosures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[uuid.UUID] = mapped_column(unique=True)
    disclosed_on: Mapped[date] = mapped_column(Date, index=True)
    recipient_kind: Mapped[DisclosureRecipient] = mapped_column(enum_column(DisclosureRecipient))
    recipient_name: Mapped[str] = mapped_column(String(200))
    legal_basis: Mapped[str] = mapped_column(String(500))
    information: Mapped[str] = mapped_column(String(2000))
    authorised_by: Mapped[str] = mapped_column(String(200))
    means: Mapped[DisclosureMeans] = mapped_column(enum_column(DisclosureMeans))
    note: Mapped[str] = mapped_column(String(2000), default="")
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("disclosures.id"))
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    recorded_at: Mapped[datetime]
    clinic_id: Mapped[int] = mapped_column(ForeignKey("clinics.id"))


class DisclosureClient(Base):
    """A client whose information a disclosure communicated."""

    __tablename__ = "disclosure_clients"
    __table_args__ = (UniqueConstraint("disclosure_id", "client_id", name="uq_disclosure_clients_pair"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    disclosure_id: Mapped[int] = mapped_column(ForeignKey("disclosures.id"), index=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)


class Incident(Base):
    """A confidentiality incident: its reference and when it was opened. What is known of it is in
    its versions; the newest is the current state, every earlier one is kept."""

    __tablename__ = "incidents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[uuid.UUID] = mapped_column(unique=True)
    reference: Mapped[str] = mapped_column(String(32), unique=True)
    opened_at: Mapped[datetime]
    opened_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    clinic_id: Mapped[int] = mapped_column(ForeignKey("clinics.id"))


class IncidentVersion(Base):
    """One version of an incident's entry, with the fields the regulation lists."""

    __tablename__ = "incident_versions"
    __table_args__ = (UniqueConstraint("incident_id", "version", name="uq_incident_versions_version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    #: The information concerned, or (``not_describable_reason``) why it cannot be described.
    information_concerned: Mapped[str] = mapped_column(Text, default="")
    not_describable_reason: Mapped[str] = mapped_column(Text, default="")
    circumstances: Mapped[str] = mapped_column(Text)
    #: The date, or the period, of the incident (None: not known yet).
    occurred_from: Mapped[date | None] = mapped_column(Date)
    occurred_to: Mapped[date | None] = mapped_column(Date)
    discovered_on: Mapped[date] = mapped_column(Date, index=True)
    #: The number of people concerned (None: not known yet).
    people_concerned: Mapped[int | None] = mapped_column(Integer)
    risk_assessment: Mapped[str] = mapped_column(Text, default="")
    serious_injury_risk: Mapped[bool] = mapped_column(Boolean)
    commission_notified_on: Mapped[date | None] = mapped_column(Date)
    people_notified_on: Mapped[date | None] = mapped_column(Date)
    measures: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    recorded_at: Mapped[datetime]


class AccessRequest(Base):
    """A request to see (access) or correct (rectification) one's file, as received. Due 30 calendar
    days after receipt. The requester's name, contact and the note are personal fields."""

    __tablename__ = "access_requests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[uuid.UUID] = mapped_column(unique=True)
    kind: Mapped[AccessRequestKind] = mapped_column(enum_column(AccessRequestKind))
    channel: Mapped[AccessRequestChannel] = mapped_column(enum_column(AccessRequestChannel))
    received_on: Mapped[date] = mapped_column(Date, index=True)
    due_on: Mapped[date] = mapped_column(Date, index=True)
    requester_name: Mapped[str] = mapped_column(String(200), info=PERSONAL)
    requester_contact: Mapped[str] = mapped_column(String(300), default="", info=PERSONAL)
    note: Mapped[str] = mapped_column(String(2000), default="", info=PERSONAL)
    #: The client as named when the request was logged (matching events may name another later).
    client_id: Mapped[int | None] = mapped_column(ForeignKey("clients.id"), index=True)
    logged_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    logged_at: Mapped[datetime]
    clinic_id: Mapped[int] = mapped_column(ForeignKey("clinics.id"))


class AccessRequestEvent(Base):
    """What happened to a request: matched to a client, identity verified, answered (``answer_items``
    lists what was sent, ``document_sha256`` the document sent) or refused (``detail``: the reason)."""

    __tablename__ = "access_request_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("access_requests.id"), index=True)
    kind: Mapped[AccessRequestEventKind] = mapped_column(enum_column(AccessRequestEventKind))
    client_id: Mapped[int | None] = mapped_column(ForeignKey("clients.id"), index=True)
    detail: Mapped[str] = mapped_column(String(2000), default="")
    answer_items: Mapped[str] = mapped_column(String(200), default="")
    document_sha256: Mapped[str | None] = mapped_column(String(64))
    at: Mapped[datetime]
    by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))


class LegalHoldEvent(Base):
    """A legal hold placed on or lifted from a file: a held file stays out of the retention review."""

    __tablename__ = "legal_hold_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    action: Mapped[LegalHoldAction] = mapped_column(enum_column(LegalHoldAction))
    reason: Mapped[str] = mapped_column(String(500))
    at: Mapped[datetime]
    by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    clinic_id: Mapped[int] = mapped_column(ForeignKey("clinics.id"))


class Anonymisation(Base):
    """A file anonymised under the retention rule: who, when, which rule and the last contact it
    measured from. One per file; it cannot be undone."""

    __tablename__ = "anonymisations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[uuid.UUID] = mapped_column(unique=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), unique=True)
    retention_years: Mapped[int] = mapped_column(Integer)
    last_contact_on: Mapped[date] = mapped_column(Date)
    #: The rule's words as they stood ("7 years after the last contact").
    rule: Mapped[str] = mapped_column(String(200))
    erased_rows: Mapped[int] = mapped_column(Integer)
    documents_removed: Mapped[int] = mapped_column(Integer)
    anonymised_at: Mapped[datetime]
    by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    clinic_id: Mapped[int] = mapped_column(ForeignKey("clinics.id"))
