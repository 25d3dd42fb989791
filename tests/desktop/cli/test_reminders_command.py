"""``frontdesk reminders``: the day listed, the SMS file and the call sheet exported (the PDF read back),
the emails sent through a real local SMTP server, each signed in with ``--user`` like the other commands."""

from __future__ import annotations

import csv
import io

from click.testing import CliRunner

from desktop.cli import cli
from desktop.domain.enums import Channel, Language
from desktop.domain.phones import Phone, PhoneKind
from desktop.domain.reminders import SmtpSecurity, SmtpSettingsDraft
from tests.conftest import TEST_PASSWORD
from tests.desktop.services.smtp_server import SmtpServer
from tests.desktop.services.test_reminders import TOMORROW, at, book_by_phone
from tests.support.documents import new_client, pdftotext, squash


def frontdesk(services, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["--database", services.db.url, *args], input=f"{TEST_PASSWORD}\n")


def test_reminders_export_send_and_list(services, team, tmp_path, monkeypatch):
    monkeypatch.setenv("LC_ALL", "en_CA.UTF-8")
    r = team.receptionist
    called = new_client(services, r, "Gagnon", "Luc", phone="418 555-0103")
    texted = new_client(
        services,
        r,
        "Roy",
        "Anaïs",
        phones=(Phone("418 555-0104", PhoneKind.MOBILE),),
        preferred_language=Language.EN,
    )
    emailed = new_client(services, r, "Tremblay", "Élise", email="elise@example.com")
    silent = new_client(services, r, "Côté", "Zoé", phone="418 555-0105")
    book_by_phone(services, r, called.id, at(TOMORROW, 10), granted=(Channel.PHONE,))
    book_by_phone(services, r, texted.id, at(TOMORROW, 11), granted=(Channel.SMS,))
    book_by_phone(services, r, emailed.id, at(TOMORROW, 12), granted=(Channel.EMAIL,))
    book_by_phone(services, r, silent.id, at(TOMORROW, 13))
    day = TOMORROW.isoformat()

    listed = frontdesk(services, "reminders", "--date", TOMORROW.strftime("%d/%m/%Y"), "--user", "accueil")
    assert listed.exit_code == 0, listed.output
    assert "Email (1)" in listed.output and "Not to remind (1)" in listed.output
    assert "Zoé Côté: no consent to appointment reminders" in listed.output

    exported = frontdesk(services, "reminders", "--date", day, "--export", str(tmp_path), "--user", "accueil")
    assert exported.exit_code == 0, exported.output
    rows = list(
        csv.reader(io.StringIO((tmp_path / f"reminders-{day}-sms.csv").read_text("utf-8"), newline=""))
    )
    assert [(row[0], row[3]) for row in rows[1:]] == [("+14185550104", "en")]
    assert "To cancel" in rows[1][1]
    sheet = squash(pdftotext((tmp_path / f"reminders-{day}-calls.pdf").read_bytes()))
    assert "Phone reminders" in sheet and "Luc Gagnon" in sheet and "(418) 555-0103" in sheet
    assert "Not to remind (1)" in sheet and "Zoé Côté" in sheet and "Élise Tremblay" not in sheet

    refused = frontdesk(services, "reminders", "--date", day, "--send", "--user", "accueil")
    assert refused.exit_code == 1 and "mail server is not set up" in refused.output

    server = SmtpServer()
    server.start()
    try:
        settings = SmtpSettingsDraft("127.0.0.1", server.port, SmtpSecurity.PLAIN, "", "clinique@example.com")
        services.reminders.save_smtp_settings(team.manager, settings)
        sent = frontdesk(services, "reminders", "--date", day, "--send", "--user", "accueil")
        assert sent.exit_code == 0, sent.output
        assert "1 sent, 0 already sent, 0 refused" in sent.output
        assert [m["To"] for m in server.messages()] == ["elise@example.com"]
    finally:
        server.stop()
    assert [h.channel for h in services.reminders.history(r, emailed.id)] == [Channel.EMAIL]
    assert [h.channel for h in services.reminders.history(r, called.id)] == [Channel.PHONE]
    # The reminder ledger is guarded and witnessed like the others.
    checked = CliRunner().invoke(cli, ["--database", services.db.url, "db", "check"])
    assert "[ok] append-only triggers" in checked.output and "[ok] witness" in checked.output, checked.output
