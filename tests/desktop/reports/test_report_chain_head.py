"""Every report prints the audit chain's head its data was read against, verified by the service,
with this workstation's witness, in the evidence pack's words; a chain that does not verify is said,
and no head is printed then."""

from __future__ import annotations

import stat
from datetime import date

import pytest
from sqlalchemy import select

from desktop.app import open_services
from desktop.db.database import Database
from desktop.db.models import AuditRecord
from desktop.domain.enums import Channel, Language, Purpose
from desktop.domain.errors import PermissionDeniedError
from desktop.reports import render_report
from desktop.reports.chain_lines import head_line
from desktop.services.reporting import chain
from desktop.services.reporting.chain import ChainVerifier
from tests.desktop.reports.conftest import END, START
from tests.desktop.security.tamper import drop_append_only_trigger, edit_audit_detail
from tests.support.documents import book, new_client, pdftotext, squash
from tests.support.pdffonts import unembedded_fonts


def newest_record(services) -> AuditRecord:  # type: ignore[no-untyped-def]
    with services.db.session(write=False) as session:
        return session.scalars(select(AuditRecord).order_by(AuditRecord.id.desc()).limit(1)).one()


def test_every_report_prints_the_head_its_data_was_read_against(services, team):  # type: ignore[no-untyped-def]
    client = new_client(services, team.receptionist)
    book(services, team.receptionist, client.id, granted=((Purpose.NEWSLETTERS, Channel.EMAIL),))
    runs = {
        "coverage": lambda: services.reports.consent_coverage(team.manager, START, END),
        "optouts": lambda: services.reports.optout_register(team.manager, START, END),
        "reacknowledgment": lambda: services.reports.reacknowledgment(team.manager, START, END),
        "access": lambda: services.reports.access_log(team.privacy_officer, client.file_number, START, END),
        "exports": lambda: services.reports.exports_log(team.manager, START, END),
    }
    for kind, produce in runs.items():
        report = produce()
        seal = report.header.seal
        assert seal is not None and seal.verified, kind
        recorded = newest_record(services)
        # The report's own record links to the head printed: nothing came between them.
        assert recorded.action == "report.run" and recorded.prev_hash == seal.head.hash, kind
        assert recorded.id > seal.head.sequence
        assert seal.witnessed is not None and seal.witnessed.audit_last_id == recorded.id, kind
        language = Language.EN if kind == "exports" else Language.FR
        pdf = render_report(report, "pdf", language)
        text = squash(pdftotext(pdf))
        assert f"{seal.head.sequence} · {seal.head.hash}" in text, kind
        assert squash(head_line(seal.head, language)) in text, kind  # in the footer of every page
        assert seal.witnessed.mac in text.replace(" ", ""), kind
        assert unembedded_fonts(pdf) == [], kind
    assert "This workstation verified the chain link by link up to it" in text
    assert "This workstation's witness:" in text


def test_a_chain_that_does_not_verify_is_said_and_its_head_not_printed(services, team):  # type: ignore[no-untyped-def]
    client = new_client(services, team.receptionist, "Brisée", "Chaîne")
    book(services, team.receptionist, client.id)
    altered = newest_record(services).id - 1
    drop_append_only_trigger(services.db.engine, "audit_records")
    edit_audit_detail(services.db.engine, altered, "rewritten")

    report = services.reports.consent_coverage(team.manager, date(2026, 1, 1), date(2026, 12, 31))

    seal = report.header.seal
    assert seal is not None and seal.broken_at == altered
    text = squash(pdftotext(render_report(report, "pdf", Language.FR)))
    assert f"La chaîne d'audit ne se vérifie pas : elle est rompue au maillon n° {altered}." in text
    assert f"Chaîne d'audit non vérifiée : rompue au maillon n° {altered}" in text
    assert seal.head.hash[:16] not in text and "Tête de la chaîne" not in text


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_later_report_walks_only_the_new_records_and_sees_its_last_link_rewritten(services, team):  # type: ignore[no-untyped-def]
    first = services.reports.exports_log(team.manager, START, END)
    assert first.header.seal is not None and first.header.seal.verified
    verified = first.header.seal.head.sequence
    new_client(services, team.receptionist)
    second = services.reports.exports_log(team.manager, START, END)
    assert second.header.seal is not None and second.header.seal.verified
    assert second.header.seal.head.sequence > verified

    drop_append_only_trigger(services.db.engine, "audit_records")
    edit_audit_detail(services.db.engine, second.header.seal.head.sequence, "rewritten")
    third = services.reports.exports_log(team.manager, START, END)

    assert third.header.seal is not None
    assert third.header.seal.broken_at == second.header.seal.head.sequence


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_link_verified_last_is_kept_for_the_next_session_under_the_witness_key(services, team, clock):  # type: ignore[no-untyped-def]
    first = services.reports.exports_log(team.manager, START, END)
    assert first.header.seal is not None and first.header.seal.verified
    url = services.db.url
    services.close()
    label = Database(url).display_url
    kept = ChainVerifier(label)
    assert kept._last_id >= first.header.seal.head.sequence  # the next session starts there
    checkpoint = chain._checkpoint(label)
    assert stat.S_IMODE(checkpoint.stat().st_mode) == 0o600
    sealed = checkpoint.read_text("utf-8")
    checkpoint.write_text(sealed.replace(f'"last_id": {kept._last_id}', '"last_id": 999999'), "utf-8")
    assert ChainVerifier(label)._last_id == 0  # moved without the workstation's key: not believed
    checkpoint.write_text(sealed, "utf-8")

    reopened = open_services(url, clock=clock, migrate=False, daily_backup=False)
    try:
        drop_append_only_trigger(reopened.db.engine, "audit_records")
        edit_audit_detail(reopened.db.engine, 1, "rewritten before the link kept")  # behind it: not walked
        seal = reopened.reports.exports_log(team.manager, START, END).header.seal
        assert seal is not None and seal.verified
        edit_audit_detail(reopened.db.engine, seal.head.sequence, "rewritten")  # the link kept: walked again
        again = reopened.reports.exports_log(team.manager, START, END).header.seal
        assert again is not None and again.broken_at == 1
    finally:
        reopened.close()


def test_a_refused_role_walks_nothing_and_the_verified_link_is_left_alone(services, team):  # type: ignore[no-untyped-def]
    client = new_client(services, team.receptionist)
    checkpoint = chain._checkpoint(services.db.display_url)
    assert not checkpoint.exists()
    refused = (
        lambda: services.reports.consent_coverage(team.receptionist, START, END),
        lambda: services.reports.access_log(team.manager, client.file_number, START, END),
        lambda: services.evidence.pack(team.receptionist, client.file_number),
    )
    for produce in refused:
        with pytest.raises(PermissionDeniedError):
            produce()
        assert not checkpoint.exists()  # no walk was made: a walk keeps the link it reached

    services.reports.exports_log(team.manager, START, END)
    kept = checkpoint.stat().st_mtime_ns, checkpoint.read_bytes()
    new_client(services, team.receptionist)  # new records: a walk now would move the link
    for produce in refused:
        with pytest.raises(PermissionDeniedError):
            produce()
    assert (checkpoint.stat().st_mtime_ns, checkpoint.read_bytes()) == kept
