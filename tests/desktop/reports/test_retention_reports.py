"""The retention reports, on SQLite and PostgreSQL: the files past the rule as of the period's last day
with the ones left out counted by cause, and the anonymisations of the period without any identity.
Read back from the PDF (pdftotext and pypdf) and the CSV, in French and in English."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.domain.enums import Language
from desktop.domain.errors import PermissionDeniedError
from desktop.domain.records import ClientRecord
from desktop.reports import ReportKind, render_report
from desktop.services.clock import FixedClock
from tests.conftest import TEST_NOW
from tests.support.documents import both_texts, csv_figure, csv_section, new_client, read_csv

#: Eight years before the tests' day: past the default rule (7 years after the last contact).
LONG_AGO = timedelta(days=8 * 366)
PERIOD = (date(2026, 11, 1), date(2026, 11, 30))


def old_client(services, clock: FixedClock, actor, last: str, first: str, **fields) -> ClientRecord:  # type: ignore[no-untyped-def]
    """A file created eight years ago and not contacted since."""
    clock.at = TEST_NOW - LONG_AGO
    try:
        return new_client(services, actor, last, first, **fields)
    finally:
        clock.at = TEST_NOW


def test_the_review_lists_the_files_past_the_rule_and_counts_those_left_out(services, team, clock):
    desk, officer = team.receptionist, team.privacy_officer
    gagnon = old_client(services, clock, desk, "Gagnon", "Hélène", date_of_birth=date(1951, 3, 9))
    held = old_client(services, clock, desk, "Roy", "Anne")
    new_client(services, desk, "Tremblay", "Luc")  # contacted today: not due
    services.retention.place_hold(officer, held.id, "Dossier au tribunal")

    report = services.reports.retention_review(officer, *PERIOD)
    review = report.review
    assert [c.file_number for c in review.candidates] == [gagnon.file_number]
    assert (review.total, review.held, review.pending_opt_out, review.open_access_request) == (1, 1, 0, 0)
    # As of the period's end, or today when the period ends later (no day not yet reached).
    assert review.today == min(PERIOD[1], TEST_NOW.date()) and review.retention_years == 7
    assert report.row_count == 1

    french = render_report(report, "pdf", Language.FR)
    for text in both_texts(french).values():
        assert "Révision de la conservation des dossiers" in text
        assert "7 ans après le dernier contact" in text
        assert gagnon.file_number in text and "Gagnon" in text and "1951-03-09" in text
        assert "Écartés : conservation pour motif juridique" in text
        assert "Roy" not in text  # held: left out, counted only
    english = read_csv(render_report(report, "csv", Language.EN))
    assert csv_figure(english, "Files past the rule") == "1"
    assert csv_figure(english, "Left out: legal hold") == "1"
    assert csv_figure(english, "Retention rule") == "7 years after the last contact"
    table = csv_section(english, "Files to review")
    assert table[0] == ["File no.", "Name", "Date of birth", "Last contact", "Review due since"]
    assert table[1][0] == gagnon.file_number and table[1][2] == "1951-03-09"
    assert table[1][3] == (TEST_NOW - LONG_AGO).astimezone().date().isoformat()


def test_the_anonymisations_report_names_no_one(services, team, clock):
    desk, officer = team.receptionist, team.privacy_officer
    gone = old_client(services, clock, desk, "Bélanger", "Zoé", date_of_birth=date(1944, 7, 1))
    services.retention.anonymise(officer, gone.id)

    report = services.reports.anonymisations(officer, *PERIOD)
    assert [(e.file_number, e.retention_years) for e in report.entries] == [(gone.file_number, 7)]
    assert report.row_count == 1
    for language, title, rule, who in (
        (Language.FR, "Registre des anonymisations", "7 ans après le dernier contact", "Linh Nguyễn"),
        (Language.EN, "Register of anonymisations", "7 years after the last contact", "Linh Nguyễn"),
    ):
        for text in both_texts(render_report(report, "pdf", language)).values():
            assert title in text and rule in text and who in text and gone.file_number in text
            assert "Bélanger" not in text and "Zoé" not in text and "1944-07-01" not in text
    rows = read_csv(render_report(report, "csv", Language.FR), delimiter=";")
    assert csv_figure(rows, "Anonymisations dans la période") == "1"
    table = csv_section(rows, "Anonymisations")
    assert table[1][0] == gone.file_number
    assert table[-1][0] == "Total"
    assert not any("Bélanger" in cell for row in rows for cell in row)

    before = services.reports.anonymisations(officer, date(2026, 10, 1), date(2026, 10, 31))
    assert before.entries == ()
    # Once anonymised, the file is no longer past the rule.
    assert services.reports.retention_review(officer, *PERIOD).review.total == 0


@pytest.mark.parametrize("kind", [ReportKind.RETENTION_REVIEW, ReportKind.ANONYMISATIONS])
def test_the_retention_reports_are_for_the_privacy_officer_only(services, team, kind):
    for actor in (team.receptionist, team.manager):
        with pytest.raises(PermissionDeniedError):
            services.reports.run(actor, kind, *PERIOD)
    assert services.reports.render(team.privacy_officer, kind, *PERIOD, "pdf", Language.EN).data.startswith(
        b"%PDF-"
    )
