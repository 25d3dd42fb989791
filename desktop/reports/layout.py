"""The printable shape of a report, shared by the PDF and CSV renderers: key figures, definitions,
charts and tables of raw values, each column saying how its values are written."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from desktop.domain.enums import Language
from desktop.domain.formats import format_number, format_percent
from desktop.reports.base import ReportHeader
from desktop.reports.texts import ReportText

Cell = str | int | float | date | datetime | None


class Kind(StrEnum):
    TEXT = "text"
    INT = "int"
    PERCENT = "percent"
    DECIMAL = "decimal"
    DATE = "date"
    DATETIME = "datetime"


@dataclass(frozen=True)
class Column:
    label: str
    kind: Kind = Kind.TEXT
    #: Share of the table's width, relative to the other columns.
    width: float = 1.0

    @property
    def numeric(self) -> bool:
        return self.kind in (Kind.INT, Kind.PERCENT, Kind.DECIMAL)


@dataclass(frozen=True)
class Section:
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    total: tuple[Cell, ...] | None = None
    empty_text: str = ""


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]


@dataclass(frozen=True)
class BarChart:
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    percent: bool = False
    horizontal: bool = False
    #: The language its values are written in (94,7 % in French, 94.7% in English), as in the tables.
    language: Language = Language.FR


@dataclass(frozen=True)
class ReportLayout:
    header: ReportHeader
    language: Language
    title: str
    figures: tuple[tuple[str, Cell, Kind], ...] = ()
    definitions: tuple[str, ...] = ()
    charts: tuple[BarChart, ...] = ()
    sections: tuple[Section, ...] = field(default_factory=tuple)
    landscape: bool = False


def share(part: int, whole: int) -> float | None:
    return None if whole == 0 else 100.0 * part / whole


def local_minute(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def format_cell(value: Cell, kind: Kind, language: Language, *, for_csv: bool = False) -> str:
    """A value as printed (:mod:`desktop.domain.formats`: ``1 234``, ``94,7 %`` in French); in CSV, numbers
    carry no unit and no thousands separator so a spreadsheet reads them as numbers."""
    if value is None:
        return "" if for_csv else "—"
    if isinstance(value, int | float) and not isinstance(value, bool):
        if kind == Kind.PERCENT:
            return (
                format_number(value, language, 1, grouping=False)
                if for_csv
                else format_percent(value, language)
            )
        if kind == Kind.DECIMAL:
            return format_number(value, language, 1, grouping=not for_csv)
        if kind == Kind.INT and not for_csv:
            return format_number(value, language)
    if isinstance(value, datetime):
        return local_minute(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return (ReportText.yes if value else ReportText.no).get(language)
    return str(value)


def header_lines(layout: ReportLayout) -> tuple[str, str]:
    header = layout.header
    period = ReportText.period.format(layout.language, start=header.period.start, end=header.period.end)
    generated = ReportText.generated.format(
        layout.language, at=local_minute(header.generated_at), by=header.generated_by
    )
    return period, generated
