"""Who is reminded of an appointment, and how: the rules, with no database.

An appointment is reminded through the channels its client granted for "appointment confirmations and
reminders" that no pending opt-out request covers and for which the file has an address (an email, a
mobile number for a text, a phone number for a call). Of those, one is used, the first of
:data:`REMINDER_CHANNELS` (email, then text, then a call): one reminder per appointment. An
appointment with none is "not to be reminded", with the reason. Post is not a reminder channel.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from desktop.domain.enums import Channel, Language
from desktop.domain.errors import FieldError, ValidationError
from desktop.domain.texts import Text
from desktop.domain.validation import MAX_EMAIL, check_email, check_text

#: The channels a reminder goes by, the first usable one chosen.
REMINDER_CHANNELS: tuple[Channel, ...] = (Channel.EMAIL, Channel.SMS, Channel.PHONE)


class NotRemindedReason(StrEnum):
    #: No reminder channel granted (never asked, declined or withdrawn).
    NO_CONSENT = "no_consent"
    #: Every granted channel is covered by an opt-out request not processed yet.
    OPTED_OUT = "opted_out"
    #: Granted, but the file has no address for any of those channels.
    NO_ADDRESS = "no_address"


@dataclass(frozen=True)
class ReminderSite:
    """The site as a reminder names it (from the clinic's records)."""

    name: str
    street: str
    city: str
    province: str
    postal_code: str
    phone: str
    phone_extension: str = ""

    @property
    def address(self) -> str:
        return f"{self.street}, {self.city} ({self.province}) {self.postal_code}"


@dataclass(frozen=True)
class ReminderContacts:
    """The client's addresses for each channel: '' when the file has none."""

    email: str = ""
    #: E.164; the number a text goes to.
    mobile: str = ""
    #: E.164; the number a call goes to, with its extension.
    phone: str = ""
    phone_extension: str = ""

    def has_address(self, channel: Channel) -> bool:
        if channel == Channel.EMAIL:
            return bool(self.email.strip())
        if channel == Channel.SMS:
            return bool(self.mobile.strip())
        if channel == Channel.PHONE:
            return bool(self.phone.strip())
        return False


@dataclass(frozen=True)
class ReminderChoice:
    """The channel a reminder goes by (None: not reminded, ``reason`` says why)."""

    channel: Channel | None
    usable: tuple[Channel, ...]
    reason: NotRemindedReason | None


def choose_channel(
    granted: frozenset[Channel], opted_out: frozenset[Channel], contacts: ReminderContacts
) -> ReminderChoice:
    """The first reminder channel granted, not opted out and with an address."""
    consented = tuple(c for c in REMINDER_CHANNELS if c in granted)
    if not consented:
        return ReminderChoice(None, (), NotRemindedReason.NO_CONSENT)
    allowed = tuple(c for c in consented if c not in opted_out)
    if not allowed:
        return ReminderChoice(None, (), NotRemindedReason.OPTED_OUT)
    usable = tuple(c for c in allowed if contacts.has_address(c))
    if not usable:
        return ReminderChoice(None, (), NotRemindedReason.NO_ADDRESS)
    return ReminderChoice(usable[0], usable, None)


@dataclass(frozen=True)
class ReminderItem:
    """One appointment of the day and how its client is reminded. It carries no reason for the visit
    and no practitioner: a reminder cannot name what it does not hold."""

    appointment_id: int
    #: The reference the SMS file and the call sheet print: the appointment's uid, shortened.
    reference: str
    client_id: int
    file_number: str
    client_name: str
    language: Language
    starts_at: datetime
    site: ReminderSite
    contacts: ReminderContacts
    choice: ReminderChoice
    #: Channels this appointment was already reminded by (the reminder ledger).
    already: frozenset[Channel] = frozenset()

    @property
    def channel(self) -> Channel | None:
        return self.choice.channel


@dataclass(frozen=True)
class ReminderDay:
    """The day's appointments at a site (cancelled ones left out), grouped by the channel each is
    reminded by."""

    day: date
    site: ReminderSite
    items: tuple[ReminderItem, ...]

    def by_channel(self, channel: Channel) -> tuple[ReminderItem, ...]:
        return tuple(i for i in self.items if i.channel == channel)

    @property
    def not_reminded(self) -> tuple[ReminderItem, ...]:
        return tuple(i for i in self.items if i.channel is None)


class SmtpSecurity(StrEnum):
    #: Plain connection upgraded with STARTTLS (port 587).
    STARTTLS = "starttls"
    #: TLS from the first byte (port 465).
    TLS = "tls"
    #: No encryption: only to a server on this computer (a local relay).
    PLAIN = "plain"


DEFAULT_PORTS = {SmtpSecurity.STARTTLS: 587, SmtpSecurity.TLS: 465, SmtpSecurity.PLAIN: 25}


@dataclass(frozen=True)
class SmtpSettingsDraft:
    """The clinic's outgoing mail server. The password is not part of it: it is kept apart, owner-only,
    on each workstation (``desktop.mail``)."""

    host: str
    port: int
    security: SmtpSecurity
    username: str
    sender: str


def is_loopback(host: str) -> bool:
    """``localhost`` or a loopback address (127.0.0.0/8, ::1): the only hosts plain SMTP may reach."""
    name = host.strip().strip("[]").lower()
    if name in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def validate_smtp_settings(draft: SmtpSettingsDraft) -> SmtpSettingsDraft:
    """The settings cleaned, or ValidationError: a host and a sender are required, the port is 1 to
    65535, and an unencrypted connection only reaches this computer."""
    errors: list[FieldError] = []
    host = check_text(errors, "smtp_host", draft.host, max_length=253, required=True)
    username = check_text(errors, "smtp_username", draft.username, max_length=MAX_EMAIL)
    sender = check_email(errors, "smtp_sender", draft.sender)
    if not sender and not any(e.field == "smtp_sender" for e in errors):
        errors.append(FieldError("smtp_sender", "required"))
    if not 1 <= draft.port <= 65535:
        errors.append(FieldError("smtp_port", "out_of_range", {"min": 1, "max": 65535}))
    security = SmtpSecurity(draft.security)
    if security == SmtpSecurity.PLAIN and host and not is_loopback(host):
        errors.append(FieldError("smtp_security", "smtp_plain_not_loopback", {"host": host}))
    if errors:
        raise ValidationError(errors)
    return SmtpSettingsDraft(host=host, port=draft.port, security=security, username=username, sender=sender)


#: How a reason not to remind reads, on screens and on the call sheet.
REASON_TEXTS: dict[NotRemindedReason, Text] = {
    NotRemindedReason.NO_CONSENT: Text(
        "aucun consentement aux rappels de rendez-vous", "no consent to appointment reminders"
    ),
    NotRemindedReason.OPTED_OUT: Text(
        "demande de retrait en attente pour les rappels", "pending opt-out request covering reminders"
    ),
    NotRemindedReason.NO_ADDRESS: Text(
        "consentement donné, mais aucune adresse ni numéro au dossier pour ces moyens",
        "consent given, but the file has no address or number for those channels",
    ),
}
