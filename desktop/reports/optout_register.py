"""The register of opt-out requests received in the period: when each was due and processed, how
long it took, which are late."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date

from desktop.domain.enums import PROMOTIONAL_PURPOSES, Channel, Language, OptOutVia, Purpose
from desktop.domain.wording import channel_label, purpose_label, via_label
from desktop.domain.words import Words
from desktop.reports.base import ReportHeader
from desktop.reports.layout import BarChart, Column, Kind, ReportLayout, Section, Series
from desktop.reports.texts import OptOutRegisterText, ReportText


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


@functools.cache  # a few scopes, written once per row of a register of tens of thousands
def scope_text(purposes: frozenset[Purpose], channels: frozenset[Channel], language: Language) -> str:
    if purposes == frozenset(Purpose):
        what = OptOutRegisterText.all_purposes.get(language)
    elif purposes == PROMOTIONAL_PURPOSES:
        what = OptOutRegisterText.promotional.get(language)
    else:
        what = ", ".join(purpose_label(p, language) for p in Purpose if p in purposes)
    how = (
        OptOutRegisterText.all_channels.get(language)
        if channels == frozenset(Channel)
        else ", ".join(channel_label(c, language).lower() for c in Channel if c in channels)
    )
    return f"{what} — {how}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _layout(report: OptOutRegisterReport, language: Language) -> ReportLayout:
    total = report.total
    summary_columns = (
        Column(OptOutRegisterText.via.get(language), width=1.6),
        Column(OptOutRegisterText.received_col.get(language), Kind.INT),
        Column(OptOutRegisterText.processed.get(language), Kind.INT),
        Column(OptOutRegisterText.pending.get(language), Kind.INT),
        Column(OptOutRegisterText.late.get(language), Kind.INT),
        Column(OptOutRegisterText.average_col.get(language), Kind.DECIMAL),
        Column(OptOutRegisterText.longest_col.get(language), Kind.INT),
    )

    def summary(s: OptOutSummary, label: str) -> tuple:
        return (label, s.received, s.processed, s.pending, s.overdue, s.average_days, s.longest_days)

    register_columns = (
        Column(OptOutRegisterText.number.get(language), Kind.INT, 0.5),
        Column(OptOutRegisterText.received_on.get(language), Kind.DATE, 0.9),
        Column(OptOutRegisterText.via.get(language), width=0.9),
        Column(Words.file.get(language), width=0.8),
        Column(OptOutRegisterText.scope.get(language), width=3.1),
        Column(OptOutRegisterText.due_on.get(language), Kind.DATE, 0.9),
        Column(OptOutRegisterText.processed_on.get(language), Kind.DATE, 0.9),
        Column(OptOutRegisterText.days.get(language), Kind.INT, 0.5),
        # Wide enough for "Overdue" and "En retard" whole: a narrower one broke the word.
        Column(OptOutRegisterText.late.get(language), width=0.9),
    )
    yes, no = ReportText.yes.get(language), ReportText.no.get(language)
    return ReportLayout(
        header=report.header,
        language=language,
        title=OptOutRegisterText.title.get(language),
        landscape=True,
        figures=(
            (OptOutRegisterText.received.get(language), total.received, Kind.INT),
            (OptOutRegisterText.processed.get(language), total.processed, Kind.INT),
            (OptOutRegisterText.pending.get(language), total.pending, Kind.INT),
            (OptOutRegisterText.overdue.get(language), total.overdue, Kind.INT),
            (OptOutRegisterText.average.get(language), total.average_days, Kind.DECIMAL),
        ),
        definitions=tuple(
            d.format(language, as_of=report.as_of.isoformat()) for d in OptOutRegisterText.definitions
        ),
        charts=(
            BarChart(
                OptOutRegisterText.chart.get(language),
                tuple(m.month for m in report.months),
                (
                    Series(
                        OptOutRegisterText.received_col.get(language),
                        tuple(float(m.received) for m in report.months),
                    ),
                    Series(
                        OptOutRegisterText.on_time.get(language),
                        tuple(float(m.processed_on_time) for m in report.months),
                    ),
                    Series(
                        OptOutRegisterText.late.get(language), tuple(float(m.overdue) for m in report.months)
                    ),
                ),
                language=language,
            ),
        ),
        sections=(
            Section(
                OptOutRegisterText.by_via.get(language),
                summary_columns,
                tuple(
                    summary(s, _capital(via_label(s.via, language)))
                    for s in report.by_via
                    if s.via is not None
                ),
                total=summary(total, ReportText.total.get(language)),
            ),
            Section(
                OptOutRegisterText.register.get(language),
                register_columns,
                tuple(
                    (
                        r.request_id,
                        r.received_on,
                        _capital(via_label(r.via, language)),
                        r.file_number or OptOutRegisterText.unmatched.get(language),
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
