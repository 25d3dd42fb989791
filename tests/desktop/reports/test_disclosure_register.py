"""The disclosure register as a report: every entry of the period in PDF and CSV, both languages, corrections
marked; for a manager or the privacy officer."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from uuid import uuid4

import pytest

from desktop.domain.disclosures import DisclosureDraft
from desktop.domain.enums import Language
from desktop.domain.errors import PermissionDeniedError
from desktop.domain.register_enums import DisclosureMeans, DisclosureRecipient
from desktop.reports import ReportKind, render_report
from tests.support.documents import both_texts, csv_figure, csv_section, new_client, read_csv

TODAY = date(2026, 11, 24)
MONTH = (date(2026, 11, 1), date(2026, 11, 30))


def test_the_register_lists_the_period_s_disclosures_with_their_corrections(services, team):
    zoe = new_client(services, team.receptionist, "Côté", "Zoé")
    marc = new_client(services, team.receptionist, "O'Brien", "Marc-André")
    order = DisclosureDraft(
        TODAY - timedelta(days=2),
        DisclosureRecipient.PROFESSIONAL_ORDER,
        "Collège des médecins du Québec",
        "Demande du syndic, art. 122 du Code des professions",
        "Copie des rendez-vous de 2026",
        "Jeanne Tremblay",
        DisclosureMeans.POST,
        (zoe.id, marc.id),
    )
    first = services.disclosures.record(team.manager, order)
    fixed = services.disclosures.correct(
        team.privacy_officer,
        first.id,
        replace(order, means=DisclosureMeans.SECURE_TRANSFER, note="Envoi chiffré", uid=uuid4()),
    )
    services.disclosures.record(
        team.manager, replace(order, disclosed_on=date(2026, 10, 30), client_ids=(zoe.id,), uid=uuid4())
    )

    report = services.reports.run(team.manager, ReportKind.DISCLOSURE_REGISTER, *MONTH)
    assert report.row_count == 2  # the October one is outside the period
    assert (report.standing_count, report.client_count) == (1, 2)

    french = both_texts(render_report(report, "pdf", Language.FR))
    for text in french.values():
        assert "Registre des communications de renseignements personnels" in text
        assert "Collège des médecins du Québec" in text and "Ordre professionnel" in text
        assert f"corrigée par le n° {fixed.id}" in text and f"corrige le n° {first.id}" in text
        assert zoe.file_number in text and marc.file_number in text
        assert "Côté" not in text  # files are named by their number
    for text in both_texts(render_report(report, "pdf", Language.EN)).values():
        assert "Register of disclosures" in text and "Professional order" in text
        assert f"corrected by no. {fixed.id}" in text

    rows = read_csv(render_report(report, "csv", Language.FR), delimiter=";")
    assert csv_figure(rows, "Communications dans la période") == "2"
    table = csv_section(rows, "Communications")
    assert len(table) == 3
    assert table[1][0] == str(first.id) and table[1][1] == "2026-11-22"
    assert table[2][5] == f"{zoe.file_number}, {marc.file_number}"
    assert table[2][7] == "Transfert sécurisé" and table[2][10] == "Envoi chiffré"
    english = read_csv(render_report(report, "csv", Language.EN))
    assert csv_section(english, "Disclosures")[2][7] == "Secure transfer"


def test_the_register_is_refused_to_a_receptionist(services, team):
    with pytest.raises(PermissionDeniedError):
        services.reports.run(team.receptionist, ReportKind.DISCLOSURE_REGISTER, *MONTH)
    empty = services.reports.run(team.privacy_officer, ReportKind.DISCLOSURE_REGISTER, *MONTH)
    assert empty.row_count == 0
    for text in both_texts(render_report(empty, "pdf", Language.FR)).values():
        assert "Aucune communication consignée pendant la période." in text
