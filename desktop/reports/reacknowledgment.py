"""Who must sign the privacy policy again at their next visit: clients with an appointment in the
period whose latest signed acknowledgment is of an older version, and, apart, those who never
signed any version."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from desktop.domain.enums import Language
from desktop.reports.base import ReportHeader
from desktop.reports.layout import Column, Kind, ReportLayout, Section


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


TEXT = {
    "fr": {
        "title": "Accusés de réception à faire signer de nouveau",
        "seen": "Clients ayant un rendez-vous dans la période",
        "current": "Version en vigueur",
        "up_to_date": "Ont signé la version en vigueur",
        "outdated": "À faire signer de nouveau (version antérieure)",
        "never": "N'ont jamais signé",
        "never_refused": "dont refus de signer",
        "outdated_section": "Ont signé une version antérieure",
        "never_section": "N'ont jamais signé",
        "file": "Dossier",
        "last_name": "Nom",
        "first_name": "Prénom",
        "language": "Langue",
        "next": "1er rendez-vous de la période",
        "version": "Version signée",
        "signed_on": "Signée le",
        "refused_on": "Refus le",
        "none_outdated": "Aucun client de la période n'a signé une version antérieure seulement.",
        "none_never": "Tous les clients de la période ont signé au moins une version.",
        "definitions": (
            "Clients : ceux qui ont au moins un rendez-vous prévu dans la période (heure de la clinique).",
            "Version en vigueur : {version}, la plus récente en vigueur le dernier jour de la période "
            "dans la langue du client (à défaut, dans l'autre langue).",
            "À faire signer de nouveau : le dernier accusé signé du client porte sur une version "
            "antérieure à celle en vigueur.",
            "N'ont jamais signé : aucun accusé signé, quelle que soit la version ; les refus de signer "
            "sont indiqués mais ne comptent pas comme une signature.",
            "Les accusés sont pris tels qu'enregistrés au moment où le rapport est produit.",
        ),
    },
    "en": {
        "title": "Acknowledgments to sign again",
        "seen": "Clients with an appointment in the period",
        "current": "Version in force",
        "up_to_date": "Signed the version in force",
        "outdated": "To sign again (older version)",
        "never": "Never signed",
        "never_refused": "of whom refused to sign",
        "outdated_section": "Signed an older version",
        "never_section": "Never signed",
        "file": "File",
        "last_name": "Last name",
        "first_name": "First name",
        "language": "Language",
        "next": "First appointment in the period",
        "version": "Version signed",
        "signed_on": "Signed on",
        "refused_on": "Refused on",
        "none_outdated": "No client of the period signed only an older version.",
        "none_never": "Every client of the period signed at least one version.",
        "definitions": (
            "Clients: those with at least one appointment scheduled in the period (clinic time).",
            "Version in force: {version}, the newest in force on the last day of the period in the "
            "client's language (failing that, in the other language).",
            "To sign again: the client's latest signed acknowledgment is of a version older than the "
            "one in force.",
            "Never signed: no signed acknowledgment of any version; refusals to sign are shown but do "
            "not count as a signature.",
            "Acknowledgments are taken as recorded when the report is produced.",
        ),
    },
}


def _layout(report: ReacknowledgmentReport, language: Language) -> ReportLayout:
    t = TEXT[language.value]
    version = report.current_version or "—"
    person = (
        Column(t["file"], width=0.8),
        Column(t["last_name"], width=1.8),
        Column(t["first_name"], width=1.6),
        Column(t["language"], width=0.6),
        Column(t["next"], Kind.DATETIME, 1.3),
    )

    def who(r: ReacknowledgmentRow) -> tuple:
        return (r.file_number, r.last_name, r.first_name, r.language.value.upper(), r.first_appointment)

    return ReportLayout(
        header=report.header,
        language=language,
        title=t["title"],
        figures=(
            (t["current"], version, Kind.TEXT),
            (t["seen"], report.clients_seen, Kind.INT),
            (t["up_to_date"], report.up_to_date, Kind.INT),
            (t["outdated"], len(report.outdated), Kind.INT),
            (t["never"], len(report.never_signed), Kind.INT),
            (t["never_refused"], report.never_signed_refused, Kind.INT),
        ),
        definitions=tuple(d.format(version=version) for d in t["definitions"]),
        sections=(
            Section(
                t["outdated_section"],
                person + (Column(t["version"], width=0.9), Column(t["signed_on"], Kind.DATE, 0.9)),
                tuple(who(r) + (r.signed_version, r.signed_on) for r in report.outdated),
                empty_text=t["none_outdated"],
            ),
            Section(
                t["never_section"],
                person + (Column(t["refused_on"], Kind.DATE, 0.9),),
                tuple(who(r) + (r.refused_on,) for r in report.never_signed),
                empty_text=t["none_never"],
            ),
        ),
    )
