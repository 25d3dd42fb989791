"""The pending opt-out requests as a table, the most urgent first, fetched a page at a time.

A request is overdue once its due date has passed; overdue rows say "OVERDUE" and are tinted red, so
the flag is never carried by colour alone. Business days left come from the clinic's calendar (the
Easter holiday it observes), loaded with the clinic.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QWidget

from desktop.domain.business_days import OptOutCalendar
from desktop.domain.enums import Purpose
from desktop.domain.records import Actor, ClientSummary, OptOutRecord
from desktop.domain.wording import via_label
from desktop.services import Services
from ui.kit.clinic_context import ClinicFacts, clinic_context
from ui.kit.i18n import current_language, format_phone
from ui.kit.worker import TaskHandle, TaskRunner
from ui.optouts.scope import EVERYTHING, channel_names, purpose_names, scope_summary

__all__ = ["DUE_SOON", "PAGE_SIZE", "PendingOptOutModel", "QueueRow", "load_page"]

PAGE_SIZE = 50
# A request due within this many business days is marked "due soon".
DUE_SOON = 2
_OVERDUE_BACKGROUND = QColor("#f8d7da")
_OVERDUE_TEXT = QColor("#7a1020")
_DUE_SOON_BACKGROUND = QColor("#fff3cd")


@dataclass(frozen=True)
class QueueRow:
    record: OptOutRecord
    # The matched client file, or None when the request is not matched yet.
    client: ClientSummary | None


def load_page(services: Services, actor: Actor, offset: int, limit: int) -> list[QueueRow]:
    """Runs on a worker thread: a page of pending requests with the name of each matched client."""
    records = services.optouts.pending(actor, offset=offset, limit=limit)
    matched = [r.client_id for r in records if r.client_id is not None]
    clients = services.clients.summaries(actor, matched) if matched else {}
    return [QueueRow(r, clients.get(r.client_id) if r.client_id is not None else None) for r in records]


class PendingOptOutModel(QAbstractTableModel):
    """Pending requests, fetched lazily a page at a time through the task runner."""

    VIA, RECEIVED, DUE, DAYS_LEFT, REQUESTER, CLIENT, SCOPE = range(7)

    page_loaded = Signal()
    load_failed = Signal(object)
    """The exception of a failed page."""

    def __init__(
        self, services: Services, actor: Actor, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._runner = runner
        self._key = ("opt-out-queue-page", id(self))
        self._rows: list[QueueRow] = []
        self._exhausted = False
        self._fetching: TaskHandle | None = None
        self._today = services.clock.today()
        self._headers = self._titles()
        self._calendar: OptOutCalendar | None = None
        self._offered: frozenset[Purpose] = EVERYTHING
        clinic_context(services, actor, runner).follow(self._clinic_loaded)

    def _clinic_loaded(self, facts: ClinicFacts) -> None:
        self._calendar = facts.calendar
        self._offered = frozenset(facts.names.offered_purposes())
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self._headers) - 1))

    @property
    def offered(self) -> frozenset[Purpose]:
        """The purposes the clinic offers (for describing what a request covers)."""
        return self._offered

    def days_left(self, row: int) -> int | None:
        """Business days left before the request's due date; None until the clinic's calendar is loaded."""
        if self._calendar is None:
            return None
        return self._calendar.days_left(self._today, self._rows[row].record.due_on)

    def _titles(self) -> list[str]:
        return [
            self.tr("Received via"),
            self.tr("Received on"),
            self.tr("Due date"),
            self.tr("Business days left"),
            self.tr("Requester (as given)"),
            self.tr("Matched client"),
            self.tr("What to stop"),
        ]

    def retranslate(self) -> None:
        """The staff language changed: new column titles, and every cell told again."""
        self._headers = self._titles()
        last = len(self._headers) - 1
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, last)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, last))

    # ------------------------------------------------------------------ loading

    @property
    def today(self) -> date:
        return self._today

    @property
    def is_loading(self) -> bool:
        return self._fetching is not None

    def refresh(self) -> None:
        """Start again from the first page (what is shown is dropped: it may have changed)."""
        self.cancel_loading()
        self.beginResetModel()
        self._rows = []
        self._exhausted = False
        self._today = self._services.clock.today()
        self.endResetModel()
        self._fetch()

    def cancel_loading(self) -> None:
        if self._fetching is not None:
            self._fetching.cancel()
            self._fetching = None

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and self._fetching is None

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._fetch()

    def _fetch(self) -> None:
        services, actor, offset = self._services, self._actor, len(self._rows)
        self._fetching = self._runner.submit(
            lambda: load_page(services, actor, offset, PAGE_SIZE),
            on_success=lambda rows: self._page_arrived(offset, rows),
            on_failure=self._page_failed,
            key=self._key,
            busy_message=self.tr("Loading opt-out requests…"),
        )

    def _page_arrived(self, offset: int, rows: list[QueueRow]) -> None:
        self._fetching = None
        if offset != len(self._rows):
            return  # a page for a list that has since been reset
        if rows:
            self.beginInsertRows(QModelIndex(), offset, offset + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self._exhausted = len(rows) < PAGE_SIZE
        self.page_loaded.emit()

    def _page_failed(self, error: BaseException) -> None:
        self._fetching = None
        self.load_failed.emit(error)

    # ------------------------------------------------------------------- access

    def row_of(self, index: int) -> QueueRow:
        return self._rows[index]

    def row_for_request(self, request_id: int) -> int | None:
        return next((i for i, row in enumerate(self._rows) if row.record.id == request_id), None)

    def is_overdue(self, row: int) -> bool:
        return self._rows[row].record.overdue_on(self._today)

    # -------------------------------------------------------------------- model

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            if section == self.DAYS_LEFT:
                return self.tr("Quebec business days: weekends and Quebec statutory holidays do not count.")
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        record = row.record
        overdue = record.overdue_on(self._today)
        days_left = self.days_left(index.row())
        # Unknown until the calendar arrives: nothing is marked due soon meanwhile.
        left = DUE_SOON + 1 if days_left is None else days_left
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(index.column(), row, days_left)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(index.column(), row)
        if role == Qt.ItemDataRole.BackgroundRole:
            if overdue:
                return QBrush(_OVERDUE_BACKGROUND)
            if left <= DUE_SOON:
                return QBrush(_DUE_SOON_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and overdue:
            return QBrush(_OVERDUE_TEXT)
        if role == Qt.ItemDataRole.FontRole and (overdue or index.column() == self.DAYS_LEFT):
            font = QFont()
            font.setBold(overdue or left <= DUE_SOON)
            return font
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(index.column(), row, days_left)
        return None

    def _display(self, column: int, row: QueueRow, left: int | None) -> str:
        record = row.record
        if column == self.VIA:
            return via_label(record.received_via, current_language())
        if column == self.RECEIVED:
            return record.received_on.isoformat()
        if column == self.DUE:
            return record.due_on.isoformat()
        if column == self.DAYS_LEFT:
            if left is None:
                return ""
            if left < 0:
                return self.tr("OVERDUE · {n} late").format(n=-left)
            if left == 0:
                return self.tr("Due today")
            if left <= DUE_SOON:
                return self.tr("{n} (due soon)").format(n=left)
            return str(left)
        if column == self.REQUESTER:
            contact = (
                format_phone(record.requester_phone) if record.requester_phone else record.requester_email
            )
            return f"{record.requester_name} · {contact}" if contact else record.requester_name
        if column == self.CLIENT:
            if record.client_id is None:
                return self.tr("Not matched")
            if row.client is None:
                return self.tr("File of client {id}").format(id=record.client_id)
            return f"{row.client.last_name}, {row.client.first_name} ({row.client.file_number})"
        if column == self.SCOPE:
            return scope_summary(record.purposes, record.channels, self._offered)
        return ""

    def _tooltip(self, column: int, row: QueueRow) -> str | None:
        record = row.record
        if column == self.REQUESTER:
            return "\n".join(
                part
                for part in (
                    record.requester_name,
                    format_phone(record.requester_phone),
                    record.requester_email,
                )
                if part
            )
        if column == self.SCOPE:
            return f"{purpose_names(record.purposes)}\n{channel_names(record.channels)}"
        return None
