"""Who exported which contact list, when, how many rows, and the SHA-256 of the file written."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop.domain.enums import Channel, Language, Purpose
from desktop.domain.wording import channel_label, purpose_label
from desktop.reports.base import ReportHeader
from desktop.reports.layout import Column, Kind, ReportLayout, Section


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


TEXT = {
    "fr": {
        "title": "Journal des exportations de listes de contacts",
        "count": "Exportations dans la période",
        "rows": "Lignes exportées (total)",
        "section": "Exportations",
        "when": "Date et heure",
        "who": "Membre du personnel",
        "workstation": "Poste",
        "purpose": "Finalité",
        "channel": "Moyen",
        "row_count": "Lignes",
        "sha256": "Empreinte SHA-256 du fichier",
        "none": "Aucune liste de contacts exportée pendant la période.",
        "definitions": (
            "Source : le journal d'audit chaîné (action export.contacts) ; il n'enregistre aucune donnée "
            "des clients, seulement la finalité, le moyen, le nombre de lignes et l'empreinte du fichier.",
            "L'empreinte SHA-256 permet de reconnaître un fichier exporté : calculez-la sur le fichier "
            "(par exemple : certutil -hashfile liste.csv SHA256) et comparez.",
        ),
    },
    "en": {
        "title": "Contact-list exports log",
        "count": "Exports in the period",
        "rows": "Rows exported (total)",
        "section": "Exports",
        "when": "Date and time",
        "who": "Staff member",
        "workstation": "Workstation",
        "purpose": "Purpose",
        "channel": "Channel",
        "row_count": "Rows",
        "sha256": "SHA-256 of the file",
        "none": "No contact list was exported in the period.",
        "definitions": (
            "Source: the hash-chained audit trail (action export.contacts); it records no client data, "
            "only the purpose, channel, number of rows and the file's fingerprint.",
            "The SHA-256 fingerprint identifies an exported file: compute it on the file (for example: "
            "certutil -hashfile list.csv SHA256) and compare.",
        ),
    },
}


def _layout(report: ExportsLogReport, language: Language) -> ReportLayout:
    t = TEXT[language.value]
    return ReportLayout(
        header=report.header,
        language=language,
        title=t["title"],
        landscape=True,
        figures=((t["count"], report.row_count, Kind.INT), (t["rows"], report.total_rows, Kind.INT)),
        definitions=t["definitions"],
        sections=(
            Section(
                t["section"],
                (
                    Column(t["when"], Kind.DATETIME, 1.3),
                    Column(t["who"], width=1.6),
                    Column(t["workstation"], width=1.1),
                    Column(t["purpose"], width=1.9),
                    Column(t["channel"], width=0.8),
                    Column(t["row_count"], Kind.INT, 0.6),
                    Column(t["sha256"], width=3.2),
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
                total=("Total", None, None, None, None, report.total_rows, None),
                empty_text=t["none"],
            ),
        ),
    )
