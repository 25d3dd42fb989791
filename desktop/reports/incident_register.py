"""The register of confidentiality incidents the clinic became aware of in the period (Quebec, Regulation
respecting confidentiality incidents, s. 7): each incident's newest version with every field the regulation
lists, its reference, how many versions it has and the day it may be removed from the register."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.enums import Language
from desktop.domain.incident_messages import IncidentFields
from desktop.domain.incidents import IncidentRecord
from desktop.domain.texts import Text
from desktop.reports.base import ReportHeader
from desktop.reports.layout import Column, Kind, ReportLayout, Section, local_minute


class IncidentRegisterText:
    title = Text("Registre des incidents de confidentialité", "Register of confidentiality incidents")
    count = Text("Incidents dont la clinique a pris connaissance", "Incidents the clinic became aware of")
    serious = Text("Avec un risque de préjudice sérieux", "With a risk of serious injury")
    due = Text("Avis encore à donner", "Notices still to give")
    people = Text("Personnes concernées (nombres connus)", "People concerned (known numbers)")
    incidents = Text("Incidents", "Incidents")
    descriptions = Text(
        "Descriptions, évaluation du risque et mesures", "Descriptions, risk assessment and measures"
    )
    reference = Text("Référence", "Reference")
    occurred_from = Text("Incident : du", "Incident: from")
    occurred_to = Text("au", "to")
    discovered_on = Text("Pris connaissance le", "Became aware on")
    people_col = Text("Personnes", "People")
    serious_col = Text("Risque sérieux", "Serious risk")
    commission = Text("Avis à la Commission", "Commission notified")
    notified = Text("Avis aux personnes", "People notified")
    versions = Text("Versions", "Versions")
    keep_until = Text("Conserver jusqu'au", "Keep until")
    due_col = Text("Avis à donner", "Notice due")
    information = Text("Renseignements concernés", "Information concerned")
    not_describable = Text("Ne peuvent être décrits : {reason}", "Cannot be described: {reason}")
    last_version = Text("Dernière version", "Last version")
    none = Text(
        "Aucun incident de confidentialité dont la clinique a pris connaissance pendant la période.",
        "No confidentiality incident the clinic became aware of in the period.",
    )
    definitions = (
        Text(
            "Tenu selon l'article 7 du Règlement sur les incidents de confidentialité : chaque incident y "
            "figure tel que sa dernière version le décrit ; les versions antérieures sont conservées et la "
            "commande « frontdesk incidents show RÉFÉRENCE » les montre toutes.",
            "Kept under section 7 of Quebec's Regulation respecting confidentiality incidents: each incident "
            "appears as its latest version describes it; earlier versions are kept and the command "
            "“frontdesk incidents show REFERENCE” shows them all.",
        ),
        Text(
            "Une date ou un nombre laissé vide n'était pas encore connu. « Conserver jusqu'au » : cinq ans "
            "après la date où la clinique a pris connaissance de l'incident, durée minimale prévue par le "
            "règlement.",
            "A date or number left empty was not known yet. “Keep until”: five years after the date the "
            "clinic became aware of the incident, the minimum the regulation sets.",
        ),
        Text(
            "« Avis à donner » : un risque de préjudice sérieux alors que la Commission d'accès à "
            "l'information ou les personnes concernées n'ont pas encore été avisées.",
            "“Notice due”: a risk of serious injury while the Commission d'accès à l'information or the "
            "people concerned have not yet been notified.",
        ),
    )


@dataclass(frozen=True)
class IncidentRegisterReport:
    header: ReportHeader
    incidents: tuple[IncidentRecord, ...]

    @property
    def row_count(self) -> int:
        return len(self.incidents)

    def layout(self, language: Language = Language.FR) -> ReportLayout:
        return _layout(self, language)


def _information(incident: IncidentRecord, language: Language) -> str:
    if incident.information_concerned:
        return incident.information_concerned
    return IncidentRegisterText.not_describable.format(language, reason=incident.not_describable_reason)


def _layout(report: IncidentRegisterReport, language: Language) -> ReportLayout:
    t = IncidentRegisterText
    incidents = report.incidents
    known_people = [i.people_concerned for i in incidents if i.people_concerned is not None]
    reference = Column(t.reference.get(language), width=0.8)
    return ReportLayout(
        header=report.header,
        language=language,
        title=t.title.get(language),
        landscape=True,
        figures=(
            (t.count.get(language), len(incidents), Kind.INT),
            (t.serious.get(language), sum(1 for i in incidents if i.serious_injury_risk), Kind.INT),
            (t.due.get(language), sum(1 for i in incidents if i.notification_due), Kind.INT),
            (t.people.get(language), sum(known_people), Kind.INT),
        ),
        definitions=tuple(d.get(language) for d in t.definitions),
        sections=(
            Section(
                t.incidents.get(language),
                (
                    reference,
                    Column(t.occurred_from.get(language), Kind.DATE, 0.9),
                    Column(t.occurred_to.get(language), Kind.DATE, 0.9),
                    Column(t.discovered_on.get(language), Kind.DATE, 1.15),
                    Column(t.people_col.get(language), Kind.INT, 0.85),
                    Column(t.serious_col.get(language), width=0.7),
                    Column(t.commission.get(language), Kind.DATE, 0.9),
                    Column(t.notified.get(language), Kind.DATE, 0.9),
                    Column(t.due_col.get(language), width=0.7),
                    Column(t.versions.get(language), Kind.INT, 0.8),
                    Column(t.keep_until.get(language), Kind.DATE, 0.9),
                ),
                tuple(
                    (
                        i.reference,
                        i.occurred_from,
                        i.occurred_to,
                        i.discovered_on,
                        i.people_concerned,
                        i.serious_injury_risk,
                        i.commission_notified_on,
                        i.people_notified_on,
                        i.notification_due,
                        i.versions_count,
                        i.keep_until,
                    )
                    for i in incidents
                ),
                empty_text=t.none.get(language),
            ),
            Section(
                t.descriptions.get(language),
                (
                    reference,
                    Column(t.information.get(language), width=1.8),
                    Column(IncidentFields.circumstances.get(language), width=2.2),
                    Column(IncidentFields.risk_assessment.get(language), width=2.0),
                    Column(IncidentFields.measures.get(language), width=2.0),
                    Column(t.last_version.get(language), width=1.2),
                ),
                tuple(
                    (
                        i.reference,
                        _information(i, language),
                        i.circumstances,
                        i.risk_assessment,
                        i.measures,
                        f"{i.recorded_by}, {local_minute(i.recorded_at)} (v{i.version})",
                    )
                    for i in incidents
                ),
                empty_text=t.none.get(language),
            ),
        ),
    )
