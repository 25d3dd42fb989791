"""The confidentiality-incident register as a PDF and a CSV in both languages: each incident the clinic
became aware of in the period, every field of its newest version, its reference, how many versions it has
and until when it is kept; for the privacy officer only."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.enums import Language
from desktop.domain.errors import PermissionDeniedError
from desktop.domain.incidents import IncidentDraft
from desktop.reports import render_report
from tests.support.documents import both_texts, csv_figure, csv_section, read_csv

START, END = date(2026, 11, 1), date(2026, 11, 30)


def test_the_register_prints_every_field_of_the_newest_version(services, team):
    officer = team.privacy_officer
    lost = services.incidents.open(
        officer,
        IncidentDraft(
            "Clé USB perdue dans le stationnement.",
            date(2026, 11, 10),
            not_describable_reason="Contenu de la clé inconnu",
            occurred_from=date(2026, 11, 8),
            occurred_to=date(2026, 11, 9),
        ),
    )
    services.incidents.update(
        officer,
        lost.id,
        1,
        IncidentDraft(
            "Clé USB perdue dans le stationnement.",
            date(2026, 11, 10),
            not_describable_reason="Contenu de la clé inconnu",
            occurred_from=date(2026, 11, 8),
            occurred_to=date(2026, 11, 9),
            people_concerned=120,
            risk_assessment="Numéros d'assurance maladie probablement exposés.",
            serious_injury_risk=True,
            commission_notified_on=date(2026, 11, 12),
            measures="Chiffrement des clés imposé.",
        ),
    )
    services.incidents.open(
        officer, IncidentDraft("Courriel au mauvais destinataire.", date(2026, 11, 20), "Nom d'une cliente")
    )
    services.incidents.open(officer, IncidentDraft("Hors période.", date(2026, 10, 31), "Nom"))
    report = services.reports.incident_register(officer, START, END)
    assert [i.reference for i in report.incidents] == ["2026-001", "2026-002"]
    with pytest.raises(PermissionDeniedError):
        services.reports.incident_register(team.manager, START, END)

    for text in both_texts(render_report(report, "pdf", Language.FR)).values():
        assert "Registre des incidents de confidentialité" in text
        assert "Ne peuvent être décrits : Contenu de la clé inconnu" in text
        assert "Chiffrement des clés imposé." in text and "2031-11-10" in text and "Hors période" not in text
    en = both_texts(render_report(report, "pdf", Language.EN))["pdftotext"]
    assert "Register of confidentiality incidents" in en and "Cannot be described: Contenu de la clé" in en

    rows = read_csv(render_report(report, "csv", Language.EN))
    assert csv_figure(rows, "Incidents the clinic became aware of") == "2"
    assert csv_figure(rows, "Notices still to give") == "1"
    assert csv_figure(rows, "People concerned (known numbers)") == "120"
    table = csv_section(rows, "Incidents")
    assert table[0] == [
        "Reference",
        "Incident: from",
        "to",
        "Became aware on",
        "People",
        "Serious risk",
        "Commission notified",
        "People notified",
        "Notice due",
        "Versions",
        "Keep until",
    ]
    assert table[1] == [
        "2026-001",
        "2026-11-08",
        "2026-11-09",
        "2026-11-10",
        "120",
        "yes",
        "2026-11-12",
        "",
        "yes",
        "2",
        "2031-11-10",
    ]
    assert table[2][4:6] == ["", "no"]  # the number of people not known yet
    details = csv_section(rows, "Descriptions, risk assessment and measures")
    assert details[1][:5] == [
        "2026-001",
        "Cannot be described: Contenu de la clé inconnu",
        "Clé USB perdue dans le stationnement.",
        "Numéros d'assurance maladie probablement exposés.",
        "Chiffrement des clés imposé.",
    ]
    french = read_csv(render_report(report, "csv", Language.FR), delimiter=";")
    assert csv_section(french, "Incidents")[1][5] == "oui"
