"""The access and rectification requests register as a PDF and a CSV in both languages: each request
received in the period with its dates and outcome, open ones past due flagged, the counts; for the
privacy officer only, and never naming the requester."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.domain.access_requests import AccessRequestDraft
from desktop.domain.enums import Language
from desktop.domain.errors import PermissionDeniedError
from desktop.domain.register_enums import AccessAnswerItem, AccessRequestChannel, AccessRequestKind
from desktop.reports import render_report
from tests.support.documents import both_texts, csv_figure, csv_section, new_client, read_csv

TODAY = date(2026, 11, 24)
START, END = date(2026, 10, 1), date(2026, 11, 30)


def test_the_register_lists_each_request_flags_overdue_and_counts(services, team, clock):
    officer = team.privacy_officer
    client = new_client(services, team.receptionist, "Tremblay", "Geneviève")

    def log(days_ago: int, kind=AccessRequestKind.ACCESS, channel=AccessRequestChannel.EMAIL, **more):
        draft = AccessRequestDraft(
            kind, channel, TODAY - timedelta(days=days_ago), "Hortense Secrète", **more
        )
        return services.access_requests.log(team.receptionist, draft)

    late = log(45, channel=AccessRequestChannel.POST)  # received 2026-10-10, due 2026-11-09: overdue
    answered = log(20, client_id=client.id)
    refused = log(10, AccessRequestKind.RECTIFICATION, AccessRequestChannel.PHONE)
    log(90)  # before the period
    services.access_requests.verify_identity(officer, answered.id, "Permis vu")
    services.access_requests.answer(
        officer, answered.id, frozenset({AccessAnswerItem.EVIDENCE_PACK}), b"%PDF"
    )
    services.access_requests.refuse(officer, refused.id, "Aucun dossier à ce nom")

    report = services.reports.access_requests(officer, START, END)
    assert [r.id for r in report.requests] == [late.id, answered.id, refused.id]
    assert report.overdue_count == 1
    with pytest.raises(PermissionDeniedError):
        services.reports.access_requests(team.manager, START, END)

    fr = both_texts(render_report(report, "pdf", Language.FR))
    for text in fr.values():
        assert "Registre des demandes d'accès et de rectification" in text
        assert "EN RETARD" in text and "2026-11-09" in text
        assert "Répondue (Preuve du dossier)" in text and "Refusée" in text and client.file_number in text
        assert "Secrète" not in text
    en = both_texts(render_report(report, "pdf", Language.EN))["pdftotext"]
    assert "Access and rectification requests register" in en and "OVERDUE" in en and "Rectification" in en

    rows = read_csv(render_report(report, "csv", Language.EN))
    assert csv_figure(rows, "Requests received in the period") == "3"
    assert csv_figure(rows, "Open and overdue") == "1"
    assert csv_figure(rows, "Answered") == "1" and csv_figure(rows, "Refused") == "1"
    table = csv_section(rows, "Requests")
    assert table[0][:5] == ["Received", "Received by", "Kind", "File", "Due"]
    assert table[1][:5] == ["2026-10-10", "Post", "Access", "not matched", "2026-11-09"]
    assert table[1][-1] == "OVERDUE"
    assert table[2][3] == client.file_number and table[2][6] == "Answered (Evidence pack)"
    assert table[3][1:3] == ["Phone", "Rectification"] and table[3][6] == "Refused" and table[3][-1] == ""
    assert not any("Secrète" in cell for row in rows for cell in row)
    french = read_csv(render_report(report, "csv", Language.FR), delimiter=";")
    assert csv_figure(french, "Ouvertes en retard") == "1"
    assert csv_section(french, "Demandes")[1][-1] == "EN RETARD"
