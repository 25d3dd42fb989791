"""Tomorrow's reminders honour consent: exactly the clients with granted, not opted-out email consent
receive one, through a real SMTP server on 127.0.0.1, in their language; the others are on the call
sheet, in the SMS file or listed not to remind; every reminder sent or exported is recorded."""

from __future__ import annotations

import csv
import io
import os
from datetime import date, datetime, time, timedelta
from email.message import EmailMessage

import pytest
from sqlalchemy import select

from desktop.db.models import AuditRecord, ReminderRecord, SmtpSettings
from desktop.domain.enums import (
    AppointmentKind,
    AppointmentMode,
    BookedVia,
    Channel,
    Interaction,
    Language,
    OptOutVia,
    Purpose,
)
from desktop.domain.errors import FrontDeskError, PermissionDeniedError
from desktop.domain.phones import Phone, PhoneKind
from desktop.domain.records import AppointmentDraft, ConsentCapture, ConsentChange, OptOutDraft
from desktop.domain.reminders import NotRemindedReason, SmtpSecurity, SmtpSettingsDraft
from desktop.domain.schedule import CancelledBy
from desktop.mail import check_connection, password_path
from tests.conftest import TEST_NOW
from tests.desktop.services.smtp_server import SmtpServer, self_signed_context
from tests.support.documents import new_client, pdftotext, squash
from tests.support.pdffonts import unembedded_fonts

REMIND = Purpose.APPOINTMENT_REMINDERS
TOMORROW = (TEST_NOW.astimezone() + timedelta(days=1)).date()
SECRET = "Mot-de-passe-SMTP-42"


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute)).astimezone()


def book_by_phone(services, actor, client_id, starts_at, *, granted=(), withdrawn=()):
    choices = tuple(ConsentChange(REMIND, c, True) for c in granted)
    capture = ConsentCapture(choices, Interaction.PHONE, Language.FR) if choices else None
    draft = AppointmentDraft(starts_at, AppointmentKind.PROCEDURE, AppointmentMode.IN_CLINIC, BookedVia.PHONE)
    booked = services.appointments.book(actor, client_id, draft, capture)
    if withdrawn:
        changes = tuple(ConsentChange(REMIND, c, False) for c in withdrawn)
        services.consent.record(actor, client_id, ConsentCapture(changes, Interaction.PHONE, Language.FR))
    return booked.appointment


@pytest.fixture
def smtp():
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


def plain_settings(port: int) -> SmtpSettingsDraft:
    return SmtpSettingsDraft("127.0.0.1", port, SmtpSecurity.PLAIN, "", "rappels@clinique.example")


