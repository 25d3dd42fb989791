"""Every report, in both formats, through the command line, on a 10,000-client demo database: the
numbers match direct counts and each report takes seconds."""

from __future__ import annotations

import hashlib
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, insert, select

from desktop.app import open_services
from desktop.cli import cli
from desktop.db.engine import sqlite_url
from desktop.db.models import AuditRecord, PolicyVersion
from desktop.demo_accounts import DEMO_ACCOUNTS
from desktop.domain.enums import Language, Purpose, Role
from desktop.domain.formats import format_number
from desktop.domain.wording import purpose_label
from desktop.reports import ReportKind
from desktop.services.permissions import role_allows
from desktop.services.reports import report_permission
from tests.desktop.reports import expected
from tests.support.documents import both_texts, csv_figure, csv_section, read_csv, squash

CLIENTS = 10_000
SECONDS_PER_REPORT = 30
PASSWORDS = {account.username: account.password for account in DEMO_ACCOUNTS}


def frontdesk(url: str, *args: str, user: str | None = None):  # type: ignore[no-untyped-def]
    given = f"{PASSWORDS[user]}\n" if user else None
    result = CliRunner().invoke(
        cli, ["--database", url, *args] + (["--user", user] if user else []), input=given
    )
    assert result.exit_code == 0, result.output
    return result


def prepare(url: str, effective: date) -> None:
    """A newer French text only (French-speaking clients must sign again, English-speaking ones not),
    and client 3's file opened twice."""
    text = "Politique de confidentialité — nouvelle version.\n"
    services = open_services(url, migrate=False)
    try:
        receptionist = services.staff.authenticate("demo.accueil", PASSWORDS["demo.accueil"], "desk-1")
        services.clients.open(receptionist, 3)
        services.clients.get_by_file_number(receptionist, "000003")
        with services.db.session(write=True) as session, session.begin():
            session.execute(
                insert(PolicyVersion),
                [
                    dict(
                        version=effective.isoformat(),
                        language=Language.FR,
                        effective_date=effective,
                        text=text,
                        sha256=hashlib.sha256(text.encode()).hexdigest(),
                        loaded_at=datetime.now(UTC),
                    )
                ],
            )
    finally:
        services.close()


