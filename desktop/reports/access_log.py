"""Who opened, changed, printed or exported one client's file, and when: from the audit trail."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from desktop.domain.enums import Language
from desktop.domain.texts import Text
from desktop.domain.words import Words
from desktop.reports.base import ReportHeader
from desktop.reports.layout import Cell, Column, Kind, ReportLayout, Section
from desktop.reports.texts import AccessLogText


class AccessCategory(StrEnum):
    OPEN = "open"
    CHANGE = "change"
    PRINT = "print"
    EXPORT = "export"
    VIEW = "view"
    OTHER = "other"


_CATEGORY_OF = {
    "client.open": AccessCategory.OPEN,
    "client.create": AccessCategory.CHANGE,
    "client.update": AccessCategory.CHANGE,
    "appointment.create": AccessCategory.CHANGE,
    "consent.granted": AccessCategory.CHANGE,
    "consent.withdrawn": AccessCategory.CHANGE,
    "consent.declined": AccessCategory.CHANGE,
    "acknowledgment.signed": AccessCategory.CHANGE,
    "acknowledgment.refused": AccessCategory.CHANGE,
    "acknowledgment.document": AccessCategory.CHANGE,
    "optout.matched": AccessCategory.CHANGE,
    "optout.processed": AccessCategory.CHANGE,
    "optout.confirmation_sent": AccessCategory.CHANGE,
    "acknowledgment.print": AccessCategory.PRINT,
    "acknowledgment.export": AccessCategory.EXPORT,
    "evidence.pack": AccessCategory.EXPORT,
    # The client's information communicated outside the clinic (the disclosure register).
    "disclosure.client": AccessCategory.EXPORT,
    # The privacy registers: a request about the file and what became of it, a legal hold, an anonymisation.
    "access_request.log": AccessCategory.CHANGE,
    "access_request.matched": AccessCategory.CHANGE,
    "access_request.identity_verified": AccessCategory.CHANGE,
    "access_request.refused": AccessCategory.CHANGE,
    "access_request.answered": AccessCategory.EXPORT,
    "legal_hold.placed": AccessCategory.CHANGE,
    "legal_hold.lifted": AccessCategory.CHANGE,
    "client.anonymise": AccessCategory.CHANGE,
    "acknowledgment.view": AccessCategory.VIEW,
    "acknowledgment.verify": AccessCategory.VIEW,
    "report.run": AccessCategory.VIEW,
}


def category_of(action: str) -> AccessCategory:
    return _CATEGORY_OF.get(action, AccessCategory.OTHER)


@dataclass(frozen=True)
class AccessEntry:
    at: datetime
    username: str
    staff_name: str
    workstation: str
    action: str
    entity_type: str
    entity_id: str

    @property
    def category(self) -> AccessCategory:
        return category_of(self.action)


@dataclass(frozen=True)
class AccessLogReport:
    header: ReportHeader
    client_id: int
    file_number: str
    client_name: str
    entries: tuple[AccessEntry, ...]

    def count(self, category: AccessCategory) -> int:
        return sum(1 for e in self.entries if e.category == category)

    @property
    def row_count(self) -> int:
        return len(self.entries)

    def layout(self, language: Language = Language.FR) -> ReportLayout:
        return _layout(self, language)


#: How each kind of access is named in the report.
CATEGORY_LABELS: dict[AccessCategory, Text] = {
    AccessCategory.OPEN: AccessLogText.category_open,
    AccessCategory.CHANGE: AccessLogText.category_change,
    AccessCategory.PRINT: AccessLogText.category_print,
    AccessCategory.EXPORT: AccessLogText.category_export,
    AccessCategory.VIEW: AccessLogText.category_view,
    AccessCategory.OTHER: AccessLogText.category_other,
}


def _layout(report: AccessLogReport, language: Language) -> ReportLayout:
    figures: list[tuple[str, Cell, Kind]] = [
        (Words.client.get(language), f"{report.client_name} ({report.file_number})", Kind.TEXT),
        (AccessLogText.entries.get(language), report.row_count, Kind.INT),
    ]
    figures += [(CATEGORY_LABELS[c].get(language), report.count(c), Kind.INT) for c in AccessCategory]
    return ReportLayout(
        header=report.header,
        language=language,
        title=AccessLogText.title.format(language, file=report.file_number),
        landscape=True,
        figures=tuple(figures),
        definitions=tuple(d.get(language) for d in AccessLogText.definitions),
        sections=(
            Section(
                AccessLogText.entries.get(language),
                (
                    Column(Words.date_and_time.get(language), Kind.DATETIME, 1.2),
                    Column(Words.staff_member.get(language), width=1.8),
                    Column(AccessLogText.user.get(language), width=1.1),
                    Column(Words.workstation.get(language), width=1.3),
                    Column(AccessLogText.category.get(language), width=1.0),
                    Column(AccessLogText.action.get(language), width=1.6),
                    Column(AccessLogText.record.get(language), width=2.6),
                ),
                tuple(
                    (
                        e.at,
                        e.staff_name,
                        e.username,
                        e.workstation,
                        CATEGORY_LABELS[e.category].get(language),
                        e.action,
                        f"{e.entity_type} {e.entity_id}",
                    )
                    for e in report.entries
                ),
                empty_text=AccessLogText.none.get(language),
            ),
        ),
    )
