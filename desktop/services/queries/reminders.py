"""Reading a day's reminders: the appointments at a site, each client's granted reminder channels, the
pending opt-outs that cover them and the reminders already recorded, in a few set-based queries
(never one per appointment). The choice of channel is the domain's (``choose_channel``)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.models import (
    Appointment,
    AppointmentEvent,
    Client,
    ClientPhone,
    Clinic,
    ReminderRecord,
    SmtpSettings,
    Staff,
)
from desktop.domain.enums import Channel, Purpose
from desktop.domain.errors import NotFoundError
from desktop.domain.messages import Subjects
from desktop.domain.phones import PhoneKind
from desktop.domain.reminder_records import EvidenceReminder
from desktop.domain.reminders import (
    REMINDER_CHANNELS,
    ReminderContacts,
    ReminderDay,
    ReminderItem,
    ReminderSite,
    SmtpSecurity,
    SmtpSettingsDraft,
    choose_channel,
)
from desktop.domain.schedule import AppointmentEventKind
from desktop.reports.base import local_midnight
from desktop.services.reporting import common

PURPOSE = Purpose.APPOINTMENT_REMINDERS


def reference(appointment: Appointment) -> str:
    """A short reference a client can read out on the phone: the first 8 hex digits of the uid."""
    return appointment.uid.hex[:8].upper()


def site_of(session: Session, clinic_id: int) -> ReminderSite:
    clinic = session.get(Clinic, clinic_id)
    if clinic is None:
        raise NotFoundError(what=Subjects.clinic)
    return ReminderSite(
        name=clinic.name,
        street=clinic.street,
        city=clinic.city,
        province=clinic.province,
        postal_code=clinic.postal_code,
        phone=clinic.phone,
        phone_extension=clinic.phone_extension,
    )


def contacts_of(client: Client, mobile: str) -> ReminderContacts:
    """Email; the first number marked mobile for texts (never one of another kind or none); the file's
    number to call (its first), with its extension."""
    return ReminderContacts(
        email=client.email,
        mobile=mobile,
        phone=client.phone,
        phone_extension=client.phone_extension,
    )


def mobile_numbers(session: Session, client_ids: set[int]) -> dict[int, str]:
    """Each client's first number marked mobile (one query)."""
    found: dict[int, str] = {}
    for client_id, number in session.execute(
        select(ClientPhone.client_id, ClientPhone.number)
        .where(ClientPhone.client_id.in_(client_ids), ClientPhone.kind == PhoneKind.MOBILE)
        .order_by(ClientPhone.client_id, ClientPhone.position)
    ):
        found.setdefault(client_id, number)
    return found


def reminder_day(session: Session, day: date, clinic_id: int) -> ReminderDay:
    """The appointments starting on ``day`` (the clinic's clock) at the site, by start time."""
    site = site_of(session, clinic_id)
    rows = session.execute(
        select(Appointment, Client)
        .join(Client, Client.id == Appointment.client_id)
        .where(
            Appointment.clinic_id == clinic_id,
            Appointment.starts_at >= local_midnight(day),
            Appointment.starts_at < local_midnight(day + timedelta(days=1)),
            # A cancelled appointment is not reminded (its state is derived from its events).
            Appointment.id.not_in(
                select(AppointmentEvent.appointment_id).where(
                    AppointmentEvent.kind == AppointmentEventKind.CANCELLED
                )
            ),
        )
        .order_by(Appointment.starts_at, Appointment.id)
    ).all()
    client_ids = {client.id for _, client in rows}
    granted: dict[int, set[Channel]] = defaultdict(set)
    opted_out: dict[int, set[Channel]] = defaultdict(set)
    already: dict[int, set[Channel]] = defaultdict(set)
    if rows:
        clients = select(Client.id).where(Client.id.in_(client_ids))
        latest = common.latest_consent(purpose=PURPOSE, clients=clients)
        for client_id, channel in session.execute(
            select(latest.c.client_id, latest.c.channel).where(common.granted_cells(latest))
        ):
            granted[cast(int, client_id)].add(Channel(cast(str, channel)))
        for channel in REMINDER_CHANNELS:
            pending = common.pending_opt_out_clients(PURPOSE, channel).subquery()
            for client_id in session.scalars(
                select(pending.c.client_id).where(pending.c.client_id.in_(client_ids))
            ):
                opted_out[client_id].add(channel)
        appointment_ids = [appointment.id for appointment, _ in rows]
        for appointment_id, channel in session.execute(
            select(ReminderRecord.appointment_id, ReminderRecord.channel).where(
                ReminderRecord.appointment_id.in_(appointment_ids)
            )
        ):
            already[appointment_id].add(Channel(channel))
    mobiles = mobile_numbers(session, client_ids) if rows else {}
    items = []
    for appointment, client in rows:
        contacts = contacts_of(client, mobiles.get(client.id, ""))
        items.append(
            ReminderItem(
                appointment_id=appointment.id,
                reference=reference(appointment),
                client_id=client.id,
                file_number=client.file_number,
                client_name=f"{client.first_name} {client.last_name}",
                language=client.preferred_language,
                starts_at=appointment.starts_at,
                site=site,
                contacts=contacts,
                choice=choose_channel(
                    frozenset(granted[client.id]), frozenset(opted_out[client.id]), contacts
                ),
                already=frozenset(already[appointment.id]),
            )
        )
    return ReminderDay(day=day, site=site, items=tuple(items))


def load_smtp_settings(session: Session) -> SmtpSettingsDraft | None:
    row = session.scalar(select(SmtpSettings).order_by(SmtpSettings.id).limit(1))
    if row is None:
        return None
    return SmtpSettingsDraft(
        host=row.host,
        port=row.port,
        security=SmtpSecurity(row.security),
        username=row.username,
        sender=row.sender,
    )


def reminder_evidence(session: Session, client_id: int) -> tuple[EvidenceReminder, ...]:
    """Every reminder sent or exported to the client, oldest first (one query)."""
    rows = session.execute(
        select(ReminderRecord, Appointment.starts_at, Staff.full_name, Clinic.name)
        .join(Appointment, Appointment.id == ReminderRecord.appointment_id)
        .outerjoin(Staff, Staff.id == ReminderRecord.by_id)
        .outerjoin(Clinic, Clinic.id == ReminderRecord.clinic_id)
        .where(ReminderRecord.client_id == client_id)
        .order_by(ReminderRecord.at, ReminderRecord.id)
    ).all()
    return tuple(
        EvidenceReminder(
            record.id, record.at, record.channel, starts_at, by or "?", site or "?", record.file_sha256
        )
        for record, starts_at, by, site in rows
    )