@pytest.mark.slow
def test_every_report_in_both_formats_on_ten_thousand_clients(tmp_path: Path):
    url = sqlite_url(tmp_path / "large.db")
    frontdesk(url, "demo-data", "--clients", str(CLIENTS))
    today = date.today()
    start, end = today - timedelta(days=90), today + timedelta(days=30)
    prepare(url, today - timedelta(days=30))
    for purpose, channel in (("newsletters", "email"), ("appointment_reminders", "sms")):
        frontdesk(
            url,
            "export",
            "contacts",
            "--purpose",
            purpose,
            "--channel",
            channel,
            "--out",
            str(tmp_path / f"{purpose}.csv"),
            user="demo.gestion",
        )

    outputs: dict[tuple[str, str], bytes] = {}
    timings: dict[str, float] = {}
    for kind in ReportKind:
        user = "demo.gestion" if role_allows(Role.MANAGER, report_permission(kind)) else "demo.vieprivee"
        for fmt in ("pdf", "csv"):
            out = tmp_path / f"{kind.value}.{fmt}"
            args = [
                "report",
                kind.value,
                "--from",
                str(start),
                "--to",
                str(end),
                "--format",
                fmt,
                "--out",
                str(out),
            ]
            if kind == ReportKind.ACCESS_LOG:
                args += ["--client", "000003"]
            began = time.perf_counter()
            frontdesk(url, *args, user=user)
            timings[f"{kind.value}.{fmt}"] = time.perf_counter() - began
            outputs[(kind.value, fmt)] = out.read_bytes()
    slow = {name: round(seconds, 1) for name, seconds in timings.items() if seconds > SECONDS_PER_REPORT}
    assert not slow, slow

    services = open_services(url, migrate=False)
    try:
        now = datetime.now(UTC)
        # Consent coverage.
        truth = expected.coverage(services, start, end, now)
        rows = read_csv(outputs[("consent-coverage", "csv")], delimiter=";")
        assert csv_figure(rows, "Clients actifs (rendez-vous dans la période)") == str(len(truth.active))
        assert len(truth.active) > 2000
        table = {line[0]: line for line in csv_section(rows, "Par finalité, toutes cliniques")[1:]}
        for purpose in Purpose:
            line = table[purpose_label(purpose, Language.FR)]
            assert (int(line[2]), int(line[4])) == (truth.consent[purpose], truth.consent_and_ack[purpose])
        signed_line = csv_section(rows, "Accusé de réception de la version en vigueur, par clinique")[-1]
        assert int(signed_line[2]) == truth.acknowledged
        # The PDF groups thousands as French does ("2 690"); the CSV above keeps the bare number.
        active = squash(format_number(len(truth.active), Language.FR))
        assert active in both_texts(outputs[("consent-coverage", "pdf")])["pdftotext"]

        # Opt-out register.
        requests = expected.requests(services, start, end)
        rows = read_csv(outputs[("optout-register", "csv")], delimiter=";")
        assert csv_figure(rows, "Demandes reçues dans la période") == str(len(requests)) != "0"
        assert csv_figure(rows, "En attente") == str(sum(1 for r in requests if r.processed_on is None))
        overdue = sum(1 for r in requests if expected.overdue(r, today))
        assert csv_figure(rows, "En retard (traitées en retard ou en attente après l'échéance)") == str(
            overdue
        )
        assert len(csv_section(rows, "Demandes")) == len(requests) + 1

        # Re-acknowledgment.
        outdated, never, current = expected.reacknowledgment(services, start, end)
        rows = read_csv(outputs[("reacknowledgment", "csv")], delimiter=";")
        assert csv_figure(rows, "À faire signer de nouveau (version antérieure)") == str(len(outdated))
        assert csv_figure(rows, "N'ont jamais signé") == str(len(never))
        assert csv_figure(rows, "Ont signé la version en vigueur") == str(len(current))
        assert len(outdated) > 500 and len(current) > 100 and len(never) > 100
        listed = {line[0] for line in csv_section(rows, "Ont signé une version antérieure")[1:]}
        assert len(listed) == len(outdated)

        # Exports log and access log.
        rows = read_csv(outputs[("exports-log", "csv")], delimiter=";")
        assert csv_figure(rows, "Exportations dans la période") == "2"
        listed_exports = {line[-1] for line in csv_section(rows, "Exportations")[1:-1]}
        pdf_text = both_texts(outputs[("exports-log", "pdf")])["pdftotext"]
        for purpose in ("newsletters", "appointment_reminders"):
            digest = hashlib.sha256((tmp_path / f"{purpose}.csv").read_bytes()).hexdigest()
            assert digest in listed_exports
            assert digest[:32] in pdf_text  # the PDF wraps the fingerprint over two lines
        rows = read_csv(outputs[("access-log", "csv")], delimiter=";")
        # Bulk demo data is audited per batch, not per client: the two openings, the PDF run of this
        # very report (itself an access to the file), and the acknowledgment PDF the demo stored.
        with services.db.session(write=False) as session:
            documents = session.scalar(
                select(func.count(AuditRecord.id)).where(
                    AuditRecord.action == "acknowledgment.document", AuditRecord.detail == "client=3"
                )
            )
        assert csv_figure(rows, "Accès") == str(3 + documents)
        assert (csv_figure(rows, "Ouverture"), csv_figure(rows, "Consultation")) == ("2", "1")
    finally:
        services.close()
    for (kind, fmt), data in outputs.items():
        assert data.startswith(b"%PDF-" if fmt == "pdf" else b"\xef\xbb\xbf"), kind
