"""The register of opt-out requests received in the period: when each was due and processed, how
long it took, which are late."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.domain.enums import PROMOTIONAL_PURPOSES, Channel, Language, OptOutVia, Purpose
from desktop.domain.wording import channel_label, purpose_label, via_label
from desktop.reports.base import ReportHeader
from desktop.reports.layout import BarChart, Column, Kind, ReportLayout, Section, Series


@dataclass(frozen=True)
class OptOutRegisterRow:
    request_id: int
    received_on: date
    via: OptOutVia
    file_number: str | None
    purposes: frozenset[Purpose]
    channels: frozenset[Channel]
    due_on: date
    processed_on: date | None
    #: Calendar days from receipt to processing; None while pending.
    days_taken: int | None
    #: Processed after its due date, or still pending after it.
    overdue: bool

    @property
    def pending(self) -> bool:
        return self.processed_on is None


@dataclass(frozen=True)
class OptOutSummary:
    """Counts for one way of receipt (``via``), or for all of them (``via`` None)."""

    via: OptOutVia | None
    received: int
    processed: int
    pending: int
    overdue: int
    average_days: float | None
    longest_days: int | None


@dataclass(frozen=True)
class MonthCount:
    month: str
    received: int
    processed_on_time: int
    overdue: int


@dataclass(frozen=True)
class OptOutRegisterReport:
    header: ReportHeader
    #: Pending requests are judged overdue against this day (the day the report was produced).
    as_of: date
    rows: tuple[OptOutRegisterRow, ...]
    by_via: tuple[OptOutSummary, ...]
    total: OptOutSummary
    months: tuple[MonthCount, ...]

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def layout(self, language: Language = Language.FR) -> ReportLayout:
        return _layout(self, language)


def summarise(via: OptOutVia | None, rows: list[OptOutRegisterRow]) -> OptOutSummary:
    taken = [r.days_taken for r in rows if r.days_taken is not None]
    return OptOutSummary(
        via=via,
        received=len(rows),
        processed=sum(1 for r in rows if not r.pending),
        pending=sum(1 for r in rows if r.pending),
        overdue=sum(1 for r in rows if r.overdue),
        average_days=sum(taken) / len(taken) if taken else None,
        longest_days=max(taken) if taken else None,
    )


def monthly(months: list[str], rows: list[OptOutRegisterRow]) -> tuple[MonthCount, ...]:
    counts = {m: [0, 0, 0] for m in months}
    for row in rows:
        bucket = counts.setdefault(row.received_on.strftime("%Y-%m"), [0, 0, 0])
        bucket[0] += 1
        if row.overdue:
            bucket[2] += 1
        elif not row.pending:
            bucket[1] += 1
    return tuple(MonthCount(m, *counts[m]) for m in sorted(counts))


TEXT = {
    "fr": {
        "title": "Registre des demandes de retrait du consentement",
        "received": "Demandes reçues dans la période",
        "processed": "Traitées",
        "pending": "En attente",
        "overdue": "En retard (traitées en retard ou en attente après l'échéance)",
        "average": "Délai moyen de traitement (jours)",
        "chart": "Demandes par mois de réception",
        "on_time": "Traitées à temps",
        "late": "En retard",
        "by_via": "Par moyen de réception",
        "register": "Demandes",
        "via": "Reçue par",
        "received_col": "Reçues",
        "processed_col": "Traitées",
        "pending_col": "En attente",
        "overdue_col": "En retard",
        "average_col": "Délai moyen (j)",
        "longest_col": "Délai max. (j)",
        "number": "No",
        "received_on": "Reçue le",
        "file": "Dossier",
        "scope": "Portée",
        "due_on": "Échéance",
        "processed_on": "Traitée le",
        "days": "Délai (j)",
        "late_col": "En retard",
        "unmatched": "non associée",
        "all_purposes": "Toutes les finalités",
        "promotional": "Toutes les finalités promotionnelles",
        "all_channels": "tous les moyens",
        "definitions": (
            "Demandes comptées : celles dont la date de réception tombe dans la période, quel que soit "
            "le moment de leur traitement.",
            "Échéance : le jour même pour une demande reçue par téléphone ou en clinique ; 10 jours "
            "ouvrables (Québec) après la réception pour une demande reçue par courriel ou par la poste.",
            "Délai : jours civils entre la réception et le traitement (date du traitement, heure de la "
            "clinique).",
            "En retard : traitée après l'échéance, ou encore en attente le {as_of} alors que "
            "l'échéance est passée.",
        ),
    },
    "en": {
        "title": "Register of consent withdrawal requests",
        "received": "Requests received in the period",
        "processed": "Processed",
        "pending": "Pending",
        "overdue": "Overdue (processed late, or pending past the due date)",
        "average": "Average processing time (days)",
        "chart": "Requests by month of receipt",
        "on_time": "Processed on time",
        "late": "Overdue",
        "by_via": "By way of receipt",
        "register": "Requests",
        "via": "Received by",
        "received_col": "Received",
        "processed_col": "Processed",
        "pending_col": "Pending",
        "overdue_col": "Overdue",
        "average_col": "Average (days)",
        "longest_col": "Longest (days)",
        "number": "No.",
        "received_on": "Received",
        "file": "File",
        "scope": "Scope",
        "due_on": "Due",
        "processed_on": "Processed",
        "days": "Days",
        "late_col": "Overdue",
        "unmatched": "not matched",
        "all_purposes": "All purposes",
        "promotional": "All promotional purposes",
        "all_channels": "all channels",
        "definitions": (
            "Requests counted: those whose date of receipt falls in the period, whenever they were "
            "processed.",
            "Due date: the same day for a request received by phone or in the clinic; 10 business days "
            "(Quebec) after receipt for a request received by email or by post.",
            "Days: calendar days from receipt to processing (processing date, clinic time).",
            "Overdue: processed after the due date, or still pending on {as_of} with the due date past.",
        ),
    },
}


def scope_text(purposes: frozenset[Purpose], channels: frozenset[Channel], language: Language) -> str:
    t = TEXT[language.value]
    if purposes == frozenset(Purpose):
        what = t["all_purposes"]
    elif purposes == PROMOTIONAL_PURPOSES:
        what = t["promotional"]
    else:
        what = ", ".join(purpose_label(p, language) for p in Purpose if p in purposes)
    how = (
        t["all_channels"]
        if channels == frozenset(Channel)
        else ", ".join(channel_label(c, language).lower() for c in Channel if c in channels)
    )
    return f"{what} — {how}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _layout(report: OptOutRegisterReport, language: Language) -> ReportLayout:
    t = TEXT[language.value]
    total = report.total
    summary_columns = (
        Column(t["via"], width=1.6),
        Column(t["received_col"], Kind.INT),
        Column(t["processed_col"], Kind.INT),
        Column(t["pending_col"], Kind.INT),
        Column(t["overdue_col"], Kind.INT),
        Column(t["average_col"], Kind.DECIMAL),
        Column(t["longest_col"], Kind.INT),
    )

    def summary(s: OptOutSummary, label: str) -> tuple:
        return (label, s.received, s.processed, s.pending, s.overdue, s.average_days, s.longest_days)

    register_columns = (
        Column(t["number"], Kind.INT, 0.5),
        Column(t["received_on"], Kind.DATE, 0.9),
        Column(t["via"], width=0.9),
        Column(t["file"], width=0.8),
        Column(t["scope"], width=3.4),
        Column(t["due_on"], Kind.DATE, 0.9),
        Column(t["processed_on"], Kind.DATE, 0.9),
        Column(t["days"], Kind.INT, 0.5),
        Column(t["late_col"], width=0.6),
    )
    yes, no = ("oui", "non") if language == Language.FR else ("yes", "no")
    return ReportLayout(
        header=report.header,
        language=language,
        title=t["title"],
        landscape=True,
        figures=(
            (t["received"], total.received, Kind.INT),
            (t["processed"], total.processed, Kind.INT),
            (t["pending"], total.pending, Kind.INT),
            (t["overdue"], total.overdue, Kind.INT),
            (t["average"], total.average_days, Kind.DECIMAL),
        ),
        definitions=tuple(d.format(as_of=report.as_of.isoformat()) for d in t["definitions"]),
        charts=(
            BarChart(
                t["chart"],
                tuple(m.month for m in report.months),
                (
                    Series(t["received_col"], tuple(float(m.received) for m in report.months)),
                    Series(t["on_time"], tuple(float(m.processed_on_time) for m in report.months)),
                    Series(t["late"], tuple(float(m.overdue) for m in report.months)),
                ),
            ),
        ),
        sections=(
            Section(
                t["by_via"],
                summary_columns,
                tuple(
                    summary(s, _capital(via_label(s.via, language)))
                    for s in report.by_via
                    if s.via is not None
                ),
                total=summary(total, "Total"),
            ),
            Section(
                t["register"],
                register_columns,
                tuple(
                    (
                        r.request_id,
                        r.received_on,
                        _capital(via_label(r.via, language)),
                        r.file_number or t["unmatched"],
                        scope_text(r.purposes, r.channels, language),
                        r.due_on,
                        r.processed_on,
                        r.days_taken,
                        yes if r.overdue else no,
                    )
                    for r in report.rows
                ),
            ),
        ),
    )
