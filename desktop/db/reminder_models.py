"""The reminders' tables: the clinic's outgoing mail server and each reminder sent or exported."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop.db.base import Base
from desktop.domain.enums import Channel


class SmtpSettings(Base):
    """The clinic's outgoing mail server for reminders (one row). Its password is never here: it is
    kept owner-only in the workstation's configuration folder (``desktop.mail``)."""

    __tablename__ = "smtp_settings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    host: Mapped[str] = mapped_column(String(253))
    port: Mapped[int] = mapped_column(Integer)
    #: ``starttls``, ``tls`` or ``plain`` (plain only to this computer: ``desktop.domain.reminders``).
    security: Mapped[str] = mapped_column(String(16))
    username: Mapped[str] = mapped_column(String(254), default="")
    sender: Mapped[str] = mapped_column(String(254))
    updated_at: Mapped[datetime]
    updated_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))


class ReminderRecord(Base):
    """One reminder sent (email) or exported (a row of the SMS file or of the call sheet): which
    appointment, by which channel, when and by whom. ``file_sha256`` names the exported file."""

    __tablename__ = "reminder_records"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[uuid.UUID] = mapped_column(unique=True)
    appointment_id: Mapped[int] = mapped_column(ForeignKey("appointments.id"), index=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    channel: Mapped[Channel]
    at: Mapped[datetime]
    by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    clinic_id: Mapped[int] = mapped_column(ForeignKey("clinics.id"))
    file_sha256: Mapped[str | None] = mapped_column(String(64))
