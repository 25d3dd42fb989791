from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from desktop.db.models import Client
from desktop.domain.age import consents_for_themselves
from desktop.domain.enums import Language
from desktop.domain.records import PolicyDraft
from desktop.reports import render_report
from tests.conftest import TEST_NOW
from tests.desktop.reports import expected
from tests.desktop.reports.conftest import END, START
from tests.support.documents import book, both_texts, csv_figure, csv_section, new_client, read_csv

#: The version published in these tests, in force from the test clock's day.
NEW_VERSION = TEST_NOW.date().isoformat()


def publish_new_version(services, team) -> None:  # type: ignore[no-untyped-def]
    services.policies.publish(
        team.manager,
        PolicyDraft(
            TEST_NOW.date(),
            "Politique de confidentialité, version 2026.\n",
            "Privacy policy, 2026 version.\n",
            "Résumé de la politique 2026.\n",
            "Summary of the 2026 policy.\n",
        ),
    )


def test_numbers_match_an_independent_count(demo, team):
    publish_new_version(demo, team)
    seen = expected.clients_seen(demo, START, END)
    # Adults sign for themselves: the booking asks no parent or tutor of them.
    with demo.db.session(write=False) as session:
        born: dict[int, date] = dict(session.execute(select(Client.id, Client.date_of_birth)).all())
    resigners = [c for c in sorted(seen) if consents_for_themselves(born[c], TEST_NOW.date())][:5]
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
    assert report.current_version == NEW_VERSION
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
    publish_new_version(services, team)
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
