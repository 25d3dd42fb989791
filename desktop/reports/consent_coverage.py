"""Consent coverage: of the clients seen in the period, how many have consented to each purpose, and
how many acknowledged the privacy-policy version in force."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop.domain.enums import Language, Purpose
from desktop.domain.wording import purpose_label
from desktop.domain.words import Words
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
from desktop.reports.texts import CoverageText, ReportText


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
    version = report.policy_version or "—"
    state_at = local_minute(report.state_at)
    numbers = (
        Column(CoverageText.active_col.get(language), Kind.INT, 1.1),
        Column(CoverageText.with_consent.get(language), Kind.INT, 1.4),
        Column(CoverageText.pct.get(language), Kind.PERCENT, 0.8),
        Column(CoverageText.with_both.get(language), Kind.INT, 1.4),
        Column(CoverageText.pct.get(language), Kind.PERCENT, 0.8),
    )
    sections = [
        Section(
            CoverageText.by_purpose.get(language),
            (Column(Words.purpose.get(language), width=3.2),) + numbers,
            _purpose_rows(report.totals, language, with_clinic=False),
        )
    ]
    if len(report.clinics) > 1:
        sections.append(
            Section(
                CoverageText.by_clinic_purpose.get(language),
                (
                    Column(CoverageText.clinic.get(language), width=2.0),
                    Column(Words.purpose.get(language), width=3.0),
                )
                + numbers,
                _purpose_rows(report.rows, language, with_clinic=True),
            )
        )
    sections.append(
        Section(
            CoverageText.by_clinic.get(language),
            (
                Column(CoverageText.clinic.get(language), width=3.2),
                Column(CoverageText.active_col.get(language), Kind.INT, 1.1),
                Column(CoverageText.signed.format(language, version=version), Kind.INT, 1.4),
                Column(CoverageText.pct.get(language), Kind.PERCENT, 0.8),
            ),
            tuple(
                (c.clinic_name, c.active_clients, c.acknowledged_current, c.acknowledged_share)
                for c in report.clinics
            ),
            total=(
                ReportText.total.get(language),
                report.active_clients,
                report.acknowledged_current,
                share(report.acknowledged_current, report.active_clients),
            ),
        )
    )
    chart = BarChart(
        CoverageText.chart.get(language),
        tuple(purpose_label(r.purpose, language) for r in report.totals),
        (
            Series(CoverageText.consent.get(language), tuple(r.consent_share for r in report.totals)),
            Series(
                CoverageText.consent_ack.get(language),
                tuple(r.consent_and_acknowledgment_share for r in report.totals),
            ),
        ),
        percent=True,
        horizontal=True,
        language=language,
    )
    return ReportLayout(
        header=report.header,
        language=language,
        title=CoverageText.title.get(language),
        figures=(
            (CoverageText.active.get(language), report.active_clients, Kind.INT),
            (
                CoverageText.acknowledged.format(language, version=version),
                report.acknowledged_current,
                Kind.INT,
            ),
            (
                CoverageText.acknowledged_share.format(language, version=version),
                share(report.acknowledged_current, report.active_clients),
                Kind.PERCENT,
            ),
        ),
        definitions=tuple(
            d.format(language, state_at=state_at, version=version) for d in CoverageText.definitions
        ),
        charts=(chart,),
        sections=tuple(sections),
    )
