"""Appointment reminders that honour consent: who is reminded and how, sending the emails through the
clinic's SMTP server, exporting the SMS file and the call sheet, and the reminder ledger.

A day's list is read in one unit of work (``queries.reminders``). Emails are sent outside any
transaction (a slow server never holds the database), then each one the server accepted is recorded
(``reminder_records``, with an audit record naming the appointment and the client by id only). An
export writes its two files beside their destination, records every row in one unit of work, then
moves them into place: a file is never handed over unrecorded. The SMTP password is kept owner-only on
the workstation (``desktop.mail``); the database holds the rest of the settings.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from desktop.db.database import Database
from desktop.db.models import Appointment, ReminderRecord, SmtpSettings, Staff
from desktop.domain.enums import Channel, Language
from desktop.domain.errors import FrontDeskError
from desktop.domain.formats import format_phone
from desktop.domain.records import Actor
from desktop.domain.reminder_records import (
    ExportedReminders,
    ReminderLogEntry,
    SendFailure,
    SendResult,
    SmtpSettingsView,
)
from desktop.domain.reminder_wording import reminder_text
from desktop.domain.reminders import (
    REASON_TEXTS,
    ReminderDay,
    ReminderItem,
    SmtpSettingsDraft,
    validate_smtp_settings,
)
from desktop.mail import (
    OutgoingMail,
    check_connection,
    send_mail,
    smtp_session,
    store_smtp_password,
    stored_smtp_password,
)
from desktop.reminders.call_sheet import CallRow, CallSheet, SkippedRow, render_call_sheet
from desktop.reminders.sms_file import SmsRow, sms_csv
from desktop.services.clock import Clock
from desktop.services.permissions import Permission
from desktop.services.queries.clients import load_client
from desktop.services.queries.organisation import load_organisation
from desktop.services.queries.reminders import load_smtp_settings, reminder_day
from desktop.services.unit_of_work import UnitOfWork, run


@dataclass(frozen=True)
class _Plan:
    day: ReminderDay
    organisation: str
    settings: SmtpSettingsDraft | None
    staff_name: str


def _record(uow: UnitOfWork, item: ReminderItem, channel: Channel, file_sha256: str | None = None) -> None:
    record = ReminderRecord(
        uid=uuid.uuid4(),
        appointment_id=item.appointment_id,
        client_id=item.client_id,
        channel=channel,
        at=uow.now,
        by_id=uow.staff_id,
        clinic_id=uow.clinic_id,
        file_sha256=file_sha256,
    )
    uow.session.add(record)
    uow.session.flush()
    action = "reminder.sent" if channel == Channel.EMAIL else "reminder.exported"
    uow.audit(
        action,
        "reminder",
        record.id,
        f"channel={channel.value} appointment={item.appointment_id} client={item.client_id}",
    )


def _aside(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.part")


def _write_aside(path: Path, data: bytes) -> Path:
    part = _aside(path)
    try:
        descriptor = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except OSError as error:
        part.unlink(missing_ok=True)
        raise FrontDeskError(
            "export_folder_unwritable", path=str(path.parent), cause=error.strerror
        ) from error
    return part


class ReminderService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    # ------------------------------------------------------------------ the day

    def _plan(self, actor: Actor, day: date, clinic_id: int | None) -> _Plan:
        def work(uow: UnitOfWork) -> _Plan:
            return _Plan(
                day=reminder_day(uow.session, day, clinic_id or uow.clinic_id),
                organisation=load_organisation(uow.session).name,
                settings=load_smtp_settings(uow.session),
                staff_name=uow.staff.full_name if uow.staff is not None else actor.full_name,
            )

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)

    def day(self, actor: Actor, day: date, clinic_id: int | None = None) -> ReminderDay:
        """The day's appointments at the site (the workstation's by default), each with the channel
        its reminder goes by, or the reason it is not reminded."""
        return self._plan(actor, day, clinic_id).day

    # ------------------------------------------------------------------ email

    def send_emails(self, actor: Actor, day: date, clinic_id: int | None = None) -> SendResult:
        """Send the day's email reminders not sent yet; record each one the server accepted. A server
        that cannot be reached or refuses the sign-in raises before anything is sent; a recipient the
        server refuses is reported in ``failed`` and not recorded."""
        plan = self._plan(actor, day, clinic_id)
        if plan.settings is None:
            raise FrontDeskError("smtp_not_configured")
        due = [i for i in plan.day.by_channel(Channel.EMAIL) if Channel.EMAIL not in i.already]
        skipped = tuple(
            i.appointment_id for i in plan.day.by_channel(Channel.EMAIL) if Channel.EMAIL in i.already
        )
        sent: list[ReminderItem] = []
        failed: list[SendFailure] = []
        lost: FrontDeskError | None = None
        if due:
            with smtp_session(plan.settings, stored_smtp_password()) as client:
                for item in due:
                    text = reminder_text(item, plan.organisation)
                    mail = OutgoingMail(item.contacts.email, text.subject, text.body, item.language.value)
                    try:
                        send_mail(client, plan.settings, mail)
                    except FrontDeskError as error:
                        if error.code != "smtp_refused":
                            lost = error  # the connection is gone: record what was sent, then say so
                            break
                        failed.append(
                            SendFailure(item.appointment_id, item.client_name, error.code, error.params)
                        )
                        continue
                    sent.append(item)
        if sent:
            self._record_all(actor, [(item, Channel.EMAIL, None) for item in sent])
        if lost is not None:
            raise lost
        return SendResult(day, tuple(i.appointment_id for i in sent), skipped, tuple(failed))

    def _record_all(self, actor: Actor, rows: Sequence[tuple[ReminderItem, Channel, str | None]]) -> None:
        def work(uow: UnitOfWork) -> None:
            for item, channel, digest in rows:
                _record(uow, item, channel, digest)

        run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work)

    # ------------------------------------------------------------------ SMS file and call sheet

    def export(
        self,
        actor: Actor,
        day: date,
        folder: str | Path,
        clinic_id: int | None = None,
        *,
        language: Language = Language.FR,
    ) -> ExportedReminders:
        """Write the day's SMS file and call sheet (in ``language``, the staff's) into ``folder``, owner-only,
        and record every row of both. Names: ``reminders-DAY-sms.csv``, ``reminders-DAY-calls.pdf``."""
        plan = self._plan(actor, day, clinic_id)
        folder = Path(folder)
        sms_items = plan.day.by_channel(Channel.SMS)
        call_items = plan.day.by_channel(Channel.PHONE)
        texts = {i.appointment_id: reminder_text(i, plan.organisation) for i in (*sms_items, *call_items)}
        sms_data = sms_csv(
            SmsRow(i.contacts.mobile, texts[i.appointment_id].sms, i.reference, i.language.value)
            for i in sms_items
        )
        sheet = CallSheet(
            day=day,
            site=plan.day.site.name,
            produced_at=self._clock.now(),
            produced_by=plan.staff_name,
            language=language,
            calls=tuple(
                CallRow(
                    i.starts_at,
                    i.client_name,
                    i.file_number,
                    format_phone(i.contacts.phone, language, i.contacts.phone_extension),
                    i.language,
                    texts[i.appointment_id].call,
                    i.reference,
                )
                for i in call_items
            ),  # fmt: skip
            not_reminded=tuple(
                SkippedRow(
                    i.starts_at, i.client_name, i.file_number, REASON_TEXTS[i.choice.reason].get(language)
                )
                for i in plan.day.not_reminded
                if i.choice.reason is not None
            ),
        )
        pdf_data = render_call_sheet(sheet)
        sms_path = folder / f"reminders-{day.isoformat()}-sms.csv"
        pdf_path = folder / f"reminders-{day.isoformat()}-calls.pdf"
        sms_digest = hashlib.sha256(sms_data).hexdigest()
        pdf_digest = hashlib.sha256(pdf_data).hexdigest()
        parts = [_write_aside(sms_path, sms_data)]
        try:
            parts.append(_write_aside(pdf_path, pdf_data))
            rows = [(i, Channel.SMS, sms_digest) for i in sms_items]
            rows += [(i, Channel.PHONE, pdf_digest) for i in call_items]
            if rows:
                self._record_all(actor, rows)
            os.replace(parts[0], sms_path)
            os.replace(parts[1], pdf_path)
        finally:
            for part in parts:
                part.unlink(missing_ok=True)
        return ExportedReminders(
            day=day,
            sms_path=str(sms_path),
            sms_count=len(sms_items),
            sms_sha256=sms_digest,
            call_sheet_path=str(pdf_path),
            call_count=len(call_items),
            call_sheet_sha256=pdf_digest,
            not_reminded_count=len(plan.day.not_reminded),
        )

    # ------------------------------------------------------------------ the ledger

    def history(self, actor: Actor, client_id: int) -> list[ReminderLogEntry]:
        """The client's reminders, newest first."""

        def work(uow: UnitOfWork) -> list[ReminderLogEntry]:
            load_client(uow.session, client_id)
            rows = uow.session.execute(
                select(ReminderRecord, Appointment.starts_at, Staff.full_name)
                .join(Appointment, Appointment.id == ReminderRecord.appointment_id)
                .outerjoin(Staff, Staff.id == ReminderRecord.by_id)
                .where(ReminderRecord.client_id == client_id)
                .order_by(ReminderRecord.at.desc(), ReminderRecord.id.desc())
            ).all()
            return [
                ReminderLogEntry(
                    r.id,
                    r.appointment_id,
                    starts_at,
                    r.client_id,
                    r.channel,
                    r.at,
                    name or "?",
                    r.file_sha256,
                )  # fmt: skip
                for r, starts_at, name in rows
            ]

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)

    # ------------------------------------------------------------------ the mail server

    def smtp_settings(self, actor: Actor) -> SmtpSettingsView:
        def work(uow: UnitOfWork) -> SmtpSettingsDraft | None:
            return load_smtp_settings(uow.session)

        settings = run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work, write=False)
        return SmtpSettingsView(settings, stored_smtp_password() is not None)

    def save_smtp_settings(
        self, actor: Actor, draft: SmtpSettingsDraft, password: str | None = None
    ) -> SmtpSettingsView:
        """Store the server's settings (audited by field name); ``password``, when given, is kept on
        this workstation only ('' forgets it; None leaves it as it is)."""
        clean = validate_smtp_settings(draft)

        def work(uow: UnitOfWork) -> None:
            row = uow.session.scalar(select(SmtpSettings).order_by(SmtpSettings.id).limit(1))
            if row is None:
                row = SmtpSettings(updated_at=uow.now, updated_by_id=uow.staff_id, **_columns(clean))
                uow.session.add(row)
                uow.session.flush()
                uow.audit("smtp.settings", "smtp_settings", row.id, "created")
                return
            changed = [name for name, value in _columns(clean).items() if getattr(row, name) != value]
            for name in changed:
                setattr(row, name, _columns(clean)[name])
            if changed:
                row.updated_at, row.updated_by_id = uow.now, uow.staff_id
                uow.audit("smtp.settings", "smtp_settings", row.id, " ".join(changed))

        run(self._db, self._clock, actor, Permission.MANAGE_CLINIC, work)
        if password is not None:
            store_smtp_password(password)
        return self.smtp_settings(actor)

    def test_smtp(
        self, actor: Actor, draft: SmtpSettingsDraft | None = None, password: str | None = None
    ) -> None:
        """Connect, encrypt and sign in with ``draft`` (the stored settings by default) and ``password``
        (this workstation's by default); raises a FrontDeskError naming the cause."""
        if draft is None:
            stored = self.smtp_settings(actor).settings
            if stored is None:
                raise FrontDeskError("smtp_not_configured")
            draft = stored
        else:
            draft = validate_smtp_settings(draft)
            run(self._db, self._clock, actor, Permission.MANAGE_CLINIC, lambda uow: None, write=False)
        check_connection(draft, password if password else stored_smtp_password())


def _columns(settings: SmtpSettingsDraft) -> dict[str, object]:
    return {
        "host": settings.host,
        "port": settings.port,
        "security": settings.security.value,
        "username": settings.username,
        "sender": settings.sender,
    }
