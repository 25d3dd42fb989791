from __future__ import annotations

import hashlib
from datetime import date, timedelta

from sqlalchemy import insert

from desktop.db.models import PolicyVersion
from desktop.domain.enums import Language
from desktop.reports import render_report
from tests.conftest import TEST_NOW
from tests.desktop.reports import expected
from tests.desktop.reports.conftest import END, START
from tests.support.documents import book, both_texts, csv_figure, csv_section, new_client, read_csv

NEW_TEXT = "Politique de confidentialité, version 2026.\n"


def publish_new_version(services, clock) -> None:  # type: ignore[no-untyped-def]
    with services.db.session(write=True) as session, session.begin():
        session.execute(
            insert(PolicyVersion),
            [
                dict(
                    version="2026-06-01",
                    language=language,
                    effective_date=date(2026, 6, 1),
                    text=NEW_TEXT,
                    sha256=hashlib.sha256(NEW_TEXT.encode()).hexdigest(),
                    loaded_at=clock.now(),
                )
                for language in Language
            ],
        )


def test_numbers_match_an_independent_count(demo, team, clock):
    publish_new_version(demo, clock)
    seen = expected.clients_seen(demo, START, END)
    resigners = sorted(seen)[:5]
    language = expected.languages(demo)
    for client_id in resigners:
        # Each signs the new version in their own language: a text in another is outdated.
        book(demo, team.receptionist, client_id, days_ahead=3, language=language[client_id])
    report = demo.reports.reacknowledgment(team.manager, START, END)
    outdated, never, current = expected.reacknowledgment(demo, START, END)
    assert {r.client_id for r in report.outdated} == outdated
    assert {r.client_id for r in report.never_signed} == never
    assert current == set(resigners) and report.up_to_date == 5
    assert report.clients_seen == len(seen)
    assert len(outdated) > 50 and len(never) > 10
    assert report.current_version == "2026-06-01"
    assert all(r.signed_version == "2020-04-22" for r in report.outdated)
    first = expected.clients_seen(demo, START, END)
    assert all(r.first_appointment == first[r.client_id] for r in report.outdated + report.never_signed)


def test_never_signed_and_refusals_are_a_separate_section(services, team, clock):
    signed = new_client(services, team.receptionist, "Signé", "Paul")
    refused = new_client(services, team.receptionist, "Refus", "Rita")
    never = new_client(services, team.receptionist, "Jamais", "Noé")
    book(services, team.receptionist, signed.id)
    book(services, team.receptionist, refused.id, refused=True)
    draft_only = book(services, team.receptionist, never.id)  # signs, then a new version comes out
    assert draft_only.acknowledgment is not None
    publish_new_version(services, clock)
    clock.advance(days=1)
    book(services, team.receptionist, signed.id, days_ahead=2)  # re-signs the new version

    report = services.reports.reacknowledgment(
        team.manager, TEST_NOW.date(), TEST_NOW.date() + timedelta(days=10)
    )
    assert [r.client_id for r in report.outdated] == [never.id]
    assert [(r.client_id, r.refused_on) for r in report.never_signed] == [(refused.id, TEST_NOW.date())]
    assert report.never_signed_refused == 1
    assert report.up_to_date == 1

    for text in both_texts(render_report(report, "pdf", Language.FR)).values():
        assert "Accusés de réception à faire signer de nouveau" in text
        assert "N'ont jamais signé" in text and "Jamais" in text and "Noé" in text and "Rita" in text
    rows = read_csv(render_report(report, "csv", Language.FR), delimiter=";")
    assert csv_figure(rows, "N'ont jamais signé") == "1"
    assert csv_figure(rows, "dont refus de signer") == "1"
    assert csv_section(rows, "N'ont jamais signé")[1][:4] == [refused.file_number, "Refus", "Rita", "FR"]
    assert csv_section(rows, "Ont signé une version antérieure")[1][5:] == ["2020-04-22", "2026-11-24"]


def test_accented_names_sort_as_people_expect(services, team):
    for last in ("Brown", "Bédard", "Àlvarez", "Zoé", "béland"):
        client = new_client(services, team.receptionist, last, "X")
        book(services, team.receptionist, client.id, refused=True)
    report = services.reports.reacknowledgment(team.manager, START, END)
    assert [r.last_name for r in report.never_signed] == ["Àlvarez", "Bédard", "béland", "Brown", "Zoé"]
