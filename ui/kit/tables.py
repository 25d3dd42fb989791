"""The one way a list of records is shown: whole rows picked one at a time, read-only, one line each."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

__all__ = ["LeadColumnFit", "record_table"]


def record_table(model: QAbstractItemModel, parent: QWidget, object_name: str = "") -> QTableView:
    """A table of ``model``'s rows: one row selected at a time, nothing edited in place, alternating
    colours, no row numbers, the last column taking the width left. Callers adjust what differs."""
    table = QTableView(parent)
    if object_name:
        table.setObjectName(object_name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    return table


class LeadColumnFit(QObject):
    """Keeps a table's first column (the name) readable. It takes the width the other columns (sized to
    their contents) leave; when they leave less than ``minimum``, the last column goes out of sight
    behind the scroll bar instead, and the name keeps at least ``minimum``, elided, whole in its tooltip.
    Refitted when the table or another column changes width."""

    def __init__(self, table: QTableView, minimum: int) -> None:
        super().__init__(table)
        self._table = table
        self._minimum = minimum
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(self._section_resized)
        table.viewport().installEventFilter(self)

    def fit(self) -> None:
        header = self._table.horizontalHeader()
        widths = [header.sectionSize(column) for column in range(1, header.count())]
        room = self._table.viewport().width() - sum(widths)
        if room < self._minimum and widths:
            room = self._table.viewport().width() - sum(widths[:-1])
        header.resizeSection(0, max(self._minimum, room))

    def _section_resized(self, index: int, _old: int, _new: int) -> None:
        if index:  # another column's contents changed its width (the name's own resize is ours)
            self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False