def test_tomorrows_reminders_honour_consent_and_are_recorded(services, team, smtp, tmp_path):
    r = team.receptionist
    person = lambda last, first, **f: new_client(services, r, last, first, **f)  # noqa: E731
    emailed_fr = person("Tremblay", "Élise", email="elise@example.com", phone="418 555-0101")
    emailed_en = person("Smith", "John", email="john@example.com", preferred_language=Language.EN)
    opted_out = person("Gagnon", "Luc", email="luc@example.com", phone="418 555-0103", phone_extension="12")
    texted = person("Roy", "Anaïs", phones=(Phone("418 555-0104", PhoneKind.MOBILE),))
    unmarked = person("Morin", "Paul", phone="418 555-0106")  # a number of no kind is never texted
    no_consent = person("Côté", "Zoé", email="zoe@example.com", phone="418 555-0105")
    no_address = person("Pelletier", "Marc")
    withdrew = person("Bouchard", "Lina", email="lina@example.com")
    other_day = person("Lavoie", "Paul", email="paul@example.com")

    book_by_phone(services, r, emailed_fr.id, at(TOMORROW, 9), granted=(Channel.EMAIL,))
    book_by_phone(services, r, emailed_en.id, at(TOMORROW, 9, 30), granted=(Channel.EMAIL, Channel.SMS))
    book_by_phone(services, r, opted_out.id, at(TOMORROW, 10), granted=(Channel.EMAIL, Channel.PHONE))
    services.optouts.log(
        r,
        OptOutDraft(OptOutVia.EMAIL, TEST_NOW.date(), "Luc Gagnon", purposes=frozenset({REMIND}),
                    channels=frozenset({Channel.EMAIL}), client_id=opted_out.id),
    )  # fmt: skip
    book_by_phone(services, r, texted.id, at(TOMORROW, 11), granted=(Channel.SMS,))
    book_by_phone(services, r, unmarked.id, at(TOMORROW, 12), granted=(Channel.SMS,))
    book_by_phone(services, r, no_consent.id, at(TOMORROW, 13))
    book_by_phone(services, r, no_address.id, at(TOMORROW, 14), granted=(Channel.EMAIL,))
    book_by_phone(
        services, r, withdrew.id, at(TOMORROW, 15), granted=(Channel.EMAIL,), withdrawn=(Channel.EMAIL,)
    )
    book_by_phone(services, r, other_day.id, at(TOMORROW + timedelta(days=1), 9), granted=(Channel.EMAIL,))
    cancelled = book_by_phone(services, r, other_day.id, at(TOMORROW, 16), granted=(Channel.EMAIL,))
    services.schedule.cancel(r, cancelled.id, CancelledBy.CLIENT, "Empêchement")

    plan = services.reminders.day(r, TOMORROW)
    names = lambda items: [i.client_name for i in items]  # noqa: E731
    assert names(plan.by_channel(Channel.EMAIL)) == ["Élise Tremblay", "John Smith"]
    assert names(plan.by_channel(Channel.PHONE)) == ["Luc Gagnon"]
    assert names(plan.by_channel(Channel.SMS)) == ["Anaïs Roy"]
    assert {i.client_name: i.choice.reason for i in plan.not_reminded} == {
        "Zoé Côté": NotRemindedReason.NO_CONSENT,
        "Marc Pelletier": NotRemindedReason.NO_ADDRESS,
        "Paul Morin": NotRemindedReason.NO_ADDRESS,
        "Lina Bouchard": NotRemindedReason.NO_CONSENT,
    }

    services.reminders.save_smtp_settings(team.manager, plain_settings(smtp.port))
    result = services.reminders.send_emails(r, TOMORROW)
    assert len(result.sent) == 2 and not result.failed
    received = {m["To"]: m for m in smtp.messages()}
    assert set(received) == {"elise@example.com", "john@example.com"}
    french, english = received["elise@example.com"], received["john@example.com"]
    assert french["From"] == "rappels@clinique.example"
    assert french["Content-Language"] == "fr" and english["Content-Language"] == "en"
    french_body, english_body = body(french), body(english)
    assert "Bonjour Élise Tremblay" in french_body and "9\u00a0h" in french_body
    assert "Hello John Smith" in english_body and "09:30" in english_body
    site = services.clinics.get(r)
    assert site.name in french_body and site.street in french_body
    assert "Pour annuler" in french_body and "To cancel" in english_body
    for text in (french_body, english_body, str(french["Subject"]), str(english["Subject"])):
        assert "procedure" not in text.lower() and "intervention" not in text.lower()

    # Sent once: a second run sends nothing again.
    again = services.reminders.send_emails(r, TOMORROW)
    assert again.sent == () and len(again.skipped_already_sent) == 2
    assert len(smtp.messages()) == 2

    exported = services.reminders.export(r, TOMORROW, tmp_path)
    data = (tmp_path / f"reminders-{TOMORROW.isoformat()}-sms.csv").read_bytes()
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    assert rows[0] == ["phone", "message", "reference", "language"]
    assert [(row[0], row[3]) for row in rows[1:]] == [("+14185550104", "fr")]
    assert "Pour annuler" in rows[1][1] and len(rows[1][2]) == 8
    pdf = (tmp_path / f"reminders-{TOMORROW.isoformat()}-calls.pdf").read_bytes()
    assert unembedded_fonts(pdf) == []
    sheet = squash(pdftotext(pdf))
    assert "Luc Gagnon" in sheet and "418 555-0103, poste 12" in sheet
    for name in ("Zoé Côté", "Marc Pelletier", "Paul Morin", "Lina Bouchard"):
        assert name in sheet
    for name in ("Élise Tremblay", "John Smith", "Paul Lavoie"):
        assert name not in sheet
    assert (exported.sms_count, exported.call_count, exported.not_reminded_count) == (1, 1, 4)
    for path in (exported.sms_path, exported.call_sheet_path):
        assert os.stat(path).st_mode & 0o777 == 0o600

    with services.db.session(write=False) as session:
        recorded = sorted(
            (row.client_id, row.channel.value, row.by_id)
            for row in session.scalars(select(ReminderRecord))
        )  # fmt: skip
        actions = session.scalars(
            select(AuditRecord.action).where(AuditRecord.action.like("reminder.%"))
        ).all()
    assert recorded == sorted([
        (emailed_fr.id, "email", r.staff_id), (emailed_en.id, "email", r.staff_id),
        (texted.id, "sms", r.staff_id), (opted_out.id, "phone", r.staff_id),
    ])  # fmt: skip
    assert sorted(actions) == ["reminder.exported"] * 2 + ["reminder.sent"] * 2
    history = services.reminders.history(r, emailed_en.id)
    assert [(h.channel, h.by) for h in history] == [(Channel.EMAIL, r.full_name)]


def body(message: EmailMessage) -> str:
    part = message.get_body(("plain",))
    assert part is not None
    return str(part.get_content())


