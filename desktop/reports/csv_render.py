"""A report as one CSV file: a few lines naming the report, then each table under its title.

French reports use the semicolon and the decimal comma, as Excel expects them on a French-Canadian
Windows; English reports use the comma and the decimal point."""

from __future__ import annotations

from desktop.domain.enums import Language
from desktop.reports.csv_safe import csv_bytes
from desktop.reports.layout import ReportLayout, format_cell, header_lines
from desktop.reports.texts import ReportText


def delimiter_for(language: Language) -> str:
    return ";" if language == Language.FR else ","


def render_report_csv(layout: ReportLayout) -> bytes:
    language = layout.language
    period, generated = header_lines(layout)
    rows: list[list[object]] = [[layout.title], [layout.header.clinic_name], [period], [generated], []]
    for label, value, kind in layout.figures:
        rows.append([label, format_cell(value, kind, language, for_csv=True)])
    if layout.figures:
        rows.append([])
    if layout.definitions:
        rows.append([ReportText.definitions.get(language)])
        rows += [[text] for text in layout.definitions]
        rows.append([])
    for section in layout.sections:
        rows.append([section.title])
        rows.append([c.label for c in section.columns])
        lines = list(section.rows) + ([section.total] if section.total is not None else [])
        for line in lines:
            rows.append(
                [
                    format_cell(v, c.kind, language, for_csv=True)
                    for v, c in zip(line, section.columns, strict=True)
                ]
            )
        if not section.rows and section.empty_text:
            rows.append([section.empty_text])
        rows.append([])
    return csv_bytes(rows, delimiter=delimiter_for(language))
