"""Consent coverage: of the clients seen in the period, how many have consented to each purpose, and
how many acknowledged the privacy-policy version in force."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop.domain.enums import Language, Purpose
from desktop.domain.wording import purpose_label
from desktop.reports.base import ReportHeader
from desktop.reports.layout import (
    BarChart,
    Column,
    Kind,
    ReportLayout,
    Section,
    Series,
    local_minute,
    share,
)


@dataclass(frozen=True)
class CoverageRow:
    clinic_id: int
    clinic_name: str
    purpose: Purpose
    active_clients: int
    with_consent: int
    with_consent_and_acknowledgment: int

    @property
    def consent_share(self) -> float | None:
        return share(self.with_consent, self.active_clients)

    @property
    def consent_and_acknowledgment_share(self) -> float | None:
        return share(self.with_consent_and_acknowledgment, self.active_clients)


@dataclass(frozen=True)
class ClinicAcknowledgment:
    clinic_id: int
    clinic_name: str
    active_clients: int
    acknowledged_current: int

    @property
    def acknowledged_share(self) -> float | None:
        return share(self.acknowledged_current, self.active_clients)


@dataclass(frozen=True)
class ConsentCoverageReport:
    header: ReportHeader
    policy_version: str
    #: Consent and acknowledgments are counted as they stood at this instant: the end of the period,
    #: or the moment the report was produced if the period is not over.
    state_at: datetime
    #: One row per clinic and purpose.
    rows: tuple[CoverageRow, ...]
    #: One row per purpose, all clinics together.
    totals: tuple[CoverageRow, ...]
    clinics: tuple[ClinicAcknowledgment, ...]
    active_clients: int
    acknowledged_current: int

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def layout(self, language: Language = Language.FR) -> ReportLayout:
        return _layout(self, language)


TEXT = {
    "fr": {
        "title": "Couverture du consentement",
        "active": "Clients actifs (rendez-vous dans la période)",
        "acknowledged": "Accusé de réception de la version {version}",
        "acknowledged_share": "Part des clients actifs ayant signé la version {version}",
        "chart": "Part des clients actifs, par finalité",
        "consent": "Consentement (au moins un moyen)",
        "consent_ack": "Consentement et accusé de la version en vigueur",
        "by_purpose": "Par finalité, toutes cliniques",
        "by_clinic_purpose": "Par clinique et finalité",
        "by_clinic": "Accusé de réception de la version en vigueur, par clinique",
        "clinic": "Clinique",
        "purpose": "Finalité",
        "active_col": "Clients actifs",
        "with_consent": "Avec consentement",
        "with_both": "Consentement et accusé",
        "pct": "%",
        "signed": "Accusé version {version}",
        "definitions": (
            "Clients actifs : clients ayant au moins un rendez-vous prévu dans la période "
            "(date du rendez-vous, heure de la clinique), comptés dans la clinique de leur dossier.",
            "Avec consentement : pour la finalité, au moins un moyen de communication (courriel, texto, "
            "téléphone, poste) dont le dernier événement du registre, tel qu'il était le {state_at}, est "
            "un consentement accordé.",
            "Version en vigueur : {version}, la version la plus récente de la politique en vigueur le "
            "dernier jour de la période dans la langue du client (à défaut, dans l'autre langue).",
            "Accusé : accusé de réception signé (les refus de signer ne comptent pas) de la version en "
            "vigueur, enregistré au plus tard le {state_at}.",
            "Pourcentages : sur le nombre de clients actifs de la même ligne.",
        ),
    },
    "en": {
        "title": "Consent coverage",
        "active": "Active clients (appointment in the period)",
        "acknowledged": "Acknowledged version {version}",
        "acknowledged_share": "Share of active clients who signed version {version}",
        "chart": "Share of active clients, by purpose",
        "consent": "Consent (at least one channel)",
        "consent_ack": "Consent and acknowledgment of the version in force",
        "by_purpose": "By purpose, all clinics",
        "by_clinic_purpose": "By clinic and purpose",
        "by_clinic": "Acknowledgment of the version in force, by clinic",
        "clinic": "Clinic",
        "purpose": "Purpose",
        "active_col": "Active clients",
        "with_consent": "With consent",
        "with_both": "Consent and acknowledged",
        "pct": "%",
        "signed": "Acknowledged {version}",
        "definitions": (
            "Active clients: clients with at least one appointment scheduled in the period (appointment "
            "date, clinic time), counted in the clinic of their file.",
            "With consent: for the purpose, at least one channel (email, SMS, phone, post) whose latest "
            "ledger event, as the ledger stood on {state_at}, grants consent.",
            "Version in force: {version}, the newest policy version in force on the last day of the period "
            "in the client's language (failing that, in the other language).",
            "Acknowledgment: a signed acknowledgment (refusals to sign do not count) of the version in "
            "force, recorded by {state_at}.",
            "Percentages: of the active clients on the same line.",
        ),
    },
}


def _purpose_rows(rows: tuple[CoverageRow, ...], language: Language, with_clinic: bool) -> tuple[tuple, ...]:
    return tuple(
        ((r.clinic_name,) if with_clinic else ())
        + (
            purpose_label(r.purpose, language),
            r.active_clients,
            r.with_consent,
            r.consent_share,
            r.with_consent_and_acknowledgment,
            r.consent_and_acknowledgment_share,
        )
        for r in rows
    )


def _layout(report: ConsentCoverageReport, language: Language) -> ReportLayout:
    t = TEXT[language.value]
    version = report.policy_version or "—"
    state_at = local_minute(report.state_at)
    numbers = (
        Column(t["active_col"], Kind.INT, 1.1),
        Column(t["with_consent"], Kind.INT, 1.4),
        Column(t["pct"], Kind.PERCENT, 0.8),
        Column(t["with_both"], Kind.INT, 1.4),
        Column(t["pct"], Kind.PERCENT, 0.8),
    )
    sections = [
        Section(
            t["by_purpose"],
            (Column(t["purpose"], width=3.2),) + numbers,
            _purpose_rows(report.totals, language, with_clinic=False),
        )
    ]
    if len(report.clinics) > 1:
        sections.append(
            Section(
                t["by_clinic_purpose"],
                (Column(t["clinic"], width=2.0), Column(t["purpose"], width=3.0)) + numbers,
                _purpose_rows(report.rows, language, with_clinic=True),
            )
        )
    sections.append(
        Section(
            t["by_clinic"],
            (
                Column(t["clinic"], width=3.2),
                Column(t["active_col"], Kind.INT, 1.1),
                Column(t["signed"].format(version=version), Kind.INT, 1.4),
                Column(t["pct"], Kind.PERCENT, 0.8),
            ),
            tuple(
                (c.clinic_name, c.active_clients, c.acknowledged_current, c.acknowledged_share)
                for c in report.clinics
            ),
            total=(
                "Total",
                report.active_clients,
                report.acknowledged_current,
                share(report.acknowledged_current, report.active_clients),
            ),
        )
    )
    chart = BarChart(
        t["chart"],
        tuple(purpose_label(r.purpose, language) for r in report.totals),
        (
            Series(t["consent"], tuple(r.consent_share for r in report.totals)),
            Series(t["consent_ack"], tuple(r.consent_and_acknowledgment_share for r in report.totals)),
        ),
        percent=True,
        horizontal=True,
        decimal_comma=language == Language.FR,
    )
    return ReportLayout(
        header=report.header,
        language=language,
        title=t["title"],
        figures=(
            (t["active"], report.active_clients, Kind.INT),
            (t["acknowledged"].format(version=version), report.acknowledged_current, Kind.INT),
            (
                t["acknowledged_share"].format(version=version),
                share(report.acknowledged_current, report.active_clients),
                Kind.PERCENT,
            ),
        ),
        definitions=tuple(d.format(state_at=state_at, version=version) for d in t["definitions"]),
        charts=(chart,),
        sections=tuple(sections),
    )
