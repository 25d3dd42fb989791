"""Who must sign the privacy policy again at their next visit: clients with an appointment in the
period whose latest signed acknowledgment is of an older version, and, apart, those who never
signed any version."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from desktop.domain.enums import Language
from desktop.domain.words import Words
from desktop.reports.base import ReportHeader
from desktop.reports.layout import Column, Kind, ReportLayout, Section
from desktop.reports.texts import ReacknowledgmentText


@dataclass(frozen=True)
class ReacknowledgmentRow:
    client_id: int
    file_number: str
    last_name: str
    first_name: str
    language: Language
    #: The client's first appointment in the period.
    first_appointment: datetime
    #: The version of the latest signed acknowledgment, None if the client never signed.
    signed_version: str | None
    signed_on: date | None
    #: When the client last refused to sign, if ever.
    refused_on: date | None


@dataclass(frozen=True)
class ReacknowledgmentReport:
    header: ReportHeader
    #: The version in force (per client language when they differ).
    current_version: str
    #: Clients with an appointment in the period.
    clients_seen: int
    up_to_date: int
    outdated: tuple[ReacknowledgmentRow, ...]
    never_signed: tuple[ReacknowledgmentRow, ...]

    @property
    def never_signed_refused(self) -> int:
        return sum(1 for r in self.never_signed if r.refused_on is not None)

    @property
    def row_count(self) -> int:
        return len(self.outdated) + len(self.never_signed)

    def layout(self, language: Language = Language.FR) -> ReportLayout:
        return _layout(self, language)


def _layout(report: ReacknowledgmentReport, language: Language) -> ReportLayout:
    version = report.current_version or "—"
    person = (
        Column(Words.file.get(language), width=0.8),
        Column(ReacknowledgmentText.last_name.get(language), width=1.8),
        Column(ReacknowledgmentText.first_name.get(language), width=1.6),
        Column(ReacknowledgmentText.language.get(language), width=0.6),
        Column(ReacknowledgmentText.next.get(language), Kind.DATETIME, 1.3),
    )

    def who(r: ReacknowledgmentRow) -> tuple:
        return (r.file_number, r.last_name, r.first_name, r.language.value.upper(), r.first_appointment)

    return ReportLayout(
        header=report.header,
        language=language,
        title=ReacknowledgmentText.title.get(language),
        figures=(
            (ReacknowledgmentText.current.get(language), version, Kind.TEXT),
            (ReacknowledgmentText.seen.get(language), report.clients_seen, Kind.INT),
            (ReacknowledgmentText.up_to_date.get(language), report.up_to_date, Kind.INT),
            (ReacknowledgmentText.outdated.get(language), len(report.outdated), Kind.INT),
            (ReacknowledgmentText.never.get(language), len(report.never_signed), Kind.INT),
            (ReacknowledgmentText.never_refused.get(language), report.never_signed_refused, Kind.INT),
        ),
        definitions=tuple(d.format(language, version=version) for d in ReacknowledgmentText.definitions),
        sections=(
            Section(
                ReacknowledgmentText.outdated_section.get(language),
                person
                + (
                    Column(ReacknowledgmentText.version.get(language), width=0.9),
                    Column(ReacknowledgmentText.signed_on.get(language), Kind.DATE, 0.9),
                ),
                tuple(who(r) + (r.signed_version, r.signed_on) for r in report.outdated),
                empty_text=ReacknowledgmentText.none_outdated.get(language),
            ),
            Section(
                ReacknowledgmentText.never.get(language),
                person + (Column(ReacknowledgmentText.refused_on.get(language), Kind.DATE, 0.9),),
                tuple(who(r) + (r.refused_on,) for r in report.never_signed),
                empty_text=ReacknowledgmentText.none_never.get(language),
            ),
        ),
    )
