"""The confidentiality incidents as a table, the most recently discovered first.

An incident with a risk of serious injury whose Commission or people concerned are not yet notified
says "NOTICE DUE" in its row, tinted red, so the flag is never carried by colour alone. A clinic has a
handful of incidents, so they are loaded whole, not a page at a time.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QWidget

from desktop.domain.incidents import IncidentRecord
from ui.kit.i18n import format_date, format_number

__all__ = ["IncidentModel"]

_DUE_BACKGROUND = QColor("#f8d7da")
_DUE_TEXT = QColor("#7a1020")


class IncidentModel(QAbstractTableModel):
    REFERENCE, DISCOVERED, PEOPLE, SERIOUS, NOTIFIED, KEEP_UNTIL = range(6)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[IncidentRecord] = []
        self._headers = self._titles()

    def _titles(self) -> list[str]:
        return [
            self.tr("Reference"),
            self.tr("Discovered on"),
            self.tr("People"),
            self.tr("Serious risk"),
            self.tr("Notified"),
            self.tr("Keep until"),
        ]

    def retranslate(self) -> None:
        self._headers = self._titles()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._headers) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self._headers) - 1))

    def set_records(self, records: list[IncidentRecord]) -> None:
        self.beginResetModel()
        self._rows = sorted(records, key=lambda r: (r.discovered_on, r.reference), reverse=True)
        self.endResetModel()

    def record(self, row: int) -> IncidentRecord | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_for(self, incident_id: int) -> int | None:
        return next((row for row, r in enumerate(self._rows) if r.id == incident_id), None)

    def due_count(self) -> int:
        return sum(1 for r in self._rows if r.notification_due)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def _notified(self, record: IncidentRecord) -> str:
        if record.notification_due:
            return self.tr("NOTICE DUE")
        if record.commission_notified_on is not None and record.people_notified_on is not None:
            latest = max(record.commission_notified_on, record.people_notified_on)
            return self.tr("Notified {date}").format(date=format_date(latest))
        if record.commission_notified_on is not None:
            return self.tr("Commission notified {commission}").format(
                commission=format_date(record.commission_notified_on)
            )
        if record.people_notified_on is not None:
            return self.tr("People notified {people}").format(people=format_date(record.people_notified_on))
        return self.tr("Not required") if not record.serious_injury_risk else ""

    def text(self, record: IncidentRecord, column: int) -> str:
        if column == self.REFERENCE:
            return record.reference
        if column == self.DISCOVERED:
            return format_date(record.discovered_on)
        if column == self.PEOPLE:
            return (
                format_number(record.people_concerned)
                if record.people_concerned is not None
                else self.tr("not known")
            )
        if column == self.SERIOUS:
            return self.tr("Yes") if record.serious_injury_risk else self.tr("No")
        if column == self.NOTIFIED:
            return self._notified(record)
        return format_date(record.keep_until)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        record = self.record(index.row()) if index.isValid() else None
        if record is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(record, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.PEOPLE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if record.notification_due:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(_DUE_BACKGROUND)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(_DUE_TEXT)
            if role == Qt.ItemDataRole.FontRole and column == self.NOTIFIED:
                bold = QFont()
                bold.setBold(True)
                return bold
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NOTIFIED and not record.notification_due:
            return self.tr("Commission: {commission} · people concerned: {people}").format(
                commission=format_date(record.commission_notified_on) or "—",
                people=format_date(record.people_notified_on) or "—",
            )
        if role == Qt.ItemDataRole.ToolTipRole and record.notification_due:
            return self.tr(
                "A risk of serious injury: the Commission d'accès à l'information and the people concerned "
                "must be notified promptly."
            )
        return None
