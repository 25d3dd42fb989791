"""A register of thousands of rows prints every row, each value in its own column, under a header
repeated on every page, in seconds (reportlab's tables took minutes for 40,000 rows)."""

from __future__ import annotations

import html
import io
import random
import re
import subprocess
import tempfile
import time
from collections import Counter, defaultdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.domain.enums import PROMOTIONAL_PURPOSES, Channel, Language, OptOutVia, Purpose
from desktop.reports import render_report
from desktop.reports.base import Period, ReportHeader, ReportKind
from desktop.reports.optout_register import OptOutRegisterReport, OptOutRegisterRow, monthly, summarise
from desktop.reports.pdf_render import render_report_pdf
from tests.support.documents import csv_section, read_csv

AS_OF = date(2026, 11, 24)
PERIOD = Period(date(2026, 1, 1), date(2026, 12, 31))
NUMBER_OR_DASH = re.compile(r"\d[\d,]*|—")
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>')


def register(size: int) -> OptOutRegisterReport:
    """``size`` requests with scopes that wrap over two lines, pending ones, unmatched ones."""
    chance = random.Random(size)
    scopes = (
        frozenset(PROMOTIONAL_PURPOSES),
        frozenset(Purpose),
        frozenset({Purpose.NEWSLETTERS, Purpose.FEEDBACK}),
    )
    rows = []
    for number in range(1, size + 1):
        received = PERIOD.start + timedelta(days=chance.randrange(320))
        processed = None if chance.random() < 0.2 else received + timedelta(days=chance.randrange(25))
        due = received + timedelta(days=14)
        rows.append(
            OptOutRegisterRow(
                request_id=number,
                received_on=received,
                via=chance.choice(list(OptOutVia)),
                file_number=None if chance.random() < 0.3 else f"{chance.randrange(10**6):06d}",
                purposes=chance.choice(scopes),
                channels=frozenset(Channel) if chance.random() < 0.5 else frozenset({Channel.EMAIL}),
                due_on=due,
                processed_on=processed,
                days_taken=None if processed is None else (processed - received).days,
                overdue=(processed or AS_OF) > due,
            )
        )
    header = ReportHeader(
        ReportKind.OPTOUT_REGISTER, PERIOD, datetime(2026, 11, 24, 17, tzinfo=UTC), "Gestion", "Clinique"
    )
    return OptOutRegisterReport(
        header=header,
        as_of=AS_OF,
        rows=tuple(rows),
        by_via=tuple(summarise(via, [r for r in rows if r.via == via]) for via in OptOutVia),
        total=summarise(None, rows),
        months=monthly(PERIOD.months(), rows),
    )


def words_by_page(pdf: bytes, *pages: str) -> list[list[tuple[float, float, float, str]]]:
    """Each page's words as poppler reads them back: (left, top, right, text); ``pages``: pdftotext's
    page options (``-f``, ``-l``)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "register.pdf"
        path.write_bytes(pdf)
        found = subprocess.run(
            ["pdftotext", "-bbox", "-enc", "UTF-8", *pages, str(path), "-"],
            capture_output=True,
            check=True,
            timeout=120,
        ).stdout.decode("utf-8")
    return [
        [(float(a), float(b), float(c), html.unescape(text)) for a, b, c, text in WORD.findall(page)]
        for page in found.split("<page ")[1:]
    ]


def column(page: list[tuple[float, float, float, str]], heading: str) -> list[str]:
    """The numbers (or dashes) under a right-aligned column's heading: the words ending where it ends."""
    top, right = next((top, right) for _, top, right, text in page if text == heading)
    return [
        text
        for _, y, end, text in page
        if y > top + 1 and abs(end - right) < 0.5 and NUMBER_OR_DASH.fullmatch(text)
    ]


def test_every_row_prints_in_its_own_column_under_a_header_on_every_page() -> None:
    report = register(3000)
    pages = words_by_page(render_report(report, "pdf", Language.EN))
    total = len(pages)
    numbers: list[str] = []
    days: Counter[str] = Counter()
    footers: dict[int, list[str]] = defaultdict(list)
    for index, page in enumerate(pages, start=1):
        words = [text for *_, text in page]
        footers[index] = words[-4:]
        if index == 1:
            continue  # the figures, the chart and the summary by way of receipt
        assert "Scope" in words and "Due" in words, index  # the header row, repeated
        numbers += column(page, "No.")
        days.update(column(page, "Days"))
    assert all(footer == ["Page", str(n), "of", str(total)] for n, footer in footers.items())
    # Every request once, in order; a number written in another column (a cached position from
    # another column's same value) would be missing here.
    assert numbers == [f"{n:,}" for n in range(1, 3001)]
    assert days == Counter("—" if r.days_taken is None else str(r.days_taken) for r in report.rows)


@pytest.mark.slow
def test_a_register_of_forty_thousand_requests_takes_seconds() -> None:
    report = register(40_000)
    began = time.process_time()  # the processor's time: the machine's other work left out
    pdf = render_report(report, "pdf", Language.FR)
    spent = time.process_time() - began
    assert spent < 12, spent  # about 3 s; reportlab's own tables took over 100 s
    count = len(PdfReader(io.BytesIO(pdf)).pages)
    last = [text for *_, text in words_by_page(pdf, "-f", str(count), "-l", str(count))[0]]
    assert last[-4:] == ["Page", str(count), "de", str(count)] and count > 1000
    assert "40 000 2026-" in " ".join(last)  # the last request, its number grouped as in French


@pytest.mark.parametrize(
    ("language", "note"),
    [
        (Language.FR, "Cette liste compte 120 lignes : ce PDF n'en montre que les 50 premières."),
        (Language.EN, "This list has 120 rows: this PDF shows only the first 50."),
    ],
)
def test_a_list_longer_than_the_limit_prints_its_first_rows_and_says_so(
    language: Language, note: str
) -> None:
    report = register(120)
    pages = words_by_page(render_report_pdf(report.layout(language), row_limit=50))
    words = " ".join(text for page in pages for *_, text in page)
    assert note in words and "CSV" in words, words[:3000]
    heading = "No" if language == Language.FR else "No."
    numbers = [n for page in pages[1:] for n in column(page, heading)]
    assert numbers == [str(n) for n in range(1, 51)]
    csv = read_csv(render_report(report, "csv", language), delimiter=";")
    title = "Demandes" if language == Language.FR else "Requests"
    assert len(csv_section(csv, title)) == 1 + 120  # the CSV keeps every row
