"""Who exported which contact list, when, how many rows, and the SHA-256 of the file written."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop.domain.enums import Channel, Language, Purpose
from desktop.domain.wording import channel_label, purpose_label
from desktop.domain.words import Words
from desktop.reports.base import ReportHeader
from desktop.reports.layout import Column, Kind, ReportLayout, Section
from desktop.reports.texts import ExportsLogText, ReportText


@dataclass(frozen=True)
class ExportEntry:
    at: datetime
    username: str
    staff_name: str
    workstation: str
    purpose: Purpose | None
    channel: Channel | None
    row_count: int | None
    sha256: str


@dataclass(frozen=True)
class ExportsLogReport:
    header: ReportHeader
    entries: tuple[ExportEntry, ...]

    @property
    def total_rows(self) -> int:
        return sum(e.row_count or 0 for e in self.entries)

    @property
    def row_count(self) -> int:
        return len(self.entries)

    def layout(self, language: Language = Language.FR) -> ReportLayout:
        return _layout(self, language)


def parse_detail(detail: str) -> dict[str, str]:
    """``purpose=newsletters channel=email rows=12 sha256=…`` as a dict."""
    return dict(part.split("=", 1) for part in detail.split() if "=" in part)


def _layout(report: ExportsLogReport, language: Language) -> ReportLayout:
    return ReportLayout(
        header=report.header,
        language=language,
        title=ExportsLogText.title.get(language),
        landscape=True,
        figures=(
            (ExportsLogText.count.get(language), report.row_count, Kind.INT),
            (ExportsLogText.rows.get(language), report.total_rows, Kind.INT),
        ),
        definitions=tuple(d.get(language) for d in ExportsLogText.definitions),
        sections=(
            Section(
                ExportsLogText.section.get(language),
                (
                    Column(Words.date_and_time.get(language), Kind.DATETIME, 1.3),
                    Column(Words.staff_member.get(language), width=1.6),
                    Column(Words.workstation.get(language), width=1.1),
                    Column(Words.purpose.get(language), width=1.9),
                    Column(ExportsLogText.channel.get(language), width=0.8),
                    Column(ExportsLogText.row_count.get(language), Kind.INT, 0.6),
                    Column(ExportsLogText.sha256.get(language), width=3.2),
                ),
                tuple(
                    (
                        e.at,
                        e.staff_name,
                        e.workstation,
                        purpose_label(e.purpose, language) if e.purpose else None,
                        channel_label(e.channel, language) if e.channel else None,
                        e.row_count,
                        e.sha256,
                    )
                    for e in report.entries
                ),
                total=(ReportText.total.get(language), None, None, None, None, report.total_rows, None),
                empty_text=ExportsLogText.none.get(language),
            ),
        ),
    )
