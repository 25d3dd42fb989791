"""The models' declarative base: naming convention, type map, and the marks shared by models
(append-only ledgers, personal columns, demo records)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Boolean, MetaData, Uuid, false
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from desktop.db.types import UTCDateTime, enum_column
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
from desktop.domain.schedule import AppointmentEventKind, CancelledBy

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: Tables whose rows are evidence: insert only.
APPEND_ONLY_TABLES = (
    "policy_versions",
    "consent_events",
    "acknowledgments",
    "acknowledgment_documents",
    "opt_out_requests",
    "opt_out_scopes",
    "opt_out_events",
    "reminder_records",
    "audit_records",
    "appointment_events",
    # The privacy registers (migration 0017).
    "disclosures",
    "disclosure_clients",
    "incidents",
    "incident_versions",
    "access_requests",
    "access_request_events",
    "legal_hold_events",
    "anonymisations",
)
#: A ledger column holding a person's data (``info=PERSONAL``): digested apart from the rest of its row,
#: so that a recorded erasure can blank it and the row still verifies (``desktop.seal.erasure``).
PERSONAL = {"personal": True}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {
        datetime: UTCDateTime(),
        uuid.UUID: Uuid(),
        Language: enum_column(Language),
        Role: enum_column(Role),
        Purpose: enum_column(Purpose),
        Channel: enum_column(Channel),
        ConsentAction: enum_column(ConsentAction),
        ConsentMethod: enum_column(ConsentMethod),
        OptOutVia: enum_column(OptOutVia),
        OptOutEventKind: enum_column(OptOutEventKind),
        AppointmentEventKind: enum_column(AppointmentEventKind),
        CancelledBy: enum_column(CancelledBy),
        AppointmentMode: enum_column(AppointmentMode),
        BookedVia: enum_column(BookedVia),
        SignerCapacity: enum_column(SignerCapacity),
        EasterHoliday: enum_column(EasterHoliday),
    }


class DemoMarked:
    """A record a person can make. ``demo`` is true only when the demo generator made it (written at
    insertion, never changed), so demo records are told apart from people's (``desktop.demo_marks``).
    False by the database's default: an insert that does not name it (every service's) is a person's."""

    demo: Mapped[bool] = mapped_column(Boolean, server_default=false())
