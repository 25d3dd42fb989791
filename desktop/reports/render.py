"""A report record to file bytes, in the chosen format and language."""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol

from desktop.domain.enums import Language
from desktop.reports.base import ReportHeader
from desktop.reports.csv_render import render_report_csv
from desktop.reports.layout import ReportLayout
from desktop.reports.pdf_render import render_report_pdf


class ReportFormat(StrEnum):
    PDF = "pdf"
    CSV = "csv"


class Report(Protocol):
    @property
    def header(self) -> ReportHeader: ...

    @property
    def row_count(self) -> int: ...

    def layout(self, language: Language = Language.FR) -> ReportLayout: ...


def render_report(report: Report, fmt: ReportFormat | str, language: Language = Language.FR) -> bytes:
    layout = report.layout(language)
    if ReportFormat(fmt) == ReportFormat.PDF:
        return render_report_pdf(layout)
    return render_report_csv(layout)