def test_plain_smtp_is_refused_to_another_computer(services, team):
    remote = SmtpSettingsDraft("smtp.example.com", 25, SmtpSecurity.PLAIN, "", "rappels@clinique.example")
    with pytest.raises(FrontDeskError) as caught:
        services.reminders.save_smtp_settings(team.manager, remote)
    assert "smtp_plain_not_loopback" in [e.code for e in caught.value.errors]  # type: ignore[attr-defined]
    assert "localhost" in caught.value.message(Language.FR)
    with pytest.raises(PermissionDeniedError):
        services.reminders.save_smtp_settings(team.receptionist, plain_settings(2525))
    with pytest.raises(FrontDeskError, match="not set up"):
        services.reminders.send_emails(team.receptionist, TOMORROW)


def test_starttls_is_required_where_asked(services, team, smtp):
    settings = SmtpSettingsDraft(
        "127.0.0.1", smtp.port, SmtpSecurity.STARTTLS, "", "rappels@clinique.example"
    )
    services.reminders.save_smtp_settings(team.manager, settings)
    with pytest.raises(FrontDeskError) as caught:
        services.reminders.test_smtp(team.manager)
    assert caught.value.code == "smtp_no_starttls"
    services.reminders.test_smtp(team.manager, plain_settings(smtp.port))  # the plain local server answers


def test_the_password_is_kept_owner_only_never_in_the_database_or_the_log(services, team, smtp, tmp_path):
    settings = SmtpSettingsDraft(
        "127.0.0.1", smtp.port, SmtpSecurity.PLAIN, "rappels", "rappels@clinique.example"
    )
    view = services.reminders.save_smtp_settings(team.manager, settings, SECRET)
    assert view.password_stored and view.settings == settings
    assert password_path().read_text("utf-8").strip() == SECRET
    assert os.stat(password_path()).st_mode & 0o777 == 0o600
    services.reminders.test_smtp(team.manager)  # signs in with the stored password
    assert smtp.logins == [("rappels", SECRET)]
    with services.db.session(write=False) as session:
        stored = [tuple(str(v) for v in row) for row in session.execute(select(SmtpSettings.__table__))]
        details = session.scalars(select(AuditRecord.detail)).all()
    assert stored and not any(SECRET in value for row in stored for value in row)
    assert not any(SECRET in detail for detail in details)
    if services.db.dialect == "sqlite":
        database_file = services.db.engine.url.database
        assert database_file and SECRET.encode() not in open(database_file, "rb").read()  # noqa: SIM115
    for folder in (os.environ["FRONTDESK_LOG_DIR"],):
        for root, _, files in os.walk(folder):
            for name in files:
                assert SECRET.encode() not in open(os.path.join(root, name), "rb").read()  # noqa: SIM115
    services.reminders.save_smtp_settings(team.manager, settings, "")
    assert not password_path().exists()


def test_reminders_appear_in_the_client_file_and_the_evidence_pack(services, team, tmp_path):
    r = team.receptionist
    client = new_client(services, r, "Gagnon", "Luc", phone="418 555-0103")
    book_by_phone(services, r, client.id, at(TOMORROW, 10), granted=(Channel.PHONE,))
    exported = services.reminders.export(r, TOMORROW, tmp_path)
    history = services.reminders.history(r, client.id)
    assert [(h.channel, h.file_sha256) for h in history] == [(Channel.PHONE, exported.call_sheet_sha256)]
    pack = services.evidence.pack(team.manager, client.file_number)
    assert [(e.channel, e.by) for e in pack.reminders] == [(Channel.PHONE, r.full_name)]
    rendered = services.evidence.render(team.manager, client.file_number).data
    assert unembedded_fonts(rendered) == []
    text = squash(pdftotext(rendered))
    assert "Rappels de rendez-vous (1)" in text and exported.call_sheet_sha256[:16] in text


@pytest.mark.parametrize("security", [SmtpSecurity.STARTTLS, SmtpSecurity.TLS])
def test_a_certificate_no_authority_signed_is_refused(tmp_path, security):
    context = self_signed_context(tmp_path)
    server = SmtpServer(
        **({"starttls": context} if security == SmtpSecurity.STARTTLS else {"implicit_tls": context})
    )
    server.start()
    try:
        draft = SmtpSettingsDraft("127.0.0.1", server.port, security, "rappels", "rappels@clinique.example")
        with pytest.raises(FrontDeskError) as caught:
            check_connection(draft, SECRET)
    finally:
        server.stop()
    assert caught.value.code == "smtp_tls_failed", caught.value.message(Language.EN)
    assert "certificate" in caught.value.message(Language.EN).lower()
    assert server.logins == []  # the password never went over the refused connection
