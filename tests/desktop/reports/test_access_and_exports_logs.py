from __future__ import annotations

import hashlib
from datetime import date

import pytest
from sqlalchemy import select

from desktop.db.models import AuditRecord
from desktop.domain.enums import Channel, Language, Purpose
from desktop.domain.errors import NotFoundError, PermissionDeniedError, ValidationError
from desktop.reports import ReportKind, render_report
from desktop.reports.access_log import AccessCategory
from desktop.services.permissions import Permission
from desktop.services.reports import report_permission
from tests.desktop.reports.conftest import END, START
from tests.support.documents import book, both_texts, csv_figure, csv_section, new_client, read_csv


def audit_rows(services) -> list[AuditRecord]:  # type: ignore[no-untyped-def]
    with services.db.session(write=False) as session:
        return list(session.scalars(select(AuditRecord).order_by(AuditRecord.id)))


def about(record: AuditRecord, client_id: int) -> bool:
    """Straightforward reading of 'about this client': its own file, or client=ID as a whole word."""
    own = record.entity_type == "client" and record.entity_id == str(client_id)
    return own or f"client={client_id}" in record.detail.split()


def test_access_log_lists_every_open_change_print_and_export(services, team):
    clients = [new_client(services, team.receptionist, f"Client{i}", "Test") for i in range(12)]
    first, twelfth = clients[0], clients[11]  # ids 1 and 12: client=1 must not match client=12
    assert (first.id, twelfth.id) == (1, 12)
    services.clients.open(team.receptionist, first.id)
    ack = book(
        services, team.receptionist, first.id, granted=((Purpose.NEWSLETTERS, Channel.EMAIL),)
    ).acknowledgment
    services.documents.acknowledgment_pdf(team.receptionist, ack.id, "print")
    services.documents.acknowledgment_pdf(team.manager, ack.id, "export")
    for client in (twelfth, clients[9]):
        services.clients.open(team.receptionist, client.id)
        book(services, team.receptionist, client.id)

    want = [(a.action, a.entity_id) for a in audit_rows(services) if about(a, first.id)]
    report = services.reports.access_log(team.privacy_officer, first.file_number, START, END)
    assert [(e.action, e.entity_id) for e in report.entries] == want
    assert report.count(AccessCategory.OPEN) == 1
    assert report.count(AccessCategory.PRINT) == 1
    assert report.count(AccessCategory.EXPORT) == 1
    assert report.count(AccessCategory.CHANGE) >= 4  # created, booked, consent granted, signed
    assert {e.username for e in report.entries} == {"accueil", "gestion"}
    assert report.client_name == "Test Client0"

    again = services.reports.access_log(team.privacy_officer, "1", START, END)  # file numbers as typed
    assert again.entries[-1].action == "report.run"  # the first run is itself an access
    for text in both_texts(render_report(report, "pdf", Language.FR)).values():
        assert f"Journal des accès au dossier {first.file_number}" in text
        assert "Impression" in text and "Exportation" in text and "Marc-André O'Brien" in text
    rows = read_csv(render_report(report, "csv", Language.FR), delimiter=";")
    assert csv_figure(rows, "Accès") == str(report.row_count)
    assert len(csv_section(rows, "Accès")) == report.row_count + 1


def test_access_log_is_for_the_privacy_officer_only(services, team):
    client = new_client(services, team.receptionist)
    with pytest.raises(PermissionDeniedError):
        services.reports.access_log(team.manager, client.file_number, START, END)
    with pytest.raises(NotFoundError):
        services.reports.access_log(team.privacy_officer, "999999", START, END)


def test_exports_log_names_who_exported_what_and_the_file_hash(services, team, tmp_path):
    client = new_client(services, team.receptionist, email="zoe@example.com")
    book(services, team.receptionist, client.id, granted=((Purpose.NEWSLETTERS, Channel.EMAIL),))
    first = services.exports.export_contacts(
        team.manager, Purpose.NEWSLETTERS, Channel.EMAIL, tmp_path / "a.csv"
    )
    second = services.exports.export_contacts(
        team.privacy_officer, Purpose.FEEDBACK, Channel.POST, tmp_path / "b.csv"
    )

    report = services.reports.exports_log(team.manager, START, END)
    assert [(e.username, e.purpose, e.channel, e.row_count, e.sha256) for e in report.entries] == [
        ("gestion", Purpose.NEWSLETTERS, Channel.EMAIL, 1, first.sha256),
        ("vie.privee", Purpose.FEEDBACK, Channel.POST, 0, second.sha256),
    ]
    assert first.sha256 == hashlib.sha256((tmp_path / "a.csv").read_bytes()).hexdigest()
    assert report.total_rows == 1
    for text in both_texts(render_report(report, "pdf", Language.FR)).values():
        assert "Journal des exportations de listes de contacts" in text
        assert "Infolettres promotionnelles" in text and "Linh Nguyễn" in text
    rows = read_csv(render_report(report, "csv", Language.EN))
    table = csv_section(rows, "Exports")
    assert table[1][5:] == ["1", first.sha256]
    assert table[-1][0] == "Total" and table[-1][5] == "1"


@pytest.mark.parametrize("kind", [k for k in ReportKind if report_permission(k) == Permission.RUN_REPORTS])
def test_reports_need_the_manager_role(services, team, kind):
    with pytest.raises(PermissionDeniedError):
        services.reports.run(team.receptionist, kind, START, END)
    assert services.reports.run(team.manager, kind, START, END).row_count >= 0
    assert services.reports.run(team.privacy_officer, kind, START, END).row_count >= 0
    denied = [a for a in audit_rows(services) if a.action == "permission.denied"]
    assert [(a.username, a.entity_id) for a in denied] == [("accueil", "run_reports")]


def test_a_reversed_period_is_refused(services, team):
    with pytest.raises(ValidationError) as caught:
        services.reports.consent_coverage(team.manager, date(2026, 2, 1), date(2026, 1, 1))
    assert "antérieure ou égale" in caught.value.message(Language.FR)
