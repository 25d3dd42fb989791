"""Qt item models over the services' plain records.

A model never calls a service itself on the GUI thread: pages are asked for through the
:class:`ui.kit.worker.TaskRunner` and appended when they arrive, so scrolling a long list never freezes the
window. Each column is described once (title, text, tooltip), which keeps the views small.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.domain.age import age_on
from desktop.domain.enums import Channel, ConsentAction, Language, Purpose
from desktop.domain.records import ClientSummary, ConsentCell, ConsentGrid
from desktop.domain.wording import WordingNames, channel_label, consent_sentence, purpose_label
from ui.kit.clinic_context import ClinicContext, ClinicFacts
from ui.kit.i18n import (
    consent_method_label,
    current_language,
    format_date,
    format_datetime,
    format_phone,
    language_label,
    signer_capacity_label,
)
from ui.kit.worker import TaskHandle, TaskRunner

__all__ = [
    "RECORD_ROLE",
    "Column",
    "ConsentGridModel",
    "PagedTableModel",
    "RecordTableModel",
    "client_search_columns",
]

T = TypeVar("T")
AnyIndex = QModelIndex | QPersistentModelIndex
# The record behind a row, for views that need more than the text.
RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
_ROLE = Qt.ItemDataRole
_ANSWERED_ROLES = frozenset(
    [int(_ROLE.DisplayRole), int(_ROLE.AccessibleTextRole), int(_ROLE.ToolTipRole), int(_ROLE.FontRole)]
    + [int(_ROLE.ForegroundRole), int(_ROLE.BackgroundRole), RECORD_ROLE]
)

# Tones shared by table cells and header badges; always paired with words and a symbol.
TONE_COLOURS = {
    "ok": ("#0b5d1e", "#dff3e4"),
    "warning": ("#6b4a00", "#fff3cd"),
    "danger": ("#8a1020", "#fbe0e3"),
    "neutral": ("#3c4450", "#f1f3f5"),
}


@dataclass(frozen=True)
class Column(Generic[T]):
    title: str
    text: Callable[[T], str]
    tooltip: Callable[[T], str] | None = None
    tone: Callable[[T], str | None] | None = None
    bold: Callable[[T], bool] | None = None


class RecordTableModel(QAbstractTableModel, Generic[T]):
    """A read-only table of records, one per row."""

    def __init__(self, columns: Sequence[Column[T]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._records: list[T] = []

    def records(self) -> list[T]:
        return list(self._records)

    def record(self, row: int) -> T | None:
        return self._records[row] if 0 <= row < len(self._records) else None

    def set_records(self, records: Sequence[T]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def append_records(self, records: Sequence[T]) -> None:
        if not records:
            return
        first = len(self._records)
        self.beginInsertRows(QModelIndex(), first, first + len(records) - 1)
        self._records.extend(records)
        self.endInsertRows()

    def clear(self) -> None:
        self.set_records([])

    def retranslate(self, columns: Sequence[Column[T]] | None = None) -> None:
        """The staff language changed: take ``columns`` anew (same number, titles in the new language),
        then have every view ask again for the headers and every cell (texts are made at call time)."""
        if columns is not None:
            columns = list(columns)
            if len(columns) != len(self._columns):
                raise ValueError("retranslate keeps the number of columns")
            self._columns = columns
        self.language_changed()

    def language_changed(self) -> None:
        """Views re-read the headers and every cell."""
        last = self.columnCount() - 1
        if last >= 0:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, last)
        if self.rowCount() > 0 and last >= 0:
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, last))

    # ------------------------------------------------------------ Qt model interface

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].title
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Painting asks for a dozen roles per cell: those never answered return at once.
        if role not in _ANSWERED_ROLES or not index.isValid():
            return None
        record = self._records[index.row()]
        column = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return column.text(record)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(record) or None
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole) and column.tone:
            tone = column.tone(record)
            if tone in TONE_COLOURS:
                colour = TONE_COLOURS[tone][0 if role == Qt.ItemDataRole.ForegroundRole else 1]
                return QBrush(QColor(colour))
        if role == Qt.ItemDataRole.FontRole and column.bold is not None and column.bold(record):
            font = QFont()
            font.setBold(True)
            return font
        if role == RECORD_ROLE:
            return record
        return None


Fetch = Callable[[int, int], list[Any]]


class PagedTableModel(RecordTableModel[T]):
    """Rows come a page at a time from a service call run by the task runner.

    ``reload(fetch)`` starts over with a new ``fetch(offset, limit)``; the view's scrolling asks for the
    next page through ``canFetchMore``/``fetchMore``. Pages of an earlier ``reload`` that arrive late are
    dropped (by the runner's key and by a generation number), so results never mix two searches.
    """

    page_loaded = Signal()
    """A page arrived (the first one included, even when empty)."""
    load_failed = Signal(object)
    """The exception of a failed page."""

    def __init__(
        self,
        columns: Sequence[Column[T]],
        runner: TaskRunner,
        *,
        key: object,
        page_size: int = 50,
        busy_message: str = "",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(columns, parent)
        self._runner = runner
        self._key = key
        self._page_size = page_size
        self._busy_message = busy_message
        self._fetch: Fetch | None = None
        self._pending: TaskHandle | None = None
        self._generation = 0
        self._loading = False
        self._more = False
        self._loaded_once = False

    @property
    def page_size(self) -> int:
        return self._page_size

    def retranslate(
        self, columns: Sequence[Column[T]] | None = None, *, busy_message: str | None = None
    ) -> None:
        """As :meth:`RecordTableModel.retranslate`; ``busy_message`` replaces the one shown while a page loads."""
        if busy_message is not None:
            self._busy_message = busy_message
        super().retranslate(columns)

    @property
    def is_loading(self) -> bool:
        return self._loading

    @property
    def has_more(self) -> bool:
        return self._more

    @property
    def loaded_once(self) -> bool:
        """True once the first page of the current query has arrived."""
        return self._loaded_once

    def reload(self, fetch: Fetch | None, *, keep_rows: bool = False) -> None:
        """Forget the rows and load the first page of ``fetch`` (None: stay empty).

        ``keep_rows``: the rows shown stay until the first page replaces them, so reloading the same
        query (a refresh) does not blank the list in between."""
        self._generation += 1
        if self._pending is not None:
            self._pending.cancel()  # a page still on its way belongs to the previous query
            self._pending = None
        self._fetch = fetch
        self._more = False
        self._loading = False
        self._loaded_once = fetch is None
        if fetch is None or not keep_rows:
            self.clear()
        if fetch is None:
            self.page_loaded.emit()
            return
        self._load_page(replace=keep_rows)

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent: AnyIndex) -> None:
        if self.canFetchMore(parent):
            self._load_page(replace=False)

    def _load_page(self, *, replace: bool) -> None:
        fetch, generation = self._fetch, self._generation
        if fetch is None:
            return
        offset, limit = (0 if replace else len(self._records)), self._page_size
        self._loading = True
        self._pending = self._runner.submit(
            lambda: fetch(offset, limit),
            on_success=lambda rows: self._page_arrived(generation, rows, replace),
            on_failure=lambda error: self._page_failed(generation, error),
            key=self._key,
            busy_message=self._busy_message or None,
        )

    def _page_arrived(self, generation: int, rows: list[T], replace: bool) -> None:
        if generation != self._generation:
            return
        self._pending = None
        self._loading = False
        self._loaded_once = True
        self._more = len(rows) >= self._page_size
        if replace:
            self.set_records(rows)
        else:
            self.append_records(rows)
        self.page_loaded.emit()

    def _page_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._pending = None
        self._loading = False
        self._loaded_once = True
        self._more = False
        self.load_failed.emit(error)


# ---------------------------------------------------------------- search results


def client_search_columns(today: Callable[[], date]) -> list[Column[ClientSummary]]:
    def born(client: ClientSummary) -> str:
        return QCoreApplication.translate("Columns", "{date} ({age} y)").format(
            date=format_date(client.date_of_birth), age=age_on(client.date_of_birth, today())
        )

    return [
        Column(
            QCoreApplication.translate("Columns", "Name"),
            lambda c: f"{c.last_name}, {c.first_name}",
            tooltip=lambda c: f"{c.last_name}, {c.first_name}",
            bold=lambda _c: True,
        ),
        Column(QCoreApplication.translate("Columns", "Date of birth (age)"), born),
        Column(QCoreApplication.translate("Columns", "Phone"), lambda c: format_phone(c.phone)),
        Column(QCoreApplication.translate("Columns", "File"), lambda c: c.file_number),
        Column(
            QCoreApplication.translate("Columns", "Lang."),
            lambda c: c.preferred_language.value.upper(),
            tooltip=lambda c: language_label(c.preferred_language),
        ),
        # Masked: a list never shows the whole health insurance number. Last, so that the columns before it
        # stay in sight in the search panel.
        Column(QCoreApplication.translate("Columns", "NAM"), lambda c: c.masked_health_number),
    ]


# ---------------------------------------------------------------- consent grid


def consent_cell_state(cell: ConsentCell) -> tuple[str, str]:
    """(words with a symbol, tone) for one cell: never colour alone."""
    if cell.granted:
        return QCoreApplication.translate("Consent", "✔ Granted"), "ok"
    if cell.last_event is not None and cell.last_event.action == ConsentAction.WITHDRAWN:
        return QCoreApplication.translate("Consent", "✖ Withdrawn"), "danger"
    if cell.last_event is not None and cell.last_event.action == ConsentAction.DECLINED:
        return QCoreApplication.translate("Consent", "✘ Refused"), "danger"
    # Never asked, or no answer: not a refusal.
    return QCoreApplication.translate("Consent", "— Not given"), "neutral"


def consent_cell_detail(cell: ConsentCell) -> str:
    """When and how the cell was last set (empty if never); who did it is in the full description."""
    event = cell.last_event
    if event is None:
        return ""
    return QCoreApplication.translate("Consent", "{when}, {method}").format(
        when=format_date(event.recorded_at.astimezone().date()), method=consent_method_label(event.method)
    )


def consent_cell_description(
    cell: ConsentCell, state: str, client_language: Language, names: WordingNames | None
) -> str:
    """Everything about one cell, for the tooltip and the line under the grid (the sentence to read once
    the clinic's names are loaded)."""
    event = cell.last_event
    if event is None:
        if names is None:
            return QCoreApplication.translate("Consent", "{state}: never recorded.").format(state=state)
        sentence = consent_sentence(cell.purpose, cell.channel, client_language, names)
        return QCoreApplication.translate(
            "Consent", "{state}: never recorded. Sentence to read to the client: «{sentence}»"
        ).format(state=state, sentence=sentence)
    text = QCoreApplication.translate(
        "Consent", "{state} on {when}, {method}, by {who} (policy {version}, {language}): «{wording}»"
    ).format(
        state=state,
        when=format_datetime(event.recorded_at),
        method=consent_method_label(event.method),
        who=event.recorded_by,
        version=event.policy_version,
        language=language_label(event.policy_language),
        wording=event.wording,
    )
    if event.representative_name and event.representative_capacity:
        text += " " + QCoreApplication.translate("Consent", "Answered by {name} ({capacity}).").format(
            name=event.representative_name, capacity=signer_capacity_label(event.representative_capacity)
        )
    return text


class ConsentGridModel(QAbstractTableModel):
    """One row per purpose (its name in the first column), one column per channel; each cell says in
    words and with a symbol whether consent is given, and when and how it was last set.

    The rows are the purposes the clinic offers (its parent's promotions only where it has a parent),
    and any other purpose the client's record holds answers for."""

    def __init__(self, clinic: ClinicContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._grid: ConsentGrid | None = None
        self._names: WordingNames | None = None
        self._purposes = list(Purpose)
        self._channels = list(Channel)
        self._client_language = Language.FR
        clinic.follow(self._clinic_loaded)

    def set_grid(self, grid: ConsentGrid | None, client_language: Language = Language.FR) -> None:
        self.beginResetModel()
        self._grid = grid
        self._client_language = client_language
        self._purposes = self._shown_purposes()
        self.endResetModel()

    def _clinic_loaded(self, facts: ClinicFacts) -> None:
        self._names = facts.names
        self.set_grid(self._grid, self._client_language)

    def _shown_purposes(self) -> list[Purpose]:
        if self._names is None:
            return list(Purpose)
        offered = self._names.offered_purposes()
        grid = self._grid

        def answered(purpose: Purpose) -> bool:
            return grid is not None and any(
                (cell := grid.cells.get((purpose, c))) is not None and cell.last_event is not None
                for c in Channel
            )

        return [p for p in Purpose if p in offered or answered(p)]

    def retranslate(self) -> None:
        """The staff language changed: views re-read the headers and every cell (made at call time)."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self.rowCount() > 0:
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def cell(self, purpose: Purpose, channel: Channel) -> ConsentCell | None:
        return self._grid.cells.get((purpose, channel)) if self._grid is not None else None

    def cell_at(self, index: AnyIndex) -> ConsentCell | None:
        if not index.isValid() or index.column() == 0:
            return None
        return self.cell(self._purposes[index.row()], self._channels[index.column() - 1])

    def describe(self, index: AnyIndex) -> str:
        cell = self.cell_at(index)
        if cell is None:
            return ""
        return consent_cell_description(cell, consent_cell_state(cell)[0], self._client_language, self._names)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._grid is None else len(self._purposes)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(self._channels)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return QCoreApplication.translate("Consent", "Purpose")
        return channel_label(self._channels[section - 1], current_language())

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._grid is None:
            return None
        purpose = self._purposes[index.row()]
        if index.column() == 0:
            return self._purpose_data(purpose, role)
        channel = self._channels[index.column() - 1]
        cell = self._grid.cells.get((purpose, channel))
        if cell is None:
            return None
        state, tone = consent_cell_state(cell)
        detail = consent_cell_detail(cell)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{state}\n{detail}" if detail else state
        if role == Qt.ItemDataRole.AccessibleTextRole:
            language = current_language()
            return ", ".join(
                (purpose_label(purpose, language), channel_label(channel, language), state, detail)
            ).rstrip(", ")
        if role == Qt.ItemDataRole.ToolTipRole:
            return consent_cell_description(cell, state, self._client_language, self._names)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(TONE_COLOURS[tone][0]))
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(TONE_COLOURS[tone][1]))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == RECORD_ROLE:
            return cell
        return None

    def _purpose_data(self, purpose: Purpose, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return purpose_label(purpose, current_language())
        if role == Qt.ItemDataRole.ToolTipRole:
            language = self._client_language
            return QCoreApplication.translate(
                "Consent", "In the client's language ({language}): {label}"
            ).format(language=language_label(language), label=purpose_label(purpose, language))
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None
