from __future__ import annotations

import time
from datetime import date, timedelta

from sqlalchemy import event, select

from desktop.db.models import AuditRecord
from desktop.domain.enums import Channel, Interaction, Language, Purpose
from desktop.domain.records import ConsentCapture, ConsentChange, PolicyDraft
from desktop.domain.wording import purpose_label
from desktop.reports import render_report
from tests.desktop.reports import expected
from tests.desktop.reports.conftest import END, START
from tests.support.documents import book, both_texts, csv_figure, csv_section, new_client, read_csv


def fr_percent(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def test_numbers_match_an_independent_count(demo, team, clock):
    report = demo.reports.consent_coverage(team.manager, START, END)
    truth = expected.coverage(demo, START, END, clock.now())
    assert report.active_clients == len(truth.active) > 50
    assert {r.purpose: r.with_consent for r in report.totals} == truth.consent
    assert {r.purpose: r.with_consent_and_acknowledgment for r in report.totals} == truth.consent_and_ack
    assert report.acknowledged_current == truth.acknowledged > 0
    assert [(c.active_clients, c.acknowledged_current) for c in report.clinics] == [
        (len(truth.active), truth.acknowledged)
    ]

    # One clinic: its rows are the totals.
    def numbers(rows):  # type: ignore[no-untyped-def]
        return [
            (r.purpose, r.active_clients, r.with_consent, r.with_consent_and_acknowledgment) for r in rows
        ]

    assert numbers(report.rows) == numbers(report.totals)
    assert report.policy_version == "2020-04-22"


def test_a_booking_and_a_new_policy_version_move_the_numbers(demo, team, clock):
    before = demo.reports.consent_coverage(team.manager, START, END)
    client = new_client(demo, team.receptionist, "Nouvelle", "Cliente")
    book(demo, team.receptionist, client.id, granted=((Purpose.FEEDBACK, Channel.POST),))
    after = demo.reports.consent_coverage(team.manager, START, END)
    assert after.active_clients == before.active_clients + 1
    feedback = {r.purpose: r for r in after.totals}[Purpose.FEEDBACK]
    assert feedback.with_consent == {r.purpose: r for r in before.totals}[Purpose.FEEDBACK].with_consent + 1

    demo.policies.publish(
        team.manager,
        PolicyDraft(
            clock.today(),
            "Politique 2026 — texte intégral.\n",
            "Policy 2026 — full text.\n",
            "Politique 2026 — résumé.\n",
            "Policy 2026 — summary.\n",
        ),
    )
    newer = demo.reports.consent_coverage(team.manager, START, END)
    assert newer.policy_version == clock.today().isoformat()
    assert newer.acknowledged_current == 0  # everybody signed 2020-04-22
    truth = expected.coverage(demo, START, END, clock.now())
    assert truth.acknowledged == 0
    book(demo, team.receptionist, client.id, days_ahead=2)
    assert demo.reports.consent_coverage(team.manager, START, END).acknowledged_current == 1


def test_pdf_and_csv_carry_the_same_numbers(demo, team, tmp_path):
    report = demo.reports.consent_coverage(team.manager, START, END)
    totals = {r.purpose: r for r in report.totals}

    pdf = render_report(report, "pdf", Language.FR)
    assert pdf.startswith(b"%PDF-")
    for text in both_texts(pdf).values():
        assert "Couverture du consentement" in text
        assert "Période : du 2026-06-01 au 2026-12-31" in text
        assert "Clients actifs : clients ayant au moins un rendez-vous" in text  # the definition is printed
        for purpose, row in totals.items():
            assert purpose_label(purpose, Language.FR) in text
            assert f"{fr_percent(row.consent_share)} %" in text

    rows = read_csv(render_report(report, "csv", Language.FR), delimiter=";")
    assert rows[0] == ["Couverture du consentement"]
    assert csv_figure(rows, "Clients actifs (rendez-vous dans la période)") == str(report.active_clients)
    table = csv_section(rows, "Par finalité, toutes cliniques")
    assert table[0][0] == "Finalité"
    for line in table[1:]:
        row = next(r for r in report.totals if purpose_label(r.purpose, Language.FR) == line[0])
        assert line[1:] == [
            str(row.active_clients),
            str(row.with_consent),
            fr_percent(row.consent_share),
            str(row.with_consent_and_acknowledgment),
            fr_percent(row.consent_and_acknowledgment_share),
        ]

    english = read_csv(render_report(report, "csv", Language.EN), delimiter=",")
    table = csv_section(english, "By purpose, all clinics")
    assert [line[0] for line in table[1:]] == [purpose_label(p, Language.EN) for p in Purpose]
    assert "Consent coverage" in both_texts(render_report(report, "pdf", Language.EN))["pdftotext"]


def test_the_run_is_audited_with_kind_and_row_count(demo, team):
    report = demo.reports.consent_coverage(team.manager, START, END)
    with demo.db.session(write=False) as session:
        audit = session.scalars(select(AuditRecord).where(AuditRecord.action == "report.run")).one()
    assert (audit.username, audit.entity_type, audit.entity_id) == ("gestion", "report", "consent-coverage")
    assert audit.detail == f"kind=consent-coverage rows={report.row_count} from=2026-06-01 to=2026-12-31"


def test_an_empty_period_prints_zeroes_not_errors(services, team):
    report = services.reports.consent_coverage(team.manager, date(2021, 1, 1), date(2021, 1, 31))
    assert report.active_clients == 0
    assert all(r.consent_share is None for r in report.totals)
    assert render_report(report, "pdf").startswith(b"%PDF-")
    assert render_report(report, "csv")


def test_a_period_over_counts_consent_as_it_stood_at_its_end(services, team, clock):
    """Withdrawn after the period: the ended period still counts the consent given in it (read from
    the ledger), the period still running counts the withdrawal (read from current consent)."""
    client = new_client(services, team.receptionist, "Avant", "Retrait")
    book(services, team.receptionist, client.id, granted=((Purpose.FEEDBACK, Channel.POST),))
    first, last = clock.today(), clock.today() + timedelta(days=2)
    clock.advance(days=5)
    withdrawal = ConsentChange(Purpose.FEEDBACK, Channel.POST, False)
    services.consent.record(
        team.receptionist, client.id, ConsentCapture((withdrawal,), Interaction.DESK, Language.FR)
    )

    def feedback(report) -> int:  # type: ignore[no-untyped-def]
        return {r.purpose: r.with_consent for r in report.totals}[Purpose.FEEDBACK]

    ended = services.reports.consent_coverage(team.manager, first, last)
    assert ended.active_clients == 1 and feedback(ended) == 1
    assert expected.coverage(services, first, last, clock.now()).consent[Purpose.FEEDBACK] == 1
    running = services.reports.consent_coverage(team.manager, first, clock.today() + timedelta(days=30))
    assert running.active_clients == 1 and feedback(running) == 0


def test_a_report_reads_one_snapshot_and_lets_a_booking_save_meanwhile(services, team):
    """A booking saved from another connection while the report reads neither waits on the report nor
    shows in it: the report reads a snapshot (its audit record is written afterwards, on its own)."""
    client = new_client(services, team.receptionist, "Pendant", "Rapport")
    saved: list[float] = []
    booking: list[bool] = []

    def book_meanwhile(_conn, _cursor, statement: str, *_args) -> None:  # type: ignore[no-untyped-def]
        # Once, at the report's coverage query (the booking's own statements name the table too).
        if "current_consent" in statement and not booking:
            booking.append(True)
            began = time.perf_counter()
            book(services, team.receptionist, client.id, granted=((Purpose.FEEDBACK, Channel.POST),))
            saved.append(time.perf_counter() - began)

    event.listen(services.db.engine, "before_cursor_execute", book_meanwhile)
    try:
        during = services.reports.consent_coverage(team.manager, START, END)
    finally:
        event.remove(services.db.engine, "before_cursor_execute", book_meanwhile)
    assert saved and saved[0] < 5  # a write lock held by the report would make it wait 15 s per try
    assert during.active_clients == 0
    assert services.reports.consent_coverage(team.manager, START, END).active_clients == 1
