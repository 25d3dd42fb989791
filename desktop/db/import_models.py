"""The client-list import's tables: each import (its file's SHA-256, mapping, counts, state), its rows
staged outside the client tables until one final step moves them in, and the evidence of a consent
the file stated (kept beside the consent event the import recorded)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop.db.base import Base


class ClientImport(Base):
    """One import of a client list: staged, then committed or cancelled. ``headers``, ``options`` and
    ``mapping`` are JSON (the mapping is offered again for a file with the same headers)."""

    __tablename__ = "client_imports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    file_name: Mapped[str] = mapped_column(String(255))
    headers: Mapped[str] = mapped_column(Text)
    #: The headers' SHA-256 (folded), to find the mapping used last for the same headers.
    headers_key: Mapped[str] = mapped_column(String(64), index=True)
    options: Mapped[str] = mapped_column(Text)
    mapping: Mapped[str] = mapped_column(Text)
    #: ``staged``, ``committed`` or ``cancelled`` (desktop.domain.import_records.ImportStatus).
    status: Mapped[str] = mapped_column(String(16))
    row_count: Mapped[int] = mapped_column(Integer, default=0)
    ok_count: Mapped[int] = mapped_column(Integer, default=0)
    error_count: Mapped[int] = mapped_column(Integer, default=0)
    duplicate_count: Mapped[int] = mapped_column(Integer, default=0)
    already_count: Mapped[int] = mapped_column(Integer, default=0)
    consent_count: Mapped[int] = mapped_column(Integer, default=0)
    created_count: Mapped[int] = mapped_column(Integer, default=0)
    staged_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    staged_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    clinic_id: Mapped[int] = mapped_column(ForeignKey("clinics.id"))


class ClientImportRow(Base):
    """One row of an import's file, staged: its cells as read (for the error report), the client it
    will make (JSON, cleaned as a typed entry's) or why not, and the manager's word on a possible
    duplicate. Removed when the import is cancelled; rows not created stay for the error report."""

    __tablename__ = "client_import_rows"
    __table_args__ = (
        UniqueConstraint("import_id", "row_number", name="uq_client_import_rows_import_id_row_number"),
        Index("ix_client_import_rows_import_status", "import_id", "status", "row_number"),
        Index("ix_client_import_rows_import_identity", "import_id", "identity"),
        Index("ix_client_import_rows_import_nam", "import_id", "nam"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    import_id: Mapped[int] = mapped_column(ForeignKey("client_imports.id"))
    row_number: Mapped[int] = mapped_column(Integer)
    #: ``ok``, ``error``, ``possible_duplicate`` or ``already_imported`` (RowStatus).
    status: Mapped[str] = mapped_column(String(20))
    cells: Mapped[str] = mapped_column(Text)
    values: Mapped[str] = mapped_column(Text)
    client: Mapped[str | None] = mapped_column(Text)
    #: Folded names and date of birth ('' for a row in error).
    identity: Mapped[str] = mapped_column(String(320), default="")
    nam: Mapped[str] = mapped_column(String(12), default="")
    #: The reasons, JSON pairs [French, English].
    reason: Mapped[str] = mapped_column(Text, default="")
    matches: Mapped[str] = mapped_column(Text, default="")
    consent: Mapped[str | None] = mapped_column(Text)
    #: A possible duplicate: True same person (skipped), False different person (created), None undecided.
    same_person: Mapped[bool | None] = mapped_column(Boolean)


class ImportedConsentEvidence(Base):
    """What the file said of a consent the import recorded (method ``imported``): the file's SHA-256,
    its row, the date and the method it stated."""

    __tablename__ = "imported_consent_evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    consent_event_id: Mapped[int] = mapped_column(ForeignKey("consent_events.id"), unique=True)
    import_id: Mapped[int] = mapped_column(ForeignKey("client_imports.id"), index=True)
    file_sha256: Mapped[str] = mapped_column(String(64))
    row_number: Mapped[int] = mapped_column(Integer)
    stated_on: Mapped[date] = mapped_column(Date)
    stated_method: Mapped[str] = mapped_column(String(200))
