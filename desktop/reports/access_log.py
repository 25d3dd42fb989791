"""Who opened, changed, printed or exported one client's file, and when: from the audit trail."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from desktop.domain.enums import Language
from desktop.reports.base import ReportHeader
from desktop.reports.layout import Column, Kind, ReportLayout, Section


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
    "acknowledgment.signed": AccessCategory.CHANGE,
    "acknowledgment.refused": AccessCategory.CHANGE,
    "acknowledgment.document": AccessCategory.CHANGE,
    "optout.matched": AccessCategory.CHANGE,
    "optout.processed": AccessCategory.CHANGE,
    "optout.confirmation_sent": AccessCategory.CHANGE,
    "acknowledgment.print": AccessCategory.PRINT,
    "acknowledgment.export": AccessCategory.EXPORT,
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


CATEGORY_LABELS = {
    AccessCategory.OPEN: {"fr": "Ouverture", "en": "Opened"},
    AccessCategory.CHANGE: {"fr": "Modification", "en": "Changed"},
    AccessCategory.PRINT: {"fr": "Impression", "en": "Printed"},
    AccessCategory.EXPORT: {"fr": "Exportation", "en": "Exported"},
    AccessCategory.VIEW: {"fr": "Consultation", "en": "Viewed"},
    AccessCategory.OTHER: {"fr": "Autre", "en": "Other"},
}

TEXT = {
    "fr": {
        "title": "Journal des accès au dossier {file}",
        "client": "Client",
        "entries": "Accès",
        "when": "Date et heure",
        "who": "Membre du personnel",
        "user": "Utilisateur",
        "workstation": "Poste",
        "category": "Type",
        "action": "Action",
        "record": "Élément",
        "none": "Aucun accès enregistré pendant la période.",
        "definitions": (
            "Source : le journal d'audit chaîné de FrontDesk, qui n'est jamais modifié.",
            "Accès au dossier : toute action enregistrée sur la fiche du client ou mentionnant le client "
            "(rendez-vous, consentements, accusés de réception, demandes de retrait, impressions, "
            "rapports).",
            "Les listes de contacts exportées ne nomment pas les clients dans le journal : voir le "
            "journal des exportations.",
        ),
    },
    "en": {
        "title": "Access log of file {file}",
        "client": "Client",
        "entries": "Accesses",
        "when": "Date and time",
        "who": "Staff member",
        "user": "Username",
        "workstation": "Workstation",
        "category": "Type",
        "action": "Action",
        "record": "Record",
        "none": "No access recorded in the period.",
        "definitions": (
            "Source: FrontDesk's hash-chained audit trail, which is never edited.",
            "Access to the file: any action recorded on the client's file or naming the client "
            "(appointments, consents, acknowledgments, withdrawal requests, prints, reports).",
            "Exported contact lists do not name clients in the audit trail: see the exports log.",
        ),
    },
}


def _layout(report: AccessLogReport, language: Language) -> ReportLayout:
    t = TEXT[language.value]
    figures = [
        (t["client"], f"{report.client_name} ({report.file_number})", Kind.TEXT),
        (t["entries"], report.row_count, Kind.INT),
    ]
    figures += [(CATEGORY_LABELS[c][language.value], report.count(c), Kind.INT) for c in AccessCategory]
    return ReportLayout(
        header=report.header,
        language=language,
        title=t["title"].format(file=report.file_number),
        landscape=True,
        figures=tuple(figures),
        definitions=t["definitions"],
        sections=(
            Section(
                t["entries"],
                (
                    Column(t["when"], Kind.DATETIME, 1.2),
                    Column(t["who"], width=1.8),
                    Column(t["user"], width=1.1),
                    Column(t["workstation"], width=1.3),
                    Column(t["category"], width=1.0),
                    Column(t["action"], width=1.6),
                    Column(t["record"], width=2.6),
                ),
                tuple(
                    (
                        e.at,
                        e.staff_name,
                        e.username,
                        e.workstation,
                        CATEGORY_LABELS[e.category][language.value],
                        e.action,
                        f"{e.entity_type} {e.entity_id}",
                    )
                    for e in report.entries
                ),
                empty_text=t["none"],
            ),
        ),
    )
