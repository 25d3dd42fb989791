"""What the reminder service hands back: plain records, no database objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from desktop.domain.enums import Channel
from desktop.domain.reminders import SmtpSettingsDraft


@dataclass(frozen=True)
class SmtpSettingsView:
    """The clinic's mail server as stored (None: not set up) and whether this workstation holds its
    password (the password itself is never handed out)."""

    settings: SmtpSettingsDraft | None
    password_stored: bool


@dataclass(frozen=True)
class SendFailure:
    appointment_id: int
    client_name: str
    #: Why, in both languages' words of the error (a message code and its parameters).
    code: str
    params: dict[str, object]


@dataclass(frozen=True)
class SendResult:
    day: date
    sent: tuple[int, ...]
    #: Already reminded by email (recorded earlier): not sent again.
    skipped_already_sent: tuple[int, ...]
    failed: tuple[SendFailure, ...]


@dataclass(frozen=True)
class ExportedReminders:
    day: date
    sms_path: str
    sms_count: int
    sms_sha256: str
    call_sheet_path: str
    call_count: int
    call_sheet_sha256: str
    not_reminded_count: int


@dataclass(frozen=True)
class ReminderLogEntry:
    """One reminder recorded in the ledger."""

    id: int
    appointment_id: int
    appointment_starts_at: datetime
    client_id: int
    channel: Channel
    at: datetime
    by: str
    file_sha256: str | None


@dataclass(frozen=True)
class EvidenceReminder:
    """One reminder as the evidence pack prints it: the use made of the client's consent to reminders."""

    sequence: int
    at: datetime
    channel: Channel
    appointment_starts_at: datetime
    by: str
    site: str
    file_sha256: str | None
