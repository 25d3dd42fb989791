"""``frontdesk acknowledgment verify``, ``frontdesk report`` and ``frontdesk export contacts``: signed in
with the password on standard input, as a scheduled job would."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

import pytest
from click.testing import CliRunner
from sqlalchemy import select, update

from desktop.cli import cli
from desktop.db.models import AcknowledgmentDocument, AuditRecord
from desktop.demo import populate
from desktop.domain.enums import Channel, Interaction, Language, Purpose, Role
from desktop.domain.records import ConsentCapture, ConsentChange
from desktop.pdf.verification import verification_code
from desktop.reports import ReportKind
from desktop.services.permissions import role_allows
from desktop.services.reports import report_permission
from tests.conftest import TEST_PASSWORD
from tests.support.documents import (
    book,
    both_texts,
    csv_figure,
    drop_append_only_trigger,
    new_client,
    read_csv,
)

TODAY = date.today()


def frontdesk(services, *args: str, password: str = TEST_PASSWORD):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["--database", services.db.url, *args], input=f"{password}\n")


def audits(services, action: str) -> list[AuditRecord]:  # type: ignore[no-untyped-def]
    with services.db.session(write=False) as session:
        return list(session.scalars(select(AuditRecord).where(AuditRecord.action == action)))


def test_verify_names_the_client_version_and_date(services, team, tmp_path):
    client = new_client(services, team.receptionist)
    ack = book(services, team.receptionist, client.id).acknowledgment
    code = verification_code(str(ack.uid))
    result = frontdesk(
        services,
        "acknowledgment",
        "verify",
        code.lower(),
        "--user",
        "accueil",
        "--out",
        str(tmp_path / "copy.pdf"),
    )
    assert result.exit_code == 0, result.output
    assert "Zoé Côté (file 000001)" in result.output
    assert "Policy version:  2020-04-22" in result.output
    assert "intact" in result.output
    stored = services.documents.acknowledgment_pdf(team.receptionist, ack.id)
    assert (tmp_path / "copy.pdf").read_bytes() == stored
    assert [a.username for a in audits(services, "acknowledgment.verify")] == ["accueil"]
    assert [a.username for a in audits(services, "acknowledgment.export")] == ["accueil"]


def test_verify_exits_1_when_the_stored_pdf_was_altered(services, team):
    client = new_client(services, team.receptionist)
    ack = book(services, team.receptionist, client.id).acknowledgment
    drop_append_only_trigger(services, "acknowledgment_documents")
    with services.db.session(write=True) as session, session.begin():
        session.execute(
            update(AcknowledgmentDocument)
            .where(AcknowledgmentDocument.acknowledgment_id == ack.id)
            .values(pdf=b"%PDF-1.4 forged")
        )
    result = frontdesk(
        services, "acknowledgment", "verify", verification_code(str(ack.uid)), "--user", "vie.privee"
    )
    assert result.exit_code == 1
    assert "ALTERED" in result.output and "Zoé Côté" in result.output
    assert hashlib.sha256(b"%PDF-1.4 forged").hexdigest() in result.output


def test_verify_unknown_code_bad_password_and_garbage(services, team):
    unknown = frontdesk(services, "acknowledgment", "verify", "AAAAA-BBBBB", "--user", "accueil")
    assert unknown.exit_code == 1 and "no acknowledgment" in unknown.output
    wrong = frontdesk(
        services, "acknowledgment", "verify", "AAAAA-BBBBB", "--user", "accueil", password="nope"
    )
    assert wrong.exit_code == 1 and "Error" in wrong.output
    garbage = frontdesk(services, "acknowledgment", "verify", "not-a-code!", "--user", "accueil")
    assert garbage.exit_code == 1
    assert audits(services, "login.failure")


@pytest.mark.parametrize("kind", [k.value for k in ReportKind])
def test_every_report_in_both_formats(services, team, tmp_path, kind):
    populate(services, 40, into_existing=True)
    user = "gestion" if role_allows(Role.MANAGER, report_permission(kind)) else "vie.privee"
    for fmt in ("pdf", "csv"):
        out = tmp_path / f"{kind}.{fmt}"
        args = [
            "report",
            kind,
            "--from",
            str(TODAY - timedelta(days=60)),
            "--to",
            str(TODAY + timedelta(days=30)),
        ]
        args += ["--format", fmt, "--out", str(out), "--user", user]
        if kind == "access-log":
            args += ["--client", "000003"]
        result = frontdesk(services, *args)
        assert result.exit_code == 0, result.output
        assert f"{kind}: " in result.output and str(out) in result.output
        data = out.read_bytes()
        assert data.startswith(b"%PDF-" if fmt == "pdf" else b"\xef\xbb\xbf")
        assert out.stat().st_mode & 0o077 == 0
    runs = audits(services, "report.run")
    assert [a.username for a in runs] == [user, user]
    assert all(a.detail.startswith(f"kind={kind} rows=") for a in runs)


def test_report_refusals(services, team, tmp_path):
    out = str(tmp_path / "r.pdf")
    week = ["--from", "2026-11-01", "--to", "2026-11-30", "--out", out]
    denied = frontdesk(services, "report", "consent-coverage", *week, "--user", "accueil")
    assert denied.exit_code == 1 and "receptionist" in denied.output
    missing = frontdesk(services, "report", "access-log", *week, "--user", "vie.privee")
    assert missing.exit_code == 2 and "--client" in missing.output
    manager = frontdesk(services, "report", "access-log", *week, "--user", "gestion", "--client", "1")
    assert manager.exit_code == 1
    reversed_period = frontdesk(
        services,
        "report",
        "exports-log",
        "--from",
        "2026-12-01",
        "--to",
        "2026-11-01",
        "--out",
        out,
        "--user",
        "gestion",
    )
    assert reversed_period.exit_code == 1
    assert not (tmp_path / "r.pdf").exists()


def test_report_language_and_format_from_the_file_name(services, team, tmp_path):
    out = tmp_path / "coverage.csv"
    args = ["report", "consent-coverage", "--from", "2026-11-01", "--to", "2026-11-30", "--out", str(out)]
    result = frontdesk(services, *args, "--user", "gestion", "--language", "en")
    assert result.exit_code == 0, result.output
    rows = read_csv(out.read_bytes())
    assert rows[0] == ["Consent coverage"]
    assert csv_figure(rows, "Active clients (appointment in the period)") == "0"


def test_export_contacts(services, team, tmp_path):
    client = new_client(services, team.receptionist, email="zoe@example.com")
    capture = ConsentCapture(
        (ConsentChange(Purpose.NEWSLETTERS, Channel.EMAIL, True),), Interaction.PHONE, Language.FR
    )
    services.consent.record(team.receptionist, client.id, capture)
    out = tmp_path / "news.csv"
    args = [
        "export",
        "contacts",
        "--purpose",
        "newsletters",
        "--channel",
        "email",
        "--out",
        str(out),
        "--user",
        "gestion",
    ]
    result = frontdesk(services, *args)
    assert result.exit_code == 0, result.output
    assert "1 contacts written" in result.output
    assert hashlib.sha256(out.read_bytes()).hexdigest() in result.output
    assert read_csv(out.read_bytes())[1] == [client.file_number, "Côté", "Zoé", "fr", "zoe@example.com"]
    [audit] = audits(services, "export.contacts")
    assert audit.username == "gestion" and "rows=1" in audit.detail
    refused = frontdesk(services, *args[:-1], "accueil")
    assert refused.exit_code == 1


def test_pdf_report_from_the_cli_reads_back(services, team, tmp_path):
    client = new_client(services, team.receptionist)
    book(services, team.receptionist, client.id)
    out = tmp_path / "reack.pdf"
    args = [
        "report",
        "reacknowledgment",
        "--from",
        str(TODAY - timedelta(days=30)),
        "--to",
        str(TODAY + timedelta(days=30)),
    ]
    result = frontdesk(services, *args, "--out", str(out), "--user", "gestion")
    assert result.exit_code == 0, result.output
    text = both_texts(out.read_bytes())["pdftotext"]
    assert "Accusés de réception à faire signer de nouveau" in text
