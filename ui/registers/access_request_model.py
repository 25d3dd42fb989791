"""The open access and rectification requests as a table, the most urgent first.

A request is due 30 calendar days after it was received; once that day has passed it is overdue: its
row says "OVERDUE" and is tinted red, so the flag is never carried by colour alone. A clinic has a
handful of open requests, so they are loaded whole, not a page at a time.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QWidget

from desktop.domain.access_requests import AccessRequestRecord
from desktop.domain.register_enums import AccessAnswerItem, AccessRequestChannel, AccessRequestKind

__all__ = ["DUE_SOON", "AccessRequestModel", "answer_item_name", "channel_name", "kind_name"]

#: A request due within this many days is marked "due soon".
DUE_SOON = 5
_OVERDUE_BACKGROUND = QColor("#f8d7da")
_OVERDUE_TEXT = QColor("#7a1020")
_DUE_SOON_BACKGROUND = QColor("#fff3cd")


def kind_name(kind: AccessRequestKind) -> str:
    return {
        AccessRequestKind.ACCESS: QCoreApplication.translate("AccessRequests", "Access"),
        AccessRequestKind.RECTIFICATION: QCoreApplication.translate("AccessRequests", "Rectification"),
    }[kind]


def channel_name(channel: AccessRequestChannel) -> str:
    return {
        AccessRequestChannel.PHONE: QCoreApplication.translate("AccessRequests", "Phone"),
        AccessRequestChannel.IN_CLINIC: QCoreApplication.translate("AccessRequests", "In person"),
        AccessRequestChannel.EMAIL: QCoreApplication.translate("AccessRequests", "Email"),
        AccessRequestChannel.POST: QCoreApplication.translate("AccessRequests", "Post"),
    }[channel]


def answer_item_name(item: AccessAnswerItem) -> str:
    return {
        AccessAnswerItem.EVIDENCE_PACK: QCoreApplication.translate(
            "AccessRequests", "The client's evidence pack"
        ),
        AccessAnswerItem.FILE_COPY: QCoreApplication.translate("AccessRequests", "A copy of the file"),
        AccessAnswerItem.RECTIFIED_FILE: QCoreApplication.translate("AccessRequests", "The rectified file"),
    }[item]


class AccessRequestModel(QAbstractTableModel):
    """Open requests as the service lists them (overdue first, then by due date)."""

    RECEIVED, KIND, CHANNEL, REQUESTER, FILE, DUE, DAYS_LEFT, IDENTITY = range(8)

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AccessRequestRecord] = []
        self._today = today
        self._headers = self._titles()

    def _titles(self) -> list[str]:
        return [
            self.tr("Received on"),
            self.tr("Kind"),
            self.tr("Received by"),
            self.tr("Requester (as given)"),
            self.tr("File"),
            self.tr("Due date"),
            self.tr("Days left"),
            self.tr("Identity"),
        ]

    def retranslate(self) -> None:
        self._headers = self._titles()
        last = len(self._headers) - 1
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, last)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, last))

    def set_records(self, records: list[AccessRequestRecord], today: date) -> None:
        self.beginResetModel()
        self._rows = list(records)
        self._today = today
        self.endResetModel()

    @property
    def today(self) -> date:
        return self._today

    def record(self, row: int) -> AccessRequestRecord:
        return self._rows[row]

    def row_for_request(self, request_id: int) -> int | None:
        return next((i for i, record in enumerate(self._rows) if record.id == request_id), None)

    def is_overdue(self, row: int) -> bool:
        return self._rows[row].overdue_on(self._today)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            if section == self.DAYS_LEFT:
                return self.tr("Calendar days: the answer is due 30 days after the request was received.")
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        overdue = record.overdue_on(self._today)
        left = record.days_left(self._today)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(index.column(), record)
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
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.REQUESTER:
            return "\n".join(part for part in (record.requester_name, record.requester_contact) if part)
        return None

    def _display(self, column: int, record: AccessRequestRecord) -> str:
        if column == self.RECEIVED:
            return record.received_on.isoformat()
        if column == self.KIND:
            return kind_name(record.kind)
        if column == self.CHANNEL:
            return channel_name(record.channel)
        if column == self.REQUESTER:
            return record.requester_name
        if column == self.FILE:
            return record.file_number or self.tr("Not matched")
        if column == self.DUE:
            return record.due_on.isoformat()
        if column == self.DAYS_LEFT:
            left = record.days_left(self._today)
            if left < 0:
                return self.tr("OVERDUE · {n} day(s) late").format(n=-left)
            if left == 0:
                return self.tr("Due today")
            if left <= DUE_SOON:
                return self.tr("{n} (due soon)").format(n=left)
            return str(left)
        if column == self.IDENTITY:
            return self.tr("Verified") if record.identity_verified_at is not None else self.tr("Not verified")
        return ""
