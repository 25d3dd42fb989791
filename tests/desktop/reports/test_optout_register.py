from __future__ import annotations

from datetime import date

from desktop.domain.enums import PROMOTIONAL_PURPOSES, Channel, Language, OptOutVia, Purpose
from desktop.domain.records import OptOutDraft
from desktop.reports import render_report
from tests.desktop.reports import expected
from tests.desktop.reports.conftest import END, START
from tests.support.documents import both_texts, csv_figure, csv_section, new_client, pdftotext, read_csv

TODAY = date(2026, 11, 24)


def log(services, actor, via, received_on, client_id=None, purposes=PROMOTIONAL_PURPOSES):  # type: ignore[no-untyped-def]
    draft = OptOutDraft(
        received_via=via,
        received_on=received_on,
        requester_name="Demandeur",
        purposes=frozenset(purposes),
        channels=frozenset({Channel.EMAIL, Channel.SMS}),
        client_id=client_id,
    )
    return services.optouts.log(actor, draft)


def test_each_request_is_due_processed_and_late_as_constructed(services, team):
    client = new_client(services, team.receptionist)
    late_email = log(
        services, team.receptionist, OptOutVia.EMAIL, date(2026, 11, 2)
    )  # due 11-16, still pending
    fresh_post = log(services, team.receptionist, OptOutVia.POST, date(2026, 11, 20), client.id)
    phone_logged_late = log(services, team.receptionist, OptOutVia.PHONE, date(2026, 11, 10), client.id)
    on_time = log(services, team.receptionist, OptOutVia.EMAIL, date(2026, 11, 23), client.id)
    services.optouts.process(team.receptionist, on_time.id)
    log(services, team.receptionist, OptOutVia.EMAIL, date(2026, 5, 29))  # before the period

    report = services.reports.optout_register(team.manager, START, END)
    rows = {r.request_id: r for r in report.rows}
    assert set(rows) == {late_email.id, fresh_post.id, phone_logged_late.id, on_time.id}
    assert rows[late_email.id].pending and rows[late_email.id].overdue
    assert rows[late_email.id].due_on == date(2026, 11, 16)
    assert rows[late_email.id].file_number is None
    assert rows[fresh_post.id].pending and not rows[fresh_post.id].overdue
    assert rows[fresh_post.id].file_number == client.file_number
    assert rows[phone_logged_late.id].processed_on == TODAY
    assert rows[phone_logged_late.id].days_taken == 14 and rows[phone_logged_late.id].overdue
    assert rows[on_time.id].days_taken == 1 and not rows[on_time.id].overdue
    assert (report.total.received, report.total.processed, report.total.pending, report.total.overdue) == (
        4,
        2,
        2,
        2,
    )
    assert report.total.average_days == 7.5 and report.total.longest_days == 14
    email = next(s for s in report.by_via if s.via == OptOutVia.EMAIL)
    assert (email.received, email.processed, email.overdue) == (2, 1, 1)
    november = next(m for m in report.months if m.month == "2026-11")
    assert (november.received, november.processed_on_time, november.overdue) == (4, 1, 2)
    assert [m.month for m in report.months] == [f"2026-{m:02d}" for m in range(6, 13)]


def test_numbers_match_an_independent_count(demo, team):
    report = demo.reports.optout_register(team.manager, START, END)
    truth = expected.requests(demo, START, END)
    assert len(report.rows) == len(truth) > 0
    by_id = {r.id: r for r in truth}
    for row in report.rows:
        want = by_id[row.request_id]
        assert (row.received_on, row.due_on, row.processed_on, row.via) == (
            want.received_on,
            want.due_on,
            want.processed_on,
            want.via,
        )
        assert row.overdue == expected.overdue(want, TODAY)
    for via in OptOutVia:
        mine = [r for r in truth if r.via == via]
        summary = next(s for s in report.by_via if s.via == via)
        assert summary.received == len(mine)
        assert summary.pending == sum(1 for r in mine if r.processed_on is None)
        assert summary.overdue == sum(1 for r in mine if expected.overdue(r, TODAY))


def test_pdf_and_csv(services, team):
    client = new_client(services, team.receptionist, "Gagné", "Éloïse")
    log(services, team.receptionist, OptOutVia.PHONE, date(2026, 11, 24), client.id, purposes=set(Purpose))
    report = services.reports.optout_register(team.manager, START, END)

    for text in both_texts(render_report(report, "pdf", Language.FR)).values():
        assert "Registre des demandes de retrait du consentement" in text
        assert "Toutes les finalités — tous les moyens" not in text  # two channels only
        assert "Toutes les finalités — courriel, texto" in text
        assert client.file_number in text
        assert "Téléphone" in text
    rows = read_csv(render_report(report, "csv", Language.FR), delimiter=";")
    assert csv_figure(rows, "Demandes reçues dans la période") == "1"
    register = csv_section(rows, "Demandes")
    assert register[0] == [
        "No",
        "Reçue le",
        "Reçue par",
        "Dossier",
        "Portée",
        "Échéance",
        "Traitée le",
        "Délai (j)",
        "En retard",
    ]
    assert register[1][1:4] == ["2026-11-24", "Téléphone", client.file_number]
    assert register[1][6:] == ["2026-11-24", "0", "non"]
    english = read_csv(render_report(report, "csv", Language.EN))
    assert csv_section(english, "By way of receipt")[-1] == ["Total", "1", "1", "0", "0", "0.0", "0"]


def test_the_overdue_column_keeps_its_heading_whole(services, team):
    log(services, team.receptionist, OptOutVia.EMAIL, date(2026, 11, 2))
    report = services.reports.optout_register(team.manager, START, END)
    for language, heading in ((Language.EN, "Overdue"), (Language.FR, "retard")):
        lines = [line.strip() for line in pdftotext(render_report(report, "pdf", language)).splitlines()]
        # A column too narrow for the word broke it over two lines ("Overdu" then "e").
        assert not [line for line in lines if line and heading.startswith(line) and line != heading], language
        assert any(line.endswith(heading) for line in lines), language
