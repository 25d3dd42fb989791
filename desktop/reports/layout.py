"""The printable shape of a report, shared by the PDF and CSV renderers: key figures, definitions,
charts and tables of raw values, each column saying how its values are written."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from desktop.domain.enums import Language
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
    #: Percentages written 94,7 % (French) rather than 94.7%, as in the tables.
    decimal_comma: bool = False


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
    """A value as printed; in CSV, numbers carry no unit so a spreadsheet reads them as numbers."""
    if value is None:
        return "" if for_csv else "—"
    comma = language == Language.FR
    if kind == Kind.PERCENT and isinstance(value, int | float):
        text = f"{value:.1f}"
        text = text.replace(".", ",") if comma else text
        return text if for_csv else (f"{text} %" if comma else f"{text}%")
    if kind == Kind.DECIMAL and isinstance(value, int | float):
        text = f"{value:.1f}"
        return text.replace(".", ",") if comma else text
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
