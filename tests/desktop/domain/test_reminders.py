"""The reminder rules without a database: the channel chosen, plain SMTP only to this computer, and
wording that can name date, time, site and how to cancel, never the reason for the visit."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop.domain.enums import Channel, Language
from desktop.domain.errors import FrontDeskError, ValidationError
from desktop.domain.reminder_wording import read_wording, reminder_text, wording_path
from desktop.domain.reminders import (
    NotRemindedReason,
    ReminderContacts,
    ReminderItem,
    ReminderSite,
    SmtpSecurity,
    SmtpSettingsDraft,
    choose_channel,
    is_loopback,
    validate_smtp_settings,
)

ALL = ReminderContacts(email="a@example.com", mobile="+14185550101", phone="+14185550101")
SITE = ReminderSite(
    "Clinique Lacroix — Limoilou", "1200, 3e Avenue", "Québec", "QC", "G1L 2X5", "+14185550100", "3"
)


def test_the_first_granted_channel_not_opted_out_with_an_address_is_used() -> None:
    everything = frozenset({Channel.EMAIL, Channel.SMS, Channel.PHONE})
    assert choose_channel(everything, frozenset(), ALL).channel == Channel.EMAIL
    assert choose_channel(everything, frozenset({Channel.EMAIL}), ALL).channel == Channel.SMS
    no_email = ReminderContacts(phone="+14185550101")
    assert choose_channel(everything, frozenset(), no_email).channel == Channel.PHONE
    assert choose_channel(frozenset({Channel.POST}), frozenset(), ALL).reason == NotRemindedReason.NO_CONSENT
    assert (
        choose_channel(frozenset({Channel.SMS}), frozenset({Channel.SMS}), ALL).reason
        == NotRemindedReason.OPTED_OUT
    )
    assert (
        choose_channel(frozenset({Channel.EMAIL}), frozenset(), no_email).reason
        == NotRemindedReason.NO_ADDRESS
    )


@pytest.mark.parametrize(("host", "loopback"), [("localhost", True), ("127.0.0.1", True), ("127.4.5.6", True),
                                                ("::1", True), ("[::1]", True), ("10.0.0.1", False),
                                                ("smtp.example.com", False), ("localhost.example.com", False)])  # fmt: skip
def test_loopback_hosts(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_plain_smtp_only_to_this_computer() -> None:
    draft = SmtpSettingsDraft("smtp.example.com", 25, SmtpSecurity.PLAIN, "", "clinique@example.com")
    with pytest.raises(ValidationError) as caught:
        validate_smtp_settings(draft)
    assert [e.code for e in caught.value.errors] == ["smtp_plain_not_loopback"]
    assert "STARTTLS" in caught.value.message(Language.FR) and "smtp.example.com" in caught.value.message(
        Language.EN
    )
    local = SmtpSettingsDraft(" localhost ", 1025, SmtpSecurity.PLAIN, "", "clinique@example.com")
    assert validate_smtp_settings(local).host == "localhost"
    with pytest.raises(ValidationError) as caught:
        validate_smtp_settings(SmtpSettingsDraft("", 0, SmtpSecurity.TLS, "", ""))
    assert {e.field for e in caught.value.errors} == {"smtp_host", "smtp_port", "smtp_sender"}


def item(language: Language) -> ReminderItem:
    contacts = ReminderContacts(email="a@example.com")
    return ReminderItem(
        appointment_id=1, reference="1A2B3C4D", client_id=1, file_number="000001", client_name="Zoé Côté",
        language=language, starts_at=datetime(2026, 11, 25, 14, 30, tzinfo=UTC), site=SITE, contacts=contacts,
        choice=choose_channel(frozenset({Channel.EMAIL}), frozenset(), contacts),
    )  # fmt: skip


def test_the_shipped_wording_says_date_time_site_and_how_to_cancel() -> None:
    french = reminder_text(item(Language.FR), "Cliniques Médicales Lacroix")
    english = reminder_text(item(Language.EN), "Cliniques Médicales Lacroix")
    local = datetime(2026, 11, 25, 14, 30, tzinfo=UTC).astimezone()
    assert f"{local.hour}\u00a0h\u00a0{local.minute:02d}" in french.body and f"{local:%H:%M}" in english.body
    assert "novembre 2026" in french.subject and "November" in english.subject
    for text in (french, english):
        for words in (text.body, text.sms, text.call):
            assert SITE.name in words and "555-0100" in words
        assert "1A2B3C4D" in text.body
    assert "Pour annuler" in french.body and "poste 3" in french.body
    assert "To cancel" in english.body and "ext. 3" in english.body


def test_a_wording_naming_anything_else_is_refused(tmp_path: Path) -> None:
    raw = json.loads(wording_path().read_text("utf-8"))
    raw["sms"]["en"] = "Your {reason} appointment on {date} with a {specialty}."
    path = tmp_path / "reminders.json"
    path.write_text(json.dumps(raw), "utf-8")
    with pytest.raises(FrontDeskError) as caught:
        read_wording(path)
    assert caught.value.code == "reminder_wording_invalid"
    assert "{reason, specialty}" in caught.value.message(Language.EN) and str(path) in caught.value.message(
        Language.FR
    )
    del raw["call"]
    path.write_text(json.dumps(raw), "utf-8")
    with pytest.raises(FrontDeskError, match="missing 'call'"):
        read_wording(path)
    read_wording(wording_path())
